// The SQL lexer: turns a script into tokens following PostgreSQL's scan.l rules (identifier
// folding, quoting forms, operator splitting, nested comments, adjacent string concatenation).
// Thread safety: a Lexer is used by one thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parser/token.h"

namespace heliosdb::parser {

class Lexer {
 public:
  explicit Lexer(std::string_view sql);

  // Returns every token; the last one has type kEnd and location = length + 1 (characters).
  // Throws DbException (42601) for unterminated literals and comments, 42P02 for $0.
  std::vector<Token> Tokenize();

  // 1-based character offset of a byte offset (UTF-8 continuation bytes do not count).
  int CharPos(int byte) const { return char_pos_[byte]; }

 private:
  bool AtEnd() const { return pos_ >= static_cast<int>(sql_.size()); }
  char At(int i) const { return i < static_cast<int>(sql_.size()) ? sql_[i] : '\0'; }
  void SkipSpaceAndComments();
  [[noreturn]] void FailFrom(const char* code, const std::string& message, int begin) const;
  void Emit(TokenType type, std::string text, int begin);

  void LexIdentifier();
  void LexQuotedIdentifier();
  void LexNumber();
  void LexParam();
  bool LexDollarString();
  void LexString(bool escapes);
  void LexBitString(bool hex);
  void LexOperator();
  // Reads one '...' body starting at the opening quote; returns false when unterminated.
  bool ReadQuoted(bool escapes, std::string* out);

  std::string_view sql_;
  std::vector<int> char_pos_;
  std::vector<Token> tokens_;
  int pos_ = 0;
};

}  // namespace heliosdb::parser
