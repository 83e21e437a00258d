// Conversion helpers shared by the row path (cast.cc) and the vector path (cast_vector.cc).
#pragma once

#include <string>
#include <string_view>

#include "common/types.h"
#include "common/value.h"
#include "function/function.h"

namespace heliosdb::cast_internal {

// float -> integer: rint (half to even), then "integer out of range" etc.
int64_t DoubleToInt(double v, TypeId target);
// numeric -> integer: half away from zero, then the range check.
int64_t DecimalToInt(const Decimal& d, TypeId target);
Decimal ApplyNumericTypmod(const Decimal& d, const LogicalType& target);
int64_t DateToTimestamp(int64_t days);  // keeps infinities
int64_t TimestampToDate(int64_t ts);
int64_t TimeOfDay(int64_t ts);
// A value's text as a cast to text produces it (bool -> 'true', bpchar without padding).
std::string ToText(const Value& v, const FunctionContext& ctx);
// A value's text as its type's output function writes it (bool -> 't', bpchar padded), which
// concat() and format() use.
std::string OutputText(const Value& v, const FunctionContext& ctx);
std::string ApplyStringTarget(std::string_view s, const LogicalType& target, bool explicit_cast);
// Array to array: each element cast to the target's element type (cast_array.cc).
Value CastArray(const Value& array, const LogicalType& target, FunctionContext& ctx,
                bool explicit_cast);
[[noreturn]] void ThrowCannotCast(const LogicalType& from, const LogicalType& to);

}  // namespace heliosdb::cast_internal
