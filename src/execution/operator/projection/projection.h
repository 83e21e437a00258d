// Projection: computes one output column per expression over each input batch.
#pragma once

#include "execution/physical_operator.h"
#include "planner/bound_expr.h"

namespace heliosdb {

class Projection : public PhysicalOperator {
 public:
  Projection(const std::vector<BoundExprPtr>& exprs, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), exprs_(exprs) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  const std::vector<BoundExprPtr>& exprs_;
  DataChunk out_;
};

// Values: literal rows (VALUES lists, and the one empty row of a SELECT without FROM).
class ValuesScan : public PhysicalOperator {
 public:
  ValuesScan(const std::vector<std::vector<BoundExprPtr>>& rows, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), rows_(rows) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  const std::vector<std::vector<BoundExprPtr>>& rows_;
  size_t next_row_ = 0;
  DataChunk out_;
};

}  // namespace heliosdb
