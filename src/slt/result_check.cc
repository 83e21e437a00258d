#include "slt/result_check.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <regex>
#include <sstream>

namespace heliosdb::slt {
namespace {

constexpr size_t kShowChars = 60;

std::string Short(const std::string& s) {
  return s.size() <= kShowChars ? s : s.substr(0, kShowChars) + "...";
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ParseFullDouble(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

std::vector<std::string> SplitOn(const std::string& line, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = line.find(sep, start);
    out.push_back(line.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

std::vector<std::string> Whitespace(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  std::string t;
  while (in >> t) out.push_back(t);
  return out;
}

bool AllLinesAreTabRows(const std::vector<std::string>& lines, size_t columns) {
  for (const auto& line : lines) {
    if (SplitOn(line, '\t').size() != columns) return false;
  }
  return true;
}

// DuckDB's layout rule: with several columns and one line per row, lines are tab-separated rows;
// otherwise one value per line. Lines that all hold `columns` tab-separated values are rows
// too, so a result with the wrong row count is reported as such.
std::vector<std::string> DuckExpectedValues(const Record& r, size_t columns, size_t rows) {
  if (columns <= 1) return r.expected;
  if (r.expected.size() != rows && !AllLinesAreTabRows(r.expected, columns)) return r.expected;
  std::vector<std::string> values;
  for (const auto& line : r.expected) {
    auto parts = SplitOn(line, '\t');
    if (parts.size() != columns) {
      auto ws = Whitespace(line);
      if (ws.size() == columns) parts = ws;
    }
    values.insert(values.end(), parts.begin(), parts.end());
  }
  return values;
}

CheckOutcome CompareHash(const std::string& line, const std::vector<std::string>& actual) {
  CheckOutcome out;
  size_t count = 0;
  std::string hash;
  ParseHashLine(line, &count, &hash);
  out.hash = HashValues(actual);
  out.ok = count == actual.size() && Lower(hash) == out.hash;
  if (!out.ok) {
    out.message = "expected " + line + ", got " + std::to_string(actual.size()) +
                  " values hashing to " + out.hash;
  }
  return out;
}

std::string Mismatch(size_t index, size_t columns, const std::string& expected,
                     const std::string& actual) {
  size_t row = columns ? index / columns + 1 : index + 1;
  return "row " + std::to_string(row) + ": expected \"" + Short(expected) + "\", got \"" +
         Short(actual) + "\"";
}

std::string CountMismatch(size_t expected, size_t actual, const std::vector<std::string>& got) {
  std::string msg =
      "expected " + std::to_string(expected) + " values, got " + std::to_string(actual);
  if (!got.empty()) msg += " (first: \"" + Short(got[0]) + "\")";
  return msg;
}

// RisingWave: one row per line, compared token by token after whitespace splitting.
CheckOutcome CheckRisingWave(const Record& r, const ResultSet& result,
                             const std::vector<std::string>& values) {
  CheckOutcome out;
  size_t columns = result.type_oids.size();
  std::vector<std::string> actual_rows, expected_rows;
  for (size_t i = 0; columns && i + columns <= values.size(); i += columns) {
    std::string row;
    for (size_t c = 0; c < columns; ++c) row += (c ? " " : "") + values[i + c];
    auto tokens = Whitespace(row);
    std::string joined;
    for (const auto& t : tokens) joined += (joined.empty() ? "" : " ") + t;
    actual_rows.push_back(joined);
  }
  for (const auto& line : r.expected) {
    std::string joined;
    for (const auto& t : Whitespace(line)) joined += (joined.empty() ? "" : " ") + t;
    expected_rows.push_back(joined);
  }
  if (r.sort != SortMode::kNoSort) {
    std::sort(actual_rows.begin(), actual_rows.end());
    std::sort(expected_rows.begin(), expected_rows.end());
  }
  out.hash = HashValues(values);
  if (actual_rows.size() != expected_rows.size()) {
    out.message = "expected " + std::to_string(expected_rows.size()) + " rows, got " +
                  std::to_string(actual_rows.size());
    if (!actual_rows.empty()) out.message += " (first: \"" + Short(actual_rows[0]) + "\")";
    return out;
  }
  for (size_t i = 0; i < actual_rows.size(); ++i) {
    if (actual_rows[i] != expected_rows[i]) {
      out.message = Mismatch(i, 1, expected_rows[i], actual_rows[i]);
      return out;
    }
  }
  out.ok = true;
  return out;
}

}  // namespace

bool DuckValueMatches(const std::string& expected, const std::string& actual, uint32_t oid,
                      char type_letter) {
  if (expected == actual) return true;
  if (oid == kBoolOid) {
    // DuckDB prints booleans 1/0 or true/false, in either case (TRUE in some tests).
    std::string e = Lower(expected);
    bool want_true = e == "1" || e == "true" || e == "t";
    bool want_false = e == "0" || e == "false" || e == "f";
    if (actual == "true") return want_true;
    if (actual == "false") return want_false;
    return false;
  }
  bool integer = oid == kInt2Oid || oid == kInt4Oid || oid == kInt8Oid;
  bool floating =
      oid == kFloat4Oid || oid == kFloat8Oid || oid == kNumericOid || type_letter == 'R';
  if (!integer && !floating) return false;
  double e = 0, a = 0;
  if (!ParseFullDouble(expected, &e) || !ParseFullDouble(actual, &a)) return false;
  if (std::isnan(e) || std::isnan(a)) return std::isnan(e) && std::isnan(a);
  if (std::isinf(e) || std::isinf(a)) return e == a;
  if (!floating) return e == a;
  return std::fabs(a - e) <= 0.01 * std::fabs(e) + 1e-8;
}

CheckOutcome CheckQueryResult(const Record& r, Dialect dialect, const ResultSet& result) {
  CheckOutcome out;
  size_t columns = result.type_oids.size();
  bool letters_fix_columns =
      dialect == Dialect::kSqlite || dialect == Dialect::kDuckDb || dialect == Dialect::kHelios;
  if (letters_fix_columns && r.types.size() != columns) {
    out.message =
        "expected " + std::to_string(r.types.size()) + " columns, got " + std::to_string(columns);
    return out;
  }
  std::vector<std::string> actual = RenderValues(dialect, r.types, result);
  size_t count = 0;
  std::string hash;
  bool hashed = r.expected.size() == 1 && ParseHashLine(r.expected[0], &count, &hash);
  if (dialect == Dialect::kRisingWave && !hashed) return CheckRisingWave(r, result, actual);
  SortValues(r.sort, columns, &actual);
  if (hashed) return CompareHash(r.expected[0], actual);
  out.hash = HashValues(actual);

  std::vector<std::string> expected =
      dialect == Dialect::kSqlite ? r.expected : DuckExpectedValues(r, columns, result.rows.size());
  SortValues(r.sort, columns, &expected);
  if (expected.size() != actual.size()) {
    out.message = CountMismatch(expected.size(), actual.size(), actual);
    return out;
  }
  for (size_t i = 0; i < actual.size(); ++i) {
    bool same = expected[i] == actual[i];
    if (!same && dialect != Dialect::kSqlite) {
      size_t c = columns ? i % columns : 0;
      char letter = c < r.types.size() ? r.types[c] : 'T';
      same = DuckValueMatches(expected[i], actual[i], columns ? result.type_oids[c] : 0, letter);
    }
    if (!same) {
      out.message = Mismatch(i, columns, expected[i], actual[i]);
      return out;
    }
  }
  out.ok = true;
  return out;
}

bool ErrorMatches(const Record& r, Dialect dialect, const std::string& sqlstate,
                  const std::string& message) {
  const std::string& want = r.error_text;
  if (want.empty() || dialect == Dialect::kSqlite) return true;
  std::string lower_message = Lower(message);
  if (Lower(message).find(Lower(want)) != std::string::npos) return true;
  if (dialect == Dialect::kHelios) return want == sqlstate;
  if (dialect == Dialect::kRisingWave) {
    // sqllogictest-rs treats the text as a regular expression.
    try {
      std::regex re(want, std::regex::ECMAScript | std::regex::icase);
      return std::regex_search(message, re);
    } catch (const std::regex_error&) {
      return false;
    }
  }
  return false;
}

}  // namespace heliosdb::slt
