#include "parser/lexer.h"

#include <cstdint>
#include <cstring>

#include "common/exception.h"

namespace heliosdb::parser {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsIdentChar(char c) {
  return IsIdentStart(c) || IsDigit(c) || c == '$';
}
bool IsOpChar(char c) {
  return c != '\0' && std::strchr("+-*/<>=~!@#%^&|`?", c) != nullptr;
}

// Appends a Unicode code point as UTF-8.
void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Lexer::Lexer(std::string_view sql) : sql_(sql) {
  char_pos_.resize(sql.size() + 1);
  int chars = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char_pos_[i] = chars + 1;
    if ((static_cast<unsigned char>(sql[i]) & 0xC0) != 0x80) ++chars;
  }
  char_pos_[sql.size()] = chars + 1;
}

void Lexer::FailFrom(const char* code, const std::string& message, int begin) const {
  ThrowError(code, message + " at or near \"" + std::string(sql_.substr(begin)) + "\"",
             CharPos(begin));
}

void Lexer::Emit(TokenType type, std::string text, int begin) {
  Token t;
  t.type = type;
  t.text = std::move(text);
  t.byte_begin = begin;
  t.byte_end = pos_;
  t.location = CharPos(begin);
  t.end_location = CharPos(pos_);
  tokens_.push_back(std::move(t));
}

void Lexer::SkipSpaceAndComments() {
  while (!AtEnd()) {
    char c = At(pos_);
    if (IsSpace(c)) {
      ++pos_;
    } else if (c == '-' && At(pos_ + 1) == '-') {
      while (!AtEnd() && At(pos_) != '\n') ++pos_;
    } else if (c == '/' && At(pos_ + 1) == '*') {
      int begin = pos_;
      int depth = 0;
      while (true) {
        if (AtEnd()) {
          FailFrom(sqlstate::kSyntaxError, "unterminated /* comment", begin);
        }
        if (At(pos_) == '/' && At(pos_ + 1) == '*') {
          ++depth;
          pos_ += 2;
        } else if (At(pos_) == '*' && At(pos_ + 1) == '/') {
          pos_ += 2;
          if (--depth == 0) break;
        } else {
          ++pos_;
        }
      }
    } else {
      return;
    }
  }
}

std::vector<Token> Lexer::Tokenize() {
  while (true) {
    SkipSpaceAndComments();
    if (AtEnd()) break;
    char c = At(pos_);
    char n = At(pos_ + 1);
    if ((c == 'e' || c == 'E') && n == '\'') {
      LexString(true);
    } else if ((c == 'b' || c == 'B') && n == '\'') {
      LexBitString(false);
    } else if ((c == 'x' || c == 'X') && n == '\'') {
      LexBitString(true);
    } else if ((c == 'n' || c == 'N') && n == '\'') {
      ++pos_;  // national character literal: an ordinary string here
      LexString(false);
      tokens_.back().byte_begin -= 1;
      tokens_.back().location = CharPos(tokens_.back().byte_begin);
    } else if (IsIdentStart(c)) {
      LexIdentifier();
    } else if (c == '"') {
      LexQuotedIdentifier();
    } else if (IsDigit(c) || (c == '.' && IsDigit(n))) {
      LexNumber();
    } else if (c == '\'') {
      LexString(false);
    } else if (c == '$') {
      if (IsDigit(n)) {
        LexParam();
      } else if (!LexDollarString()) {
        ++pos_;
        Emit(TokenType::kOperator, "$", pos_ - 1);
      }
    } else if (IsOpChar(c)) {
      LexOperator();
    } else {
      int begin = pos_++;
      if (c == ':' && (n == ':' || n == '=')) ++pos_;
      Emit(TokenType::kOperator, std::string(sql_.substr(begin, pos_ - begin)), begin);
    }
  }
  Token end;
  end.type = TokenType::kEnd;
  end.byte_begin = end.byte_end = static_cast<int>(sql_.size());
  end.location = end.end_location = CharPos(static_cast<int>(sql_.size()));
  tokens_.push_back(std::move(end));
  return std::move(tokens_);
}

