// Helpers shared between scalar function families.
#pragma once

#include <string>
#include <string_view>

#include "common/types.h"

namespace heliosdb {

// PostgreSQL's numeric ^ numeric and float8 ^ float8 (arithmetic.cc), reused by power().
Decimal NumericPowerForFunctions(const Decimal& a, const Decimal& b);
double FloatPowerForFunctions(double a, double b);

// lower() for ILIKE and friends (string.cc): UTF-8 aware.
std::string LowerText(std::string_view s);
// LIKE matching with an escape character ("" for none) (like.cc).
bool LikeMatch(std::string_view s, std::string_view pattern, std::string_view escape = "\\");

// Total orders used by comparison operators, min/max and sorting-like functions.
inline int CompareDoubles(double a, double b) {
  bool an = a != a, bn = b != b;  // NaN sorts above everything and equals itself
  if (an || bn) return an == bn ? 0 : (an ? 1 : -1);
  return a < b ? -1 : (a > b ? 1 : 0);
}

inline int CompareStrings(std::string_view a, std::string_view b) {
  int c = a.compare(b);  // bytewise: the C collation
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace heliosdb
