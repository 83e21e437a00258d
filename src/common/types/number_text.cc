#include "common/types/number_text.h"

#include <strings.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "common/exception.h"

namespace heliosdb {

namespace {

// Writes the shortest round-trip digits in PostgreSQL's layout. `fixed_limit` is the decimal
// exponent from which the exponent form starts (15 for float8, 6 for float4).
template <typename F>
void AppendShortest(std::string* out, F v, int fixed_limit) {
  if (std::isnan(v)) {
    out->append("NaN");
    return;
  }
  if (std::isinf(v)) {
    out->append(v < 0 ? "-Infinity" : "Infinity");
    return;
  }
  if (v == 0) {
    out->append(std::signbit(v) ? "-0" : "0");
    return;
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::scientific);
  std::string_view sci(buf, res.ptr - buf);  // "-1.2345e+20"
  bool neg = sci[0] == '-';
  if (neg) sci.remove_prefix(1);
  size_t epos = sci.find('e');
  std::string digits;
  for (size_t i = 0; i < epos; i++) {
    if (sci[i] != '.') digits.push_back(sci[i]);
  }
  int exp = 0;
  std::from_chars(sci.data() + epos + (sci[epos + 1] == '+' ? 2 : 1), sci.data() + sci.size(), exp);
  if (neg) out->push_back('-');
  int n = static_cast<int>(digits.size());
  if (exp >= -4 && exp < fixed_limit) {
    if (exp >= 0) {
      if (n <= exp + 1) {
        out->append(digits);
        out->append(static_cast<size_t>(exp + 1 - n), '0');
      } else {
        out->append(digits, 0, static_cast<size_t>(exp + 1));
        out->push_back('.');
        out->append(digits, static_cast<size_t>(exp + 1), std::string::npos);
      }
    } else {
      out->append("0.");
      out->append(static_cast<size_t>(-exp - 1), '0');
      out->append(digits);
    }
    return;
  }
  out->push_back(digits[0]);
  if (n > 1) {
    out->push_back('.');
    out->append(digits, 1, std::string::npos);
  }
  char ebuf[16];
  int len = std::snprintf(ebuf, sizeof(ebuf), "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  out->append(ebuf, static_cast<size_t>(len));
}

const char* IntTypeName(TypeId type) {
  switch (type) {
    case TypeId::kSmallInt:
      return "smallint";
    case TypeId::kBigInt:
      return "bigint";
    default:
      return "integer";
  }
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

void AppendDouble(std::string* out, double v) {
  AppendShortest(out, v, 15);
}
void AppendReal(std::string* out, float v) {
  AppendShortest(out, v, 6);
}

std::string FormatDouble(double v) {
  std::string s;
  AppendDouble(&s, v);
  return s;
}

std::string FormatReal(float v) {
  std::string s;
  AppendReal(&s, v);
  return s;
}

[[noreturn]] void ThrowIntegerOutOfRange(TypeId type) {
  ThrowError(sqlstate::kNumericValueOutOfRange, std::string(IntTypeName(type)) + " out of range");
}

int64_t CheckIntegerRange(int64_t v, TypeId type) {
  if (type == TypeId::kInteger) {
    if (v < INT32_MIN || v > INT32_MAX) ThrowIntegerOutOfRange(type);
  } else if (type == TypeId::kSmallInt) {
    if (v < INT16_MIN || v > INT16_MAX) ThrowIntegerOutOfRange(type);
  }
  return v;
}

int64_t ParseInteger(std::string_view text, TypeId type) {
  std::string_view s = TrimSpace(text);
  auto bad = [&]() {
    ThrowError(sqlstate::kInvalidTextRepresentation, std::string("invalid input syntax for type ") +
                                                         IntTypeName(type) + ": \"" +
                                                         std::string(text) + "\"");
  };
  auto range = [&]() {
    ThrowError(sqlstate::kNumericValueOutOfRange,
               "value \"" + std::string(text) + "\" is out of range for type " + IntTypeName(type));
  };
  bool neg = false;
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  if (i >= s.size()) bad();
  // PostgreSQL 16's forms: 0x / 0o / 0b prefixes, and single underscores between digits
  // (after a prefix, also before the first digit).
  unsigned base = 10;
  if (s.size() - i > 1 && s[i] == '0') {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + 1])));
    base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
    if (base != 10) i += 2;
  }
  auto digit = [base](char c) -> int {
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : 99;
    return d < static_cast<int>(base) ? d : -1;
  };
  const size_t first = i;
  bool overflow = false;  // bad syntax is reported over range, as PostgreSQL does
  unsigned __int128 mag = 0;
  for (; i < s.size(); i++) {
    if (s[i] == '_' && i + 1 < s.size() && digit(s[i + 1]) >= 0 && (i > first || base != 10))
      continue;
    int d = digit(s[i]);
    if (d < 0) bad();
    if (!overflow) mag = mag * base + static_cast<unsigned>(d);
    overflow |= mag > (static_cast<unsigned __int128>(1) << 64);
  }
  if (i == first) bad();
  if (overflow) range();
  __int128 v = neg ? -static_cast<__int128>(mag) : static_cast<__int128>(mag);
  __int128 lo = type == TypeId::kSmallInt  ? INT16_MIN
                : type == TypeId::kInteger ? INT32_MIN
                                           : INT64_MIN;
  __int128 hi = type == TypeId::kSmallInt  ? INT16_MAX
                : type == TypeId::kInteger ? INT32_MAX
                                           : INT64_MAX;
  if (v < lo || v > hi) range();
  return static_cast<int64_t>(v);
}

