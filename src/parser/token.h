// Tokens produced by the lexer (lexer.h) and consumed by the parser.
#pragma once

#include <cstdint>
#include <string>

namespace heliosdb::parser {

// PostgreSQL's keyword categories (gram.y). Keywords that PostgreSQL lists as unreserved behave
// exactly like identifiers here, so they are not listed at all: kNone covers both.
enum class KeywordCategory : uint8_t {
  kNone,      // identifier or unreserved keyword: usable anywhere a name is
  kColName,   // usable as column / table name, not as function or type name (BETWEEN, INT)
  kTypeFunc,  // usable as function or type name, not as column name (LEFT, JOIN, LIKE)
  kReserved,  // usable only as a label after AS (SELECT, FROM, TABLE)
};

// Returns the category of a lower-case word.
KeywordCategory LookupKeyword(const std::string& lower_word);

enum class TokenType : uint8_t {
  kIdent,      // identifier or keyword; text is case-folded unless quoted
  kInteger,    // text: the digits
  kNumeric,    // text: as written ("1.5e3")
  kString,     // text: the decoded bytes
  kBitString,  // text: binary digits ("0101"); X'..' is converted to binary digits
  kParam,      // text: the digits of $n
  kOperator,   // operators and punctuation: ( ) [ ] , ; . : :: := => and every operator
  kEnd,        // end of input
};

struct Token {
  TokenType type = TokenType::kEnd;
  std::string text;
  bool quoted = false;  // "quoted identifier": never a keyword
  KeywordCategory keyword = KeywordCategory::kNone;
  int location = 0;      // 1-based character offset of the first character
  int end_location = 0;  // 1-based character offset just past the last character
  int byte_begin = 0;    // byte offsets into the source: [byte_begin, byte_end)
  int byte_end = 0;
};

}  // namespace heliosdb::parser
