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

namespace {
enum class Found { kNone, kPut, kTombstone };

// The version of (object, key) that one keyspace holds at or below cap.
Found ReadLayer(KvIterator* it, BranchLayer layer, ObjectId object, std::string_view key,
                std::string* seek_buf, std::string_view* row) {
  seek_buf->clear();
  AppendVersionKey(layer.branch, object, key, layer.cap, seek_buf);
  it->Seek(*seek_buf);
  if (!it->Valid()) return Found::kNone;
  std::string_view found = it->key();
  if (!IsVersionOf(found, VersionKeyPrefix(*seek_buf))) return Found::kNone;
  std::string_view v = it->value();
  if (v.empty() || static_cast<VersionTag>(v[0]) != VersionTag::kPut) return Found::kTombstone;
  *row = v.substr(1);
  return Found::kPut;
}
}  // namespace

bool ReadVisible(KvIterator* it, const Snapshot& snapshot, ObjectId object, std::string_view key,
                 std::string* seek_buf, std::string_view* row) {
  BranchLayer own{snapshot.branch, snapshot.scn, snapshot.written};
  Found f = own.MayHold(object) ? ReadLayer(it, own, object, key, seek_buf, row) : Found::kNone;
  // No version on the branch: the parent's as of the fork point, up the chain.
  for (size_t i = 0; f == Found::kNone && i < snapshot.parents.size(); i++)
    if (snapshot.parents[i].MayHold(object))
      f = ReadLayer(it, snapshot.parents[i], object, key, seek_buf, row);
  return f == Found::kPut;
}

// ---- LayerCursor ----

LayerCursor::LayerCursor(std::unique_ptr<KvIterator> it, BranchLayer layer, ObjectId object,
                         std::string_view lower, std::string_view upper, bool keep_tombstones)
    : it_(std::move(it)),
      cap_(layer.cap),
      keep_tombstones_(keep_tombstones),
      lower_(lower),
      upper_(upper) {
  AppendObjectPrefix(layer.branch, object, &prefix_);
  buf_ = prefix_;
  buf_.append(lower);
  it_->Seek(buf_);
  Settle();
}

void LayerCursor::SkipCurrentKey(std::string_view user_key) {
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

void LayerCursor::SeekVisibleVersion(std::string_view user_key) {
  buf_.assign(prefix_);
  buf_.append(user_key);
  for (int i = 0; i < kNextsBeforeSeek; i++) {
    it_->Next();
    if (!it_->Valid() || !IsVersionOf(it_->key(), buf_)) return;
    if (~GetFixed64BE(it_->key().data() + it_->key().size() - kScnSuffixSize) <= cap_) return;
  }
  AppendScnSuffix(cap_, &buf_);
  it_->Seek(buf_);
}

void LayerCursor::Settle() {
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
    if (scn > cap_) {  // committed after our snapshot (or the fork): invisible
      SeekVisibleVersion(user_key);
      continue;
    }
    std::string_view v = it_->value();
    tombstone_ = v.empty() || static_cast<VersionTag>(v[0]) != VersionTag::kPut;
    if (tombstone_ && !keep_tombstones_) {
      SkipCurrentKey(user_key);
      continue;
    }
    key_ = user_key;
    value_ = tombstone_ ? std::string_view() : v.substr(1);
    valid_ = true;
    return;
  }
}

void LayerCursor::Next() {
  SkipCurrentKey(key_);
  Settle();
}

// ---- StoreCursor ----

StoreCursor::StoreCursor(KvStore* kv, const Snapshot& snapshot, ObjectId object,
                         std::string_view lower, std::string_view upper) {
  // Only the keyspaces that may hold the object; one left takes main's path.
  std::vector<BranchLayer> read{{snapshot.branch, snapshot.scn, snapshot.written}};
  read.insert(read.end(), snapshot.parents.begin(), snapshot.parents.end());
  std::erase_if(read, [&](const BranchLayer& l) { return !l.MayHold(object); });
  if (read.empty()) return;
  bool chain = read.size() > 1;
  layers_.reserve(read.size());
  for (const BranchLayer& layer : read) {
    KvReadOptions ro;
    ro.upper_bound = ObjectEnd(layer.branch, object);
    layers_.emplace_back(kv->NewIterator(ro), layer, object, lower, upper, chain);
  }
  Settle();
}

void StoreCursor::Settle() {
  if (layers_.size() <= 1) {  // one keyspace: the layer skips tombstones itself
    valid_ = !layers_.empty() && layers_[0].Valid();
    if (valid_) {
      key_ = layers_[0].key();
      value_ = layers_[0].value();
    }
    return;
  }
  while (true) {
    LayerCursor* winner = nullptr;
    for (LayerCursor& l : layers_)
      if (l.Valid() && (winner == nullptr || l.key() < winner->key())) winner = &l;
    valid_ = winner != nullptr;
    if (!valid_) return;
    current_.assign(winner->key());
    if (!winner->tombstone()) {
      key_ = current_;
      value_ = winner->value();
      return;
    }
    for (LayerCursor& l : layers_)  // deleted on the nearest keyspace that has the key
      if (l.Valid() && l.key() == current_) l.Next();
  }
}

void StoreCursor::Next() {
  if (layers_.size() == 1) {
    layers_[0].Next();
  } else {
    for (LayerCursor& l : layers_)
      if (l.Valid() && l.key() == current_) l.Next();
  }
  Settle();
}

// ---- MergedRowIterator ----

MergedRowIterator::MergedRowIterator(KvStore* kv, const Snapshot& snapshot,
                                     const WriteSet* writes, ObjectId object,
                                     std::string_view lower, std::string_view upper)
    : store_(kv, snapshot, object, lower, upper),
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
