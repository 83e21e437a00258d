// TransactionManager: hands out snapshots and commit sequence numbers (SCN) and commits
// transactions atomically with first-committer-wins write-write conflict detection.
//
// SCNs come from one counter. A snapshot is (branch, SCN): it sees exactly the versions with
// commit SCN <= its SCN. The last committed SCN is recovered from the log on open.
// Thread safety: all methods are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "txn/transaction.h"

namespace heliosdb {

class KvStore;
class BranchRegistry;

struct TransactionOptions {
  BranchId branch = kMainBranch;
  bool synchronous_commit = true;  // fsync the log before Commit() returns
  bool read_only = false;
};

class TransactionManager {
 public:
  explicit TransactionManager(KvStore* kv);
  ~TransactionManager();

  // A new transaction whose snapshot is the last committed SCN. Both Begin and BeginAt
  // throw 3D000 when options.branch does not exist (any more).
  std::unique_ptr<Transaction> Begin(const TransactionOptions& options = TransactionOptions());
  // A read-only transaction seeing the database as of scn (time travel); an scn past the
  // last committed one reads the last committed one.
  std::unique_ptr<Transaction> BeginAt(Scn scn, const TransactionOptions& options);
  Scn last_committed_scn() const;
  // The oldest snapshot of a transaction still open (the last committed SCN when none is):
  // the compaction filter keeps every version it can see.
  Scn oldest_snapshot_scn() const;
  BranchRegistry& branches();
  // Wraps every transaction Begin and BeginAt hand out: the storage engine's cold tier merges
  // its rows into reads and writes through it. REQUIRES: set before any transaction begins.
  using Decorator = std::function<std::unique_ptr<Transaction>(std::unique_ptr<Transaction>)>;
  void SetDecorator(Decorator decorator) { decorator_ = std::move(decorator); }

  struct Impl;

 private:
  std::unique_ptr<Transaction> Decorate(std::unique_ptr<Transaction> txn) const {
    return decorator_ ? decorator_(std::move(txn)) : std::move(txn);
  }

  std::unique_ptr<Impl> impl_;
  Decorator decorator_;
};

}  // namespace heliosdb
