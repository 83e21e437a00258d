// ExecContext: what a running statement needs besides its plan: the transaction, the catalog
// it was planned against, the storage engine (sequences), bound parameter values and the
// per-statement function context. Owned by the connection for one statement execution.
#pragma once

#include <atomic>
#include <map>
#include <vector>

#include "catalog/catalog.h"
#include "common/value.h"
#include "function/function.h"
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
  int64_t rows_affected = 0;                  // rows written by the statement's DML
  // Rows of the enclosing queries while a correlated subquery runs, innermost last.
  std::vector<std::vector<Value>> outer_rows;
  // First-column values of uncorrelated subqueries, computed once per statement.
  std::map<const void*, std::vector<Value>> subquery_results;

  // nextval() of a sequence: durable, never repeats; throws 2200H past its bounds.
  int64_t NextSequenceValue(const SequenceInfo& sequence);
  // Throws 57014 when the statement was canceled.
  void CheckCancel() const;
};

}  // namespace heliosdb
