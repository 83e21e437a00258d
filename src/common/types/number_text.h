// Text input and output of the scalar types that are not calendar types: integers, floats,
// booleans and bytea, with PostgreSQL's exact spellings and error messages. Casts and
// value_text.cc share these.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/types.h"

namespace heliosdb {

// float8 / float4 output as PostgreSQL 15 with extra_float_digits = 1 (the default): the
// shortest text that reads back as the same value; exponent form outside [1e-4, 1e15)
// (float4: [1e-4, 1e6)): 0.1, 1e+100, 1e-05, -0, NaN, Infinity, -Infinity.
void AppendDouble(std::string* out, double v);
void AppendReal(std::string* out, float v);
std::string FormatDouble(double v);
std::string FormatReal(float v);

// Integer input: surrounding whitespace allowed, optional sign. type is kSmallInt, kInteger or
// kBigInt. 22P02 invalid input syntax for type integer: "abc"; 22003 value "..." is out of
// range for type integer.
int64_t ParseInteger(std::string_view text, TypeId type);
// Range check after arithmetic or casts: 22003 "smallint out of range" / "integer out of range".
int64_t CheckIntegerRange(int64_t v, TypeId type);
[[noreturn]] void ThrowIntegerOutOfRange(TypeId type);

// float8in / float4in: 22P02 invalid input syntax for type double precision: "x",
// 22003 "1e400" is out of range for type double precision.
double ParseDouble(std::string_view text);
double ParseReal(std::string_view text);  // the float value, widened
// Rounds a double to float precision for REAL; 22003 value out of range: overflow/underflow.
double RoundToReal(double v);

// boolin: t/true/yes/on/1 and f/false/no/off/0, unique prefixes, any case.
bool ParseBool(std::string_view text);

// bytea: output '\x0a0b'; input hex ('\x...') or escape format.
std::string FormatBytea(std::string_view bytes);
std::string ParseBytea(std::string_view text);

}  // namespace heliosdb
