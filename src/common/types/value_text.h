// PostgreSQL text input and output for every type (the formats psql shows and clients send):
//   boolean t/f (input: true/false/yes/no/on/off/1/0 and prefixes, any case)
//   numbers as PostgreSQL prints them (float8 shortest round-trip: 0.1, 1e+100, NaN,
//   Infinity; real likewise with float precision), numeric with its scale
//   date 2024-01-31, time 13:45:00.123, timestamp 2024-01-31 13:45:00, timestamptz with the
//   session time zone offset (+00), interval "1 year 2 mons 3 days 04:05:06"
//   bytea \x0a0b (input also accepts the escape format), uuid canonical lower case.
// Input parsing throws 22P02 / 22007 / 22008 / 22003 with PostgreSQL's messages.
#pragma once

#include <string>
#include <string_view>

#include "common/value.h"

namespace heliosdb {

struct TextFormatOptions {
  std::string timezone = "UTC";  // for TIMESTAMPTZ output
};

std::string FormatValue(const Value& value, const TextFormatOptions& options = {});
// Formats one element of a vector's payload without building a Value (hot path for results).
std::string FormatPayload(const LogicalType& type, const void* payload,
                          const TextFormatOptions& options = {});
Value ParseValue(std::string_view text, const LogicalType& type,
                 const TextFormatOptions& options = {});

}  // namespace heliosdb
