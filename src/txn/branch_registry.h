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
// Thread safety: all methods are thread-safe.
#pragma once

#include <cstdint>
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

// One keyspace a snapshot reads, and the newest SCN it may see there.
struct BranchLayer {
  BranchId branch = kMainBranch;
  Scn cap = 0;
};

class BranchRegistry {
 public:
  explicit BranchRegistry(KvStore* kv);  // loads the records; throws DbException on I/O errors

  std::optional<BranchInfo> Find(const std::string& name) const;
  std::optional<BranchInfo> Get(BranchId id) const;
  std::vector<BranchInfo> List() const;  // by id
  bool HasChildren(BranchId id) const;

  // Writes the record of a new branch (synced). The caller checked the name is free and the
  // parent exists; 42P04 when the name was taken meanwhile.
  Result<BranchInfo> Create(const std::string& name, BranchId parent, Scn fork_scn,
                            int64_t created_at);
  // Removes the record and then every version in the branch's keyspace.
  Status Drop(BranchId id);
  Status MarkMerged(BranchId id);

  // The keyspaces a snapshot (branch, scn) reads, own first: each ancestor capped at the
  // fork SCN through which the chain reaches it. 3D000 when the branch does not exist.
  Result<std::vector<BranchLayer>> Layers(BranchId branch, Scn scn) const;

 private:
  Status Persist(const BranchInfo& info);

  KvStore* kv_;
  mutable std::mutex mu_;
  std::vector<BranchInfo> branches_;    // guarded by mu_; by id
  BranchId next_id_ = kMainBranch + 1;  // guarded by mu_
};

// 'm' "branch/" | id: the record key of a branch.
std::string BranchRecordKey(BranchId id);

}  // namespace heliosdb
