// Expressions: constants, operators and PostgreSQL's precedence, special forms, casts.
#include "parser_test_util.h"

namespace heliosdb::testing {
namespace {

TEST(ExpressionTest, Constants) {
  EXPECT_EQ(Expr("1"), "1");
  EXPECT_EQ(Expr("1.5"), "1.5");
  EXPECT_EQ(Expr("'it''s'"), "'it''s'");
  EXPECT_EQ(Expr("NULL"), "NULL");
  EXPECT_EQ(Expr("TRUE"), "true");
  EXPECT_EQ(Expr("false"), "false");
  EXPECT_EQ(Expr("B'101'"), "B'101'");
  EXPECT_EQ(Expr("$2"), "$2");
  auto s = ParseAs<ast::SelectStmt>("SELECT 42, 4.2, 1e3, 9223372036854775808");
  auto type = [&](int i) { return s->targets[i].expr->As<ast::ConstantExpr>().type; };
  EXPECT_EQ(type(0), ast::ConstantExpr::Type::kInteger);
  EXPECT_EQ(type(1), ast::ConstantExpr::Type::kNumeric);
  EXPECT_EQ(type(2), ast::ConstantExpr::Type::kNumeric);
  EXPECT_EQ(type(3), ast::ConstantExpr::Type::kNumeric);
}

TEST(ExpressionTest, NegativeLiteralsFold) {
  auto s = ParseAs<ast::SelectStmt>("SELECT -5, -9223372036854775808, - 1.5, -a");
  const auto& c0 = s->targets[0].expr->As<ast::ConstantExpr>();
  EXPECT_EQ(c0.text, "-5");
  EXPECT_EQ(c0.location, 8);
  const auto& c1 = s->targets[1].expr->As<ast::ConstantExpr>();
  EXPECT_EQ(c1.type, ast::ConstantExpr::Type::kInteger);
  EXPECT_EQ(c1.text, "-9223372036854775808");
  EXPECT_EQ(s->targets[2].expr->As<ast::ConstantExpr>().text, "-1.5");
  EXPECT_EQ(s->targets[3].expr->kind, ast::ExprKind::kUnary);
  EXPECT_EQ(Expr("- - 1"), "1");
  EXPECT_EQ(Expr("-2 ^ 2"), "((-2) ^ 2)");  // unary minus binds tighter than ^
}

TEST(ExpressionTest, ArithmeticPrecedence) {
  EXPECT_EQ(Expr("1 + 2 * 3"), "(1 + (2 * 3))");
  EXPECT_EQ(Expr("1 - 2 - 3"), "((1 - 2) - 3)");
  EXPECT_EQ(Expr("2 ^ 3 ^ 2"), "((2 ^ 3) ^ 2)");  // ^ is left-associative in PostgreSQL
  EXPECT_EQ(Expr("a * b % c / d"), "(((a * b) % c) / d)");
  EXPECT_EQ(Expr("a + b * c ^ d"), "(a + (b * (c ^ d)))");
  EXPECT_EQ(Expr("(1 + 2) * 3"), "((1 + 2) * 3)");
  EXPECT_EQ(Expr("-x::int"), "(- x::integer)");
  EXPECT_EQ(Expr("a || b || c"), "((a || b) || c)");
  EXPECT_EQ(Expr("a + b || c"), "((a + b) || c)");  // other operators below + -
  EXPECT_EQ(Expr("a || b = c"), "((a || b) = c)");
  EXPECT_EQ(Expr("a->>'k' = 'v'"), "((a ->> 'k') = 'v')");
  EXPECT_EQ(Expr("embedding <-> '[1,2]'"), "(embedding <-> '[1,2]')");
}

TEST(ExpressionTest, BooleanPrecedence) {
  EXPECT_EQ(Expr("a OR b AND c"), "(a OR (b AND c))");
  EXPECT_EQ(Expr("NOT a AND b"), "((NOT a) AND b)");
  EXPECT_EQ(Expr("NOT a = b"), "(NOT (a = b))");
  EXPECT_EQ(Expr("a = b IS NULL"), "((a = b) IS NULL)");
  EXPECT_EQ(Expr("a IS NOT NULL AND b ISNULL"), "((a IS NOT NULL) AND (b IS NULL))");
  EXPECT_EQ(Expr("a NOTNULL"), "(a IS NOT NULL)");
  EXPECT_EQ(Expr("a IS TRUE OR b IS NOT FALSE OR c IS UNKNOWN"),
            "(((a IS TRUE) OR (b IS NOT FALSE)) OR (c IS UNKNOWN))");
  EXPECT_EQ(Expr("a IS DISTINCT FROM b"), "(a IS DISTINCT FROM b)");
  EXPECT_EQ(Expr("a IS NOT DISTINCT FROM b + 1"), "(a IS NOT DISTINCT FROM (b + 1))");
  // Comparison operators are non-associative, as in gram.y.
  EXPECT_EQ(ParseError("SELECT a < b = true").message, "syntax error at or near \"=\"");
}

TEST(ExpressionTest, Predicates) {
  EXPECT_EQ(Expr("a BETWEEN 1 AND 2 AND b"), "((a BETWEEN 1 AND 2) AND b)");
  EXPECT_EQ(Expr("a NOT BETWEEN SYMMETRIC 2 AND 1"), "(a NOT BETWEEN SYMMETRIC 2 AND 1)");
  EXPECT_EQ(Expr("a BETWEEN b + 1 AND c * 2"), "(a BETWEEN (b + 1) AND (c * 2))");
  EXPECT_EQ(Expr("a IN (1, 2, 3)"), "(a IN (1, 2, 3))");
  EXPECT_EQ(Expr("a NOT IN ('x')"), "(a NOT IN ('x'))");
  EXPECT_EQ(Expr("a LIKE 'x%'"), "(a LIKE 'x%')");
  EXPECT_EQ(Expr("a NOT ILIKE 'x%' ESCAPE '!'"), "(a NOT ILIKE 'x%' ESCAPE '!')");
  EXPECT_EQ(Expr("a SIMILAR TO 'x'"), "(a SIMILAR TO 'x')");
  EXPECT_EQ(Expr("a NOT SIMILAR TO 'x'"), "(a NOT SIMILAR TO 'x')");
  EXPECT_EQ(Expr("a || 'x' LIKE b"), "((a || 'x') LIKE b)");
  EXPECT_EQ(Expr("a LIKE b = c"), "((a LIKE b) = c)");
}

TEST(ExpressionTest, CastsAndTypedLiterals) {
  EXPECT_EQ(Expr("CAST(a AS int)"), "a::integer");
  EXPECT_EQ(Expr("a::text::varchar(10)"), "a::text::character varying(10)");
  EXPECT_EQ(Expr("'1'::numeric(10, 2)"), "'1'::numeric(10,2)");
  EXPECT_EQ(Expr("DATE '2024-01-01'"), "'2024-01-01'::date");
  EXPECT_EQ(Expr("TIMESTAMP '2024-01-01 00:00'"),
            "'2024-01-01 00:00'::timestamp without time zone");
  EXPECT_EQ(Expr("timestamptz '2024-01-01'"), "'2024-01-01'::timestamp with time zone");
  EXPECT_EQ(Expr("TIME WITH TIME ZONE '10:00'"), "'10:00'::time with time zone");
  EXPECT_EQ(Expr("INTERVAL '1 day'"), "'1 day'::interval");
  EXPECT_EQ(Expr("INTERVAL '1' DAY"), "'1'::interval day");
  EXPECT_EQ(Expr("INTERVAL '1:30' HOUR TO MINUTE"), "'1:30'::interval hour to minute");
  EXPECT_EQ(Expr("INTERVAL '1.5' SECOND(3)"), "'1.5'::interval(3) second");
  EXPECT_EQ(Expr("DOUBLE PRECISION '1.5'"), "'1.5'::double precision");
  EXPECT_EQ(Expr("int4 '5'"), "'5'::integer");
  EXPECT_EQ(Expr("pg_catalog.int8 '5'"), "'5'::bigint");
  EXPECT_EQ(Expr("vector(3) '[1,2,3]'"), "'[1,2,3]'::vector(3)");
  EXPECT_EQ(Expr("BOOLEAN 't'"), "'t'::boolean");
  EXPECT_EQ(Expr("(a + 1)::text"), "(a + 1)::text");
  EXPECT_EQ(Expr("'{1,2}'::int[]"), "'{1,2}'::integer[]");
  EXPECT_EQ(Expr("x::int ARRAY"), "x::integer[]");
}

ast::TypeName TypeOf(std::string_view type) {
  auto s = ParseAs<ast::SelectStmt>("SELECT CAST(x AS " + std::string(type) + ")");
  return s->targets[0].expr->As<ast::CastExpr>().type;
}

TEST(ExpressionTest, TypeNames) {
  struct Case {
    const char* written;
    const char* canonical;
  } cases[] = {
      {"int", "integer"},
      {"int4", "integer"},
      {"integer", "integer"},
      {"int2", "smallint"},
      {"smallint", "smallint"},
      {"int8", "bigint"},
      {"bigint", "bigint"},
      {"real", "real"},
      {"float4", "real"},
      {"float8", "double precision"},
      {"float", "double precision"},
      {"float(24)", "real"},
      {"float(25)", "double precision"},
      {"double precision", "double precision"},
      {"numeric", "numeric"},
      {"decimal(10,2)", "numeric(10,2)"},
      {"dec(5)", "numeric(5)"},
      {"text", "text"},
      {"varchar(20)", "character varying(20)"},
      {"character varying(5)", "character varying(5)"},
      {"char(3)", "character(3)"},
      {"character", "character"},
      {"bpchar", "bpchar"},
      {"bytea", "bytea"},
      {"boolean", "boolean"},
      {"bool", "boolean"},
      {"date", "date"},
      {"time", "time without time zone"},
      {"time(3)", "time(3) without time zone"},
      {"time with time zone", "time with time zone"},
      {"timetz", "time with time zone"},
      {"timestamp", "timestamp without time zone"},
      {"timestamp(6) without time zone", "timestamp(6) without time zone"},
      {"timestamp with time zone", "timestamp with time zone"},
      {"timestamptz", "timestamp with time zone"},
      {"interval", "interval"},
      {"interval day to second", "interval day to second"},
      {"uuid", "uuid"},
      {"json", "json"},
      {"jsonb", "jsonb"},
      {"serial", "serial"},
      {"bigserial", "bigserial"},
      {"vector(384)", "vector(384)"},
      {"pg_catalog.int4", "integer"},
      {"pg_catalog.timestamptz", "timestamp with time zone"},
      {"int[]", "integer[]"},
      {"text[][]", "text[][]"},
      {"integer ARRAY", "integer[]"},
      {"int[3]", "integer[]"},
      {"\"int4\"", "integer"},
      {"myschema.mytype", "myschema.mytype"},
      {"national character varying(4)", "character varying(4)"},
      {"bit varying(8)", "bit varying(8)"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(TypeNameToString(TypeOf(c.written)), c.canonical) << c.written;
  }
  auto t = TypeOf("numeric(10,2)[]");
  EXPECT_EQ(t.name, "numeric");
  EXPECT_EQ(t.modifiers, (std::vector<int>{10, 2}));
  EXPECT_EQ(t.array_dims, 1);
  EXPECT_EQ(TypeOf("interval year to month").interval_fields, "year to month");
}

TEST(ExpressionTest, FloatPrecisionErrors) {
  EXPECT_EQ(ParseError("SELECT 1::float(0)").message,
            "precision for type float must be at least 1 bit");
  EXPECT_EQ(ParseError("SELECT 1::float(54)").message,
            "precision for type float must be less than 54 bits");
}

TEST(ExpressionTest, Functions) {
  EXPECT_EQ(Expr("count(*)"), "count(*)");
  EXPECT_EQ(Expr("count(DISTINCT a)"), "count(DISTINCT a)");
  EXPECT_EQ(Expr("pg_catalog.lower(a)"), "pg_catalog.lower(a)");
  EXPECT_EQ(Expr("f()"), "f()");
  EXPECT_EQ(Expr("string_agg(a, ',' ORDER BY b DESC NULLS LAST)"),
            "string_agg(a, ',' ORDER BY b DESC NULLS LAST)");
  EXPECT_EQ(Expr("count(*) FILTER (WHERE a > 1)"), "count(*) FILTER (WHERE (a > 1))");
  EXPECT_EQ(Expr("percentile_cont(0.5) WITHIN GROUP (ORDER BY x)"),
            "percentile_cont(0.5) WITHIN GROUP (ORDER BY x)");
  EXPECT_EQ(Expr("format('%s', VARIADIC arr)"), "format('%s', VARIADIC arr)");
  EXPECT_EQ(Expr("left('abc', 2)"), "\"left\"('abc', 2)");
  EXPECT_EQ(Expr("coalesce(a, b, 0)"), "coalesce(a, b, 0)");
  EXPECT_EQ(Expr("nullif(a, 0) + greatest(1, 2) + least(3, 4)"),
            "((nullif(a, 0) + greatest(1, 2)) + least(3, 4))");
  auto s = ParseAs<ast::SelectStmt>("SELECT count(DISTINCT a)");
  const auto& f = s->targets[0].expr->As<ast::FunctionExpr>();
  EXPECT_TRUE(f.distinct);
  EXPECT_EQ(f.location, 8);
}

TEST(ExpressionTest, WindowFunctions) {
  EXPECT_EQ(Expr("row_number() OVER (PARTITION BY a ORDER BY b)"),
            "row_number() OVER (PARTITION BY a ORDER BY b)");
  EXPECT_EQ(Expr("sum(x) OVER w"), "sum(x) OVER w");
  EXPECT_EQ(Expr("sum(x) OVER (w ORDER BY y)"), "sum(x) OVER (w ORDER BY y)");
  EXPECT_EQ(Expr("sum(x) OVER (ORDER BY y ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING)"),
            "sum(x) OVER (ORDER BY y ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING)");
  EXPECT_EQ(Expr("sum(x) OVER (ROWS UNBOUNDED PRECEDING)"),
            "sum(x) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)");
  EXPECT_EQ(Expr("sum(x) OVER (RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE TIES)"),
            "sum(x) OVER (RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE TIES)");
  EXPECT_EQ(Expr("sum(x) OVER (GROUPS 2 PRECEDING EXCLUDE CURRENT ROW)"),
            "sum(x) OVER (GROUPS BETWEEN 2 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW)");
  auto s = ParseAs<ast::SelectStmt>("SELECT sum(x) OVER ()");
  const auto& w = *s->targets[0].expr->As<ast::FunctionExpr>().over;
  EXPECT_FALSE(w.has_frame);
  EXPECT_EQ(w.start.type, ast::FrameBound::Type::kUnboundedPreceding);
  EXPECT_EQ(w.end.type, ast::FrameBound::Type::kCurrentRow);
}

TEST(ExpressionTest, SpecialForms) {
  EXPECT_EQ(Expr("EXTRACT(YEAR FROM d)"), "date_part('year', d)");
  EXPECT_EQ(Expr("extract(epoch from now())"), "date_part('epoch', now())");
  EXPECT_EQ(Expr("SUBSTRING(s FROM 2 FOR 3)"), "substring(s, 2, 3)");
  EXPECT_EQ(Expr("SUBSTRING(s FROM 2)"), "substring(s, 2)");
  EXPECT_EQ(Expr("SUBSTRING(s FOR 3)"), "substring(s, 1, 3)");
  EXPECT_EQ(Expr("substring(s, 1, 2)"), "substring(s, 1, 2)");
  EXPECT_EQ(Expr("POSITION('b' IN s)"), "position(s, 'b')");
  EXPECT_EQ(Expr("TRIM(s)"), "btrim(s)");
  EXPECT_EQ(Expr("TRIM(BOTH 'x' FROM s)"), "btrim(s, 'x')");
  EXPECT_EQ(Expr("TRIM(LEADING FROM s)"), "ltrim(s)");
  EXPECT_EQ(Expr("TRIM(TRAILING 'x' FROM s)"), "rtrim(s, 'x')");
  EXPECT_EQ(Expr("OVERLAY(s PLACING 'ab' FROM 2 FOR 3)"), "overlay(s, 'ab', 2, 3)");
  EXPECT_EQ(Expr("OVERLAY(s PLACING 'ab' FROM 2)"), "overlay(s, 'ab', 2)");
  EXPECT_EQ(Expr("CURRENT_DATE"), "CURRENT_DATE");
  EXPECT_EQ(Expr("CURRENT_TIMESTAMP(3)"), "CURRENT_TIMESTAMP(3)");
  EXPECT_EQ(Expr("localtimestamp"), "LOCALTIMESTAMP");
  EXPECT_EQ(Expr("current_user"), "CURRENT_USER");
  EXPECT_EQ(Expr("current_schema"), "CURRENT_SCHEMA");
  EXPECT_EQ(Expr("current_schema()"), "\"current_schema\"()");
  EXPECT_EQ(Expr("a AT TIME ZONE 'UTC'"), "timezone('UTC', a)");
  EXPECT_EQ(Expr("a AT TIME ZONE 'UTC' + 1"), "(timezone('UTC', a) + 1)");
  auto s = ParseAs<ast::SelectStmt>("SELECT CURRENT_DATE");
  const auto& f = s->targets[0].expr->As<ast::FunctionExpr>();
  EXPECT_TRUE(f.no_parens);
  EXPECT_EQ(f.name, (std::vector<std::string>{"current_date"}));
  EXPECT_TRUE(f.args.empty());
}

TEST(ExpressionTest, CaseArrayRowCollate) {
  EXPECT_EQ(Expr("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END"),
            "CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END");
  EXPECT_EQ(Expr("CASE x WHEN 1 THEN 'a' END"), "CASE x WHEN 1 THEN 'a' END");
  EXPECT_EQ(Expr("ARRAY[1, 2]"), "ARRAY[1, 2]");
  EXPECT_EQ(Expr("ARRAY[[1, 2], [3, 4]]"), "ARRAY[ARRAY[1, 2], ARRAY[3, 4]]");
  EXPECT_EQ(Expr("ARRAY[]::int[]"), "ARRAY[]::integer[]");
  EXPECT_EQ(Expr("ARRAY(SELECT 1)"), "ARRAY(SELECT 1)");
  EXPECT_EQ(Expr("ROW(1, 'a')"), "ROW(1, 'a')");
  EXPECT_EQ(Expr("ROW()"), "ROW()");
  EXPECT_EQ(Expr("(1, 2)"), "ROW(1, 2)");
  EXPECT_EQ(Expr("a[1]"), "a[1]");
  EXPECT_EQ(Expr("a[1:2][3]"), "a[1:2][3]");
  EXPECT_EQ(Expr("a[:2]"), "a[:2]");
  EXPECT_EQ(Expr("(arr)[2]"), "arr[2]");
  EXPECT_EQ(Expr("a COLLATE \"C\""), "(a COLLATE \"C\")");
  EXPECT_EQ(Expr("a || b COLLATE \"C\""), "(a || (b COLLATE \"C\"))");
}

TEST(ExpressionTest, Subqueries) {
  EXPECT_EQ(Expr("(SELECT 1)"), "(SELECT 1)");
  EXPECT_EQ(Expr("(SELECT 1) + 1"), "((SELECT 1) + 1)");
  EXPECT_EQ(Expr("((SELECT 1) + 1)"), "((SELECT 1) + 1)");
  EXPECT_EQ(Expr("((SELECT 1))"), "(SELECT 1)");
  EXPECT_EQ(Expr("((SELECT 1) UNION (SELECT 2))"), "(SELECT 1 UNION SELECT 2)");
  EXPECT_EQ(Expr("((SELECT 1), 2)"), "ROW((SELECT 1), 2)");
  EXPECT_EQ(Expr("EXISTS (SELECT 1)"), "EXISTS (SELECT 1)");
  EXPECT_EQ(Expr("NOT EXISTS (SELECT 1)"), "(NOT EXISTS (SELECT 1))");
  EXPECT_EQ(Expr("a IN (SELECT b FROM t)"), "(a IN (SELECT b FROM t))");
  EXPECT_EQ(Expr("a NOT IN (SELECT b FROM t)"), "(a NOT IN (SELECT b FROM t))");
  EXPECT_EQ(Expr("a = ANY (SELECT b FROM t)"), "(a = ANY (SELECT b FROM t))");
  EXPECT_EQ(Expr("a > ALL (SELECT b FROM t)"), "(a > ALL (SELECT b FROM t))");
  EXPECT_EQ(Expr("a < SOME (SELECT b FROM t)"), "(a < ANY (SELECT b FROM t))");
  EXPECT_EQ(Expr("a = ANY (arr)"), "(a = ANY (arr))");
  EXPECT_EQ(Expr("a <> ALL (ARRAY[1, 2])"), "(a <> ALL (ARRAY[1, 2]))");
  EXPECT_EQ(Expr("a = ANY ('{1,2}'::int[])"), "(a = ANY ('{1,2}'::integer[]))");
  auto s = ParseAs<ast::SelectStmt>("SELECT a NOT IN (SELECT 1)");
  const auto& sub = s->targets[0].expr->As<ast::SubqueryExpr>();
  EXPECT_EQ(sub.type, ast::SubqueryExpr::Type::kIn);
  EXPECT_TRUE(sub.negated);
  EXPECT_EQ(sub.op, "=");
}

TEST(ExpressionTest, ColumnRefsAndStars) {
  EXPECT_EQ(Expr("t.a"), "t.a");
  EXPECT_EQ(Expr("s.t.a"), "s.t.a");
  EXPECT_EQ(Expr("\"T\".\"A b\""), "\"T\".\"A b\"");
  EXPECT_EQ(Expr("t.*"), "t.*");
  EXPECT_EQ(Expr("excluded.a"), "excluded.a");
  // Unreserved and column-name keywords are ordinary column names.
  for (const char* name :
       {"name",   "value",   "type",   "date",    "time",  "text",     "year",      "month",
        "key",    "data",    "action", "comment", "level", "position", "timestamp", "interval",
        "values", "version", "scn",    "branch",  "now",   "zone"}) {
    EXPECT_EQ(Expr(std::string(name) + " + 1"), "(" + std::string(name) + " + 1)") << name;
  }
}

TEST(ExpressionTest, PrefixOperators) {
  EXPECT_EQ(Expr("~ 5"), "(~ 5)");
  EXPECT_EQ(Expr("|/ 25"), "(|/ 25)");
  EXPECT_EQ(Expr("@ -5"), "(@ (-5))");
  EXPECT_EQ(Expr("NOT NOT a"), "(NOT (NOT a))");
  EXPECT_EQ(Expr("1 = NOT a"), "(1 = (NOT a))");
}

}  // namespace
}  // namespace heliosdb::testing
