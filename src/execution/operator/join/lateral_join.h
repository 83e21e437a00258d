// LateralJoin: FROM a, LATERAL (...) / a JOIN LATERAL f(a.x) ON ...: for each left row, runs
// the right input's plan anew with that row as the innermost outer row (the right side reads
// it as depth-1 outer columns), and pairs the row with each right row the condition accepts;
// a LEFT join pads a left row that kept none. The right plan is not a child: it is planned
// per left row, like a correlated subquery.
#pragma once

#include "execution/physical_operator.h"
#include "planner/logical_plan.h"

namespace heliosdb {

class LateralJoin : public PhysicalOperator {
 public:
  LateralJoin(const LogicalOp& op, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), op_(op) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  // Appends the current left row's pairs to out_ (and its padding); runs its right plan.
  void JoinRow(ExecContext& ctx);

  const LogicalOp& op_;
  DataChunk left_;
  idx_t left_row_ = 0;
  bool left_done_ = false;
  std::vector<DataChunk> pending_;  // output batches not yet returned
  size_t next_pending_ = 0;
};

}  // namespace heliosdb
