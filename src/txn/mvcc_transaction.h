// MvccTransaction: the Transaction implementation (txn/transaction.h) over the versioned
// keyspace: reads through a snapshot merged with the buffered WriteSet, commit through the
// manager's CommitPipeline.
//
// Iterators returned by Scan see the transaction's own writes made before Scan() was called
// (statement-stable), and must be destroyed before RollbackToSavepoint, Commit or Rollback.
// Thread safety: one transaction belongs to one connection; while a statement runs, Get and
// Scan may be called from the threads of its parallel pipelines (no writes happen then).
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "txn/commit_pipeline.h"
#include "txn/transaction.h"
#include "txn/visible_iterator.h"
#include "txn/write_set.h"

namespace heliosdb {

class MvccTransaction : public Transaction {
 public:
  MvccTransaction(TransactionManager::Impl* manager, const Snapshot& snapshot,
                  const TransactionOptions& options);
  ~MvccTransaction() override;

  Scn snapshot_scn() const override { return snapshot_.scn; }
  BranchId branch() const override { return snapshot_.branch; }
  bool read_only() const override { return options_.read_only; }
  bool has_writes() const override { return !writes_.empty(); }

  std::optional<std::string> Get(ObjectId object, std::string_view key) override;
  std::optional<std::string> GetUnstored(ObjectId object, std::string_view key) override;
  std::unique_ptr<RowIterator> Scan(ObjectId object, std::string_view lower,
                                    std::string_view upper) override;
  void Put(ObjectId object, std::string_view key, std::string_view value) override;
  void Delete(ObjectId object, std::string_view key) override;
  bool ChangedSinceSnapshot(ObjectId object, std::string_view key) override;
  bool LockRow(ObjectId object, std::string_view key, const LockWaitLimits& limits) override;
  void RefreshSnapshot() override;
  bool KeyBounds(ObjectId object, std::string_view lower, std::string_view upper,
                 std::string* first, std::string* last) override;

  void Savepoint(const std::string& name) override;
  Status RollbackToSavepoint(const std::string& name) override;
  Status ReleaseSavepoint(const std::string& name) override;

  Status Commit(Scn* commit_scn = nullptr) override;
  void Rollback() override;

 private:
  void CheckActive() const;
  void CheckWritable() const;
  // Ends the transaction: closes its snapshot (when still open), releases its row locks.
  void Finish();

  TransactionManager::Impl* manager_;
  Snapshot snapshot_;
  TransactionOptions options_;
  WriteSet writes_;
  uint64_t id_;                  // names the transaction in the row lock table
  std::vector<uint64_t> locks_;  // the row locks it holds
  bool finished_ = false;
  // Point reads reuse one prefix-mode iterator: created after the snapshot was taken, it sees
  // every version the snapshot can see (later commits are filtered by SCN anyway).
  std::unique_ptr<KvIterator> point_reader_;
  std::string seek_buf_;
  std::mutex point_mutex_;  // the point reader serves one Get at a time; others borrow
};

}  // namespace heliosdb
