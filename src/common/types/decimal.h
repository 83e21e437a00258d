// NUMERIC arithmetic on Decimal (common/types.h): exact, 38 significant digits at most.
// Every function that can overflow throws DbException 22003 ("numeric field overflow" or
// "value out of range"); division by zero throws 22012.
#pragma once

#include <string>
#include <string_view>

#include "common/types.h"

namespace heliosdb {

constexpr int kMaxDecimalDigits = 38;

// NaN, Infinity and -Infinity (PostgreSQL 14+) are Decimals whose scale is the reserved value
// kDecimalSpecialScale; the coefficient says which: 2 NaN, 1 Infinity, -1 -Infinity. Their
// coefficient order is the sort order (-Infinity < finite < Infinity < NaN, NaN = NaN), and
// the arithmetic fast paths only test the scale. Every function below accepts them and follows
// PostgreSQL's rules (NaN propagates, Infinity - Infinity is NaN, ...).
// The value (157 mod 256) is chosen so that storage/key_codec's generic encoding (exponent byte
// = digits - scale + 128, mod 256) gives the specials the byte 228, which no finite value uses
// (finite values use 91..203): NaN, Infinity and -Infinity never share a hash/group key with a
// number, and sort above all positive numbers. (Decoding such a key needs a special case.)
constexpr int32_t kDecimalSpecialScale = 0x7f9d;
inline bool DecimalIsSpecial(const Decimal& d) {
  return d.scale == kDecimalSpecialScale;
}
inline bool DecimalIsNaN(const Decimal& d) {
  return d.scale == kDecimalSpecialScale && d.coef == 2;
}
inline bool DecimalIsInf(const Decimal& d) {  // either sign
  return d.scale == kDecimalSpecialScale && d.coef != 2;
}
inline Decimal DecimalNaN() {
  return Decimal{2, kDecimalSpecialScale};
}
inline Decimal DecimalInfinity(bool negative = false) {
  return Decimal{negative ? -1 : 1, kDecimalSpecialScale};
}

// Parses "-12.345", "1e5", ".5", "NaN", "[+-]Infinity", "[+-]inf"; throws 22P02 on bad text (message as PostgreSQL:
// invalid input syntax for type numeric: "abc").
Decimal DecimalFromString(std::string_view text);
// Canonical text: no exponent, exactly `scale` fraction digits ("1.50"); "NaN", "Infinity",
// "-Infinity".
std::string DecimalToString(const Decimal& d);
// Rounds half away from zero to the new scale (PostgreSQL's rule).
Decimal DecimalRescale(const Decimal& d, int32_t new_scale);
// Applies NUMERIC(p,s): rounds to s and throws 22003 "numeric field overflow" if it does not fit
// (NaN fits; an infinity never does).
Decimal DecimalApplyTypmod(const Decimal& d, int32_t precision, int32_t scale);
int DecimalCompare(const Decimal& a, const Decimal& b);
Decimal DecimalAdd(const Decimal& a, const Decimal& b);
Decimal DecimalSub(const Decimal& a, const Decimal& b);
Decimal DecimalMul(const Decimal& a, const Decimal& b);
// Result scale as PostgreSQL's select_div_scale (at least 16 significant digits).
Decimal DecimalDiv(const Decimal& a, const Decimal& b);
Decimal DecimalMod(const Decimal& a, const Decimal& b);
Decimal DecimalNegate(const Decimal& a);
Decimal DecimalFromInt64(int64_t v);
// Rounds half to even like PostgreSQL's float8 -> numeric; NaN and infinities map to theirs.
Decimal DecimalFromDouble(double v);
double DecimalToDouble(const Decimal& d);
// Rounds half away from zero; throws 22003 "bigint out of range" when it does not fit, 0A000
// "cannot convert NaN to bigint" / "cannot convert infinity to bigint".
int64_t DecimalToInt64(const Decimal& d);
uint64_t DecimalHash(const Decimal& d);  // equal values (1.0 = 1.00) hash equal

// --- Additions used by casts and the function library. ---
// 128-bit integer in, scale 0; throws 22003 when it has more than 38 digits.
Decimal DecimalFromInt128(__int128 v);
// float4 -> numeric: PostgreSQL prints the float with FLT_DIG (6) digits and parses that.
Decimal DecimalFromFloat(float v);
// Division with an explicit result scale (rounded half away from zero); avg() uses it.
Decimal DecimalDivScale(const Decimal& a, const Decimal& b, int32_t result_scale);
// round(numeric, digits) / trunc(numeric, digits): digits may be negative (round to tens...).
Decimal DecimalRound(const Decimal& d, int32_t digits);
Decimal DecimalTrunc(const Decimal& d, int32_t digits);
Decimal DecimalCeil(const Decimal& d);
Decimal DecimalFloor(const Decimal& d);
Decimal DecimalAbs(const Decimal& d);
int DecimalSign(const Decimal& d);  // -1, 0, 1 (NaN: 0; callers test DecimalIsNaN first)
// Integer -> "cannot convert NaN to <type>" / "cannot convert infinity to <type>" (0A000) when d
// is special; type_name is "integer", "bigint", "smallint".
void DecimalCheckConvertible(const Decimal& d, const char* type_name);
// Count of significant digits left of the decimal point (0 for |d| < 1).
int DecimalIntegerDigits(const Decimal& d);
// Removes trailing fractional zeros (1.500 -> 1.5); used by hashing and trim_scale.
Decimal DecimalNormalize(const Decimal& d);
// PostgreSQL's select_div_scale for a / b (exposed for avg and tests).
int32_t DecimalDivResultScale(const Decimal& a, const Decimal& b);
// sqrt(numeric): scale as PostgreSQL (at least 16 significant digits); 2201F on negative.
Decimal DecimalSqrt(const Decimal& d);
// sqrt with an explicit result scale (stddev uses the scale of its variance).
Decimal DecimalSqrtScale(const Decimal& d, int32_t result_scale);

}  // namespace heliosdb
