#include "execution/operator/projection/project_set.h"

#include "execution/expression_executor.h"

namespace heliosdb {

bool ProjectSet::NextInput(ExecContext& ctx) {
  input_ = child()->Next(ctx);
  if (!input_) return false;
  ExpressionExecutor executor(ctx);
  args_.assign(calls_.size(), {});
  for (size_t k = 0; k < calls_.size(); k++) {
    for (const auto& arg : calls_[k]->children) {
      args_[k].emplace_back();
      executor.Evaluate(*arg, *input_, &args_[k].back());
    }
  }
  row_ = 0;
  row_started_ = false;
  return true;
}

void ProjectSet::StartRow(ExecContext& ctx) {
  rows_.clear();
  for (size_t k = 0; k < calls_.size(); k++) {
    std::vector<Value> args;
    for (const Vector& v : args_[k]) args.push_back(v.GetValue(row_));
    rows_.push_back(StartSetFunction(calls_[k]->function.function->name, std::move(args),
                                     {calls_[k]->type}, ctx.function));
  }
  row_started_ = true;
}

bool ProjectSet::NextValues() {
  bool any = false;
  values_.clear();
  for (size_t k = 0; k < rows_.size(); k++) {
    if (rows_[k] && rows_[k]->Next(&scratch_)) {
      values_.push_back(scratch_[0]);
      any = true;
    } else {
      rows_[k].reset();
      values_.push_back(Value::Null(calls_[k]->type));
    }
  }
  return any;
}

DataChunk* ProjectSet::Next(ExecContext& ctx) {
  out_.Initialize(types_);
  size_t width = types_.size() - calls_.size();
  idx_t n = 0;
  while (n < kVectorSize) {
    if (!input_ && !NextInput(ctx)) break;
    if (row_ >= input_->size()) {
      input_ = nullptr;
      continue;
    }
    if (!row_started_) StartRow(ctx);
    if (!NextValues()) {
      row_++;
      row_started_ = false;
      continue;
    }
    for (size_t c = 0; c < width; c++) out_.column(c).CopyRow(input_->column(c), row_, n);
    for (size_t k = 0; k < values_.size(); k++) out_.column(width + k).SetValue(n, values_[k]);
    n++;
  }
  ctx.CheckCancel();
  if (n == 0) return nullptr;
  out_.SetSize(n);
  return &out_;
}

}  // namespace heliosdb
