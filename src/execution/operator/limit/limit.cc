#include "execution/operator/limit/limit.h"

#include "common/exception.h"
#include "execution/expression_executor.h"

namespace heliosdb {

DataChunk* Limit::Next(ExecContext& ctx) {
  if (!started_) {
    started_ = true;
    ExpressionExecutor executor(ctx);
    if (limit_expr_) {
      Value v = executor.EvaluateConstant(*limit_expr_);
      if (!v.is_null()) {
        if (v.GetInt64() < 0)
          ThrowError(sqlstate::kInvalidRowCountInLimit, "LIMIT must not be negative");
        remaining_ = v.GetInt64();
      }
    }
    if (offset_expr_) {
      Value v = executor.EvaluateConstant(*offset_expr_);
      if (!v.is_null()) {
        if (v.GetInt64() < 0)
          ThrowError(sqlstate::kInvalidRowCountInOffset, "OFFSET must not be negative");
        skip_ = v.GetInt64();
      }
    }
  }
  while (remaining_ != 0) {
    DataChunk* in = child()->Next(ctx);
    if (!in) return nullptr;
    idx_t n = in->size();
    idx_t begin = 0;
    if (skip_ > 0) {
      idx_t skipped = std::min<idx_t>(n, static_cast<idx_t>(skip_));
      skip_ -= static_cast<int64_t>(skipped);
      begin = skipped;
    }
    idx_t take = n - begin;
    if (remaining_ >= 0) take = std::min<idx_t>(take, static_cast<idx_t>(remaining_));
    if (take == 0) continue;
    if (remaining_ > 0) remaining_ -= static_cast<int64_t>(take);
    out_ = *in;
    if (begin > 0 || take < n) {
      SelectionVector sel(take);
      for (idx_t i = 0; i < take; i++) sel.set(i, static_cast<uint32_t>(begin + i));
      out_.Slice(sel, take);
    }
    return &out_;
  }
  return nullptr;
}

}  // namespace heliosdb
