// Robustness: random token soup and random bytes produce an AST or a DbException, never a
// crash or another exception type.
#include <random>

#include "parser_test_util.h"

namespace heliosdb::testing {
namespace {

void ParseMustNotCrash(const std::string& sql) {
  try {
    auto stmts = Parser::ParseAll(sql);
    for (const auto& s : stmts) {
      if (s->kind == ast::StmtKind::kSelect) SelectToString(s->As<ast::SelectStmt>());
      StatementToString(*s);
    }
  } catch (const DbException&) {
  }
  std::string rest;
  SplitStatements(sql, &rest);
}

TEST(FuzzTest, TokenSoup) {
  static const char* const kTokens[] = {
      "SELECT",     "FROM",    "WHERE",     "(",         ")",        ",",       "a",
      "t.b",        "1",       "2.5",       "'s'",       "$1",       "+",       "-",
      "*",          "/",       "=",         "<>",        "AND",      "OR",      "NOT",
      "IS",         "NULL",    "IN",        "BETWEEN",   "LIKE",     "CASE",    "WHEN",
      "THEN",       "ELSE",    "END",       "CAST",      "AS",       "int",     "::",
      "[",          "]",       "ARRAY",     "ROW",       "EXISTS",   "JOIN",    "ON",
      "LEFT",       "GROUP",   "BY",        "ORDER",     "LIMIT",    "UNION",   "WITH",
      "INSERT",     "INTO",    "VALUES",    "UPDATE",    "SET",      "DELETE",  "CREATE",
      "TABLE",      "INDEX",   "DROP",      "ALTER",     "ADD",      "COLUMN",  "PRIMARY",
      "KEY",        "DEFAULT", "OF",        "TIMESTAMP", "VERSIONS", "OVER",    "PARTITION",
      "FILTER",     ";",       "INTERVAL",  "DAY",       "TO",       "ANY",     "ALL",
      "EXTRACT",    "TRIM",    "SUBSTRING", "FOR",       "COPY",     "EXPLAIN", "BRANCH",
      "DATABASE",   "||",      "->>",       "@>",        "~",        "COLLATE", "AT",
      "TIME",       "ZONE",    "ROLLUP",    "CUBE",      "GROUPING", "SETS",    "LATERAL",
      "ORDINALITY", "$$x$$",   "E'\\n'",    "B'1'",      "DISTINCT", "ON",      "FETCH",
      "NEXT"};
  std::mt19937 rng(12345);
  std::uniform_int_distribution<size_t> pick(0, std::size(kTokens) - 1);
  std::uniform_int_distribution<int> length(1, 40);
  for (int i = 0; i < 20000; ++i) {
    std::string sql;
    int n = length(rng);
    for (int j = 0; j < n; ++j) sql += std::string(kTokens[pick(rng)]) + " ";
    ParseMustNotCrash(sql);
  }
}

TEST(FuzzTest, MutatedQueries) {
  static const char* const kSeeds[] = {
      "SELECT a, count(*) FROM t AS OF SCN 5 x JOIN u ON x.id = u.id WHERE a > 1 GROUP BY a "
      "ORDER BY 2 DESC LIMIT 10",
      "INSERT INTO t (a, b) VALUES (1, 'x') ON CONFLICT (a) DO UPDATE SET b = excluded.b "
      "RETURNING *",
      "CREATE TABLE t (id int PRIMARY KEY, v text DEFAULT 'a' CHECK (v <> ''))",
      "WITH r AS (SELECT 1) SELECT sum(x) OVER (PARTITION BY y ORDER BY z ROWS 1 PRECEDING) "
      "FROM r",
      "SELECT CASE WHEN a THEN ARRAY[1,2][1] ELSE (SELECT 1) END::text, $1, E'\\x41'"};
  std::mt19937 rng(777);
  for (int i = 0; i < 20000; ++i) {
    std::string sql = kSeeds[rng() % std::size(kSeeds)];
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !sql.empty(); ++e) {
      size_t at = rng() % sql.size();
      switch (rng() % 3) {
        case 0:
          sql.erase(at, 1 + rng() % 5);
          break;
        case 1:
          sql.insert(at, 1, "()';,$\"-/*[]:"[rng() % 14]);
          break;
        default:
          sql = sql.substr(0, at);
          break;
      }
    }
    ParseMustNotCrash(sql);
  }
}

TEST(FuzzTest, RandomBytes) {
  std::mt19937 rng(99);
  for (int i = 0; i < 20000; ++i) {
    std::string sql(rng() % 64, '\0');
    for (char& c : sql) c = static_cast<char>(rng() % 256);
    ParseMustNotCrash(sql);
    for (char& c : sql) c = "SELECT()'\"$;-/* ,.:[]e0x"[rng() % 25];
    ParseMustNotCrash(sql);
  }
}

}  // namespace
}  // namespace heliosdb::testing