void Lexer::LexIdentifier() {
  int begin = pos_;
  while (!AtEnd() && IsIdentChar(At(pos_))) ++pos_;
  std::string text(sql_.substr(begin, pos_ - begin));
  for (char& ch : text) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  KeywordCategory category = LookupKeyword(text);
  Emit(TokenType::kIdent, std::move(text), begin);
  tokens_.back().keyword = category;
}

void Lexer::LexQuotedIdentifier() {
  int begin = pos_++;
  std::string text;
  while (true) {
    if (AtEnd()) FailFrom(sqlstate::kSyntaxError, "unterminated quoted identifier", begin);
    char c = At(pos_++);
    if (c == '"') {
      if (At(pos_) != '"') break;
      ++pos_;
    }
    text.push_back(c);
  }
  if (text.empty()) {
    ThrowError(sqlstate::kSyntaxError, "zero-length delimited identifier at or near \"\"\"\"",
               CharPos(begin));
  }
  Emit(TokenType::kIdent, std::move(text), begin);
  tokens_.back().quoted = true;
}

void Lexer::LexNumber() {
  int begin = pos_;
  bool is_integer = true;
  while (IsDigit(At(pos_))) ++pos_;
  // "1..2" keeps the integer, as PostgreSQL does for array slice syntax.
  if (At(pos_) == '.' && At(pos_ + 1) != '.') {
    is_integer = false;
    ++pos_;
    while (IsDigit(At(pos_))) ++pos_;
  }
  if (At(pos_) == 'e' || At(pos_) == 'E') {
    int save = pos_++;
    if (At(pos_) == '+' || At(pos_) == '-') ++pos_;
    if (IsDigit(At(pos_))) {
      is_integer = false;
      while (IsDigit(At(pos_))) ++pos_;
    } else {
      pos_ = save;
    }
  }
  if (IsIdentStart(At(pos_))) {
    while (IsIdentChar(At(pos_))) ++pos_;
    ThrowError(sqlstate::kSyntaxError,
               "trailing junk after numeric literal at or near \"" +
                   std::string(sql_.substr(begin, pos_ - begin)) + "\"",
               CharPos(begin));
  }
  std::string text(sql_.substr(begin, pos_ - begin));
  if (is_integer) {
    // Integers beyond int64 are numeric constants, as in PostgreSQL.
    size_t first = text.find_first_not_of('0');
    std::string digits = first == std::string::npos ? "0" : text.substr(first);
    if (digits.size() > 19 || (digits.size() == 19 && digits > "9223372036854775807")) {
      is_integer = false;
    }
  }
  Emit(is_integer ? TokenType::kInteger : TokenType::kNumeric, std::move(text), begin);
}

void Lexer::LexParam() {
  int begin = pos_++;
  while (IsDigit(At(pos_))) ++pos_;
  std::string digits(sql_.substr(begin + 1, pos_ - begin - 1));
  if (IsIdentStart(At(pos_))) {
    while (IsIdentChar(At(pos_))) ++pos_;
    ThrowError(sqlstate::kSyntaxError,
               "trailing junk after parameter at or near \"" +
                   std::string(sql_.substr(begin, pos_ - begin)) + "\"",
               CharPos(begin));
  }
  size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos || digits.size() - first > 9) {
    ThrowError(sqlstate::kUndefinedParameter, "there is no parameter $" + digits, CharPos(begin));
  }
  Emit(TokenType::kParam, digits.substr(first), begin);
}

bool Lexer::LexDollarString() {
  int begin = pos_;
  int i = pos_ + 1;
  if (IsIdentStart(At(i))) {
    while (i < static_cast<int>(sql_.size()) && IsIdentChar(At(i)) && At(i) != '$') ++i;
  }
  if (At(i) != '$') return false;
  std::string_view tag = sql_.substr(begin, i - begin + 1);
  size_t body = static_cast<size_t>(i + 1);
  size_t close = sql_.find(tag, body);
  if (close == std::string_view::npos) {
    FailFrom(sqlstate::kSyntaxError, "unterminated dollar-quoted string", begin);
  }
  pos_ = static_cast<int>(close + tag.size());
  Emit(TokenType::kString, std::string(sql_.substr(body, close - body)), begin);
  return true;
}

