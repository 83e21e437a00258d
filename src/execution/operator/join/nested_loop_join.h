// NestedLoopJoin: joins every left row with the materialized right input, keeping the pairs
// for which the condition holds (all pairs without one). LEFT and FULL joins also emit each
// unmatched left row once, padded with NULLs; a FULL join then pads unmatched right rows.
// Each output batch pairs one left row with one right batch, so batches never exceed
// kVectorSize rows. SEMI and ANTI joins output the left rows with (without) a partner.
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
  // Advances to the next left row; false at the end of the left input.
  bool NextLeftRow(ExecContext& ctx);
  // SEMI / ANTI: the next left batch's rows that have (lack) a partner.
  DataChunk* NextFiltered(ExecContext& ctx);

  const BoundExpr* condition_;
  JoinType type_;
  bool materialized_ = false;
  std::vector<DataChunk> right_;
  DataChunk left_;          // the current left batch
  idx_t left_row_ = 0;      // the current left row within it
  size_t right_index_ = 0;  // the next right batch to pair it with
  bool matched_ = false;    // the current left row found a partner
  bool started_ = false;
  std::vector<std::vector<bool>> right_matched_;  // FULL: per right batch and row
  size_t right_emit_ = 0;
  DataChunk out_;
};

}  // namespace heliosdb
