// What the binder asks of the engine for time travel (AS OF, VERSIONS BETWEEN on a table
// reference): the planner may not read storage (planner/README.md), so the engine answers.
// Errors throw DbException with the given position.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "planner/bound_expr.h"
#include "txn/transaction.h"

namespace heliosdb {

// The pseudo-columns of a VERSIONS BETWEEN reference, after the table's columns.
inline constexpr const char* kVersionColumns[] = {"versions_startscn", "versions_starttime",
                                                  "versions_endscn", "versions_endtime",
                                                  "versions_operation"};

class TimeTravelSource {
 public:
  virtual ~TimeTravelSource() = default;
  // The SCN an AS OF value names. value is bound and refers to no column; it is a timestamptz
  // (the newest commit at or before that time) or a bigint (an SCN). 22023 for a NULL, an SCN
  // that was never reached, a time in the future.
  virtual Scn ResolveScn(const BoundExpr& value, bool timestamp, int location) = 0;
  // AS OF NOW: the committed state the transaction's snapshot sees.
  virtual Scn NowScn() = 0;
  // The catalog as committed at scn; the plan keeps it alive while it holds its entries.
  virtual std::shared_ptr<const Catalog> CatalogAt(Scn scn) = 0;
  // 72000 (snapshot too old) when scn is before the table's retention horizon: its old
  // versions may be collected already.
  virtual void CheckRetention(const TableInfo& table, Scn scn, int location) = 0;

  // The rows of an engine table function (pg_database_branches(), pg_compare_branches(a, b)),
  // computed while binding; args are bound and refer to no column. False when `name` is not
  // one. A plan using one is bound anew per run, as time travel is.
  struct FunctionRows {
    std::vector<std::string> names;
    std::vector<LogicalType> types;
    std::vector<std::vector<Value>> rows;
  };
  virtual bool HasTableFunction(const std::string& name) const = 0;
  virtual bool TableFunctionRows(const std::string& name, const std::vector<BoundExprPtr>& args,
                                 int location, FunctionRows* out) = 0;
};

}  // namespace heliosdb
