// TieredTransaction: a Transaction (txn/transaction.h) that reads and writes a table's rows
// whatever tier holds them. It wraps the MVCC transaction of the hot tier and merges in the
// cold rows its snapshot sees (cold_tier.h states the rule), so scans, point reads, index
// lookups, time travel and branches all see one set of rows:
//   - Get and Scan: a visible cold row wins over the hot version of its key, which is then an
//     older one (freezing moves the newest version; a newer one writes an end marker).
//   - Put and Delete of a key whose cold row is visible also write the end marker (the
//     deletion-map entry), in the same transaction: never a whole segment decompressed.
//   - KeyBounds covers the cold keys too, so parallel scans split ranges that are cold.
//   - Commit fails with 40001 when a table this transaction wrote was frozen meanwhile (its
//     writes did not end the rows that moved).
// Thread safety: as the wrapped transaction (Get and Scan from a statement's parallel pipelines).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "storage/columnar/cold_tier.h"

namespace heliosdb {

class TieredTransaction : public Transaction {
 public:
  TieredTransaction(std::unique_ptr<Transaction> hot, const ColdTier& cold,
                    const BranchRegistry& branches);

  Scn snapshot_scn() const override { return hot_->snapshot_scn(); }
  BranchId branch() const override { return hot_->branch(); }
  bool read_only() const override { return hot_->read_only(); }
  bool has_writes() const override { return hot_->has_writes(); }

  std::optional<std::string> Get(ObjectId object, std::string_view key) override;
  std::optional<std::string> GetUnstored(ObjectId object, std::string_view key) override {
    return hot_->GetUnstored(object, key);
  }
  std::unique_ptr<RowIterator> Scan(ObjectId object, std::string_view lower,
                                    std::string_view upper) override;
  // Scan that skips the row groups whose zone maps rule out a zone predicate.
  std::unique_ptr<RowIterator> ScanZoned(ObjectId object, std::string_view lower,
                                         std::string_view upper,
                                         const std::vector<ZonePredicate>& zones) override;
  void Put(ObjectId object, std::string_view key, std::string_view value) override;
  void Delete(ObjectId object, std::string_view key) override;
  bool ChangedSinceSnapshot(ObjectId object, std::string_view key) override {
    return hot_->ChangedSinceSnapshot(object, key);
  }
  bool KeyBounds(ObjectId object, std::string_view lower, std::string_view upper,
                 std::string* first, std::string* last) override;
  bool LockRow(ObjectId object, std::string_view key, const LockWaitLimits& limits) override {
    return hot_->LockRow(object, key, limits);
  }
  void RefreshSnapshot() override;

  void Savepoint(const std::string& name) override { hot_->Savepoint(name); }
  Status RollbackToSavepoint(const std::string& name) override {
    return hot_->RollbackToSavepoint(name);
  }
  Status ReleaseSavepoint(const std::string& name) override { return hot_->ReleaseSavepoint(name); }
  Status Commit(Scn* commit_scn = nullptr) override;
  void Rollback() override { hot_->Rollback(); }

  // The row groups of table this snapshot reads, each with how many of its rows it sees
  // (pg_storage_tiers, pg_column_compression).
  struct GroupRows {
    std::shared_ptr<const ColdGroup> group;
    uint64_t visible_rows = 0;
  };
  std::vector<GroupRows> ColdGroups(ObjectId table);

 private:
  struct ColdRow {
    const ColdGroup* group;
    idx_t row;
    Scn begin;
  };
  std::vector<VisibleGroup> Groups(ObjectId object);
  // The cold row of key this snapshot sees, if any.
  // The end markers this snapshot sees in [lower, upper): key -> the begin SCN they end.
  std::map<std::string, Scn, std::less<>> EndMarkers(ObjectId table, std::string_view lower,
                                                     std::string_view upper);
  std::optional<ColdRow> FindCold(ObjectId object, std::string_view key);
  // Writes the end marker of key's visible cold row, if it has one.
  void EndColdRow(ObjectId object, std::string_view key);

  std::unique_ptr<Transaction> hot_;
  const ColdTier& cold_;
  const BranchRegistry& branches_;
  uint64_t start_epoch_;
  std::vector<ObjectId> written_;  // tables written, for the commit's freeze check
  std::mutex layers_mu_;  // parallel scan clones share the transaction
  // The snapshot's keyspaces, computed on first cold read; reset with the snapshot.
  std::optional<std::vector<BranchLayer>> layers_;
};

}  // namespace heliosdb
