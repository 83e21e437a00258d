#include "execution/operator/scan/generate_series.h"

#include "common/exception.h"
#include "common/types/date_time.h"
#include "common/types/decimal.h"
#include "common/types/interval.h"
#include "execution/expression_executor.h"

namespace heliosdb {

namespace {
int Sign(const Value& step) {
  switch (step.type().physical()) {
    case PhysicalType::kInt64:
      return step.GetInt64() > 0 ? 1 : (step.GetInt64() < 0 ? -1 : 0);
    case PhysicalType::kDecimal:
      return DecimalCompare(step.GetDecimal(), DecimalFromInt64(0));
    default: {
      const Interval& i = step.GetInterval();
      return IntervalCompare(i, Interval{}) > 0 ? 1 : (IntervalCompare(i, Interval{}) < 0 ? -1 : 0);
    }
  }
}
}  // namespace

bool GenerateSeries::Start(ExecContext& ctx) {
  ExpressionExecutor executor(ctx);
  current_ = executor.EvaluateConstant(*op_.exprs[0]);
  stop_ = executor.EvaluateConstant(*op_.exprs[1]);
  if (op_.exprs.size() == 3) {
    step_ = executor.EvaluateConstant(*op_.exprs[2]);
  } else if (current_.type().physical() == PhysicalType::kDecimal) {
    step_ = Value::Numeric(DecimalFromInt64(1), current_.type());
  } else {
    step_ = Value::Int(current_.type(), 1);
  }
  if (current_.is_null() || stop_.is_null() || step_.is_null()) return false;
  int sign = Sign(step_);
  if (sign == 0)
    ThrowError(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
  ascending_ = sign > 0;
  return !Done();
}

bool GenerateSeries::Done() const {
  int c = current_.Compare(stop_);
  return ascending_ ? c > 0 : c < 0;
}

void GenerateSeries::Advance(ExecContext& ctx) {
  // Timestamps are int64 too: the step's type tells the forms apart.
  switch (step_.type().physical()) {
    case PhysicalType::kInt64: {
      int64_t next;
      if (__builtin_add_overflow(current_.GetInt64(), step_.GetInt64(), &next)) {
        finished_ = true;  // past the type's range: the series ends, as in PostgreSQL
        return;
      }
      current_ = Value::Int(current_.type(), next);
      return;
    }
    case PhysicalType::kDecimal:
      current_ = Value::Numeric(DecimalAdd(current_.GetDecimal(), step_.GetDecimal()),
                                current_.type());
      return;
    default: {
      int64_t ts = current_.type().id() == TypeId::kTimestampTz
                       ? TimestampTzAddInterval(current_.GetInt64(), step_.GetInterval(),
                                                SessionZone(ctx.function.timezone))
                       : TimestampAddInterval(current_.GetInt64(), step_.GetInterval());
      current_ = Value::Int(current_.type(), ts);
      return;
    }
  }
}

DataChunk* GenerateSeries::Next(ExecContext& ctx) {
  if (!started_) {
    started_ = true;
    finished_ = !Start(ctx);
  }
  if (finished_) return nullptr;
  out_.Initialize(types_);
  idx_t n = 0;
  while (n < kVectorSize && !finished_) {
    out_.column(0).SetValue(n, current_);
    if (op_.with_ordinality) out_.column(1).SetValue(n, Value::BigInt(++ordinal_));
    n++;
    Advance(ctx);
    if (!finished_ && Done()) finished_ = true;
  }
  ctx.CheckCancel();
  out_.SetSize(n);
  return &out_;
}

}  // namespace heliosdb
