// The vector path of casts: typed loops for the common pairs, CastValue row by row otherwise.
#include <cmath>

#include "common/exception.h"
#include "common/types/date_time.h"
#include "common/types/decimal.h"
#include "common/types/number_text.h"
#include "common/types/string_type.h"
#include "common/types/value_text.h"
#include "function/cast/cast.h"
#include "function/cast/cast_internal.h"
#include "function/kernel_util.h"

namespace heliosdb {

using namespace cast_internal;  // NOLINT: this file is part of the cast implementation

namespace {

void CastRowByRow(const Vector& source, Vector* result, idx_t count, const LogicalType& target,
                  FunctionContext& ctx, bool explicit_cast) {
  for (idx_t i = 0; i < count; i++) {
    result->SetValue(i, CastValue(source.GetValue(i), target, ctx, explicit_cast));
  }
}

bool CastNumericFast(const Vector& src, Vector* res, idx_t count, const LogicalType& target) {
  const LogicalType& from = src.type();
  TypeId f = from.id(), t = target.id();
  if (from.IsInteger()) {
    if (target.IsInteger()) {
      if (t == TypeId::kBigInt || (t == TypeId::kInteger && f == TypeId::kSmallInt)) {
        UnaryExecute<int64_t>(src, res, count, [](int64_t v) { return v; });
      } else {
        UnaryExecute<int64_t>(src, res, count, [t](int64_t v) { return CheckIntegerRange(v, t); });
      }
      return true;
    }
    if (t == TypeId::kDouble) {
      UnaryExecute<int64_t>(src, res, count, [](int64_t v) { return static_cast<double>(v); });
      return true;
    }
    if (t == TypeId::kReal) {
      UnaryExecute<int64_t>(src, res, count,
                            [](int64_t v) { return static_cast<double>(static_cast<float>(v)); });
      return true;
    }
    if (t == TypeId::kNumeric) {
      if (target.precision() < 0) {
        UnaryExecute<int64_t>(src, res, count, [](int64_t v) { return Decimal{v, 0}; });
      } else {
        UnaryExecute<int64_t>(src, res, count, [&target](int64_t v) {
          return ApplyNumericTypmod(Decimal{v, 0}, target);
        });
      }
      return true;
    }
  }
  if (from.IsFloat()) {
    if (target.IsInteger()) {
      UnaryExecute<double>(src, res, count, [t](double v) { return DoubleToInt(v, t); });
      return true;
    }
    if (t == TypeId::kDouble) {
      UnaryExecute<double>(src, res, count, [](double v) { return v; });
      return true;
    }
    if (t == TypeId::kReal) {
      UnaryExecute<double>(src, res, count, [](double v) { return RoundToReal(v); });
      return true;
    }
    if (t == TypeId::kNumeric) {
      bool real = f == TypeId::kReal;
      UnaryExecute<double>(src, res, count, [&target, real](double v) {
        Decimal d = real ? DecimalFromFloat(static_cast<float>(v)) : DecimalFromDouble(v);
        return ApplyNumericTypmod(d, target);
      });
      return true;
    }
  }
  if (f == TypeId::kNumeric) {
    if (target.IsInteger()) {
      UnaryExecute<Decimal>(src, res, count, [t](const Decimal& d) { return DecimalToInt(d, t); });
      return true;
    }
    if (t == TypeId::kDouble) {
      UnaryExecute<Decimal>(src, res, count, [](const Decimal& d) { return DecimalToDouble(d); });
      return true;
    }
    if (t == TypeId::kReal) {
      UnaryExecute<Decimal>(src, res, count,
                            [](const Decimal& d) { return RoundToReal(DecimalToDouble(d)); });
      return true;
    }
    if (t == TypeId::kNumeric) {
      UnaryExecute<Decimal>(src, res, count,
                            [&target](const Decimal& d) { return ApplyNumericTypmod(d, target); });
      return true;
    }
  }
  return false;
}

// Strings to strings and the common parses (text -> integer / float / numeric / date / ts).
bool CastStringFast(const Vector& src, Vector* res, idx_t count, const LogicalType& target,
                    FunctionContext& ctx, bool explicit_cast) {
  TypeId f = src.type().id(), t = target.id();
  bool from_string = src.type().IsString() || f == TypeId::kUnknown;
  if (!from_string) return false;
  if (target.IsString()) {
    bool strip = f == TypeId::kChar;
    if (t == TypeId::kChar) {
      UnaryExecute<std::string_view>(src, res, count, [&](std::string_view s) {
        return ApplyCharLength(strip ? BpcharStrip(s) : s, target.length(), explicit_cast);
      });
    } else {
      int32_t n = t == TypeId::kVarchar ? target.length() : -1;
      UnaryExecute<std::string_view>(src, res, count, [&](std::string_view s) {
        return ApplyVarcharLength(strip ? BpcharStrip(s) : s, n, explicit_cast);
      });
    }
    return true;
  }
  if (target.IsInteger()) {
    UnaryExecute<std::string_view>(src, res, count,
                                   [t](std::string_view s) { return ParseInteger(s, t); });
    return true;
  }
  if (t == TypeId::kDouble) {
    UnaryExecute<std::string_view>(src, res, count,
                                   [](std::string_view s) { return ParseDouble(s); });
    return true;
  }
  if (t == TypeId::kNumeric) {
    UnaryExecute<std::string_view>(src, res, count, [&target](std::string_view s) {
      return ApplyNumericTypmod(DecimalFromString(s), target);
    });
    return true;
  }
  const TimeZone& zone = SessionZone(ctx.timezone);
  if (t == TypeId::kDate) {
    UnaryExecute<std::string_view>(src, res, count,
                                   [&zone](std::string_view s) { return ParseDate(s, zone); });
    return true;
  }
  if (t == TypeId::kTimestamp || t == TypeId::kTimestampTz) {
    int32_t p = target.modifier1();
    bool tz = t == TypeId::kTimestampTz;
    UnaryExecute<std::string_view>(src, res, count, [&zone, p, tz](std::string_view s) {
      return AdjustTimePrecision(tz ? ParseTimestampTz(s, zone) : ParseTimestamp(s, zone), p);
    });
    return true;
  }
  return false;
}

bool CastDateTimeFast(const Vector& src, Vector* res, idx_t count, const LogicalType& target,
                      FunctionContext& ctx) {
  TypeId f = src.type().id(), t = target.id();
  if (f == TypeId::kDate && t == TypeId::kTimestamp) {
    UnaryExecute<int64_t>(src, res, count, [](int64_t d) { return DateToTimestamp(d); });
    return true;
  }
  if (f == TypeId::kTimestamp && t == TypeId::kDate) {
    UnaryExecute<int64_t>(src, res, count, [](int64_t ts) { return TimestampToDate(ts); });
    return true;
  }
  if (f == TypeId::kTimestampTz && t == TypeId::kDate) {
    const TimeZone& zone = SessionZone(ctx.timezone);
    UnaryExecute<int64_t>(src, res, count, [&zone](int64_t ts) {
      return IsFinite(ts) ? TimestampToDate(zone.UtcToLocal(ts)) : ts;
    });
    return true;
  }
  return false;
}

// Non-string sources to text: the output function per row, without boxing into Values.
bool CastToTextFast(const Vector& src, Vector* res, idx_t count, const LogicalType& target,
                    FunctionContext& ctx, bool explicit_cast) {
  if (!target.IsString() || src.type().IsString() || src.type().id() == TypeId::kBoolean ||
      src.type().id() == TypeId::kUnknown) {
    return false;
  }
  TextFormatOptions opts;
  opts.timezone = ctx.timezone;
  UnifiedFormat u = src.ToUnified();
  size_t width = PhysicalTypeSize(src.type().physical());
  for (idx_t i = 0; i < count; i++) {
    if (!u.IsValid(i)) {
      res->SetNull(i);
      continue;
    }
    res->validity().SetValid(i);
    std::string s = FormatPayload(src.type(), u.data + u.sel[i] * width, opts);
    res->SetString(i, ApplyStringTarget(s, target, explicit_cast));
  }
  return true;
}

}  // namespace

void CastVector(const Vector& source, Vector* result, idx_t count, const LogicalType& target,
                FunctionContext& ctx, bool explicit_cast) {
  result->SetType(target);
  const LogicalType& from = source.type();
  if (from == target && from.id() != TypeId::kChar) {
    result->Append(source, count, 0);
    return;
  }
  if (from.id() == target.id() && target.id() != TypeId::kNumeric && !target.IsString() &&
      !target.IsArray() && target.modifier1() < 0) {
    result->Append(source, count, 0);  // same type, no modifier to apply
    return;
  }
  if (CastNumericFast(source, result, count, target)) return;
  if (CastStringFast(source, result, count, target, ctx, explicit_cast)) return;
  if (CastDateTimeFast(source, result, count, target, ctx)) return;
  if (CastToTextFast(source, result, count, target, ctx, explicit_cast)) return;
  CastRowByRow(source, result, count, target, ctx, explicit_cast);
}

}  // namespace heliosdb
