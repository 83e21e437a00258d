// BranchRegistry: the database branches, (name, parent, fork SCN) each, kept in memory and
// persisted as metadata records (storage/version_key.h, 'm' "branch/"):
//
//   'm' "branch/" | id u32 BE  ->  | parent u32 BE | fork SCN u64 BE | created_at i64 BE |
//                                  | status u8 (0 = active, 1 = merged) | name bytes |
//
// Every database has `main` (id kMainBranch, no parent, fork SCN 0); it exists without a
// record. Creating a branch writes only its record: O(1), no data is copied. A snapshot on a
// branch reads its own keyspace first and falls through to its parent as of the fork SCN,
// recursively (txn/visible_iterator.h): Layers() gives that chain. Ids are never reused, so
// the keyspace of a dropped branch can be removed in the background without confusing a new
// one.
//
// Written objects: per branch other than main, the sorted set of objects (tables, indexes,
// catalog) it has ever written a version of, so a read skips a keyspace that holds nothing
// for the object (a fresh branch's point read costs one seek, as on main). Recovered at open
// with one seek per (branch, object); grown by the commit pipeline before a commit's batch is
// written, so every snapshot that can see a version finds its object in the set. The sets are
// immutable once published (copy on write): a snapshot keeps the ones it took.
// Thread safety: all methods are thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "heliosdb/status.h"
#include "txn/transaction.h"

namespace heliosdb {

class KvStore;

struct BranchInfo {
  BranchId id = kMainBranch;
  std::string name;
  BranchId parent = 0;  // 0: none (main)
  Scn fork_scn = 0;
  int64_t created_at = 0;  // microseconds since 2000-01-01 UTC
  bool merged = false;     // merged into its parent at least once
};

// The objects a branch has written to, sorted.
using ObjectSet = std::vector<ObjectId>;

// One keyspace a snapshot reads, and the newest SCN it may see there.
struct BranchLayer {
  BranchId branch = kMainBranch;
  Scn cap = 0;
  // The objects the keyspace may hold versions of; null: any (main).
  std::shared_ptr<const ObjectSet> written;

  // False when the keyspace certainly holds no version of the object.
  bool MayHold(ObjectId object) const;
};

class BranchRegistry {
 public:
  explicit BranchRegistry(KvStore* kv);  // loads the records; throws DbException on I/O errors

  std::optional<BranchInfo> Find(const std::string& name) const;
  std::optional<BranchInfo> Get(BranchId id) const;
  std::vector<BranchInfo> List() const;  // by id
  bool HasChildren(BranchId id) const;

  // Writes the record of a new branch (fsynced when sync, as a commit). The caller checked the name is free and the
  // parent exists; 42P04 when the name was taken meanwhile.
  Result<BranchInfo> Create(const std::string& name, BranchId parent, Scn fork_scn,
                            int64_t created_at, bool sync);
  // Removes the record and then every version in the branch's keyspace.
  Status Drop(BranchId id);
  Status MarkMerged(BranchId id);

  // The keyspaces a snapshot (branch, scn) reads, own first: each ancestor capped at the
  // fork SCN through which the chain reaches it, each with its written objects. 3D000 when
  // the branch does not exist.
  Result<std::vector<BranchLayer>> Layers(BranchId branch, Scn scn) const;

  // Adds objects to a branch's written set (the commit pipeline, before the batch is
  // written). `objects` is sorted; main is ignored.
  void NoteWritten(BranchId branch, const ObjectSet& objects);

 private:
  Status Persist(const BranchInfo& info, bool sync);
  // The objects of the branch's keyspace in the store. REQUIRES: called from the constructor.
  ObjectSet ScanWritten(BranchId branch) const;

  KvStore* kv_;
  mutable std::mutex mu_;
  std::vector<BranchInfo> branches_;    // guarded by mu_; by id
  BranchId next_id_ = kMainBranch + 1;  // guarded by mu_
  std::map<BranchId, std::shared_ptr<const ObjectSet>> written_;  // guarded by mu_
};

// 'm' "branch/" | id: the record key of a branch.
std::string BranchRecordKey(BranchId id);

}  // namespace heliosdb
