// Filter: passes on the rows of each input batch for which the predicate is true, as a
// selection over the input (no copy).
#pragma once

#include "execution/physical_operator.h"
#include "planner/bound_expr.h"

namespace heliosdb {

class Filter : public PhysicalOperator {
 public:
  Filter(const BoundExpr& predicate, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), predicate_(predicate) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  const BoundExpr& predicate_;
  DataChunk out_;
};

}  // namespace heliosdb
