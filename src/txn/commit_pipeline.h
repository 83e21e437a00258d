// CommitPipeline: assigns commit SCNs, detects write-write conflicts (first committer wins)
// and makes commits durable and visible in SCN order. It is TransactionManager::Impl.
//
// A commit goes through three steps:
//   1. validate (mostly outside the lock): for every written key, the newest committed version
//      must not be newer than the snapshot the key was first written under (WriteEntry::base:
//      the transaction's snapshot, or under READ COMMITTED the statement's). Checked against the
//      store through a prefix-bloom-filtered seek, and against the commits "in flight" (SCN
//      assigned, batch not yet in the store) through the hashes of their keys. Under the lock the
//      store check is repeated only if some commit landed since the first check.
//   2. under the lock: assign SCN = last assigned + 1 and register as in flight. The lock is
//      then released: the batch write (and its fsync) happens outside it, so RocksDB groups
//      the log writes and fsyncs of concurrent committers (group commit).
//   3. after the write: leave the in-flight set, then wait until every smaller SCN is
//      published and publish ours (last_committed_scn), so a snapshot never sees SCN n without
//      every SCN < n that will ever be visible.
// Row locks (row_locks()) are released by the transaction after step 3, so a writer that
// waited for this one reads its published versions.
// A failed write leaves a hole in the SCN sequence, which is harmless.
//
// Thread safety: all methods are thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <vector>

#include "storage/kv_store.h"
#include "txn/branch_registry.h"
#include "txn/row_lock_table.h"
#include "txn/transaction_manager.h"
#include "txn/visible_iterator.h"
#include "txn/write_set.h"

namespace heliosdb {

struct TransactionManager::Impl {
 public:
  explicit Impl(KvStore* kv);

  KvStore* kv() const { return kv_; }
  BranchRegistry& branches() { return branches_; }
  Scn last_committed() const { return last_committed_.load(std::memory_order_acquire); }

  // Commits `writes` made on `branch`. On success *commit_scn is the new SCN.
  // Returns 40001 on a write-write conflict (nothing written), 58030/53100/... on I/O errors.
  Status Commit(BranchId branch, const WriteSet& writes, bool sync, Scn* commit_scn);
  // True if a version of (object, key) newer than the snapshot is committed.
  bool ChangedAfter(const Snapshot& snapshot, ObjectId object, std::string_view key);

  // The hash that names (branch, object, key) in the in-flight set and the row lock table.
  static uint64_t KeyHash(BranchId branch, ObjectId object, std::string_view key);
  uint64_t NextTransactionId() { return next_txn_id_.fetch_add(1, std::memory_order_relaxed); }
  RowLockTable& row_locks() { return row_locks_; }

  // Point-read iterators are pooled across transactions: creating a RocksDB iterator costs
  // more than a point read, and short autocommit transactions each need one. A taken iterator
  // is refreshed, so it sees every commit published before the caller's snapshot.
  std::unique_ptr<KvIterator> TakePointReader();
  void ReturnPointReader(std::unique_ptr<KvIterator> reader);

  // The registry of open snapshots, so that old versions they can see outlive the retention
  // window while they run. OpenSnapshot(0) registers the last published SCN, read under the
  // registry's lock: a snapshot taken after OldestSnapshot() returned is never older than it.
  Scn OpenSnapshot(Scn scn);
  void CloseSnapshot(Scn scn);
  // The oldest registered snapshot, or the last published SCN when none is open.
  Scn OldestSnapshot();

 private:
  struct InFlight {
    BranchId branch;
    const std::vector<uint64_t>* key_hashes;  // sorted
  };

  // True when some key of `writes` has a committed version newer than its entry's base.
  bool ConflictsInStore(BranchId branch, const WriteSet& writes);
  // REQUIRES: mu_ held.
  bool ConflictsInFlight(BranchId branch, const std::vector<uint64_t>& hashes) const;
  void Publish(Scn scn, InFlight* mine);
  // Step 3 of Commit: through the log and memtable, or, for writes of kIngestBytes or more,
  // as ingested table files.
  static constexpr size_t kIngestBytes = size_t{4} << 20;
  Status WriteVersions(BranchId branch, const WriteSet& writes, Scn scn, bool sync);
  Status IngestVersions(BranchId branch, const WriteSet& writes, Scn scn);

  KvStore* kv_;
  BranchRegistry branches_;
  RowLockTable row_locks_;
  std::atomic<uint64_t> next_txn_id_{1};
  std::mutex readers_mu_;
  std::vector<std::unique_ptr<KvIterator>> readers_;  // guarded by readers_mu_
  std::atomic<Scn> last_committed_{0};
  std::atomic<uint64_t> landed_{0};  // commits that have left the in-flight set

  std::mutex snapshots_mu_;
  std::multiset<Scn> snapshots_;  // guarded by snapshots_mu_

  std::mutex mu_;
  std::condition_variable published_;
  Scn last_assigned_ = 0;             // guarded by mu_
  std::vector<InFlight*> in_flight_;  // guarded by mu_
};

}  // namespace heliosdb
