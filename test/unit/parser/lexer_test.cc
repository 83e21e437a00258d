// The lexer: identifiers, literals, operators, comments and token locations.
#include "parser/lexer.h"

#include <gtest/gtest.h>

#include "common/exception.h"

namespace heliosdb::parser {
namespace {

std::vector<Token> Lex(std::string_view sql) {
  return Lexer(sql).Tokenize();
}

std::vector<std::string> Texts(std::string_view sql) {
  std::vector<std::string> out;
  for (const auto& t : Lex(sql)) {
    if (t.type != TokenType::kEnd) out.push_back(t.text);
  }
  return out;
}

TEST(LexerTest, IdentifiersFoldUnlessQuoted) {
  auto tokens = Lex("SELECT Foo, \"Bar\", \"a\"\"b\", _x$1");
  ASSERT_EQ(tokens.size(), 9u);
  EXPECT_EQ(tokens[0].text, "select");
  EXPECT_EQ(tokens[0].keyword, KeywordCategory::kReserved);
  EXPECT_EQ(tokens[1].text, "foo");
  EXPECT_EQ(tokens[3].text, "Bar");
  EXPECT_TRUE(tokens[3].quoted);
  EXPECT_EQ(tokens[5].text, "a\"b");
  EXPECT_EQ(tokens[7].text, "_x$1");
  EXPECT_EQ(tokens[8].type, TokenType::kEnd);
}

TEST(LexerTest, Numbers) {
  auto tokens = Lex("1 1.5 .5 1e10 2.5E-3 1. 99999999999999999999");
  EXPECT_EQ(tokens[0].type, TokenType::kInteger);
  EXPECT_EQ(tokens[1].type, TokenType::kNumeric);
  EXPECT_EQ(tokens[2].text, ".5");
  EXPECT_EQ(tokens[2].type, TokenType::kNumeric);
  EXPECT_EQ(tokens[3].text, "1e10");
  EXPECT_EQ(tokens[3].type, TokenType::kNumeric);
  EXPECT_EQ(tokens[4].text, "2.5E-3");
  EXPECT_EQ(tokens[5].text, "1.");
  EXPECT_EQ(tokens[6].type, TokenType::kNumeric);  // beyond int64
}

TEST(LexerTest, Strings) {
  EXPECT_EQ(Texts("'it''s'")[0], "it's");
  EXPECT_EQ(Texts("E'a\\nb\\t\\\\\\'c'")[0], "a\nb\t\\'c");
  EXPECT_EQ(Texts("e'\\x41\\101\\u00e9'")[0], "AA\xc3\xa9");
  EXPECT_EQ(Texts("'foo'\n  'bar'")[0], "foobar");
  EXPECT_EQ(Texts("'foo' 'bar'").size(), 2u);  // no newline: two tokens (a syntax error later)
  EXPECT_EQ(Texts("$$it's $ here$$")[0], "it's $ here");
  EXPECT_EQ(Texts("$fn$ a $$ b $fn$")[0], " a $$ b ");
  EXPECT_EQ(Texts("N'x'")[0], "x");
}

TEST(LexerTest, BitStrings) {
  auto tokens = Lex("B'0101' X'1F'");
  EXPECT_EQ(tokens[0].type, TokenType::kBitString);
  EXPECT_EQ(tokens[0].text, "0101");
  EXPECT_EQ(tokens[1].text, "00011111");
}

TEST(LexerTest, Parameters) {
  auto tokens = Lex("$1 + $12");
  EXPECT_EQ(tokens[0].type, TokenType::kParam);
  EXPECT_EQ(tokens[0].text, "1");
  EXPECT_EQ(tokens[2].text, "12");
}

TEST(LexerTest, Operators) {
  EXPECT_EQ(Texts("a<>b != c <= d >= e || f :: g"),
            (std::vector<std::string>{"a", "<>", "b", "<>", "c", "<=", "d", ">=", "e", "||", "f",
                                      "::", "g"}));
  EXPECT_EQ(Texts("a ->> 'x' -> 1 @> b <@ c <-> d <#> e <=> f && g ~* h !~* i !~ j ~~ k"),
            (std::vector<std::string>{"a",   "->>", "x",   "->", "1",   "@>", "b",  "<@", "c",
                                      "<->", "d",   "<#>", "e",  "<=>", "f",  "&&", "g",  "~*",
                                      "h",   "!~*", "i",   "!~", "j",   "~~", "k"}));
  // A trailing + or - is split off unless the operator has one of ~ ! @ # % ^ & | ` ?.
  EXPECT_EQ(Texts("a*-1"), (std::vector<std::string>{"a", "*", "-", "1"}));
  EXPECT_EQ(Texts("a<-1"), (std::vector<std::string>{"a", "<", "-", "1"}));
  EXPECT_EQ(Texts("a@-1"), (std::vector<std::string>{"a", "@-", "1"}));
  EXPECT_EQ(Texts("a+--c\nb"), (std::vector<std::string>{"a", "+", "b"}));
  EXPECT_EQ(Texts("a+/*c*/b"), (std::vector<std::string>{"a", "+", "b"}));
}

TEST(LexerTest, Comments) {
  EXPECT_EQ(Texts("a -- x\n b /* c /* nested */ still */ d"),
            (std::vector<std::string>{"a", "b", "d"}));
}

TEST(LexerTest, LocationsAreCharacterOffsets) {
  auto tokens = Lex("SELECT 'é', x");
  EXPECT_EQ(tokens[0].location, 1);
  EXPECT_EQ(tokens[0].end_location, 7);
  EXPECT_EQ(tokens[1].location, 8);
  EXPECT_EQ(tokens[2].location, 11);  // 'é' is 3 characters but 4 bytes
  EXPECT_EQ(tokens[3].location, 13);
  EXPECT_EQ(tokens[4].location, 14);  // end of input = length + 1
}

TEST(LexerTest, Errors) {
  auto error = [](std::string_view sql) -> std::pair<std::string, int> {
    try {
      Lex(sql);
    } catch (const DbException& e) {
      return {e.status().message(), e.status().position()};
    }
    return {"", 0};
  };
  EXPECT_EQ(error("SELECT 'abc"),
            (std::pair<std::string, int>{"unterminated quoted string at or near \"'abc\"", 8}));
  EXPECT_EQ(error("SELECT /* x"),
            (std::pair<std::string, int>{"unterminated /* comment at or near \"/* x\"", 8}));
  EXPECT_EQ(error("SELECT \"\""), (std::pair<std::string, int>{
                                      "zero-length delimited identifier at or near \"\"\"\"", 8}));
  EXPECT_EQ(error("SELECT \"abc"), (std::pair<std::string, int>{
                                       "unterminated quoted identifier at or near \"\"abc\"", 8}));
  EXPECT_EQ(
      error("SELECT $$abc"),
      (std::pair<std::string, int>{"unterminated dollar-quoted string at or near \"$$abc\"", 8}));
  EXPECT_EQ(error("SELECT $0"), (std::pair<std::string, int>{"there is no parameter $0", 8}));
  EXPECT_EQ(error("SELECT 123abc"),
            (std::pair<std::string, int>{
                "trailing junk after numeric literal at or near \"123abc\"", 8}));
  EXPECT_EQ(error("SELECT B'012'").first, "\"2\" is not a valid binary digit");
}

}  // namespace
}  // namespace heliosdb::parser
