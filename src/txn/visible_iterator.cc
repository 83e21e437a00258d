#include "txn/visible_iterator.h"

#include "storage/version_key.h"

namespace heliosdb {

namespace {

// A key with many versions newer than the snapshot (or older than the visible one) is left
// with one Seek instead of walking them all; a few Next() calls are cheaper for the common case
// of one or two versions.
constexpr int kNextsBeforeSeek = 4;

// True when raw key `k` is a version of (prefix + user_key).
bool IsVersionOf(std::string_view k, std::string_view prefix_and_key) {
  return k.size() == prefix_and_key.size() + kScnSuffixSize &&
         k.compare(0, prefix_and_key.size(), prefix_and_key) == 0;
}

}  // namespace

bool ReadVisible(KvIterator* it, const Snapshot& snapshot, ObjectId object, std::string_view key,
                 std::string* seek_buf, std::string_view* row) {
  seek_buf->clear();
  AppendVersionKey(snapshot.branch, object, key, snapshot.scn, seek_buf);
  it->Seek(*seek_buf);
  // (Branch read-through goes here: no version in this branch -> parent at the fork SCN.)
  if (!it->Valid()) return false;
  std::string_view found = it->key();
  if (!IsVersionOf(found, VersionKeyPrefix(*seek_buf))) return false;
  std::string_view v = it->value();
  if (v.empty() || static_cast<VersionTag>(v[0]) != VersionTag::kPut) return false;
  *row = v.substr(1);
  return true;
}

// ---- StoreCursor ----

StoreCursor::StoreCursor(std::unique_ptr<KvIterator> it, const Snapshot& snapshot, ObjectId object,
                         std::string_view lower, std::string_view upper)
    : it_(std::move(it)), snapshot_(snapshot), lower_(lower), upper_(upper) {
  AppendObjectPrefix(snapshot.branch, object, &prefix_);
  buf_ = prefix_;
  buf_.append(lower);
  it_->Seek(buf_);
  Settle();
}

void StoreCursor::SkipCurrentKey(std::string_view user_key) {
  buf_.assign(prefix_);
  buf_.append(user_key);
  for (int i = 0; i < kNextsBeforeSeek; i++) {
    it_->Next();
    if (!it_->Valid() || !IsVersionOf(it_->key(), buf_)) return;
  }
  // SCN 0 is never assigned, so the suffix ~0 sorts after every version of the key.
  AppendScnSuffix(0, &buf_);
  it_->Seek(buf_);
}

void StoreCursor::SeekVisibleVersion(std::string_view user_key) {
  buf_.assign(prefix_);
  buf_.append(user_key);
  for (int i = 0; i < kNextsBeforeSeek; i++) {
    it_->Next();
    if (!it_->Valid() || !IsVersionOf(it_->key(), buf_)) return;
    if (~GetFixed64BE(it_->key().data() + it_->key().size() - kScnSuffixSize) <= snapshot_.scn) {
      return;
    }
  }
  AppendScnSuffix(snapshot_.scn, &buf_);
  it_->Seek(buf_);
}

void StoreCursor::Settle() {
  valid_ = false;
  while (it_->Valid()) {
    std::string_view k = it_->key();
    if (k.size() < kMinVersionKeySize || k.compare(0, prefix_.size(), prefix_) != 0) return;
    std::string_view user_key = k.substr(kObjectPrefixSize, k.size() - kMinVersionKeySize);
    if (!upper_.empty() && user_key >= upper_) return;
    if (user_key < lower_) {  // only when lower is not a whole key: a shorter key sorts here
      SkipCurrentKey(user_key);
      continue;
    }
    Scn scn = ~GetFixed64BE(k.data() + k.size() - kScnSuffixSize);
    if (scn > snapshot_.scn) {  // committed after our snapshot: invisible
      SeekVisibleVersion(user_key);
      continue;
    }
    std::string_view v = it_->value();
    if (v.empty() || static_cast<VersionTag>(v[0]) != VersionTag::kPut) {  // deleted
      SkipCurrentKey(user_key);
      continue;
    }
    key_ = user_key;
    value_ = v.substr(1);
    valid_ = true;
    return;
  }
}

void StoreCursor::Next() {
  SkipCurrentKey(key_);
  Settle();
}

// ---- MergedRowIterator ----

MergedRowIterator::MergedRowIterator(std::unique_ptr<KvIterator> it, const Snapshot& snapshot,
                                     const WriteSet* writes, ObjectId object,
                                     std::string_view lower, std::string_view upper)
    : store_(std::move(it), snapshot, object, lower, upper),
      writes_(writes),
      object_(object),
      upper_(upper),
      horizon_(writes->position()) {
  w_ = writes_->index().lower_bound(WriteKey{object, lower});
  SettleWrites();
  Settle();
}

bool MergedRowIterator::WritesInRange() const {
  return w_ != writes_->index().end() && w_->first.object == object_ &&
         (upper_.empty() || w_->first.key < upper_);
}

void MergedRowIterator::SettleWrites() {
  w_entry_ = WriteEntry::kNone;
  for (; WritesInRange(); ++w_) {
    w_entry_ = writes_->VisibleAt(w_->second, horizon_);
    if (w_entry_ != WriteEntry::kNone) return;
  }
}

void MergedRowIterator::Settle() {
  while (true) {
    bool s = store_.Valid();
    if (w_entry_ == WriteEntry::kNone) {
      current_ = s ? Source::kStore : Source::kNone;
      return;
    }
    int cmp = s ? store_.key().compare(w_entry().key) : 1;
    if (cmp < 0) {
      current_ = Source::kStore;
      return;
    }
    if (cmp == 0) store_.Next();  // our own write replaces the stored version
    if (!w_entry().tombstone) {
      current_ = Source::kWrites;
      return;
    }
    ++w_;  // our own delete: hides the stored row, shows nothing
    SettleWrites();
  }
}

void MergedRowIterator::Next() {
  if (current_ == Source::kStore) {
    store_.Next();
  } else if (current_ == Source::kWrites) {
    ++w_;
    SettleWrites();
  }
  Settle();
}

std::string_view MergedRowIterator::key() const {
  return current_ == Source::kStore ? store_.key() : w_entry().key;
}

std::string_view MergedRowIterator::value() const {
  return current_ == Source::kStore ? store_.value() : w_entry().value;
}

}  // namespace heliosdb