namespace {
double ParseFloatCommon(std::string_view text, bool real) {
  const char* type_name = real ? "real" : "double precision";
  std::string_view s = TrimSpace(text);
  auto bad = [&]() {
    ThrowError(sqlstate::kInvalidTextRepresentation, std::string("invalid input syntax for type ") +
                                                         type_name + ": \"" + std::string(text) +
                                                         "\"");
  };
  if (s.empty()) bad();
  std::string str(s);
  const char* p = str.c_str();
  // Special spellings (strtod also accepts "inf", "nan" but not "Infinity" case variants
  // consistently; PostgreSQL accepts these exactly).
  auto eq = [&](const char* w) { return strcasecmp(p, w) == 0; };
  if (eq("nan")) return std::nan("");
  if (eq("infinity") || eq("+infinity") || eq("inf") || eq("+inf")) return INFINITY;
  if (eq("-infinity") || eq("-inf")) return -INFINITY;
  if (!(std::isdigit(static_cast<unsigned char>(p[0])) || p[0] == '.' || p[0] == '-' ||
        p[0] == '+')) {
    bad();
  }
  char* end = nullptr;
  errno = 0;
  double v;
  if (real) {
    v = std::strtof(p, &end);
  } else {
    v = std::strtod(p, &end);
  }
  if (end == p || *end != '\0') bad();
  if (errno == ERANGE && (v == 0 || std::isinf(v))) {
    ThrowError(sqlstate::kNumericValueOutOfRange,
               "\"" + std::string(s) + "\" is out of range for type " + type_name);
  }
  // Reject hex floats and other strtod extensions PostgreSQL also rejects ("0x1p3" is
  // accepted by PostgreSQL's strtod too, so leave it).
  return v;
}
}  // namespace

double ParseDouble(std::string_view text) {
  return ParseFloatCommon(text, false);
}
double ParseReal(std::string_view text) {
  return ParseFloatCommon(text, true);
}

double RoundToReal(double v) {
  float f = static_cast<float>(v);
  if (std::isinf(f) && !std::isinf(v)) {
    ThrowError(sqlstate::kNumericValueOutOfRange, "value out of range: overflow");
  }
  if (f == 0 && v != 0) {
    ThrowError(sqlstate::kNumericValueOutOfRange, "value out of range: underflow");
  }
  return f;
}

bool ParseBool(std::string_view text) {
  std::string_view s = TrimSpace(text);
  auto prefix_of = [&](const char* word, size_t min_len) {
    return s.size() >= min_len && s.size() <= std::strlen(word) &&
           strncasecmp(s.data(), word, s.size()) == 0;
  };
  if (!s.empty()) {
    if (prefix_of("true", 1) || prefix_of("yes", 1) || prefix_of("on", 2) || s == "1") return true;
    if (prefix_of("false", 1) || prefix_of("no", 1) || prefix_of("off", 2) || s == "0")
      return false;
  }
  ThrowError(sqlstate::kInvalidTextRepresentation,
             "invalid input syntax for type boolean: \"" + std::string(text) + "\"");
}

std::string FormatBytea(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 + bytes.size() * 2);
  out.append("\\x");
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::string ParseBytea(std::string_view text) {
  std::string out;
  if (text.size() >= 2 && text[0] == '\\' && text[1] == 'x') {
    auto hexval = [](char c) {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    size_t i = 2;
    while (i < text.size()) {
      if (std::isspace(static_cast<unsigned char>(text[i]))) {
        i++;
        continue;
      }
      int hi = hexval(text[i]);
      if (hi < 0) {
        ThrowError(sqlstate::kInvalidParameterValue,
                   "invalid hexadecimal digit: \"" + std::string(1, text[i]) + "\"");
      }
      if (i + 1 >= text.size()) {
        ThrowError(sqlstate::kInvalidParameterValue,
                   "invalid hexadecimal data: odd number of digits");
      }
      int lo = hexval(text[i + 1]);
      if (lo < 0) {
        ThrowError(sqlstate::kInvalidParameterValue,
                   "invalid hexadecimal digit: \"" + std::string(1, text[i + 1]) + "\"");
      }
      out.push_back(static_cast<char>(hi << 4 | lo));
      i += 2;
    }
    return out;
  }
  for (size_t i = 0; i < text.size(); i++) {
    char c = text[i];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '\\') {
      out.push_back('\\');
      i++;
    } else if (i + 3 < text.size() + 0 && text[i + 1] >= '0' && text[i + 1] <= '3' &&
               text[i + 2] >= '0' && text[i + 2] <= '7' && text[i + 3] >= '0' &&
               text[i + 3] <= '7') {
      out.push_back(static_cast<char>((text[i + 1] - '0') * 64 + (text[i + 2] - '0') * 8 +
                                      (text[i + 3] - '0')));
      i += 3;
    } else {
      ThrowError(sqlstate::kInvalidTextRepresentation, "invalid input syntax for type bytea");
    }
  }
  return out;
}

}  // namespace heliosdb
