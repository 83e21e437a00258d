#include "execution/operator/join/nested_loop_join.h"

#include "execution/expression_executor.h"

namespace heliosdb {

void NestedLoopJoin::Emit(const DataChunk& rows) {
  if (buffer_.column_count() == 0) buffer_.Initialize(types_);
  buffer_.Append(rows);
}

DataChunk* NestedLoopJoin::Next(ExecContext& ctx) {
  if (!materialized_) {
    materialized_ = true;
    while (DataChunk* in = child(1)->Next(ctx)) {
      DataChunk copy = *in;
      copy.Flatten();
      right_.push_back(std::move(copy));
    }
  }
  ExpressionExecutor executor(ctx);
  size_t left_width = children_[0]->types().size();
  while (!done_ && (buffer_.column_count() == 0 || buffer_.size() < kVectorSize)) {
    DataChunk* left = child(0)->Next(ctx);
    if (!left) {
      done_ = true;
      break;
    }
    for (idx_t l = 0; l < left->size(); l++) {
      bool matched = false;
      for (const auto& right : right_) {
        // Pair left row l (as constants) with the whole right batch.
        DataChunk pairs;
        for (size_t c = 0; c < left_width; c++)
          pairs.columns().push_back(Vector::Constant(left->GetValue(c, l)));
        for (idx_t c = 0; c < right.column_count(); c++) pairs.columns().push_back(right.column(c));
        pairs.SetSize(right.size());
        if (condition_) {
          SelectionVector sel(right.size());
          idx_t n = executor.Select(*condition_, pairs, &sel);
          if (n == 0) continue;
          if (n < right.size()) pairs.Slice(sel, n);
        }
        matched = true;
        Emit(pairs);
      }
      if (!matched && type_ == JoinType::kLeft) {
        DataChunk padded;
        for (size_t c = 0; c < types_.size(); c++)
          padded.columns().push_back(Vector::Constant(
              c < left_width ? left->GetValue(c, l) : Value::Null(types_[c])));
        padded.SetSize(1);
        Emit(padded);
      }
      ctx.CheckCancel();
    }
  }
  if (buffer_.column_count() == 0 || buffer_.size() == 0) return nullptr;
  out_ = std::move(buffer_);
  buffer_ = DataChunk();
  return &out_;
}

}  // namespace heliosdb
