// NestedLoopJoin: joins every left row with the materialized right input, keeping the pairs
// for which the condition holds (all pairs without one). A LEFT join also emits each
// unmatched left row once, padded with NULLs.
#pragma once

#include "execution/physical_operator.h"
#include "planner/logical_plan.h"

namespace heliosdb {

class NestedLoopJoin : public PhysicalOperator {
 public:
  NestedLoopJoin(const BoundExpr* condition, JoinType type, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), condition_(condition), type_(type) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  void Emit(const DataChunk& rows);

  const BoundExpr* condition_;
  JoinType type_;
  bool materialized_ = false;
  std::vector<DataChunk> right_;
  DataChunk buffer_;  // output rows collected up to one batch
  bool done_ = false;
  DataChunk out_;
};

}  // namespace heliosdb
