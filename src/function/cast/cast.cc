// Casts. CastVector runs tight typed loops for the numeric, string and datetime pairs that
// queries use constantly (cast_vector.cc); every other pair goes row by row through
// CastValue, which holds the complete PostgreSQL semantics.
#include "function/cast/cast.h"

#include <cmath>

#include "common/exception.h"
#include "common/types/date_time.h"
#include "common/types/decimal.h"
#include "common/types/number_text.h"
#include "common/types/string_type.h"
#include "common/types/value_text.h"
#include "function/cast/cast_internal.h"

namespace heliosdb {

namespace cast_internal {

int64_t DoubleToInt(double v, TypeId target) {
  double r = std::rint(v);  // PostgreSQL rounds half to even for float -> int
  bool fits;
  switch (target) {
    case TypeId::kSmallInt:
      fits = r >= -32768.0 && r < 32768.0;
      break;
    case TypeId::kInteger:
      fits = r >= -2147483648.0 && r < 2147483648.0;
      break;
    default:
      fits = r >= -9223372036854775808.0 && r < 9223372036854775808.0;
      break;
  }
  if (std::isnan(r) || !fits) ThrowIntegerOutOfRange(target);
  return static_cast<int64_t>(r);
}

int64_t DecimalToInt(const Decimal& d, TypeId target) {
  if (DecimalIsSpecial(d)) [[unlikely]] {
    DecimalCheckConvertible(d, LogicalType(target).ToString().c_str());
  }
  Decimal r = DecimalRescale(d, 0);
  if (r.coef > INT64_MAX || r.coef < INT64_MIN) ThrowIntegerOutOfRange(target);
  return CheckIntegerRange(static_cast<int64_t>(r.coef), target);
}

Decimal ApplyNumericTypmod(const Decimal& d, const LogicalType& target) {
  return target.precision() >= 0 ? DecimalApplyTypmod(d, target.precision(), target.scale()) : d;
}

int64_t DateToTimestamp(int64_t days) {
  if (!IsFinite(days)) return days;
  if (days >= kEndTimestamp / kMicrosPerDay || days < kMinTimestamp / kMicrosPerDay) {
    ThrowError(sqlstate::kDatetimeFieldOverflow, "date out of range for timestamp");
  }
  return days * kMicrosPerDay;
}

int64_t TimestampToDate(int64_t ts) {
  if (!IsFinite(ts)) return ts;
  return FloorDiv(ts, kMicrosPerDay);
}

int64_t TimeOfDay(int64_t ts) {
  return ts - FloorDiv(ts, kMicrosPerDay) * kMicrosPerDay;
}

std::string ToText(const Value& v, const FunctionContext& ctx) {
  const LogicalType& t = v.type();
  if (t.id() == TypeId::kBoolean) return v.GetBool() ? "true" : "false";  // booltext
  if (t.id() == TypeId::kChar) return std::string(BpcharStrip(v.GetString()));
  TextFormatOptions opts;
  opts.timezone = ctx.timezone;
  return FormatValue(v, opts);
}

std::string OutputText(const Value& v, const FunctionContext& ctx) {
  TextFormatOptions opts;
  opts.timezone = ctx.timezone;
  return FormatValue(v, opts);
}

std::string ApplyStringTarget(std::string_view s, const LogicalType& target, bool explicit_cast) {
  switch (target.id()) {
    case TypeId::kVarchar:
      return std::string(ApplyVarcharLength(s, target.length(), explicit_cast));
    case TypeId::kChar:
      return ApplyCharLength(s, target.length(), explicit_cast);
    default:
      return std::string(s);
  }
}

[[noreturn]] void ThrowCannotCast(const LogicalType& from, const LogicalType& to) {
  ThrowError(sqlstate::kCannotCoerce,
             "cannot cast type " + from.ToString() + " to " + to.ToString());
}

}  // namespace cast_internal

using namespace cast_internal;  // NOLINT: this file is the cast implementation

Value CastValue(const Value& value, const LogicalType& target, FunctionContext& ctx,
                bool explicit_cast) {
  const LogicalType& from = value.type();
  if (value.is_null()) return Value::Null(target);
  TypeId f = from.id(), t = target.id();
  const TimeZone& zone = SessionZone(ctx.timezone);
  if (from.IsArray() && target.IsArray()) return CastArray(value, target, ctx, explicit_cast);

  // Anything to a string type: output function (bool says true/false), then length rules.
  if (target.IsString()) {
    std::string s =
        from.physical() == PhysicalType::kString && f != TypeId::kBytea
            ? (f == TypeId::kChar ? std::string(BpcharStrip(value.GetString())) : value.GetString())
            : ToText(value, ctx);
    return Value::Text(ApplyStringTarget(s, target, explicit_cast), target);
  }
  // Strings to anything else: the target's input function.
  if (from.IsString() || f == TypeId::kUnknown) {
    TextFormatOptions opts;
    opts.timezone = ctx.timezone;
    Value parsed = ParseValue(value.GetString(), target, opts);
    if (t == TypeId::kReal) return Value::Double(RoundToReal(parsed.GetDouble()), target);
    return parsed;
  }
  if (f == t) {
    switch (t) {
      case TypeId::kNumeric:
        return Value::Numeric(ApplyNumericTypmod(value.GetDecimal(), target), target);
      case TypeId::kTime:
      case TypeId::kTimestamp:
      case TypeId::kTimestampTz:
        return Value::Int(target, AdjustTimePrecision(value.GetInt64(), target.modifier1()));
      default:
        return value.WithType(target);
    }
  }
  if (from.IsNumeric() && target.IsNumeric()) {
    if (from.IsInteger()) {
      int64_t i = value.GetInt64();
      if (target.IsInteger()) return Value::Int(target, CheckIntegerRange(i, t));
      if (t == TypeId::kReal) return Value::Double(static_cast<float>(i), target);
      if (t == TypeId::kDouble) return Value::Double(static_cast<double>(i), target);
      return Value::Numeric(ApplyNumericTypmod(DecimalFromInt64(i), target), target);
    }
    if (from.IsFloat()) {
      double d = value.GetDouble();
      if (target.IsInteger()) return Value::Int(target, DoubleToInt(d, t));
      if (t == TypeId::kReal) return Value::Double(RoundToReal(d), target);
      if (t == TypeId::kDouble) return Value::Double(d, target);
      Decimal dec =
          f == TypeId::kReal ? DecimalFromFloat(static_cast<float>(d)) : DecimalFromDouble(d);
      return Value::Numeric(ApplyNumericTypmod(dec, target), target);
    }
    const Decimal& dec = value.GetDecimal();
    if (target.IsInteger()) return Value::Int(target, DecimalToInt(dec, t));
    double d = DecimalToDouble(dec);
    return Value::Double(t == TypeId::kReal ? RoundToReal(d) : d, target);
  }
  switch (f) {
    case TypeId::kBoolean:
      if (t == TypeId::kInteger) return Value::Int(target, value.GetBool() ? 1 : 0);
      break;
    case TypeId::kInteger:
      if (t == TypeId::kBoolean) return Value::Boolean(value.GetInt64() != 0);
      break;
    case TypeId::kDate: {
      int64_t d = value.GetInt64();
      if (t == TypeId::kTimestamp) return Value::Int(target, DateToTimestamp(d));
      if (t == TypeId::kTimestampTz) {
        int64_t ts = DateToTimestamp(d);
        return Value::Int(target, IsFinite(ts) ? zone.LocalToUtc(ts) : ts);
      }
      break;
    }
    case TypeId::kTimestamp: {
      int64_t ts = value.GetInt64();
      if (t == TypeId::kDate) return Value::Int(target, TimestampToDate(ts));
      if (t == TypeId::kTime) {
        if (!IsFinite(ts)) break;
        return Value::Int(target, AdjustTimePrecision(TimeOfDay(ts), target.modifier1()));
      }
      if (t == TypeId::kTimestampTz) {
        return Value::Int(target, AdjustTimePrecision(IsFinite(ts) ? zone.LocalToUtc(ts) : ts,
                                                      target.modifier1()));
      }
      break;
    }
    case TypeId::kTimestampTz: {
      int64_t ts = value.GetInt64();
      int64_t local = IsFinite(ts) ? zone.UtcToLocal(ts) : ts;
      if (t == TypeId::kDate) return Value::Int(target, TimestampToDate(local));
      if (t == TypeId::kTime && IsFinite(ts)) {
        return Value::Int(target, AdjustTimePrecision(TimeOfDay(local), target.modifier1()));
      }
      if (t == TypeId::kTimestamp) {
        return Value::Int(target, AdjustTimePrecision(local, target.modifier1()));
      }
      break;
    }
    case TypeId::kTime:
      if (t == TypeId::kInterval) return Value::FromInterval(Interval{0, 0, value.GetInt64()});
      break;
    case TypeId::kInterval:
      if (t == TypeId::kTime) {
        int64_t us = value.GetInterval().micros % kMicrosPerDay;
        if (us < 0) us += kMicrosPerDay;
        return Value::Int(target, us);
      }
      break;
    default:
      break;
  }
  if ((f == TypeId::kTimestamp || f == TypeId::kTimestampTz) && t == TypeId::kTime) {
    ThrowError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  }
  ThrowCannotCast(from, target);
}

}  // namespace heliosdb
