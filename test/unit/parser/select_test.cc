// SELECT: targets, FROM items and joins, time travel, grouping, set operations, CTEs, tails.
#include "parser_test_util.h"

namespace heliosdb::testing {
namespace {

TEST(SelectTest, Targets) {
  EXPECT_EQ(Deparse("SELECT *, t.*, a AS x, b y, c \"Z\", d AS select FROM t"),
            "SELECT *, t.*, a AS x, b AS y, c AS \"Z\", d AS \"select\" FROM t");
  EXPECT_EQ(Deparse("SELECT DISTINCT a FROM t"), "SELECT DISTINCT a FROM t");
  EXPECT_EQ(Deparse("SELECT DISTINCT ON (a, b) a, c FROM t"),
            "SELECT DISTINCT ON (a, b) a, c FROM t");
  EXPECT_EQ(Deparse("SELECT ALL a FROM t"), "SELECT a FROM t");
  EXPECT_EQ(Deparse("SELECT 1"), "SELECT 1");
  EXPECT_EQ(Deparse("SELECT FROM t"), "SELECT FROM t");
  EXPECT_EQ(Deparse("SELECT 1 year, 2 name, 3 value"), "SELECT 1 AS year, 2 AS name, 3 AS value");
}

TEST(SelectTest, FromItems) {
  EXPECT_EQ(Deparse("SELECT * FROM s.t AS x(a, b), u v, ONLY w"),
            "SELECT * FROM s.t x(a, b), u v, ONLY w");
  EXPECT_EQ(Deparse("SELECT * FROM (SELECT 1) AS q(a)"), "SELECT * FROM (SELECT 1) q(a)");
  EXPECT_EQ(Deparse("SELECT * FROM (SELECT 1) q"), "SELECT * FROM (SELECT 1) q");
  EXPECT_EQ(Deparse("SELECT * FROM ((SELECT 1) UNION (SELECT 2)) u"),
            "SELECT * FROM (SELECT 1 UNION SELECT 2) u");
  EXPECT_EQ(Deparse("SELECT * FROM generate_series(1, 3) AS g(i)"),
            "SELECT * FROM generate_series(1, 3) g(i)");
  EXPECT_EQ(Deparse("SELECT * FROM unnest(ARRAY[1]) WITH ORDINALITY AS u(x, n)"),
            "SELECT * FROM unnest(ARRAY[1]) WITH ORDINALITY u(x, n)");
  EXPECT_EQ(Deparse("SELECT * FROM t, LATERAL (SELECT t.a) s"),
            "SELECT * FROM t, LATERAL (SELECT t.a) s");
  EXPECT_EQ(Deparse("SELECT * FROM t, LATERAL f(t.a)"), "SELECT * FROM t, LATERAL f(t.a)");
  EXPECT_EQ(Deparse("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(n, s)"),
            "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(n, s)");
  // Keywords that are ordinary names work as table names and aliases.
  EXPECT_EQ(Deparse("SELECT name, data FROM data, comment c, action, level"),
            "SELECT name, data FROM data, comment c, action, level");
}

TEST(SelectTest, Joins) {
  EXPECT_EQ(Deparse("SELECT * FROM a JOIN b ON a.x = b.x"),
            "SELECT * FROM (a JOIN b ON (a.x = b.x))");
  EXPECT_EQ(Deparse("SELECT * FROM a INNER JOIN b USING (x, y)"),
            "SELECT * FROM (a JOIN b USING (x, y))");
  EXPECT_EQ(Deparse("SELECT * FROM a LEFT OUTER JOIN b ON true RIGHT JOIN c ON true"),
            "SELECT * FROM ((a LEFT JOIN b ON true) RIGHT JOIN c ON true)");
  EXPECT_EQ(Deparse("SELECT * FROM a FULL JOIN b ON true CROSS JOIN c NATURAL JOIN d"),
            "SELECT * FROM (((a FULL JOIN b ON true) CROSS JOIN c) NATURAL JOIN d)");
  EXPECT_EQ(Deparse("SELECT * FROM a NATURAL LEFT JOIN b"),
            "SELECT * FROM (a NATURAL LEFT JOIN b)");
  EXPECT_EQ(Deparse("SELECT * FROM a x LEFT JOIN b y ON x.i = y.i"),
            "SELECT * FROM (a x LEFT JOIN b y ON (x.i = y.i))");
  EXPECT_EQ(Deparse("SELECT * FROM (a JOIN b ON true) JOIN c ON true"),
            "SELECT * FROM ((a JOIN b ON true) JOIN c ON true)");
  EXPECT_EQ(Deparse("SELECT * FROM a JOIN (b JOIN c ON true) ON true"),
            "SELECT * FROM (a JOIN (b JOIN c ON true) ON true)");
  EXPECT_EQ(Deparse("SELECT * FROM (a JOIN b ON true) AS j"), "SELECT * FROM (a JOIN b ON true) j");
  auto s = ParseAs<ast::SelectStmt>("SELECT * FROM a LEFT JOIN b ON true");
  const auto& j = s->from[0]->As<ast::JoinRef>();
  EXPECT_EQ(j.type, ast::JoinRef::Type::kLeft);
  EXPECT_EQ(j.location, 15);
}

TEST(SelectTest, TimeTravel) {
  EXPECT_EQ(Deparse("SELECT * FROM orders AS OF NOW"), "SELECT * FROM orders AS OF NOW");
  EXPECT_EQ(Deparse("SELECT * FROM orders AS OF TIMESTAMP '2025-11-15 06:00:00'"),
            "SELECT * FROM orders AS OF TIMESTAMP '2025-11-15 06:00:00'");
  EXPECT_EQ(Deparse("SELECT * FROM orders o AS OF SCN 42 WHERE o.id = 1"),
            "SELECT * FROM orders AS OF SCN 42 o WHERE (o.id = 1)");
  EXPECT_EQ(Deparse("SELECT * FROM orders AS OF TRANSACTION 987654 o"),
            "SELECT * FROM orders AS OF SCN 987654 o");
  EXPECT_EQ(Deparse("SELECT * FROM orders AS OF TIMESTAMP now() - INTERVAL '1 hour' AS o"),
            "SELECT * FROM orders AS OF TIMESTAMP (now() - '1 hour'::interval) o");
  EXPECT_EQ(Deparse("SELECT * FROM t VERSIONS BETWEEN SCN 1 AND 5"),
            "SELECT * FROM t VERSIONS BETWEEN SCN 1 AND 5");
  EXPECT_EQ(Deparse("SELECT * FROM t x VERSIONS BETWEEN TIMESTAMP '2024-01-01' AND "
                    "'2024-02-01' WHERE true"),
            "SELECT * FROM t VERSIONS BETWEEN TIMESTAMP '2024-01-01' AND '2024-02-01' x "
            "WHERE true");
  // AS of_x and a table named versions are plain aliases.
  EXPECT_EQ(Deparse("SELECT * FROM t AS of_x"), "SELECT * FROM t of_x");
  EXPECT_EQ(Deparse("SELECT * FROM t AS of"), "SELECT * FROM t of");
  EXPECT_EQ(Deparse("SELECT * FROM t versions"), "SELECT * FROM t versions");
  EXPECT_EQ(Deparse("SELECT * FROM a AS OF SCN 3 JOIN b ON true"),
            "SELECT * FROM (a AS OF SCN 3 JOIN b ON true)");
  auto s = ParseAs<ast::SelectStmt>("SELECT * FROM t AS OF TIMESTAMP '2024-01-01'");
  const auto& as_of = *s->from[0]->As<ast::BaseTableRef>().as_of;
  EXPECT_EQ(as_of.type, ast::AsOfClause::Type::kTimestamp);
  EXPECT_FALSE(as_of.versions_between);
}

TEST(SelectTest, Grouping) {
  EXPECT_EQ(Deparse("SELECT a, count(*) FROM t GROUP BY a, 2 HAVING count(*) > 1"),
            "SELECT a, count(*) FROM t GROUP BY a, 2 HAVING (count(*) > 1)");
  EXPECT_EQ(Deparse("SELECT 1 FROM t GROUP BY ROLLUP (a, (b, c)), CUBE (d), ()"),
            "SELECT 1 FROM t GROUP BY ROLLUP(a, ROW(b, c)), CUBE(d), ()");
  EXPECT_EQ(Deparse("SELECT 1 FROM t GROUP BY GROUPING SETS ((a, b), a, (), ROLLUP (c))"),
            "SELECT 1 FROM t GROUP BY GROUPING SETS (ROW(a, b), a, (), ROLLUP(c))");
  EXPECT_EQ(Deparse("SELECT a, sum(b) FROM t GROUP BY ALL"),
            "SELECT a, sum(b) FROM t GROUP BY ALL");
  EXPECT_EQ(Deparse("SELECT a FROM t GROUP BY ALL a"), "SELECT a FROM t GROUP BY a");
  EXPECT_EQ(Deparse("SELECT a FROM t GROUP BY DISTINCT a"), "SELECT a FROM t GROUP BY a");
  EXPECT_EQ(Deparse("SELECT grouping(a) FROM t GROUP BY a"),
            "SELECT grouping(a) FROM t GROUP BY a");
}

TEST(SelectTest, Windows) {
  EXPECT_EQ(Deparse("SELECT sum(x) OVER w FROM t WINDOW w AS (PARTITION BY a), "
                    "v AS (w ORDER BY b)"),
            "SELECT sum(x) OVER w FROM t WINDOW w AS (PARTITION BY a), v AS (w ORDER BY b)");
  auto s = ParseAs<ast::SelectStmt>("SELECT 1 FROM t WINDOW w AS (ORDER BY a)");
  EXPECT_EQ(s->windows[0]->name, "w");
}

TEST(SelectTest, SetOperations) {
  EXPECT_EQ(Deparse("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3"),
            "SELECT 1 UNION (SELECT 2 INTERSECT SELECT 3)");
  EXPECT_EQ(Deparse("SELECT 1 UNION ALL SELECT 2 EXCEPT SELECT 3"),
            "(SELECT 1 UNION ALL SELECT 2) EXCEPT SELECT 3");
  EXPECT_EQ(Deparse("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3"),
            "(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3");
  EXPECT_EQ(Deparse("SELECT 1 UNION DISTINCT SELECT 2 ORDER BY 1 LIMIT 1"),
            "SELECT 1 UNION SELECT 2 ORDER BY 1 LIMIT 1");
  EXPECT_EQ(Deparse("(SELECT 1 ORDER BY 1 LIMIT 1) UNION (SELECT 2)"),
            "(SELECT 1 ORDER BY 1 LIMIT 1) UNION SELECT 2");
  EXPECT_EQ(Deparse("((SELECT 1))"), "SELECT 1");
  EXPECT_EQ(Deparse("(SELECT 1) LIMIT 3"), "SELECT 1 LIMIT 3");
  auto s = ParseAs<ast::SelectStmt>("SELECT 1 UNION ALL SELECT 2 ORDER BY 1");
  EXPECT_EQ(s->set_op, ast::SelectStmt::SetOp::kUnion);
  EXPECT_TRUE(s->set_all);
  EXPECT_EQ(s->order_by.size(), 1u);
  EXPECT_TRUE(s->left->order_by.empty());
}

TEST(SelectTest, ValuesAndTable) {
  EXPECT_EQ(Deparse("VALUES (1, 2), (3, 4) ORDER BY 1"), "VALUES (1, 2), (3, 4) ORDER BY 1");
  EXPECT_EQ(Deparse("TABLE s.t"), "SELECT * FROM s.t");
  EXPECT_EQ(ParseError("VALUES (1), (2, 3)").message, "VALUES lists must all be the same length");
  EXPECT_EQ(ParseError("VALUES (1), (2, 3)").position, 13);
}

TEST(SelectTest, With) {
  EXPECT_EQ(Deparse("WITH x AS (SELECT 1), y(a) AS MATERIALIZED (SELECT 2) SELECT * FROM x, y"),
            "WITH x AS (SELECT 1), y(a) AS MATERIALIZED (SELECT 2) SELECT * FROM x, y");
  EXPECT_EQ(Deparse("WITH RECURSIVE r(n) AS NOT MATERIALIZED (SELECT 1 UNION ALL "
                    "SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r"),
            "WITH RECURSIVE r(n) AS NOT MATERIALIZED (SELECT 1 UNION ALL SELECT (n + 1) FROM r "
            "WHERE (n < 5)) SELECT n FROM r");
  auto s = ParseAs<ast::SelectStmt>("WITH x AS (SELECT 1) SELECT 1 UNION SELECT 2");
  ASSERT_TRUE(s->with);
  EXPECT_EQ(s->set_op, ast::SelectStmt::SetOp::kUnion);
  EXPECT_EQ(s->location, 1);
}

TEST(SelectTest, Tail) {
  EXPECT_EQ(Deparse("SELECT a FROM t ORDER BY a DESC NULLS FIRST, b ASC, c USING > LIMIT 10 "
                    "OFFSET 5"),
            "SELECT a FROM t ORDER BY a DESC NULLS FIRST, b, c DESC LIMIT 10 OFFSET 5");
  EXPECT_EQ(Deparse("SELECT a FROM t OFFSET 5 ROWS FETCH FIRST 3 ROWS ONLY"),
            "SELECT a FROM t LIMIT 3 OFFSET 5");
  EXPECT_EQ(Deparse("SELECT a FROM t FETCH NEXT ROW ONLY"), "SELECT a FROM t LIMIT 1");
  EXPECT_EQ(Deparse("SELECT a FROM t LIMIT ALL"), "SELECT a FROM t");
  EXPECT_EQ(Deparse("SELECT a FROM t OFFSET 1 LIMIT 2"), "SELECT a FROM t LIMIT 2 OFFSET 1");
  EXPECT_EQ(Deparse("SELECT a FROM t FOR UPDATE"), "SELECT a FROM t FOR UPDATE");
  EXPECT_EQ(Deparse("SELECT a FROM t FOR SHARE OF t SKIP LOCKED"), "SELECT a FROM t FOR UPDATE");
  EXPECT_EQ(Deparse("SELECT a FROM t FOR NO KEY UPDATE NOWAIT FOR KEY SHARE"),
            "SELECT a FROM t FOR UPDATE");
  EXPECT_EQ(ParseError("SELECT a FROM t LIMIT 1, 2").message, "LIMIT #,# syntax is not supported");
  EXPECT_EQ(ParseError("(SELECT 1 LIMIT 1) LIMIT 2").message, "multiple LIMIT clauses not allowed");
  EXPECT_EQ(ParseError("(SELECT 1 ORDER BY 1) ORDER BY 1").message,
            "multiple ORDER BY clauses not allowed");
}

TEST(SelectTest, WhereAndParams) {
  auto s = ParseAs<ast::SelectStmt>("SELECT a FROM t WHERE a = $1 AND b > $2");
  EXPECT_EQ(ExprToString(*s->where), "((a = $1) AND (b > $2))");
}

}  // namespace
}  // namespace heliosdb::testing
