#include "capi/sql_scan.h"

#include <cctype>

namespace heliosdb::capi {
namespace {

bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Skips a quoted, commented or dollar-quoted span starting at i; returns the offset after it,
// or i when nothing starts there.
size_t SkipSpan(std::string_view t, size_t i) {
  char c = t[i];
  char next = i + 1 < t.size() ? t[i + 1] : '\0';
  if (c == '-' && next == '-') {
    size_t nl = t.find('\n', i);
    return nl == std::string_view::npos ? t.size() : nl + 1;
  }
  if (c == '/' && next == '*') {
    int depth = 1;
    size_t j = i + 2;
    while (j < t.size() && depth > 0) {
      if (t.substr(j, 2) == "/*") {
        ++depth;
        j += 2;
      } else if (t.substr(j, 2) == "*/") {
        --depth;
        j += 2;
      } else {
        ++j;
      }
    }
    return j;
  }
  if (c == '\'' || c == '"') {
    bool escapes = c == '\'' && i > 0 && (t[i - 1] == 'E' || t[i - 1] == 'e') &&
                   (i < 2 || !IsIdentChar(t[i - 2]));
    size_t j = i + 1;
    while (j < t.size()) {
      if (escapes && t[j] == '\\') {
        j += 2;
        continue;
      }
      if (t[j] == c) return j + 1;  // a doubled quote just reopens the span
      ++j;
    }
    return t.size();
  }
  if (c == '$' && (i == 0 || !IsIdentChar(t[i - 1])) && !(next >= '0' && next <= '9')) {
    size_t j = i + 1;
    while (j < t.size() && IsIdentChar(t[j]) && t[j] != '$') ++j;
    if (j < t.size() && t[j] == '$') {
      std::string_view tag = t.substr(i, j - i + 1);
      size_t close = t.find(tag, j + 1);
      return close == std::string_view::npos ? t.size() : close + tag.size();
    }
  }
  return i;
}

}  // namespace

size_t FirstStatementEnd(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    size_t after = SkipSpan(text, i);
    if (after != i) {
      i = after;
      continue;
    }
    if (text[i] == ';') return i + 1;
    ++i;
  }
  return text.size();
}

bool IsBlankSql(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c)) || c == ';') {
      ++i;
      continue;
    }
    bool comment =
        (c == '-' || c == '/') && i + 1 < text.size() && text[i + 1] == (c == '-' ? '-' : '*');
    if (!comment) return false;
    i = SkipSpan(text, i);
  }
  return true;
}

}  // namespace heliosdb::capi
