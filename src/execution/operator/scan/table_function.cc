#include "execution/operator/scan/table_function.h"

#include "execution/expression_executor.h"

namespace heliosdb {

DataChunk* TableFunctionScan::Next(ExecContext& ctx) {
  if (finished_) return nullptr;
  if (!rows_) {
    ExpressionExecutor executor(ctx);
    std::vector<Value> args;
    for (const auto& e : op_.exprs) args.push_back(executor.EvaluateConstant(*e));
    size_t width = types_.size() - (op_.with_ordinality ? 1 : 0);
    std::vector<LogicalType> columns(types_.begin(), types_.begin() + width);
    rows_ = StartSetFunction(op_.function, std::move(args), columns, ctx.function);
  }
  out_.Initialize(types_);
  idx_t n = 0;
  while (n < kVectorSize && rows_->Next(&row_)) {
    for (size_t c = 0; c < row_.size(); c++) out_.column(c).SetValue(n, row_[c]);
    if (op_.with_ordinality) out_.column(row_.size()).SetValue(n, Value::BigInt(++ordinal_));
    n++;
  }
  ctx.CheckCancel();
  if (n < kVectorSize) finished_ = true;
  if (n == 0) return nullptr;
  out_.SetSize(n);
  return &out_;
}

}  // namespace heliosdb
