// Arithmetic, comparison and date/time operators with PostgreSQL's results and errors.
#include <cmath>

#include "function_test_util.h"

namespace heliosdb::test {
namespace {

TEST(ArithmeticTest, Integers) {
  EXPECT_EQ(Eval("+", {Int(1), Int(2)}), "3");
  EXPECT_EQ(Eval("/", {Int(7), Int(2)}), "3");
  EXPECT_EQ(Eval("/", {Int(-7), Int(2)}), "-3");
  EXPECT_EQ(Eval("%", {Int(-7), Int(3)}), "-1");
  EXPECT_EQ(Eval("-", {Int(5)}), "-5");
  EXPECT_EQ(ErrorOf("+", {Int(2147483647), Int(1)}), "22003 integer out of range");
  EXPECT_EQ(ErrorOf("*", {Big(INT64_MAX), Big(2)}), "22003 bigint out of range");
  EXPECT_EQ(ErrorOf("/", {Int(1), Int(0)}), "22012 division by zero");
  EXPECT_EQ(ErrorOf("%", {Int(1), Int(0)}), "22012 division by zero");
  EXPECT_EQ(ErrorOf("/", {Int(-2147483648), Int(-1)}), "22003 integer out of range");
  EXPECT_EQ(Eval("%", {Int(-2147483648), Int(-1)}), "0");
  EXPECT_EQ(ErrorOf("-", {Int(-2147483648)}), "22003 integer out of range");
  Value s1 = Value::Int(TypeId::kSmallInt, 32767);
  EXPECT_EQ(ErrorOf("+", {s1, s1}), "22003 smallint out of range");
  EXPECT_EQ(Eval("+", {Int(1), Unknown("41")}), "42");
}

TEST(ArithmeticTest, Floats) {
  EXPECT_EQ(Eval("+", {Dbl(0.1), Dbl(0.2)}), "0.30000000000000004");
  EXPECT_EQ(Eval("/", {Dbl(1), Dbl(3)}), "0.3333333333333333");
  EXPECT_EQ(Eval("+", {Int(1), Dbl(2.5)}), "3.5");
  EXPECT_EQ(ErrorOf("/", {Dbl(1), Dbl(0)}), "22012 division by zero");
  EXPECT_EQ(ErrorOf("*", {Dbl(1e300), Dbl(1e300)}), "22003 value out of range: overflow");
  EXPECT_EQ(ErrorOf("*", {Dbl(1e-300), Dbl(1e-300)}), "22003 value out of range: underflow");
  EXPECT_EQ(Eval("^", {Int(2), Int(10)}), "1024");
  EXPECT_EQ(Eval("^", {Dbl(2), Dbl(0.5)}), "1.4142135623730951");
  Value r = Lit("0.1", TypeId::kReal);
  EXPECT_EQ(Eval("+", {r, r}), "0.2");
  EXPECT_EQ(Eval("*", {Lit("1e30", TypeId::kReal), Lit("1", TypeId::kReal)}), "1e+30");
  EXPECT_EQ(ErrorOf("*", {Lit("1e30", TypeId::kReal), Lit("1e30", TypeId::kReal)}),
            "22003 value out of range: overflow");
}

TEST(ArithmeticTest, Numeric) {
  EXPECT_EQ(Eval("/", {Num("1.0"), Int(3)}), "0.33333333333333333333");
  EXPECT_EQ(Eval("/", {Int(1), Num("3")}), "0.33333333333333333333");
  EXPECT_EQ(Eval("/", {Num("10"), Num("4")}), "2.5000000000000000");
  EXPECT_EQ(Eval("/", {Num("100000"), Num("3")}), "33333.333333333333");
  EXPECT_EQ(Eval("/", {Num("2"), Num("3")}), "0.66666666666666666667");
  EXPECT_EQ(Eval("+", {Int(1), Num("2.5")}), "3.5");
  EXPECT_EQ(Eval("*", {Num("1.50"), Num("2.0")}), "3.000");
  EXPECT_EQ(Eval("-", {Num("0.1"), Num("0.3")}), "-0.2");
  EXPECT_EQ(Eval("%", {Num("10.5"), Num("3")}), "1.5");
  EXPECT_EQ(Eval("%", {Num("-10.5"), Num("3")}), "-1.5");
  EXPECT_EQ(Eval("^", {Num("2"), Num("10")}), "1024.0000000000000000");
  EXPECT_EQ(ErrorOf("/", {Num("1"), Num("0")}), "22012 division by zero");
  EXPECT_EQ(Eval("*", {Num("9999999999999999999"), Num("9999999999999999999")}),
            "99999999999999999980000000000000000001");
  // 38 significant digits is our NUMERIC limit (PostgreSQL allows more).
  EXPECT_EQ(ErrorOf("*", {Num("99999999999999999999"), Num("99999999999999999999")}),
            "22003 value overflows numeric format");
  // Fraction digits beyond the limit are rounded instead.
  EXPECT_EQ(Eval("*", {Num("1.0000000000000000001"), Num("1.0000000000000000001")}),
            "1.0000000000000000002000000000000000000");
}

TEST(ComparisonTest, Basics) {
  EXPECT_EQ(Eval("=", {Int(1), Big(1)}), "t");
  EXPECT_EQ(Eval("<", {Big(INT64_MAX), Num("9223372036854775808")}), "t");
  EXPECT_EQ(Eval("=", {Num("1.0"), Num("1.00")}), "t");
  EXPECT_EQ(Eval("=", {Int(1), Num("1.0")}), "t");
  EXPECT_EQ(Eval("<", {Dbl(1), Dbl(NAN)}), "t");
  EXPECT_EQ(Eval("=", {Dbl(NAN), Dbl(NAN)}), "t");
  EXPECT_EQ(Eval("<", {Txt("B"), Txt("a")}), "t");  // C collation
  EXPECT_EQ(Eval("<", {Txt("abc"), Txt("abd")}), "t");
  EXPECT_EQ(Eval("=", {Unknown("x"), Unknown("x")}), "t");
  EXPECT_EQ(Eval("<>", {Value::Boolean(true), Unknown("f")}), "t");
  EXPECT_EQ(Eval("=", {Value::Null(TypeId::kInteger), Int(1)}), "NULL");
  EXPECT_EQ(
      Eval("<", {Lit("2024-01-01", TypeId::kDate), Lit("2024-01-01 00:00:01", TypeId::kTimestamp)}),
      "t");
  EXPECT_EQ(Eval("=", {Lit("1 day", TypeId::kInterval), Lit("24 hours", TypeId::kInterval)}), "t");
  EXPECT_EQ(Eval(">", {Lit("1 mon", TypeId::kInterval), Lit("29 days", TypeId::kInterval)}), "t");
}

TEST(ComparisonTest, Bpchar) {
  Value a = Lit("ab", LogicalType::Char(4)), b = Lit("ab", LogicalType::Char(6));
  EXPECT_EQ(Eval("=", {a, b}), "t");
  EXPECT_EQ(Eval("=", {a, Txt("ab")}), "t");
  EXPECT_EQ(Eval("=", {a, Txt("ab ")}), "f");
  EXPECT_EQ(Eval("=", {a, Unknown("ab   ")}), "t");
}

TEST(ComparisonTest, VectorKinds) {
  // Flat column with a NULL against a constant, through a dictionary.
  Vector col(TypeId::kInteger, 4);
  col.SetValue(0, Int(1));
  col.SetValue(1, Value::Null(TypeId::kInteger));
  col.SetValue(2, Int(3));
  col.SetValue(3, Int(1));
  SelectionVector sel(3);
  sel.set(0, 3);
  sel.set(1, 2);
  sel.set(2, 1);
  Vector dict = col;
  dict.Slice(sel, 3);
  DataChunk args;
  args.Initialize({LogicalType(TypeId::kInteger), LogicalType(TypeId::kInteger)}, 3);
  args.column(0) = dict;
  args.column(1) = Vector::Constant(Int(1));
  args.SetSize(3);
  ResolvedScalar r = FunctionRegistry::Get().ResolveScalar(
      "=", {LogicalType(TypeId::kInteger), LogicalType(TypeId::kInteger)});
  Vector out(TypeId::kBoolean, 3);
  r.function->kernel(args, 3, &out, Ctx());
  EXPECT_EQ(out.GetValue(0).ToString(), "t");
  EXPECT_EQ(out.GetValue(1).ToString(), "f");
  EXPECT_EQ(out.GetValue(2).ToString(), "NULL");
}

TEST(DateTimeOperatorTest, Arithmetic) {
  Value d = Lit("2024-01-31", TypeId::kDate);
  EXPECT_EQ(Eval("+", {d, Int(1)}), "2024-02-01");
  EXPECT_EQ(Eval("-", {d, Lit("2024-01-01", TypeId::kDate)}), "30");
  EXPECT_EQ(Eval("+", {d, Lit("1 month", TypeId::kInterval)}), "2024-02-29 00:00:00");
  EXPECT_EQ(
      Eval("+", {Lit("2024-02-29 12:00", TypeId::kTimestamp), Lit("1 year", TypeId::kInterval)}),
      "2025-02-28 12:00:00");
  EXPECT_EQ(Eval("-", {Lit("2024-03-01", TypeId::kTimestamp),
                       Lit("2024-02-28 12:00", TypeId::kTimestamp)}),
            "1 day 12:00:00");
  EXPECT_EQ(Eval("-", {Lit("2024-03-31", TypeId::kTimestamp), Lit("1 mon", TypeId::kInterval)}),
            "2024-02-29 00:00:00");
  EXPECT_EQ(Eval("+", {d, Lit("13:45", TypeId::kTime)}), "2024-01-31 13:45:00");
  EXPECT_EQ(Eval("+", {Lit("23:00", TypeId::kTime), Lit("2 hours", TypeId::kInterval)}),
            "01:00:00");
  EXPECT_EQ(Eval("*", {Lit("1 day", TypeId::kInterval), Dbl(1.5)}), "1 day 12:00:00");
  EXPECT_EQ(Eval("*", {Lit("1 mon", TypeId::kInterval), Dbl(1.5)}), "1 mon 15 days");
  EXPECT_EQ(Eval("/", {Lit("3 days", TypeId::kInterval), Dbl(2)}), "1 day 12:00:00");
  EXPECT_EQ(Eval("+", {Lit("1 day", TypeId::kInterval), Lit("2 hours", TypeId::kInterval)}),
            "1 day 02:00:00");
  EXPECT_EQ(Eval("-", {Lit("1 day", TypeId::kInterval)}), "-1 days");
  EXPECT_EQ(Eval("+", {Lit("infinity", TypeId::kTimestamp), Lit("1 day", TypeId::kInterval)}),
            "infinity");
  EXPECT_EQ(ErrorOf("+", {Lit("294276-12-31", TypeId::kDate), Lit("1 year", TypeId::kInterval)}),
            "22008 timestamp out of range");
}

TEST(DateTimeOperatorTest, TimestampTzUsesSessionZone) {
  FunctionContext ctx;
  ctx.timezone = "America/New_York";
  // Adding a day across the DST change keeps the wall-clock time.
  Value t = ParseValue("2024-03-09 12:00:00-05", TypeId::kTimestampTz);
  EXPECT_EQ(Eval("+", {t, Lit("1 day", TypeId::kInterval)}, ctx), "2024-03-10 12:00:00-04");
  EXPECT_EQ(Eval("+", {t, Lit("24 hours", TypeId::kInterval)}, ctx), "2024-03-10 13:00:00-04");
}

}  // namespace
}  // namespace heliosdb::test
