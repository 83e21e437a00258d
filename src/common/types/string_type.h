// Character-string type rules shared by text input, casts and string functions: UTF-8
// character counting and the VARCHAR(n) / CHAR(n) length modifiers.
//
// CHAR(n) (bpchar) values are stored blank-padded to n characters. Trailing spaces are
// insignificant for bpchar: comparisons, hashing, length() and casts to text strip them
// (BpcharStrip), as PostgreSQL does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace heliosdb {

// Number of UTF-8 characters (bytes that are not continuation bytes).
int64_t Utf8Length(std::string_view s);
// Byte offset of the character at index `chars` (or s.size() if the string is shorter).
size_t Utf8Offset(std::string_view s, int64_t chars);
// Throws 22021 "invalid byte sequence for encoding "UTF8": 0x.." (PostgreSQL's words) at the
// first byte sequence that is not UTF-8: truncated, overlong, a surrogate, past U+10FFFF, or
// a NUL byte.
void CheckUtf8(std::string_view s);

// VARCHAR(n): explicit casts truncate to n characters; assignment raises 22001
// "value too long for type character varying(n)" unless the excess is only spaces.
std::string_view ApplyVarcharLength(std::string_view s, int32_t n, bool explicit_cast);
// CHAR(n): like VARCHAR(n), then pads with spaces to n characters.
std::string ApplyCharLength(std::string_view s, int32_t n, bool explicit_cast);
// bpchar without its trailing spaces (its significant value).
inline std::string_view BpcharStrip(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace heliosdb
