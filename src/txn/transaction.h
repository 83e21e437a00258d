// Transaction: a snapshot-isolated unit of reads and buffered writes over the versioned
// keyspace. Keys are (object id, key bytes) where object is a table, index or catalog table;
// key bytes must be prefix-free and order-preserving (storage/key_codec.h makes them so).
//
// Reads see the snapshot plus this transaction's own writes. Writes are buffered in memory
// and reach the store only at Commit(), in one atomic, logged batch stamped with a new SCN.
// Commit() fails with SQLSTATE 40001 ("could not serialize access due to concurrent update")
// when another transaction committed a version of a key this one wrote after the snapshot
// the key was first written under; nothing is written then. UPDATE and DELETE first lock the
// row (LockRow), so two writers of one row wait for each other instead of failing at commit.
//
// Reads throw DbException (58030 / XX001) on I/O errors or corruption.
// Thread safety: none; one transaction belongs to one connection.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/value.h"
#include "heliosdb/status.h"

namespace heliosdb {

using Scn = uint64_t;
using BranchId = uint32_t;
using ObjectId = uint32_t;
constexpr BranchId kMainBranch = 1;

// Limits of a wait for a row lock: the statement's cancel flag and deadline
// (statement_timeout) and the session's lock_timeout (0: none), checked while waiting.
struct LockWaitLimits {
  const std::atomic<bool>* cancel = nullptr;
  std::chrono::steady_clock::time_point statement_deadline =
      std::chrono::steady_clock::time_point::max();
  std::chrono::milliseconds lock_timeout{0};
};

// Visible (key, value) pairs of one object in key order.
class RowIterator {
 public:
  virtual ~RowIterator() = default;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  virtual std::string_view key() const = 0;    // the user key bytes (no object id, no SCN)
  virtual std::string_view value() const = 0;  // valid until Next()
};

// A conjunct `slot op constant` ("=", "<", "<=", ">", ">=") of the filter over a table scan.
// A tier that keeps zone maps (the cold tier) skips the row groups none of whose rows can
// satisfy it; the filter above the scan still decides every row it returns.
struct ZonePredicate {
  int slot = 0;
  std::string op;
  Value constant;  // of the column's type, not NULL
};

class Transaction {
 public:
  virtual ~Transaction() = default;

  virtual Scn snapshot_scn() const = 0;
  virtual BranchId branch() const = 0;
  virtual bool read_only() const = 0;
  virtual bool has_writes() const = 0;

  virtual std::optional<std::string> Get(ObjectId object, std::string_view key) = 0;
  // Get for a key the store holds no version of (it lies past KeyBounds' last key): only the
  // transaction's own writes can hold it, so the store is not read.
  virtual std::optional<std::string> GetUnstored(ObjectId object, std::string_view key) = 0;
  // Visible pairs with lower <= key < upper (an empty upper means no upper bound).
  virtual std::unique_ptr<RowIterator> Scan(ObjectId object, std::string_view lower,
                                            std::string_view upper) = 0;
  // Scan of a table whose rows the caller filters by zones afterwards: rows that fail them may
  // be left out. Without zone maps, Scan.
  virtual std::unique_ptr<RowIterator> ScanZoned(ObjectId object, std::string_view lower,
                                                 std::string_view upper,
                                                 const std::vector<ZonePredicate>& zones) {
    (void)zones;
    return Scan(object, lower, upper);
  }
  virtual void Put(ObjectId object, std::string_view key, std::string_view value) = 0;
  // True if another transaction committed a version of the key after this snapshot: writing
  // it would fail at commit, so UPDATE and DELETE fail at once (40001), as PostgreSQL's
  // repeatable read does.
  virtual bool ChangedSinceSnapshot(ObjectId object, std::string_view key) = 0;
  // Locks the row (object, key) for writing until this transaction ends, waiting while
  // another transaction holds it (txn/row_lock_table.h). Returns true when it waited.
  // Throws 40P01 (deadlock), 55P03 (lock_timeout) or 57014 (cancel, statement_timeout).
  virtual bool LockRow(ObjectId object, std::string_view key, const LockWaitLimits& limits) = 0;
  // READ COMMITTED: later reads see the database as last committed (plus own writes), as
  // each statement of such a transaction does. REQUIRES: no iterator of this transaction open.
  virtual void RefreshSnapshot() = 0;
  // The smallest and largest stored user keys in [lower, upper) (any version, visible or
  // not; the transaction's own writes aside), found by two seeks: where a parallel scan can
  // split the range. False when the store holds no key there.
  virtual bool KeyBounds(ObjectId object, std::string_view lower, std::string_view upper,
                         std::string* first, std::string* last) = 0;
  virtual void Delete(ObjectId object, std::string_view key) = 0;

  // Savepoints nest as in PostgreSQL; rolling back to one discards the writes made since it
  // (the savepoint stays); releasing one merges it into its parent.
  virtual void Savepoint(const std::string& name) = 0;
  virtual Status RollbackToSavepoint(const std::string& name) = 0;  // 3B001 if unknown
  virtual Status ReleaseSavepoint(const std::string& name) = 0;     // 3B001 if unknown

  // Returns the commit SCN through *commit_scn (the snapshot SCN for a transaction with no
  // writes). After Commit or Rollback the transaction is finished.
  virtual Status Commit(Scn* commit_scn = nullptr) = 0;
  virtual void Rollback() = 0;
};

}  // namespace heliosdb
