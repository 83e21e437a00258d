// generate_series(start, stop [, step]) for integers, numeric and timestamps (with an
// interval step), as PostgreSQL produces it: no rows when the step runs away from stop or an
// argument is NULL, 22023 for a zero step, and the series ends where the next value would
// leave the integer type's range.
#include "common/exception.h"
#include "common/types/date_time.h"
#include "common/types/decimal.h"
#include "common/types/interval.h"
#include "function/table/set_function.h"

namespace heliosdb {

namespace {

int Sign(const Value& step) {
  switch (step.type().physical()) {
    case PhysicalType::kInt64:
      return step.GetInt64() > 0 ? 1 : (step.GetInt64() < 0 ? -1 : 0);
    case PhysicalType::kDecimal:
      return DecimalCompare(step.GetDecimal(), DecimalFromInt64(0));
    default: {
      int c = IntervalCompare(step.GetInterval(), Interval{});
      return c > 0 ? 1 : (c < 0 ? -1 : 0);
    }
  }
}

class SeriesRows : public SetFunctionRows {
 public:
  SeriesRows(std::vector<Value> args, FunctionContext& ctx) : ctx_(ctx) {
    current_ = args[0];
    stop_ = args[1];
    if (args.size() == 3) {
      step_ = args[2];
    } else if (current_.type().physical() == PhysicalType::kDecimal) {
      step_ = Value::Numeric(DecimalFromInt64(1), current_.type());
    } else {
      step_ = Value::Int(current_.type(), 1);
    }
    if (current_.is_null() || stop_.is_null() || step_.is_null()) {
      finished_ = true;
      return;
    }
    int sign = Sign(step_);
    if (sign == 0) ThrowError(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
    ascending_ = sign > 0;
    finished_ = Done();
  }

  bool Next(std::vector<Value>* row) override {
    if (finished_) return false;
    row->assign(1, current_);
    Advance();
    if (!finished_ && Done()) finished_ = true;
    return true;
  }

 private:
  bool Done() const {
    int c = current_.Compare(stop_);
    return ascending_ ? c > 0 : c < 0;
  }

  void Advance() {
    // Timestamps are int64 too: the step's type tells the forms apart.
    switch (step_.type().physical()) {
      case PhysicalType::kInt64: {
        int64_t next;
        if (__builtin_add_overflow(current_.GetInt64(), step_.GetInt64(), &next)) {
          finished_ = true;
          return;
        }
        current_ = Value::Int(current_.type(), next);
        return;
      }
      case PhysicalType::kDecimal:
        current_ =
            Value::Numeric(DecimalAdd(current_.GetDecimal(), step_.GetDecimal()), current_.type());
        return;
      default: {
        int64_t ts = current_.type().id() == TypeId::kTimestampTz
                         ? TimestampTzAddInterval(current_.GetInt64(), step_.GetInterval(),
                                                  SessionZone(ctx_.timezone))
                         : TimestampAddInterval(current_.GetInt64(), step_.GetInterval());
        current_ = Value::Int(current_.type(), ts);
        return;
      }
    }
  }

  FunctionContext& ctx_;
  Value current_, stop_, step_;
  bool ascending_ = true;
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<SetFunctionRows> StartGenerateSeries(std::vector<Value> args,
                                                     FunctionContext& ctx) {
  return std::make_unique<SeriesRows>(std::move(args), ctx);
}

}  // namespace heliosdb
