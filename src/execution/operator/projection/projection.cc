#include "execution/operator/projection/projection.h"

#include "execution/expression_executor.h"

namespace heliosdb {

DataChunk* Projection::Next(ExecContext& ctx) {
  DataChunk* in = child()->Next(ctx);
  if (!in) return nullptr;
  ExpressionExecutor executor(ctx);
  out_ = DataChunk();
  for (const auto& e : exprs_) {
    Vector v;
    executor.Evaluate(*e, *in, &v);
    out_.columns().push_back(std::move(v));
  }
  out_.SetSize(in->size());
  return &out_;
}

DataChunk* ValuesScan::Next(ExecContext& ctx) {
  if (next_row_ >= rows_.size()) return nullptr;
  ExpressionExecutor executor(ctx);
  out_.Initialize(types_, std::min<idx_t>(kVectorSize, rows_.size() - next_row_));
  idx_t n = 0;
  for (; next_row_ < rows_.size() && n < kVectorSize; next_row_++, n++) {
    const auto& row = rows_[next_row_];
    for (size_t c = 0; c < row.size(); c++)
      out_.column(c).SetValue(n, executor.EvaluateConstant(*row[c]));
  }
  out_.SetSize(n);
  return &out_;
}

}  // namespace heliosdb
