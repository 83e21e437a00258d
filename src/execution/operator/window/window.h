// Window: computes window functions over its materialized input. For each function the rows
// are ordered by (partition keys, order keys); within a partition each row gets its ranking
// value (row_number, rank, dense_rank, percent_rank, cume_dist, ntile), its offset value (lag,
// lead), or the value or aggregate of its frame (ROWS, RANGE, GROUPS with offsets and EXCLUDE,
// see window_frame.h; the default frame is the whole partition without ORDER BY, else up to
// the row's last peer).
// Output rows are the input rows followed by one column per function, in the order of the
// first function's window (as PostgreSQL emits them).
#pragma once

#include "execution/physical_operator.h"
#include "planner/logical_plan.h"

namespace heliosdb {

class Window : public PhysicalOperator {
 public:
  Window(const std::vector<BoundWindow>& windows, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), windows_(windows) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  void Materialize(ExecContext& ctx);
  // Fills results_[w] (one value per input row) and returns the rows in window order.
  std::vector<uint32_t> Compute(ExecContext& ctx, size_t w);

  const std::vector<BoundWindow>& windows_;
  std::vector<DataChunk> input_;
  std::vector<std::pair<uint32_t, uint32_t>> rows_;  // (chunk, row) by input position
  std::vector<std::vector<Value>> results_;          // [function][input position]
  std::vector<uint32_t> order_;                      // output order
  bool computed_ = false;
  size_t emitted_ = 0;
  DataChunk out_;
};

}  // namespace heliosdb
