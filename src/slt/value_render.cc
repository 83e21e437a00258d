// Rendering, sorting and hashing of result values (declared in result_check.h).
#include <openssl/evp.h>

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "slt/result_check.h"

namespace heliosdb::slt {
namespace {

bool IsIntegerOid(uint32_t oid) {
  return oid == kInt2Oid || oid == kInt4Oid || oid == kInt8Oid;
}

// The numeric prefix of a text, as SQLite converts text to a number (0 when there is none).
double LeadingNumber(const std::string& text) {
  const char* s = text.c_str();
  while (*s == ' ' || *s == '\t') ++s;
  char* end = nullptr;
  double v = std::strtod(s, &end);
  return end == s ? 0.0 : v;
}

int64_t TruncateToInt64(double v) {
  if (std::isnan(v)) return 0;
  if (v >= 9.2233720368547758e18) return INT64_MAX;
  if (v <= -9.2233720368547758e18) return INT64_MIN;
  return static_cast<int64_t>(v);  // truncates toward zero, like a C cast in SQLite
}

std::string RenderInteger(const std::string& text, uint32_t oid) {
  if (oid == kBoolOid) return (text == "t" || text == "true") ? "1" : "0";
  if (IsIntegerOid(oid)) return text;
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%" PRId64, TruncateToInt64(LeadingNumber(text)));
  return buf;
}

std::string RenderReal(const std::string& text, uint32_t oid) {
  double v = oid == kBoolOid ? ((text == "t" || text == "true") ? 1.0 : 0.0) : LeadingNumber(text);
  char buf[512];
  std::snprintf(buf, sizeof(buf), "%.3f", v);
  return buf;
}

std::string RenderText(const std::string& text, uint32_t oid) {
  if (text.empty()) return "(empty)";
  // SQLite has no boolean type: its expected results hold 1 and 0.
  if (oid == kBoolOid) return (text == "t" || text == "true") ? "1" : "0";
  std::string out = text;
  for (char& c : out) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7E) c = '@';
  }
  return out;
}

}  // namespace

std::string RenderSqliteValue(char type, const std::optional<std::string>& text, uint32_t oid) {
  if (!text) return "NULL";
  switch (type) {
    case 'I':
      return RenderInteger(*text, oid);
    case 'R':
      return RenderReal(*text, oid);
    default:
      return RenderText(*text, oid);
  }
}

std::string RenderPlainValue(Dialect dialect, const std::optional<std::string>& text,
                             uint32_t oid) {
  if (!text) return "NULL";
  if (text->empty()) return "(empty)";
  if (oid == kBoolOid && dialect != Dialect::kRisingWave) {
    if (*text == "t") return "true";
    if (*text == "f") return "false";
  }
  return *text;
}

std::vector<std::string> RenderValues(Dialect dialect, const std::string& types,
                                      const ResultSet& result) {
  std::vector<std::string> values;
  size_t columns = result.type_oids.size();
  values.reserve(result.rows.size() * columns);
  for (const auto& row : result.rows) {
    for (size_t c = 0; c < columns && c < row.size(); ++c) {
      uint32_t oid = result.type_oids[c];
      if (dialect == Dialect::kSqlite) {
        char letter = c < types.size() ? types[c] : 'T';
        values.push_back(RenderSqliteValue(letter, row[c], oid));
      } else {
        values.push_back(RenderPlainValue(dialect, row[c], oid));
      }
    }
  }
  return values;
}

void SortValues(SortMode mode, size_t columns, std::vector<std::string>* values) {
  if (mode == SortMode::kValueSort || (mode == SortMode::kRowSort && columns <= 1)) {
    std::sort(values->begin(), values->end());
    return;
  }
  if (mode != SortMode::kRowSort || columns == 0) return;
  size_t rows = values->size() / columns;
  std::vector<size_t> order(rows);
  for (size_t i = 0; i < rows; ++i) order[i] = i;
  const auto& v = *values;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    for (size_t c = 0; c < columns; ++c) {
      int cmp = std::strcmp(v[a * columns + c].c_str(), v[b * columns + c].c_str());
      if (cmp != 0) return cmp < 0;
    }
    return false;
  });
  std::vector<std::string> sorted;
  sorted.reserve(values->size());
  for (size_t r : order) {
    for (size_t c = 0; c < columns; ++c) sorted.push_back(std::move((*values)[r * columns + c]));
  }
  // A ragged tail (values not a multiple of columns) stays at the end, unsorted.
  for (size_t i = rows * columns; i < values->size(); ++i) sorted.push_back((*values)[i]);
  *values = std::move(sorted);
}

std::string HashValues(const std::vector<std::string>& values) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_md5(), nullptr);
  for (const auto& v : values) {
    EVP_DigestUpdate(ctx, v.data(), v.size());
    EVP_DigestUpdate(ctx, "\n", 1);
  }
  EVP_DigestFinal_ex(ctx, digest, &length);
  EVP_MD_CTX_free(ctx);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

bool ParseHashLine(const std::string& line, size_t* count, std::string* hash) {
  char buf[64];
  unsigned long long n = 0;
  int consumed = 0;
  if (std::sscanf(line.c_str(), "%llu values hashing to %40s%n", &n, buf, &consumed) != 2) {
    return false;
  }
  if (std::strlen(buf) != 32) return false;
  *count = static_cast<size_t>(n);
  *hash = buf;
  return true;
}

}  // namespace heliosdb::slt
