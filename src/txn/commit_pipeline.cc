#include "txn/commit_pipeline.h"

#include <algorithm>
#include <chrono>
#include <functional>

#include "common/exception.h"
#include "common/types/date_time.h"
#include "storage/version_key.h"

namespace heliosdb {

namespace {

Status SerializationFailure() {
  return Status::Error(sqlstate::kSerializationFailure,
                       "could not serialize access due to concurrent update");
}

}  // namespace

uint64_t TransactionManager::Impl::KeyHash(BranchId branch, ObjectId object, std::string_view key) {
  uint64_t h = std::hash<std::string_view>()(key);
  h ^= (uint64_t{branch} << 32 | object) * 0x9E3779B97F4A7C15ULL;
  return h * 0xFF51AFD7ED558CCDULL;
}

TransactionManager::Impl::Impl(KvStore* kv) : kv_(kv), branches_(kv) {
  // The last SCN is the larger of the meta record and the newest time-map entry: concurrent
  // commits may reach the log out of SCN order, so the meta record alone can lag behind.
  Scn last = 0;
  std::string v;
  if (kv_->Get(MetaKey("last_scn"), &v) && v.size() == 8) last = GetFixed64BE(v.data());
  auto it = kv_->NewIterator(KvReadOptions());
  it->SeekForPrev(TimeMapKey(UINT64_MAX));
  if (it->Valid() && it->key().size() == 9 && it->key()[0] == kTimePrefix) {
    last = std::max(last, GetFixed64BE(it->key().data() + 1));
  }
  last_assigned_ = last;
  last_committed_.store(last, std::memory_order_release);
}

namespace {
// Whether the newest committed version of (object, key) is newer than the snapshot.
bool NewerVersion(KvIterator& it, const Snapshot& snapshot, ObjectId object,
                  std::string_view key, std::string* seek) {
  seek->clear();
  // The newest possible version of the key: suffix ~UINT64_MAX = 0x00 x 8.
  AppendVersionKey(snapshot.branch, object, key, UINT64_MAX, seek);
  it.Seek(*seek);
  if (!it.Valid()) return false;
  std::string_view k = it.key();
  if (k.size() != seek->size() || k.compare(0, seek->size() - kScnSuffixSize, seek->data(),
                                            seek->size() - kScnSuffixSize) != 0) {
    return false;
  }
  Scn newest_scn = ~GetFixed64BE(k.data() + k.size() - kScnSuffixSize);
  return newest_scn > snapshot.scn;
}
}  // namespace

bool TransactionManager::Impl::ConflictsInStore(BranchId branch, const WriteSet& writes) {
  KvReadOptions ro;
  ro.prefix_same_as_start = true;
  ro.fill_cache = false;  // a bulk load should not flush the cache through conflict checks
  auto it = kv_->NewIterator(ro);
  std::string seek;
  for (const auto& [wk, newest] : writes.index()) {
    Snapshot base;  // conflicts are within the branch's own keyspace: no parents needed
    base.branch = branch;
    base.scn = writes.entry(newest).base;
    if (NewerVersion(*it, base, wk.object, wk.key, &seek)) return true;
  }
  return false;
}

std::unique_ptr<KvIterator> TransactionManager::Impl::TakePointReader() {
  std::unique_ptr<KvIterator> reader;
  {
    std::lock_guard lock(readers_mu_);
    if (!readers_.empty()) {
      reader = std::move(readers_.back());
      readers_.pop_back();
    }
  }
  if (reader && reader->Refresh()) return reader;
  KvReadOptions ro;
  ro.prefix_same_as_start = true;
  return kv_->NewIterator(ro);
}

void TransactionManager::Impl::ReturnPointReader(std::unique_ptr<KvIterator> reader) {
  constexpr size_t kMaxPooled = 64;  // about one per concurrently active connection
  std::lock_guard lock(readers_mu_);
  if (readers_.size() < kMaxPooled) readers_.push_back(std::move(reader));
}

Scn TransactionManager::Impl::OpenSnapshot(Scn scn) {
  std::lock_guard lock(snapshots_mu_);
  if (scn == 0) scn = last_committed();
  snapshots_.insert(scn);
  return scn;
}

void TransactionManager::Impl::CloseSnapshot(Scn scn) {
  std::lock_guard lock(snapshots_mu_);
  auto it = snapshots_.find(scn);
  if (it != snapshots_.end()) snapshots_.erase(it);
}

Scn TransactionManager::Impl::OldestSnapshot() {
  std::lock_guard lock(snapshots_mu_);
  return snapshots_.empty() ? last_committed() : *snapshots_.begin();
}

bool TransactionManager::Impl::ChangedAfter(const Snapshot& snapshot, ObjectId object,
                                            std::string_view key) {
  KvReadOptions ro;
  ro.prefix_same_as_start = true;
  auto it = kv_->NewIterator(ro);
  std::string seek;
  return NewerVersion(*it, snapshot, object, key, &seek);
}

bool TransactionManager::Impl::ConflictsInFlight(BranchId branch,
                                                 const std::vector<uint64_t>& hashes) const {
  // Every in-flight commit has an SCN above every open snapshot (it is not yet published), so
  // any shared key is a conflict. A hash collision only causes a spurious, retryable 40001.
  for (const InFlight* other : in_flight_) {
    if (other->branch != branch) continue;
    const std::vector<uint64_t>& theirs = *other->key_hashes;
    for (uint64_t h : hashes) {
      if (std::binary_search(theirs.begin(), theirs.end(), h)) return true;
    }
  }
  return false;
}

namespace {

// Calls put(key parts, value parts) for every version of the commit, in key order.
template <typename Put>
void ForEachVersion(BranchId branch, const WriteSet& writes, Scn scn, Put put) {
  std::string prefix, suffix;
  AppendScnSuffix(scn, &suffix);
  static constexpr char kPutTag[1] = {static_cast<char>(VersionTag::kPut)};
  static constexpr char kTombstoneTag[1] = {static_cast<char>(VersionTag::kTombstone)};
  ObjectId prefix_object = 0;
  for (const auto& [wk, newest] : writes.index()) {
    if (prefix.empty() || wk.object != prefix_object) {
      prefix.clear();
      AppendObjectPrefix(branch, wk.object, &prefix);
      prefix_object = wk.object;
    }
    const WriteEntry& e = writes.entry(newest);
    std::string_view tag(e.tombstone ? kTombstoneTag : kPutTag, 1);
    put({prefix, wk.key, suffix}, {tag, e.value});
  }
}

// The commit's records besides its versions: the last SCN and the time-map entry.
std::vector<std::pair<std::string, std::string>> CommitRecords(Scn scn) {
  std::string scn_bytes, time_bytes;
  PutFixed64BE(scn, &scn_bytes);
  PutFixed64BE(static_cast<uint64_t>(CurrentTimestamp()), &time_bytes);
  std::vector<std::pair<std::string, std::string>> records{{MetaKey("last_scn"), scn_bytes},
                                                           {TimeMapKey(scn), time_bytes}};
  std::sort(records.begin(), records.end());
  return records;
}

}  // namespace

Status TransactionManager::Impl::WriteVersions(BranchId branch, const WriteSet& writes,
                                               Scn scn, bool sync) {
  KvWriteBatch batch;
  ForEachVersion(branch, writes, scn,
                 [&](std::initializer_list<std::string_view> key,
                     std::initializer_list<std::string_view> value) { batch.PutParts(key, value); });
  for (const auto& [key, value] : CommitRecords(scn)) batch.Put(key, value);
  return kv_->Write(&batch, sync);
}

// Bulk loads: the versions go into a table file of their own (in key order already) and the
// commit records into a second one, ingested together: atomic and durable without the log,
// and the versions' file lands at the lowest level its key range allows instead of passing
// through the memtable and every compaction above it.
Status TransactionManager::Impl::IngestVersions(BranchId branch, const WriteSet& writes,
                                                Scn scn) {
  std::unique_ptr<KvIngestBatch> batch = kv_->NewIngestBatch();
  batch->BeginRun();
  ForEachVersion(branch, writes, scn,
                 [&](std::initializer_list<std::string_view> key,
                     std::initializer_list<std::string_view> value) { batch->PutParts(key, value); });
  batch->BeginRun();
  for (const auto& [key, value] : CommitRecords(scn)) batch->PutParts({key}, {value});
  return kv_->Ingest(batch.get());
}

Status TransactionManager::Impl::Commit(BranchId branch, const WriteSet& writes, bool sync,
                                        Scn* commit_scn) {
  std::vector<uint64_t> hashes;
  hashes.reserve(writes.key_count());
  Scn oldest_base = UINT64_MAX;
  for (const auto& [wk, newest] : writes.index()) {
    hashes.push_back(KeyHash(branch, wk.object, wk.key));
    oldest_base = std::min(oldest_base, writes.entry(newest).base);
  }
  std::sort(hashes.begin(), hashes.end());

  // 1. Validate against the store without holding the lock, unless nothing committed since
  //    the oldest base (the common case of one writer: no seek per written key).
  uint64_t landed_before = landed_.load(std::memory_order_acquire);
  bool validated = false;
  if (last_committed() != oldest_base) {
    if (ConflictsInStore(branch, writes)) return SerializationFailure();
    validated = true;
  }

  // 2. Re-validate what may have changed, take an SCN, go in flight. Only a transaction that
  //    took an SCN after the oldest base can have written a newer version.
  InFlight mine{branch, &hashes};
  Scn scn;
  {
    std::unique_lock lock(mu_);
    if (ConflictsInFlight(branch, hashes)) return SerializationFailure();
    bool others_since_snapshot = last_assigned_ != oldest_base;
    if (others_since_snapshot &&
        (!validated || landed_.load(std::memory_order_acquire) != landed_before) &&
        ConflictsInStore(branch, writes)) {
      return SerializationFailure();
    }
    scn = ++last_assigned_;
    in_flight_.push_back(&mine);
  }

  // 3. One atomic write: every version, the last-SCN record and the time-map entry. A branch
  //    notes the objects first, so a snapshot that sees this SCN reads their keyspace.
  if (branch != kMainBranch) {
    ObjectSet objects;
    for (const auto& [wk, newest] : writes.index())
      if (objects.empty() || objects.back() != wk.object) objects.push_back(wk.object);
    branches_.NoteWritten(branch, objects);
  }
  Status status;
  try {
    status = writes.arena_bytes() >= kIngestBytes ? IngestVersions(branch, writes, scn)
                                                  : WriteVersions(branch, writes, scn, sync);
  } catch (const DbException& e) {
    status = e.status();
  } catch (const std::bad_alloc&) {
    status = Status::Error(sqlstate::kOutOfMemory, "out of memory");
  }

  Publish(scn, &mine);
  if (!status.ok()) return status;
  if (commit_scn != nullptr) *commit_scn = scn;
  return Status::OK();
}

void TransactionManager::Impl::Publish(Scn scn, InFlight* mine) {
  std::unique_lock lock(mu_);
  in_flight_.erase(std::find(in_flight_.begin(), in_flight_.end(), mine));
  landed_.fetch_add(1, std::memory_order_acq_rel);
  // SCNs become visible in order: wait for the commits that took smaller SCNs.
  published_.wait(lock, [&] { return last_committed_.load(std::memory_order_relaxed) == scn - 1; });
  last_committed_.store(scn, std::memory_order_release);
  published_.notify_all();
}

}  // namespace heliosdb
