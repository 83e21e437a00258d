// SplitStatements: cuts a script at top-level semicolons without parsing, so the shell can
// tell whether its buffer holds complete statements.
#include <string>
#include <string_view>
#include <vector>

#include "parser/parser.h"

namespace heliosdb {

namespace {

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n\f\v");
  return std::string(s.substr(b, e - b + 1));
}

// Returns the end of the dollar-quote opening tag at i ("$tag$" or "$$"), or npos.
size_t DollarTagEnd(std::string_view s, size_t i) {
  if (i > 0 && IsIdentChar(s[i - 1])) return std::string_view::npos;
  size_t j = i + 1;
  if (j < s.size() && s[j] >= '0' && s[j] <= '9') return std::string_view::npos;
  while (j < s.size() && IsIdentChar(s[j]) && s[j] != '$') ++j;
  return j < s.size() && s[j] == '$' ? j + 1 : std::string_view::npos;
}

}  // namespace

std::vector<std::string> SplitStatements(std::string_view script, std::string* rest) {
  std::vector<std::string> statements;
  size_t start = 0;
  size_t i = 0;
  int parens = 0;
  bool content = false;  // anything but whitespace and comments since `start`
  bool open_comment = false;
  const size_t n = script.size();
  while (i < n) {
    char c = script[i];
    if (c == '-' && i + 1 < n && script[i + 1] == '-') {
      while (i < n && script[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && script[i + 1] == '*') {
      int depth = 0;
      open_comment = true;
      while (i < n) {
        if (script[i] == '/' && i + 1 < n && script[i + 1] == '*') {
          ++depth;
          i += 2;
        } else if (script[i] == '*' && i + 1 < n && script[i + 1] == '/') {
          i += 2;
          if (--depth == 0) {
            open_comment = false;
            break;
          }
        } else {
          ++i;
        }
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    if (c == ';' && parens == 0) {
      if (content) statements.push_back(Trim(script.substr(start, i - start)));
      content = false;
      start = ++i;
      continue;
    }
    content = true;
    if (c == '\'') {
      bool escapes = i > 0 && (script[i - 1] == 'e' || script[i - 1] == 'E') &&
                     (i < 2 || !IsIdentChar(script[i - 2]));
      ++i;
      while (i < n) {
        if (escapes && script[i] == '\\') {
          i += 2;
        } else if (script[i] == '\'') {
          if (i + 1 < n && script[i + 1] == '\'') {
            i += 2;
          } else {
            break;
          }
        } else {
          ++i;
        }
      }
      ++i;
    } else if (c == '"') {
      size_t close = script.find('"', i + 1);
      i = close == std::string_view::npos ? n : close + 1;
    } else if (c == '$' && DollarTagEnd(script, i) != std::string_view::npos) {
      size_t body = DollarTagEnd(script, i);
      std::string_view tag = script.substr(i, body - i);
      size_t close = script.find(tag, body);
      i = close == std::string_view::npos ? n : close + tag.size();
    } else {
      if (c == '(') ++parens;
      if (c == ')' && parens > 0) --parens;
      ++i;
    }
  }
  if (rest != nullptr) {
    *rest = content || open_comment ? Trim(script.substr(start < n ? start : n)) : "";
  }
  return statements;
}

}  // namespace heliosdb
