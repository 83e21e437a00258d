#include "execution/operator/join/nested_loop_join.h"

#include "execution/expression_executor.h"

namespace heliosdb {

bool NestedLoopJoin::NextLeftRow(ExecContext& ctx) {
  right_index_ = 0;
  matched_ = false;
  if (started_ && left_row_ + 1 < left_.size()) {
    left_row_++;
    return true;
  }
  started_ = true;
  DataChunk* left = child(0)->Next(ctx);
  if (!left) return false;
  left_ = *left;
  left_.Flatten();
  left_row_ = 0;
  return true;
}

DataChunk* NestedLoopJoin::NextFiltered(ExecContext& ctx) {
  ExpressionExecutor executor(ctx);
  size_t left_width = children_[0]->types().size();
  bool semi = type_ == JoinType::kSemi;
  while (DataChunk* left = child(0)->Next(ctx)) {
    left_ = *left;
    left_.Flatten();
    SelectionVector keep(std::max<idx_t>(left_.size(), 1));
    idx_t kept = 0;
    for (idx_t l = 0; l < left_.size(); l++) {
      ctx.CheckCancel();
      bool matched = false;
      for (size_t b = 0; b < right_.size() && !matched; b++) {
        const DataChunk& right = right_[b];
        if (right.size() == 0) continue;
        if (!condition_) {
          matched = true;
          break;
        }
        DataChunk pairs;
        for (size_t c = 0; c < left_width; c++)
          pairs.columns().push_back(Vector::Constant(left_.GetValue(c, l)));
        for (idx_t c = 0; c < right.column_count(); c++) pairs.columns().push_back(right.column(c));
        pairs.SetSize(right.size());
        SelectionVector sel(right.size());
        matched = executor.Select(*condition_, pairs, &sel) > 0;
      }
      if (matched == semi) keep.set(kept++, static_cast<uint32_t>(l));
    }
    if (kept == 0) continue;
    out_ = left_;
    if (kept < left_.size()) out_.Slice(keep, kept);
    return &out_;
  }
  return nullptr;
}

DataChunk* NestedLoopJoin::Next(ExecContext& ctx) {
  if (type_ == JoinType::kSemi || type_ == JoinType::kAnti) {
    if (!materialized_) {
      materialized_ = true;
      while (DataChunk* in = child(1)->Next(ctx)) {
        DataChunk copy = *in;
        copy.Flatten();
        right_.push_back(std::move(copy));
      }
    }
    return NextFiltered(ctx);
  }
  if (!materialized_) {
    materialized_ = true;
    while (DataChunk* in = child(1)->Next(ctx)) {
      DataChunk copy = *in;
      copy.Flatten();
      right_matched_.emplace_back(copy.size(), false);
      right_.push_back(std::move(copy));
    }
    if (!NextLeftRow(ctx)) left_ = DataChunk();
  }
  ExpressionExecutor executor(ctx);
  size_t left_width = children_[0]->types().size();
  while (left_.size() > 0) {
    ctx.CheckCancel();
    if (right_index_ < right_.size()) {
      size_t right_batch = right_index_++;
      const DataChunk& right = right_[right_batch];
      // Pair the current left row (as constants) with the whole right batch.
      out_ = DataChunk();
      for (size_t c = 0; c < left_width; c++)
        out_.columns().push_back(Vector::Constant(left_.GetValue(c, left_row_)));
      for (idx_t c = 0; c < right.column_count(); c++) out_.columns().push_back(right.column(c));
      out_.SetSize(right.size());
      if (condition_) {
        SelectionVector sel(right.size());
        idx_t n = executor.Select(*condition_, out_, &sel);
        if (n == 0) continue;
        for (idx_t i = 0; i < n; i++) right_matched_[right_batch][sel.get(i)] = true;
        if (n < right.size()) out_.Slice(sel, n);
      } else {
        right_matched_[right_batch].assign(right.size(), true);
      }
      matched_ = true;
      return &out_;
    }
    bool pad = !matched_ && (type_ == JoinType::kLeft || type_ == JoinType::kFull);
    if (pad) {
      out_ = DataChunk();
      for (size_t c = 0; c < types_.size(); c++)
        out_.columns().push_back(Vector::Constant(
            c < left_width ? left_.GetValue(c, left_row_) : Value::Null(types_[c])));
      out_.SetSize(1);
    }
    if (!NextLeftRow(ctx)) left_ = DataChunk();
    if (pad) return &out_;
  }
  // FULL: the right rows no left row matched, padded with NULLs on the left.
  while (type_ == JoinType::kFull && right_emit_ < right_.size()) {
    const DataChunk& right = right_[right_emit_];
    const std::vector<bool>& matched = right_matched_[right_emit_++];
    SelectionVector sel(std::max<idx_t>(right.size(), 1));
    idx_t n = 0;
    for (idx_t r = 0; r < right.size(); r++)
      if (!matched[r]) sel.set(n++, static_cast<uint32_t>(r));
    if (n == 0) continue;
    out_ = DataChunk();
    for (size_t c = 0; c < left_width; c++)
      out_.columns().push_back(Vector::Constant(Value::Null(types_[c])));
    for (idx_t c = 0; c < right.column_count(); c++) out_.columns().push_back(right.column(c));
    out_.SetSize(right.size());
    out_.Slice(sel, n);
    return &out_;
  }
  return nullptr;
}

}  // namespace heliosdb