bool Lexer::ReadQuoted(bool escapes, std::string* out) {
  ++pos_;  // opening quote
  while (!AtEnd()) {
    char c = At(pos_++);
    if (c == '\'') {
      if (At(pos_) == '\'') {
        out->push_back('\'');
        ++pos_;
        continue;
      }
      return true;
    }
    if (c != '\\' || !escapes) {
      out->push_back(c);
      continue;
    }
    if (AtEnd()) return false;
    char e = At(pos_++);
    switch (e) {
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'x': {
        int value = 0, digits = 0;
        while (digits < 2 && HexValue(At(pos_)) >= 0)
          value = value * 16 + HexValue(At(pos_++)), ++digits;
        if (digits == 0)
          out->push_back('x');
        else
          out->push_back(static_cast<char>(value));
        break;
      }
      case 'u':
      case 'U': {
        int want = e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        int digits = 0;
        while (digits < want && HexValue(At(pos_)) >= 0)
          cp = cp * 16 + HexValue(At(pos_++)), ++digits;
        if (digits != want || cp > 0x10FFFF) {
          ThrowError(sqlstate::kInvalidEscapeSequence, "invalid Unicode escape value",
                     CharPos(pos_ - digits - 2));
        }
        AppendUtf8(cp, out);
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int value = e - '0', digits = 1;
          while (digits < 3 && At(pos_) >= '0' && At(pos_) <= '7')
            value = value * 8 + (At(pos_++) - '0'), ++digits;
          out->push_back(static_cast<char>(value & 0xFF));
        } else {
          out->push_back(e);
        }
    }
  }
  return false;
}

void Lexer::LexString(bool escapes) {
  int begin = pos_;
  if (escapes) ++pos_;  // the E prefix
  std::string text;
  while (true) {
    if (!ReadQuoted(escapes, &text)) {
      FailFrom(sqlstate::kSyntaxError, "unterminated quoted string", begin);
    }
    // 'a'<newline>'b' is one string (SQL standard); plain whitespace between them is not.
    int i = pos_;
    bool newline = false;
    while (i < static_cast<int>(sql_.size()) && IsSpace(At(i))) newline |= At(i++) == '\n';
    if (!newline || At(i) != '\'') break;
    pos_ = i;
  }
  Emit(TokenType::kString, std::move(text), begin);
}

void Lexer::LexBitString(bool hex) {
  int begin = pos_++;
  std::string raw;
  if (!ReadQuoted(false, &raw)) {
    FailFrom(sqlstate::kSyntaxError,
             hex ? "unterminated hexadecimal string literal" : "unterminated bit string literal",
             begin);
  }
  std::string bits;
  for (char c : raw) {
    if (hex && HexValue(c) >= 0) {
      for (int b = 3; b >= 0; --b) bits.push_back(((HexValue(c) >> b) & 1) ? '1' : '0');
    } else if (!hex && (c == '0' || c == '1')) {
      bits.push_back(c);
    } else {
      ThrowError(sqlstate::kInvalidTextRepresentation,
                 std::string("\"") + c + "\" is not a valid " + (hex ? "hexadecimal" : "binary") +
                     " digit",
                 CharPos(begin));
    }
  }
  Emit(TokenType::kBitString, std::move(bits), begin);
}

void Lexer::LexOperator() {
  int begin = pos_;
  int end = pos_;
  while (end < static_cast<int>(sql_.size()) && IsOpChar(At(end))) {
    // A comment start inside an operator ends the operator.
    if (end > begin &&
        ((At(end) == '-' && At(end + 1) == '-') || (At(end) == '/' && At(end + 1) == '*'))) {
      break;
    }
    ++end;
  }
  // PostgreSQL: a multi-character operator may end in + or - only if it contains one of
  // ~ ! @ # % ^ & | ` ?, so that "a*-1" lexes as a * -1.
  std::string_view op = sql_.substr(begin, end - begin);
  if (op.size() > 1 && op.find_first_of("~!@#%^&|`?") == std::string_view::npos) {
    while (op.size() > 1 && (op.back() == '+' || op.back() == '-')) op.remove_suffix(1);
  }
  pos_ = begin + static_cast<int>(op.size());
  std::string text(op);
  if (text == "!=") text = "<>";
  Emit(TokenType::kOperator, std::move(text), begin);
}

}  // namespace heliosdb::parser
