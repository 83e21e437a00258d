// ExecContext: what a running statement needs besides its plan: the transaction, the catalog
// it was planned against, the storage engine (sequences), bound parameter values and the
// per-statement function context. Owned by the connection for one statement execution.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <vector>

#include "catalog/catalog.h"
#include "common/data_chunk.h"
#include "common/exception.h"
#include "common/value.h"
#include "execution/external_rows.h"
#include "execution/session_context.h"
#include "execution/spill/memory_budget.h"
#include "function/function.h"
#include "planner/logical_plan.h"
#include "storage/storage_engine.h"
#include "txn/transaction.h"

namespace heliosdb {

struct ExecContext {
  Transaction* txn = nullptr;
  const Catalog* catalog = nullptr;
  StorageEngine* storage = nullptr;
  std::vector<Value> params;
  FunctionContext function;
  const std::atomic<bool>* cancel = nullptr;  // set by a cancel request
  // statement_timeout: CheckCancel fails the statement after this time.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  // lock_timeout: how long one wait for a row lock may last (0: no limit).
  std::chrono::milliseconds lock_timeout{0};
  // READ COMMITTED: a row changed since the statement's snapshot restarts the statement
  // (StatementRestart) instead of failing it with 40001.
  bool read_committed = false;
  SessionContext* session = nullptr;          // null outside a connection (DDL helpers)
  int64_t rows_affected = 0;                  // rows written by the statement's DML
  // Rows of the enclosing queries while a correlated subquery runs, innermost last.
  std::vector<std::vector<Value>> outer_rows;
  // WITH RECURSIVE: the previous iteration's rows of each working table.
  std::map<int, std::vector<DataChunk>> working_tables;
  int64_t max_recursive_iterations = 100000;
  // First-column values of uncorrelated subqueries, computed once per statement.
  std::map<const void*, std::vector<Value>> subquery_results;
  // EXPLAIN ANALYZE: where operators created during the run (subquery and recursive-CTE
  // plans too) count their rows and time.
  PlanProfile* profile = nullptr;
  // The statement's memory_limit, shared with its parallel clones; null: no limit.
  std::shared_ptr<MemoryBudget> memory;
  // COPY FROM's rows, read by the plan's ExternalRowsScan; null for other statements.
  ExternalRows* external_rows = nullptr;

  // nextval() of a sequence: durable, never repeats; throws 2200H past its bounds.
  // Values are base + (calls since the base was set) * increment; the base is the start,
  // or what ALTER SEQUENCE RESTART / setval() set.
  int64_t NextSequenceValue(const SequenceInfo& sequence);
  // Throws 57014 when the statement was canceled or ran past its deadline.
  void CheckCancel() const;
};

// Thrown under READ COMMITTED by a statement about to write a row that another transaction
// changed after the statement's snapshot (having waited for that transaction to commit): the
// connection re-runs the statement on a newer snapshot, still holding the row locks it took,
// so the re-run writes the newest versions. PostgreSQL re-evaluates only the changed row
// (EvalPlanQual); a re-run reaches the same rows for statements that choose them by key, as
// pgbench's do. Wherever it is not caught it is the 40001 it carries.
class StatementRestart : public DbException {
 public:
  StatementRestart()
      : DbException(sqlstate::kSerializationFailure,
                    "could not serialize access due to concurrent update") {}
};

// The durable counters behind a sequence: calls since the base was set, and the base.
std::string SequenceCounterName(ObjectId id);
std::string SequenceBaseName(ObjectId id);
// Makes the next nextval() of the sequence return next_value (RESTART, setval, TRUNCATE
// ... RESTART IDENTITY, creation).
void ResetSequence(StorageEngine* storage, ObjectId id, int64_t next_value);

}  // namespace heliosdb
