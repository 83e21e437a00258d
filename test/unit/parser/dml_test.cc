// INSERT, UPDATE and DELETE.
#include "parser_test_util.h"

namespace heliosdb::testing {
namespace {

TEST(DmlTest, Insert) {
  EXPECT_EQ(Deparse("INSERT INTO t VALUES (1, 'a'), (2, DEFAULT)"),
            "INSERT INTO t VALUES (1, 'a'), (2, DEFAULT)");
  EXPECT_EQ(Deparse("INSERT INTO s.t AS x (a, b) SELECT a, b FROM u"),
            "INSERT INTO s.t AS x (a, b) SELECT a, b FROM u");
  EXPECT_EQ(Deparse("INSERT INTO t (SELECT 1)"), "INSERT INTO t SELECT 1");
  EXPECT_EQ(Deparse("INSERT INTO t DEFAULT VALUES RETURNING *"),
            "INSERT INTO t DEFAULT VALUES RETURNING *");
  EXPECT_EQ(Deparse("INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING"),
            "INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING");
  EXPECT_EQ(Deparse("INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) WHERE b > 0 DO UPDATE "
                    "SET b = excluded.b, (c, d) = (1, 2) WHERE t.b < 5 RETURNING a, b AS bb"),
            "INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) WHERE (b > 0) DO UPDATE SET b = "
            "excluded.b, (c, d) = ROW(1, 2) WHERE (t.b < 5) RETURNING a, b AS bb");
  EXPECT_EQ(Deparse("INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING"),
            "INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING");
  auto s = ParseAs<ast::InsertStmt>("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x");
  ASSERT_TRUE(s->with);
  EXPECT_EQ(s->kind, ast::StmtKind::kInsert);
  EXPECT_EQ(s->location, 1);
  auto d = ParseAs<ast::InsertStmt>("INSERT INTO t DEFAULT VALUES");
  EXPECT_FALSE(d->source);
}

TEST(DmlTest, Update) {
  EXPECT_EQ(Deparse("UPDATE t SET a = 1, b = DEFAULT WHERE c"),
            "UPDATE t SET a = 1, b = DEFAULT WHERE c");
  EXPECT_EQ(Deparse("UPDATE ONLY t AS x SET (a, b) = (SELECT 1, 2) FROM u WHERE x.id = u.id "
                    "RETURNING x.*"),
            "UPDATE t AS x SET (a, b) = (SELECT 1, 2) FROM u WHERE (x.id = u.id) RETURNING x.*");
  EXPECT_EQ(Deparse("UPDATE t x SET a = 1"), "UPDATE t AS x SET a = 1");
  EXPECT_EQ(Deparse("UPDATE data SET value = value + 1"), "UPDATE data SET value = (value + 1)");
  auto s = ParseAs<ast::UpdateStmt>("WITH w AS (SELECT 1) UPDATE t SET a = 1");
  EXPECT_TRUE(s->with);
}

TEST(DmlTest, Delete) {
  EXPECT_EQ(Deparse("DELETE FROM t"), "DELETE FROM t");
  EXPECT_EQ(Deparse("DELETE FROM t AS x USING u, v WHERE x.a = u.a RETURNING *"),
            "DELETE FROM t AS x USING u, v WHERE (x.a = u.a) RETURNING *");
  EXPECT_EQ(Deparse("DELETE FROM ONLY t x WHERE true"), "DELETE FROM t AS x WHERE true");
}

}  // namespace
}  // namespace heliosdb::testing
