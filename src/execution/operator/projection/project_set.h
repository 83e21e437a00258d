// ProjectSet: runs the select list's set-returning calls (unnest(a), generate_series(...),
// ...) for each input row, in lockstep as PostgreSQL 10+ does: the row repeats once per row of
// the longest call, the shorter calls give NULL once they are exhausted, and a row for which
// every call is empty disappears. Output: the input columns, then one column per call.
#pragma once

#include "execution/physical_operator.h"
#include "function/table/set_function.h"
#include "planner/bound_expr.h"

namespace heliosdb {

class ProjectSet : public PhysicalOperator {
 public:
  // calls: set-function calls over the input (planner/set_function_binder.h).
  ProjectSet(const std::vector<BoundExprPtr>& calls, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), calls_(calls) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  // Reads the next input chunk and evaluates every call's arguments over it.
  bool NextInput(ExecContext& ctx);
  void StartRow(ExecContext& ctx);
  // One lockstep row of the current input row's calls into values_; false when all are done.
  bool NextValues();

  const std::vector<BoundExprPtr>& calls_;
  DataChunk* input_ = nullptr;
  std::vector<std::vector<Vector>> args_;  // per call, per argument, over input_
  idx_t row_ = 0;
  bool row_started_ = false;
  std::vector<std::unique_ptr<SetFunctionRows>> rows_;  // per call, for input row row_
  std::vector<Value> values_;
  std::vector<Value> scratch_;
  DataChunk out_;
};

}  // namespace heliosdb
