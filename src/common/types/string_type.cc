#include "common/types/string_type.h"

#include <cstdio>

#include "common/exception.h"

namespace heliosdb {

int64_t Utf8Length(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

namespace {
// Length of the valid sequence at s[i], or 0 when it is not one.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c == 0) return 0;
  if (c < 0x80) return 1;
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; k++)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  unsigned char d = byte(i + 1);
  if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d >= 0xA0) ||  // overlong, surrogate
      (c == 0xF0 && d < 0x90) || (c == 0xF4 && d >= 0x90))    // overlong, past U+10FFFF
    return 0;
  return n;
}
}  // namespace

void CheckUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (size_t n = Utf8SequenceLength(s, i)) {
      i += n;
      continue;
    }
    std::string bytes;
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    for (size_t k = i; k < s.size() && k < i + want; k++) {
      char hex[8];
      std::snprintf(hex, sizeof(hex), "%s0x%02x", k == i ? "" : " ",
                    static_cast<unsigned char>(s[k]));
      bytes += hex;
    }
    ThrowError(sqlstate::kCharacterNotInRepertoire,
               "invalid byte sequence for encoding \"UTF8\": " + bytes);
  }
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
