// ColdTier: the cold columnar tier of one database: where its row groups are stored, the
// in-memory registry of them, and the atomic swaps that move a table's rows in (Freeze) and out
// (Thaw). Reads merge cold rows with hot versions in TieredTransaction (tiered_transaction.h).
//
// Row groups live in the RocksDB store next to the hot tier, under their own prefix, one value
// per part, so that a swap (row groups written + hot versions removed) is one atomic WriteBatch:
//
//   +-----+-----------+-----------+---------------------+-------------+
//   | 'c' | branch    | table     | row group id        | part        |  ->  part bytes
//   | 1 B | u32 BE    | u32 BE    | u64 BE (a counter)  | u16 BE      |
//   +-----+-----------+-----------+---------------------+-------------+
//   part 0: the row group header; part 1 + i: segment i (row_group.cc draws both).
//
// A cold row's end (its key updated or deleted later) is an end marker: a versioned put of the
// key in the table's end-marker object (ColdEndMarkerObject) whose value is the u64 BE begin SCN
// of the newest cold version it ends; a snapshot sees a cold row iff the row's begin SCN is at
// most its SCN (the layer's cap on a branch's ancestors) and the end marker it sees, if any,
// names an older begin SCN. The markers are ordinary versions: time travel, branches, conflict
// checks and the compaction filter treat them like rows.
//
// Thread safety: all methods are thread-safe. Swaps of one table are serialized.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <vector>

#include "heliosdb/status.h"
#include "storage/columnar/row_group.h"
#include "txn/branch_registry.h"

namespace heliosdb {

class KvStore;

constexpr char kColdPrefix = 'c';
// Object ids come from a counter far below 2^31; the end markers of table t use t | 2^31.
constexpr ObjectId kEndMarkerBit = 0x80000000u;
inline ObjectId ColdEndMarkerObject(ObjectId table) {
  return table | kEndMarkerBit;
}

struct ColdGroup {
  uint64_t id = 0;
  BranchId branch = kMainBranch;
  ObjectId object = 0;
  RowGroup rows;
};

// A row group a snapshot reads, and the newest begin SCN it may see there.
struct VisibleGroup {
  std::shared_ptr<const ColdGroup> group;
  Scn cap = 0;
};

struct SwapResult {
  uint64_t rows = 0;
  uint64_t row_groups = 0;
};

class ColdTier {
 public:
  // Loads every row group's bytes. Throws DbException: XX001 for a corrupted row group.
  explicit ColdTier(KvStore& kv);

  bool empty() const { return !any_.load(std::memory_order_acquire); }
  // The row groups of object that a snapshot with these layers (BranchRegistry::Layers) reads.
  std::vector<VisibleGroup> Visible(const std::vector<BranchLayer>& layers, ObjectId object) const;
  // Every row group, by (branch, object, id): pg_storage_tiers and pg_column_compression.
  std::vector<std::shared_ptr<const ColdGroup>> All() const;

  // Row groups that scans skipped by their zone maps since the database opened, per table.
  void NoteZoneSkips(ObjectId table, uint64_t n) const;
  uint64_t ZoneSkips(ObjectId table) const;

  // Counts freezes: a transaction that wrote a table frozen after it began cannot commit
  // (TieredTransaction), since its writes did not end the rows that moved.
  uint64_t epoch() const { return epoch_.load(std::memory_order_acquire); }
  bool FrozenAfter(ObjectId table, uint64_t epoch) const;

  // Moves the newest committed version of each key of (branch, table) into row groups, when
  // it is a put committed at or before horizon (so every open snapshot sees it) and is newer
  // than the key's cold versions; older versions stay hot for time travel. One atomic batch:
  // row groups written, the moved versions removed. types: the table's slots; forced: per
  // slot codecs of `compression` settings; next_id: fresh row group ids.
  Result<SwapResult> Freeze(BranchId branch, ObjectId table, const std::vector<LogicalType>& types,
                            const std::vector<const codec::Codec*>& forced, Scn horizon,
                            const std::function<uint64_t()>& next_id);
  // Moves every cold row version of (branch, table) back into hot versions at their begin
  // SCNs and removes the row groups, in one atomic batch.
  Result<SwapResult> Thaw(BranchId branch, ObjectId table);

 private:
  using GroupList = std::vector<std::shared_ptr<const ColdGroup>>;
  void Register(std::shared_ptr<const ColdGroup> group);
  void Unregister(BranchId branch, ObjectId table, const std::vector<uint64_t>& ids);
  GroupList GroupsOf(BranchId branch, ObjectId table) const;

  KvStore& kv_;
  mutable std::shared_mutex mu_;
  std::map<std::pair<BranchId, ObjectId>, GroupList> groups_;
  std::atomic<bool> any_{false};
  std::atomic<uint64_t> epoch_{0};
  std::map<ObjectId, uint64_t> frozen_at_;  // guarded by mu_
  mutable std::mutex skips_mu_;
  mutable std::map<ObjectId, uint64_t> zone_skips_;  // guarded by skips_mu_
  std::mutex swap_mu_;
};

}  // namespace heliosdb
