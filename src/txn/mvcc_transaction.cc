#include "txn/mvcc_transaction.h"

#include "common/exception.h"
#include "storage/version_key.h"

namespace heliosdb {

MvccTransaction::MvccTransaction(TransactionManager::Impl* manager, const Snapshot& snapshot,
                                 const TransactionOptions& options)
    : manager_(manager),
      snapshot_(snapshot),
      options_(options),
      id_(manager->NextTransactionId()) {}

MvccTransaction::~MvccTransaction() {
  if (point_reader_) manager_->ReturnPointReader(std::move(point_reader_));
  Finish();
}

void MvccTransaction::Finish() {
  if (!finished_) manager_->CloseSnapshot(snapshot_.scn);
  finished_ = true;
  manager_->row_locks().ReleaseAll(id_, locks_);
  locks_.clear();
}

void MvccTransaction::CheckActive() const {
  if (finished_) {
    ThrowError(sqlstate::kInvalidTransactionState, "transaction is already finished");
  }
}

void MvccTransaction::CheckWritable() const {
  CheckActive();
  if (options_.read_only) {
    ThrowError(sqlstate::kReadOnlySqlTransaction,
               "cannot execute a write in a read-only transaction");
  }
}

std::optional<std::string> MvccTransaction::Get(ObjectId object, std::string_view key) {
  CheckActive();
  if (const WriteEntry* own = writes_.Find(object, key)) {
    if (own->tombstone) return std::nullopt;
    return std::string(own->value);
  }
  std::unique_lock<std::mutex> lock(point_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) {
    // Another thread of a parallel plan holds the transaction's reader: borrow one from the
    // pool (refreshed, so it sees the snapshot) instead of waiting.
    std::unique_ptr<KvIterator> reader = manager_->TakePointReader();
    std::string seek;
    std::string_view row;
    std::optional<std::string> out;
    if (ReadVisible(reader.get(), snapshot_, object, key, &seek, &row)) out.emplace(row);
    manager_->ReturnPointReader(std::move(reader));
    return out;
  }
  if (!point_reader_) point_reader_ = manager_->TakePointReader();
  std::string_view row;
  if (!ReadVisible(point_reader_.get(), snapshot_, object, key, &seek_buf_, &row)) {
    return std::nullopt;
  }
  return std::string(row);
}

std::optional<std::string> MvccTransaction::GetUnstored(ObjectId object, std::string_view key) {
  CheckActive();
  const WriteEntry* own = writes_.Find(object, key);
  if (!own || own->tombstone) return std::nullopt;
  return std::string(own->value);
}

std::unique_ptr<RowIterator> MvccTransaction::Scan(ObjectId object, std::string_view lower,
                                                   std::string_view upper) {
  CheckActive();
  return std::make_unique<MergedRowIterator>(manager_->kv(), snapshot_, &writes_, object, lower,
                                             upper);
}

void MvccTransaction::Put(ObjectId object, std::string_view key, std::string_view value) {
  CheckWritable();
  writes_.Put(object, key, value, snapshot_.scn);
}

void MvccTransaction::Delete(ObjectId object, std::string_view key) {
  CheckWritable();
  writes_.Delete(object, key, snapshot_.scn);
}

bool MvccTransaction::ChangedSinceSnapshot(ObjectId object, std::string_view key) {
  CheckActive();
  return manager_->ChangedAfter(snapshot_, object, key);
}

bool MvccTransaction::LockRow(ObjectId object, std::string_view key, const LockWaitLimits& limits) {
  CheckWritable();
  uint64_t hash = TransactionManager::Impl::KeyHash(snapshot_.branch, object, key);
  RowLockTable::Outcome outcome = manager_->row_locks().Lock(id_, hash, limits);
  if (outcome != RowLockTable::Outcome::kAlreadyHeld) locks_.push_back(hash);
  return outcome == RowLockTable::Outcome::kAfterWait;
}

void MvccTransaction::RefreshSnapshot() {
  CheckActive();
  Scn newest = manager_->OpenSnapshot(0);
  manager_->CloseSnapshot(snapshot_.scn);
  snapshot_.scn = newest;
  // The point reader must see what committed since it was created (or refreshed).
  if (point_reader_ && !point_reader_->Refresh()) point_reader_.reset();
}

bool MvccTransaction::KeyBounds(ObjectId object, std::string_view lower, std::string_view upper,
                                std::string* first, std::string* last) {
  CheckActive();
  KvReadOptions ro;
  ro.fill_cache = false;
  std::unique_ptr<KvIterator> it = manager_->kv()->NewIterator(ro);
  bool any = false;
  // On a branch the keys of every keyspace of the chain count (versions above a cap too:
  // the bounds only split work).
  std::vector<BranchId> branches{snapshot_.branch};
  for (const BranchLayer& p : snapshot_.parents) branches.push_back(p.branch);
  for (BranchId branch : branches) {
    std::string begin, end;
    AppendObjectPrefix(branch, object, &begin);
    end = begin;
    begin.append(lower);
    if (upper.empty()) {
      end = ObjectEnd(branch, object);
    } else {
      end.append(upper);
    }
    ParsedVersionKey parsed;
    it->Seek(begin);
    if (!it->Valid() || it->key() >= end || !ParseVersionKey(it->key(), &parsed)) continue;
    if (!any || parsed.user_key < *first) first->assign(parsed.user_key);
    // Versioned keys extend their user key, so the last one below `end` is the last key < upper.
    it->SeekForPrev(end);  // no versioned key equals `end`: it lacks the SCN suffix
    if (!it->Valid() || it->key() < begin || !ParseVersionKey(it->key(), &parsed)) continue;
    if (!any || parsed.user_key > *last) last->assign(parsed.user_key);
    any = true;
  }
  return any;
}

void MvccTransaction::Savepoint(const std::string& name) {
  CheckActive();
  writes_.Savepoint(name);
}

Status MvccTransaction::RollbackToSavepoint(const std::string& name) {
  CheckActive();
  return writes_.RollbackToSavepoint(name);
}

Status MvccTransaction::ReleaseSavepoint(const std::string& name) {
  CheckActive();
  return writes_.ReleaseSavepoint(name);
}

Status MvccTransaction::Commit(Scn* commit_scn) {
  CheckActive();
  manager_->CloseSnapshot(snapshot_.scn);
  finished_ = true;
  if (point_reader_) manager_->ReturnPointReader(std::move(point_reader_));
  Status s;
  if (writes_.empty()) {
    if (commit_scn != nullptr) *commit_scn = snapshot_.scn;
  } else {
    s = manager_->Commit(snapshot_.branch, writes_, options_.synchronous_commit, commit_scn);
  }
  // Only now: a writer waiting for one of these rows must find the published versions.
  Finish();
  writes_.Clear();
  return s;
}

void MvccTransaction::Rollback() {
  Finish();
  if (point_reader_) manager_->ReturnPointReader(std::move(point_reader_));
  writes_.Clear();
}

}  // namespace heliosdb
