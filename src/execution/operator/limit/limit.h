// Limit: skips OFFSET rows and stops after LIMIT rows (both evaluated once, at the start;
// negative values are errors as in PostgreSQL).
#pragma once

#include "execution/physical_operator.h"
#include "planner/bound_expr.h"

namespace heliosdb {

class Limit : public PhysicalOperator {
 public:
  Limit(const BoundExpr* limit, const BoundExpr* offset, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), limit_expr_(limit), offset_expr_(offset) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  const BoundExpr* limit_expr_;
  const BoundExpr* offset_expr_;
  bool started_ = false;
  int64_t remaining_ = -1;  // -1: no limit
  int64_t skip_ = 0;
  DataChunk out_;
};

}  // namespace heliosdb
