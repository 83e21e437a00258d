// Casts: contexts (pg_cast), rounding rules, range and length errors, vector paths.
#include <cmath>

#include "function_test_util.h"

namespace heliosdb::test {
namespace {

std::string Cast(const Value& v, LogicalType t, bool explicit_cast = true) {
  FunctionContext ctx;
  return FormatValue(CastValue(v, t, ctx, explicit_cast));
}

std::string CastError(const Value& v, LogicalType t, bool explicit_cast = true) {
  try {
    Cast(v, t, explicit_cast);
  } catch (const DbException& e) {
    return e.status().sqlstate() + " " + e.status().message();
  }
  return "no error";
}

TEST(CastContextTest, PgCast) {
  auto ctx = [](TypeId a, TypeId b) { return GetCastContext(LogicalType(a), LogicalType(b)); };
  EXPECT_EQ(ctx(TypeId::kInteger, TypeId::kBigInt), CastContext::kImplicit);
  EXPECT_EQ(ctx(TypeId::kBigInt, TypeId::kInteger), CastContext::kAssignment);
  EXPECT_EQ(ctx(TypeId::kInteger, TypeId::kNumeric), CastContext::kImplicit);
  EXPECT_EQ(ctx(TypeId::kNumeric, TypeId::kDouble), CastContext::kImplicit);
  EXPECT_EQ(ctx(TypeId::kNumeric, TypeId::kInteger), CastContext::kAssignment);
  EXPECT_EQ(ctx(TypeId::kDouble, TypeId::kNumeric), CastContext::kAssignment);
  EXPECT_EQ(ctx(TypeId::kDouble, TypeId::kReal), CastContext::kAssignment);
  EXPECT_EQ(ctx(TypeId::kInteger, TypeId::kText), CastContext::kAssignment);
  EXPECT_EQ(ctx(TypeId::kText, TypeId::kInteger), CastContext::kExplicit);
  EXPECT_EQ(ctx(TypeId::kUnknown, TypeId::kDate), CastContext::kImplicit);
  EXPECT_EQ(ctx(TypeId::kVarchar, TypeId::kText), CastContext::kImplicit);
  EXPECT_EQ(ctx(TypeId::kText, TypeId::kChar), CastContext::kImplicit);
  EXPECT_EQ(ctx(TypeId::kBoolean, TypeId::kInteger), CastContext::kExplicit);
  EXPECT_EQ(ctx(TypeId::kBoolean, TypeId::kBigInt), CastContext::kNone);
  EXPECT_EQ(ctx(TypeId::kDate, TypeId::kTimestampTz), CastContext::kImplicit);
  EXPECT_EQ(ctx(TypeId::kTimestampTz, TypeId::kDate), CastContext::kAssignment);
  EXPECT_EQ(ctx(TypeId::kDate, TypeId::kInteger), CastContext::kNone);
  EXPECT_EQ(ctx(TypeId::kUuid, TypeId::kText), CastContext::kAssignment);
}

TEST(CastTest, Numbers) {
  EXPECT_EQ(Cast(Dbl(2.5), TypeId::kInteger), "2");  // rint: half to even
  EXPECT_EQ(Cast(Dbl(3.5), TypeId::kInteger), "4");
  EXPECT_EQ(Cast(Dbl(-2.5), TypeId::kInteger), "-2");
  EXPECT_EQ(Cast(Num("2.5"), TypeId::kInteger), "3");  // numeric: half away from zero
  EXPECT_EQ(Cast(Num("-2.5"), TypeId::kInteger), "-3");
  EXPECT_EQ(CastError(Big(3000000000), TypeId::kInteger), "22003 integer out of range");
  EXPECT_EQ(CastError(Int(40000), TypeId::kSmallInt), "22003 smallint out of range");
  EXPECT_EQ(CastError(Dbl(1e10), TypeId::kInteger), "22003 integer out of range");
  EXPECT_EQ(CastError(Dbl(NAN), TypeId::kBigInt), "22003 bigint out of range");
  EXPECT_EQ(CastError(Num("1e20"), TypeId::kBigInt), "22003 bigint out of range");
  EXPECT_EQ(Cast(Dbl(0.1), TypeId::kNumeric), "0.1");
  EXPECT_EQ(Cast(Dbl(1.0 / 3), TypeId::kNumeric), "0.333333333333333");
  EXPECT_EQ(Cast(Lit("0.1", TypeId::kReal), TypeId::kDouble), "0.10000000149011612");
  EXPECT_EQ(Cast(Dbl(0.1), TypeId::kReal), "0.1");
  EXPECT_EQ(CastError(Dbl(1e300), TypeId::kReal), "22003 value out of range: overflow");
  EXPECT_EQ(Cast(Num("1.23456789"), TypeId::kDouble), "1.23456789");
  EXPECT_EQ(Cast(Int(7), LogicalType::Numeric(5, 2)), "7.00");
  EXPECT_EQ(Cast(Num("123.456"), LogicalType::Numeric(5, 2)), "123.46");
  EXPECT_EQ(CastError(Num("1234.5"), LogicalType::Numeric(5, 2)), "22003 numeric field overflow");
  EXPECT_EQ(Cast(Big(123), TypeId::kReal), "123");
}

TEST(CastTest, Strings) {
  EXPECT_EQ(Cast(Txt("abcdef"), LogicalType::Varchar(3)), "abc");  // explicit truncates
  EXPECT_EQ(CastError(Txt("abcdef"), LogicalType::Varchar(3), false),
            "22001 value too long for type character varying(3)");
  EXPECT_EQ(Cast(Txt("abc   "), LogicalType::Varchar(3), false), "abc");
  EXPECT_EQ(Cast(Txt("ab"), LogicalType::Char(4)), "ab  ");
  EXPECT_EQ(Cast(Lit("ab", LogicalType::Char(4)), TypeId::kText), "ab");  // padding stripped
  EXPECT_EQ(CastError(Txt("abcdef"), LogicalType::Char(3), false),
            "22001 value too long for type character(3)");
  EXPECT_EQ(Cast(Value::Boolean(true), TypeId::kText), "true");
  EXPECT_EQ(Cast(Int(42), TypeId::kText), "42");
  EXPECT_EQ(Cast(Int(12345), LogicalType::Varchar(3)), "123");
  EXPECT_EQ(CastError(Int(12345), LogicalType::Varchar(3), false),
            "22001 value too long for type character varying(3)");
  EXPECT_EQ(Cast(Lit("2024-01-31", TypeId::kDate), TypeId::kText), "2024-01-31");
  EXPECT_EQ(Cast(Txt(" 42 "), TypeId::kInteger), "42");
  EXPECT_EQ(CastError(Txt("x"), TypeId::kBoolean),
            "22P02 invalid input syntax for type boolean: \"x\"");
  EXPECT_EQ(CastError(Txt("abc"), TypeId::kInteger),
            "22P02 invalid input syntax for type integer: \"abc\"");
  EXPECT_EQ(Cast(Unknown("1.5"), TypeId::kReal), "1.5");
  EXPECT_EQ(Cast(Txt("\\x0102"), TypeId::kBytea), "\\x0102");
  EXPECT_EQ(Cast(Value::Bytea("AB"), TypeId::kText), "\\x4142");
}

TEST(CastTest, BoolAndDateTime) {
  EXPECT_EQ(Cast(Value::Boolean(true), TypeId::kInteger), "1");
  EXPECT_EQ(Cast(Int(0), TypeId::kBoolean), "f");
  EXPECT_EQ(Cast(Int(-5), TypeId::kBoolean), "t");
  EXPECT_EQ(CastError(Lit("2024-01-01", TypeId::kDate), TypeId::kInteger),
            "42846 cannot cast type date to integer");
  EXPECT_EQ(Cast(Lit("2024-01-31", TypeId::kDate), TypeId::kTimestamp), "2024-01-31 00:00:00");
  EXPECT_EQ(Cast(Lit("2024-01-31 23:59", TypeId::kTimestamp), TypeId::kDate), "2024-01-31");
  EXPECT_EQ(Cast(Lit("1999-12-31 23:59", TypeId::kTimestamp), TypeId::kDate), "1999-12-31");
  EXPECT_EQ(Cast(Lit("2024-01-31 13:45:10", TypeId::kTimestamp), TypeId::kTime), "13:45:10");
  EXPECT_EQ(Cast(Lit("2024-01-31 13:45:10", TypeId::kTimestamp), TypeId::kTimestampTz),
            "2024-01-31 13:45:10+00");
  EXPECT_EQ(Cast(Lit("infinity", TypeId::kDate), TypeId::kTimestamp), "infinity");
  EXPECT_EQ(Cast(Lit("01:02:03", TypeId::kTime), TypeId::kInterval), "01:02:03");
  FunctionContext ctx;
  ctx.timezone = "Asia/Tokyo";
  Value tz = ParseValue("2024-01-31 20:00:00+00", TypeId::kTimestampTz);
  EXPECT_EQ(FormatValue(CastValue(tz, TypeId::kDate, ctx)), "2024-02-01");
  EXPECT_EQ(FormatValue(CastValue(tz, TypeId::kTimestamp, ctx)), "2024-02-01 05:00:00");
  Value d = Lit("2024-02-01", TypeId::kDate);
  EXPECT_EQ(FormatValue(CastValue(d, TypeId::kTimestampTz, ctx)), "2024-01-31 15:00:00+00");
}

TEST(CastTest, VectorPathMatchesRowPath) {
  Vector src(TypeId::kDouble, 5);
  double vals[] = {0.5, 1.5, 2.5, -0.5, 1e9};
  for (int i = 0; i < 5; i++) src.SetValue(i, Dbl(vals[i]));
  src.SetNull(4);
  Vector out(TypeId::kInteger, 5);
  FunctionContext ctx;
  CastVector(src, &out, 5, TypeId::kInteger, ctx);
  EXPECT_EQ(out.GetValue(0).ToString(), "0");
  EXPECT_EQ(out.GetValue(1).ToString(), "2");
  EXPECT_EQ(out.GetValue(2).ToString(), "2");
  EXPECT_EQ(out.GetValue(3).ToString(), "-0" == std::string() ? "" : "0");
  EXPECT_EQ(out.GetValue(4).ToString(), "NULL");

  Vector strs(TypeId::kText, 3);
  strs.SetValue(0, Txt("12"));
  strs.SetValue(1, Txt(" -7 "));
  strs.SetValue(2, Value::Null(TypeId::kText));
  Vector ints(TypeId::kBigInt, 3);
  CastVector(strs, &ints, 3, TypeId::kBigInt, ctx);
  EXPECT_EQ(ints.GetValue(1).ToString(), "-7");
  EXPECT_EQ(ints.GetValue(2).ToString(), "NULL");

  Vector constant = Vector::Constant(Int(300));
  Vector small(TypeId::kSmallInt, 4);
  CastVector(constant, &small, 4, TypeId::kSmallInt, ctx);
  EXPECT_EQ(small.GetValue(3).ToString(), "300");
  Vector big_const = Vector::Constant(Int(70000));
  EXPECT_THROW(CastVector(big_const, &small, 4, TypeId::kSmallInt, ctx), DbException);

  Vector dates(TypeId::kDate, 2);
  dates.SetValue(0, Lit("2024-01-31", TypeId::kDate));
  dates.SetValue(1, Lit("0001-01-01 BC", TypeId::kDate));
  Vector texts(LogicalType::Varchar(20), 2);
  CastVector(dates, &texts, 2, LogicalType::Varchar(20), ctx);
  EXPECT_EQ(texts.GetValue(1).ToString(), "0001-01-01 BC");
}

}  // namespace
}  // namespace heliosdb::test
