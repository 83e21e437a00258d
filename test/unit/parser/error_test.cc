// Error messages and positions, statement locations, and SplitStatements.
#include "parser_test_util.h"

namespace heliosdb::testing {
namespace {

void ExpectError(std::string_view sql, const std::string& message, int position,
                 const std::string& sqlstate = "42601") {
  auto e = ParseError(sql);
  EXPECT_EQ(e.message, message) << sql;
  EXPECT_EQ(e.position, position) << sql;
  EXPECT_EQ(e.sqlstate, sqlstate) << sql;
}

TEST(ErrorTest, SyntaxErrors) {
  ExpectError("SELECT a FORM t", "syntax error at or near \"t\"", 15);
  ExpectError("SELECT * FORM t", "syntax error at or near \"FORM\"", 10);
  ExpectError("SELEC 1", "syntax error at or near \"SELEC\"", 1);
  ExpectError("SELECT 1 +", "syntax error at end of input", 11);
  ExpectError("SELECT (1", "syntax error at end of input", 10);
  ExpectError("SELECT 1)", "syntax error at or near \")\"", 9);
  ExpectError("SELECT * FROM", "syntax error at end of input", 14);
  ExpectError("SELECT * FROM select", "syntax error at or near \"select\"", 15);
  ExpectError("SELECT a FROM t WHERE", "syntax error at end of input", 22);
  ExpectError("SELECT 'a' 'b'", "syntax error at or near \"'b'\"", 12);
  ExpectError("CREATE TABLE t (a int,)", "syntax error at or near \")\"", 23);
  ExpectError("INSERT INTO t VALUES (1", "syntax error at end of input", 24);
  ExpectError("SELECT é FROM", "syntax error at end of input", 14);
  ExpectError("SELECT 1; FOO", "syntax error at or near \"FOO\"", 11);
  ExpectError("SELECT 1 2", "syntax error at or near \"2\"", 10);
  ExpectError("SELECT a FROM t t2 t3", "syntax error at or near \"t3\"", 20);
  ExpectError("SELECT * FROM a JOIN b", "syntax error at end of input", 23);
  ExpectError("SELECT CASE END", "syntax error at or near \"END\"", 13);
  ExpectError("SELECT $", "syntax error at or near \"$\"", 8);
  ExpectError("SELECT left FROM t", "syntax error at or near \"left\"", 8);
  ExpectError("SELECT 1 FROM t AS", "syntax error at end of input", 19);
}

TEST(ErrorTest, LexicalErrors) {
  ExpectError("SELECT 'abc", "unterminated quoted string at or near \"'abc\"", 8);
  ExpectError("SELECT 1 /* x", "unterminated /* comment at or near \"/* x\"", 10);
  ExpectError("SELECT \"\"", "zero-length delimited identifier at or near \"\"\"\"", 8);
  ExpectError("SELECT $0", "there is no parameter $0", 8, "42P02");
}

TEST(ErrorTest, StackDepth) {
  std::string deep(100000, '(');
  auto deep_error = ParseError("SELECT " + deep);
  EXPECT_EQ(deep_error.message, "stack depth limit exceeded");
  EXPECT_EQ(deep_error.sqlstate, "54001");
  std::string minus;
  for (int i = 0; i < 5000; ++i) minus += "- ";
  auto e = ParseError("SELECT " + minus + "1");
  EXPECT_EQ(e.sqlstate, "54001");
  std::string chain = "SELECT 1";
  for (int i = 0; i < 5000; ++i) chain += " + 1";
  EXPECT_EQ(ParseError(chain).sqlstate, "54001");
  std::string nots = "SELECT ";
  for (int i = 0; i < 5000; ++i) nots += "NOT ";
  EXPECT_EQ(ParseError(nots + "true").sqlstate, "54001");
  std::string arrays = "SELECT ARRAY" + std::string(5000, '[');
  EXPECT_EQ(ParseError(arrays).sqlstate, "54001");
  std::string from = "SELECT * FROM " + std::string(5000, '(');
  EXPECT_EQ(ParseError(from).sqlstate, "54001");
  // Moderate nesting is fine.
  EXPECT_EQ(Expr(std::string(50, '(') + "1" + std::string(50, ')')), "1");
}

TEST(ErrorTest, StatementLocations) {
  std::string script = "SELECT 1;\n  INSERT INTO t VALUES (1) ;;\n/* c */ COMMIT";
  auto stmts = Parser::ParseAll(script);
  ASSERT_EQ(stmts.size(), 3u);
  auto text = [&](const ast::Statement& s) {
    return script.substr(s.location - 1, s.end_location - s.location);
  };
  EXPECT_EQ(text(*stmts[0]), "SELECT 1");
  EXPECT_EQ(text(*stmts[1]), "INSERT INTO t VALUES (1)");
  EXPECT_EQ(text(*stmts[2]), "COMMIT");
  EXPECT_TRUE(Parser::ParseAll("").empty());
  EXPECT_TRUE(Parser::ParseAll(" ; ;-- x\n").empty());
}

TEST(ErrorTest, ExpressionLocations) {
  auto s = ParseAs<ast::SelectStmt>("SELECT a + b, f(x) FROM t WHERE c IS NULL");
  EXPECT_EQ(s->targets[0].expr->location, 10);  // the operator, as PostgreSQL reports it
  const auto& plus = s->targets[0].expr->As<ast::BinaryExpr>();
  EXPECT_EQ(plus.left->location, 8);
  EXPECT_EQ(plus.right->location, 12);
  EXPECT_EQ(s->targets[1].expr->location, 15);
  EXPECT_EQ(s->from[0]->location, 25);
  EXPECT_EQ(s->where->location, 35);
  auto c = ParseAs<ast::SelectStmt>("SELECT x::int");
  EXPECT_EQ(c->targets[0].expr->location, 9);
  EXPECT_EQ(c->targets[0].expr->As<ast::CastExpr>().type.location, 11);
}

TEST(SplitStatementsTest, Basic) {
  std::string rest;
  auto parts = SplitStatements("SELECT 1; SELECT 'a;b'; SELECT $$x;y$$ ;SELECT f(';'", &rest);
  EXPECT_EQ(parts, (std::vector<std::string>{"SELECT 1", "SELECT 'a;b'", "SELECT $$x;y$$"}));
  EXPECT_EQ(rest, "SELECT f(';'");
}

TEST(SplitStatementsTest, QuotesCommentsParens) {
  std::string rest;
  auto parts = SplitStatements(
      "SELECT \"a;\" -- x;y\n FROM t; /* ; /* ; */ */ SELECT (1;2); SELECT E'\\';'; ; \n", &rest);
  EXPECT_EQ(parts, (std::vector<std::string>{"SELECT \"a;\" -- x;y\n FROM t",
                                             "/* ; /* ; */ */ SELECT (1;2)", "SELECT E'\\';'"}));
  EXPECT_EQ(rest, "");
  SplitStatements("SELECT 1; -- only a comment", &rest);
  EXPECT_EQ(rest, "");
  SplitStatements("SELECT 1; /* open", &rest);
  EXPECT_EQ(rest, "/* open");
  SplitStatements("SELECT $tag$ ; $tag$", &rest);
  EXPECT_EQ(rest, "SELECT $tag$ ; $tag$");
  auto dollar = SplitStatements("SELECT a$b$; SELECT $1;", &rest);
  EXPECT_EQ(dollar, (std::vector<std::string>{"SELECT a$b$", "SELECT $1"}));
}

}  // namespace
}  // namespace heliosdb::testing
