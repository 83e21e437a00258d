#include "common/types/string_type.h"

#include "common/exception.h"

namespace heliosdb {

int64_t Utf8Length(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

size_t Utf8Offset(std::string_view s, int64_t chars) {
  if (chars <= 0) return 0;
  int64_t seen = 0;
  for (size_t i = 0; i < s.size(); i++) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == chars) return i;
      seen++;
    }
  }
  return s.size();
}

namespace {
std::string_view Truncate(std::string_view s, int32_t n, bool explicit_cast,
                          const char* type_name) {
  if (n < 0 || static_cast<int64_t>(s.size()) <= n) return s;  // fast path: bytes >= chars
  size_t cut = Utf8Offset(s, n);
  if (cut >= s.size()) return s;
  if (!explicit_cast) {
    for (size_t i = cut; i < s.size(); i++) {
      if (s[i] != ' ') {
        ThrowError(
            sqlstate::kStringDataRightTruncation,
            std::string("value too long for type ") + type_name + "(" + std::to_string(n) + ")");
      }
    }
  }
  return s.substr(0, cut);
}
}  // namespace

std::string_view ApplyVarcharLength(std::string_view s, int32_t n, bool explicit_cast) {
  return Truncate(s, n, explicit_cast, "character varying");
}

std::string ApplyCharLength(std::string_view s, int32_t n, bool explicit_cast) {
  std::string out(Truncate(s, n, explicit_cast, "character"));
  if (n >= 0) {
    int64_t len = Utf8Length(out);
    if (len < n) out.append(static_cast<size_t>(n - len), ' ');
  }
  return out;
}

}  // namespace heliosdb
