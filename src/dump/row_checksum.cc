#include "dump/row_checksum.h"

#include <openssl/evp.h>

#include "parser/ast_printer.h"

namespace heliosdb::dump {

std::string CanonicalRowText(const std::vector<Field>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); i++) {
    if (i) out += ',';
    if (!fields[i]) {
      out += 'N';
      continue;
    }
    out += std::to_string(fields[i]->size());
    out += ':';
    out += *fields[i];
  }
  return out;
}

int64_t RowHash(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(text.data(), text.size(), digest, &len, EVP_md5(), nullptr);
  uint64_t v = 0;
  for (int i = 0; i < 8; i++) v = (v << 8) | digest[i];
  return static_cast<int64_t>(v);
}

std::string TableChecksum::SumText() const {
  if (sum == 0) return "0";
  bool negative = sum < 0;
  unsigned __int128 v = negative ? -static_cast<unsigned __int128>(sum) : sum;
  std::string digits;
  while (v > 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return negative ? "-" + digits : digits;
}

namespace {
std::string RowTextExpr(const DumpTable& t) {
  std::string s;
  for (size_t i = 0; i < t.columns.size(); i++) {
    // format('%s') renders through the type's output function, as COPY does; a cast to text
    // would print booleans as true / false and strip char(n)'s padding.
    std::string c = QuoteIdentifier(t.columns[i].name);
    std::string text = "format('%s', " + c + ")";
    s += std::string(i ? " || ',' || " : "") + "CASE WHEN " + c +
         " IS NULL THEN 'N' ELSE octet_length(" + text + ") || ':' || " + text + " END";
  }
  return t.columns.empty() ? "''" : s;
}
std::string HashExpr(const std::string& text) {
  return "('x' || substr(md5(" + text + "), 1, 16))::bit(64)::bigint";
}
}  // namespace

std::string PostgresChecksumQuery(const DumpTable& t) {
  return "SELECT count(*), coalesce(sum(" + HashExpr(RowTextExpr(t)) + "), 0)::text FROM " +
         QualifiedName(t.schema, t.name);
}

std::string PostgresRowHashQuery(const DumpTable& t) {
  std::string text = RowTextExpr(t);
  return "SELECT " + HashExpr(text) + ", " + text + " FROM " + QualifiedName(t.schema, t.name);
}

}  // namespace heliosdb::dump
