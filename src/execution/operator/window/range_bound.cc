#include "execution/operator/window/range_bound.h"

#include <cmath>

#include "common/exception.h"
#include "common/types/date_time.h"
#include "common/types/decimal.h"
#include "common/types/interval.h"

namespace heliosdb {

namespace {
[[noreturn]] void InvalidSize() {
  ThrowError("22013", "invalid preceding or following size in window function");
}

RangeLimit Finite(Value v) {
  return RangeLimit{0, std::move(v)};
}

// Dates move and compare as the timestamps of their midnights.
int64_t DateMicros(int64_t date) {
  return IsFinite(date) ? date * kMicrosPerDay : date;
}

RangeLimit IntegerLimit(int64_t key, int64_t offset, bool add) {
  __int128 sum = static_cast<__int128>(key) + (add ? offset : -static_cast<__int128>(offset));
  if (sum > INT64_MAX) return RangeLimit{1, Value()};
  if (sum < INT64_MIN) return RangeLimit{-1, Value()};
  return Finite(Value::BigInt(static_cast<int64_t>(sum)));
}

// infinity - infinity (or -infinity + infinity) has no value: PostgreSQL counts every value as
// within such a bound, except that NaN, sorting last, is not at or below it.
RangeLimit UndefinedSumLimit(bool upper, Value plus_infinity) {
  return upper ? Finite(std::move(plus_infinity)) : RangeLimit{-1, Value()};
}
}  // namespace

void CheckRangeOffset(const Value& offset) {
  switch (offset.type().id()) {
    case TypeId::kReal:
    case TypeId::kDouble:
      if (std::isnan(offset.GetDouble()) || offset.GetDouble() < 0) InvalidSize();
      return;
    case TypeId::kNumeric: {
      const Decimal& d = offset.GetDecimal();
      if (DecimalIsNaN(d) || DecimalCompare(d, Decimal{0, 0}) < 0) InvalidSize();
      return;
    }
    case TypeId::kInterval:
      if (IntervalSpan(offset.GetInterval()) < 0) InvalidSize();
      return;
    default:
      if (offset.GetInt64() < 0) InvalidSize();
  }
}

RangeLimit RangeOffsetLimit(const Value& key, const Value& offset, bool add, bool upper,
                            const FunctionContext& ctx) {
  switch (key.type().id()) {
    case TypeId::kSmallInt:
    case TypeId::kInteger:
    case TypeId::kBigInt:
      return IntegerLimit(key.GetInt64(), offset.GetInt64(), add);
    case TypeId::kReal:
    case TypeId::kDouble: {
      double base = key.GetDouble(), off = offset.GetDouble();
      if (std::isinf(off) && std::isinf(base) && (add ? base < 0 : base > 0))
        return UndefinedSumLimit(upper, Value::Double(INFINITY));
      return Finite(Value::Double(add ? base + off : base - off));
    }
    case TypeId::kNumeric: {
      const Decimal &base = key.GetDecimal(), &off = offset.GetDecimal();
      if (DecimalIsNaN(base)) return Finite(key);
      if (DecimalIsInf(off) && DecimalIsInf(base) && (add ? base.coef < 0 : base.coef > 0))
        return UndefinedSumLimit(upper, Value::Numeric(DecimalInfinity()));
      // An infinite sum still sorts below NaN.
      if (DecimalIsInf(off)) return Finite(Value::Numeric(DecimalInfinity(!add)));
      if (DecimalIsSpecial(base)) return Finite(key);
      return Finite(Value::Numeric(add ? DecimalAdd(base, off) : DecimalSub(base, off)));
    }
    case TypeId::kDate:
    case TypeId::kTimestamp: {
      int64_t base = key.type().id() == TypeId::kDate ? DateMicros(key.GetInt64()) : key.GetInt64();
      const Interval& iv = offset.GetInterval();
      return Finite(Value::Int(TypeId::kTimestamp,
                               TimestampAddInterval(base, add ? iv : IntervalNegate(iv))));
    }
    case TypeId::kTimestampTz: {
      const Interval& iv = offset.GetInterval();
      return Finite(Value::Int(TypeId::kTimestampTz,
                               TimestampTzAddInterval(key.GetInt64(), add ? iv : IntervalNegate(iv),
                                                      SessionZone(ctx.timezone))));
    }
    case TypeId::kTime: {
      // Only the offset's time part counts, and the sum does not wrap around midnight.
      int64_t micros = offset.GetInterval().micros;
      return Finite(Value::BigInt(add ? key.GetInt64() + micros : key.GetInt64() - micros));
    }
    case TypeId::kInterval: {
      const Interval &base = key.GetInterval(), &off = offset.GetInterval();
      return Finite(Value::FromInterval(add ? IntervalAdd(base, off) : IntervalSub(base, off)));
    }
    default:
      HELIOS_UNREACHABLE();
  }
}

int CompareToLimit(const Value& key, const RangeLimit& limit) {
  if (limit.infinite != 0) return -limit.infinite;
  if (key.type().id() == TypeId::kDate) {
    int64_t micros = DateMicros(key.GetInt64()), bound = limit.value.GetInt64();
    return micros < bound ? -1 : micros > bound ? 1 : 0;
  }
  if (key.type().id() == TypeId::kReal && limit.value.type().id() == TypeId::kDouble)
    return Value::Double(key.GetDouble()).Compare(limit.value);
  return key.Compare(limit.value);
}

}  // namespace heliosdb
