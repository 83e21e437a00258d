#include "execution/operator/join/lateral_join.h"

#include "execution/expression_executor.h"
#include "execution/physical_planner.h"

namespace heliosdb {

void LateralJoin::JoinRow(ExecContext& ctx) {
  size_t left_width = left_.column_count();
  std::vector<Value> row;
  for (size_t c = 0; c < left_width; c++) row.push_back(left_.GetValue(c, left_row_));
  ctx.outer_rows.push_back(row);
  bool matched = false;
  try {
    PhysicalOperatorPtr right = CreatePhysicalPlan(*op_.children[1], ctx.profile);
    ExpressionExecutor executor(ctx);
    while (DataChunk* in = right->Next(ctx)) {
      DataChunk pairs;
      for (size_t c = 0; c < left_width; c++)
        pairs.columns().push_back(Vector::Constant(row[c]));
      for (idx_t c = 0; c < in->column_count(); c++) pairs.columns().push_back(in->column(c));
      pairs.SetSize(in->size());
      if (op_.predicate) {
        SelectionVector sel(in->size());
        idx_t n = executor.Select(*op_.predicate, pairs, &sel);
        if (n == 0) continue;
        if (n < in->size()) pairs.Slice(sel, n);
      }
      pairs.Flatten();  // the right plan reuses its batch
      matched = true;
      pending_.push_back(std::move(pairs));
    }
  } catch (...) {
    ctx.outer_rows.pop_back();
    throw;
  }
  ctx.outer_rows.pop_back();
  if (!matched && op_.join_type == JoinType::kLeft) {
    DataChunk padded;
    for (size_t c = 0; c < types_.size(); c++)
      padded.columns().push_back(
          Vector::Constant(c < left_width ? row[c] : Value::Null(types_[c])));
    padded.SetSize(1);
    pending_.push_back(std::move(padded));
  }
}

DataChunk* LateralJoin::Next(ExecContext& ctx) {
  while (true) {
    if (next_pending_ < pending_.size()) return &pending_[next_pending_++];
    pending_.clear();
    next_pending_ = 0;
    if (left_row_ >= left_.size()) {
      if (left_done_) return nullptr;
      DataChunk* in = child(0)->Next(ctx);
      if (!in) {
        left_done_ = true;
        return nullptr;
      }
      left_ = *in;
      left_.Flatten();
      left_row_ = 0;
    }
    ctx.CheckCancel();
    JoinRow(ctx);
    left_row_++;
  }
}

}  // namespace heliosdb
