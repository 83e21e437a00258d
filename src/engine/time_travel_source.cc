#include "engine/time_travel_source.h"

#include "common/exception.h"
#include "common/types/value_text.h"
#include "engine/branch_statements.h"
#include "engine/storage_tier_functions.h"
#include "engine/database_impl.h"
#include "engine/time_travel_retention.h"
#include "execution/exec_context.h"
#include "execution/expression_executor.h"
#include "storage/commit_time_map.h"

namespace heliosdb {

Scn ConnectionTimeTravel::ResolveScn(const BoundExpr& value, bool timestamp, int location) {
  used_ = true;
  StorageEngine& storage = *conn_.db->storage;
  ExecContext ctx;
  ctx.txn = &conn_.Txn();
  ctx.catalog = &conn_.CurrentCatalog();
  ctx.storage = &storage;
  ctx.function = conn_.MakeFunctionContext();
  ctx.session = &conn_;
  Value v = ExpressionExecutor(ctx).EvaluateConstant(value);
  const char* what = timestamp ? "AS OF TIMESTAMP" : "AS OF SCN";
  if (v.is_null())
    ThrowError(sqlstate::kInvalidParameterValue, std::string(what) + " must not be NULL", location);
  Scn last = storage.transactions().last_committed_scn();
  if (!timestamp) {
    int64_t n = v.GetInt64();
    if (n <= 0)
      ThrowError(sqlstate::kInvalidParameterValue,
                 "invalid SCN " + std::to_string(n) + ": SCNs start at 1", location);
    if (static_cast<Scn>(n) > last)
      ThrowError(sqlstate::kInvalidParameterValue,
                 "SCN " + std::to_string(n) + " is in the future (the current SCN is " +
                     std::to_string(last) + ")",
                 location);
    return static_cast<Scn>(n);
  }
  int64_t micros = v.GetInt64();
  if (micros > ctx.function.statement_timestamp) {
    TextFormatOptions options;
    options.timezone = ctx.function.timezone;
    ThrowError(sqlstate::kInvalidParameterValue,
               "timestamp " + FormatValue(v, options) + " is in the future", location);
  }
  Scn scn = CommitTimeMap(&storage.kv()).ScnAt(micros, last);
  if (scn == 0) {
    TextFormatOptions options;
    options.timezone = ctx.function.timezone;
    ThrowError(sqlstate::kSnapshotTooOld,
               "no commit at or before " + FormatValue(v, options) +
                   ": the database has no state that old",
               location);
  }
  return scn;
}

Scn ConnectionTimeTravel::NowScn() {
  used_ = true;
  return conn_.Txn().snapshot_scn();
}

std::shared_ptr<const Catalog> ConnectionTimeTravel::CatalogAt(Scn scn) {
  TransactionOptions options;
  options.branch = conn_.Txn().branch();
  auto txn = conn_.db->storage->transactions().BeginAt(scn, options);
  std::shared_ptr<const Catalog> catalog = Catalog::Load(*txn);
  txn->Rollback();
  return catalog;
}

void ConnectionTimeTravel::CheckRetention(const TableInfo& table, Scn scn, int location) {
  StorageEngine& storage = *conn_.db->storage;
  int64_t retention = TableRetention(storage, table);
  Scn horizon = RetentionHorizonScn(storage, retention);
  if (scn >= horizon) return;
  auto it = table.options.find(kRetentionSetting);
  std::string setting = it != table.options.end()
                            ? it->second
                            : storage.GetSetting(kRetentionSetting).value_or(kDefaultRetention);
  ThrowError(sqlstate::kSnapshotTooOld,
             "snapshot too old: SCN " + std::to_string(scn) + " of table \"" + table.name +
                 "\" is before its retention horizon (SCN " + std::to_string(horizon) +
                 ", time_travel_retention = '" + setting + "')",
             location);
}

}  // namespace heliosdb

namespace heliosdb {

bool ConnectionTimeTravel::TableFunctionRows(const std::string& name,
                                             const std::vector<BoundExprPtr>& args, int location,
                                             FunctionRows* out) {
  size_t arity;
  if (name == "pg_database_branches" || name == "pg_storage_tiers") {
    arity = 0;
  } else if (name == "pg_column_compression") {
    arity = 1;
  } else if (name == "pg_compare_branches") {
    arity = 2;
  } else {
    return false;
  }
  if (args.size() != arity)
    ThrowError(sqlstate::kUndefinedFunction,
               "function " + name + "(" + (args.empty() ? "" : "...") + ") does not exist",
               location);
  used_ = true;
  SystemRows rows;
  if (name == "pg_storage_tiers") {
    rows = StorageTiers(conn_);
  } else if (arity == 0) {
    rows = DatabaseBranches(conn_);
  } else {
    ExecContext ctx;
    ctx.txn = &conn_.Txn();
    ctx.catalog = &conn_.CurrentCatalog();
    ctx.storage = conn_.db->storage.get();
    ctx.function = conn_.MakeFunctionContext();
    ctx.session = &conn_;
    std::string names[2];
    for (size_t i = 0; i < arity; i++) {
      Value v = ExpressionExecutor(ctx).EvaluateConstant(*args[i]);
      if (v.is_null())
        ThrowError(sqlstate::kNullValueNotAllowed,
                   arity == 1 ? "table name must not be NULL" : "branch name must not be NULL",
                   location);
      names[i] = v.type().id() == TypeId::kText ? v.GetString() : v.ToString();
    }
    rows = arity == 1 ? ColumnCompression(conn_, names[0], location)
                      : CompareBranches(conn_, names[0], names[1]);
  }
  out->names = std::move(rows.names);
  out->types = std::move(rows.types);
  out->rows = std::move(rows.rows);
  return true;
}

}  // namespace heliosdb
