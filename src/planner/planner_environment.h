// What the optimizer asks of the engine. The planner may not read storage or run
// expressions itself (planner/README.md), so the engine answers through this interface.
#pragma once

#include <optional>

#include "catalog/catalog_entry.h"
#include "common/value.h"
#include "planner/bound_expr.h"

namespace heliosdb {

class PlannerEnvironment {
 public:
  virtual ~PlannerEnvironment() = default;
  // Rows of a table that ANALYZE has not seen, from storage's size estimate.
  virtual double EstimateTableRows(const TableInfo& table) const = 0;
  // The value of an expression without columns or parameters; nothing when evaluating it
  // fails (the executor raises that error if the expression is ever evaluated).
  virtual std::optional<Value> EvaluateConstant(const BoundExpr& e) const = 0;
  // The session's `threads`: big joins stay hash joins the pipelines can split (merge_join.cc).
  virtual int Threads() const { return 1; }
};

}  // namespace heliosdb
