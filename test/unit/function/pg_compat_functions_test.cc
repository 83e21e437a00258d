// Functions and operators added for PostgreSQL compatibility: pg_typeof, the prefix operators
// @ |/ ||/, bitwise integer operators, bytea substring / overlay / position, overlay on text,
// octet_length of bpchar, numeric NaN / Infinity through the function library, and the
// bit_* and regression aggregates.
#include <cmath>

#include "function_test_util.h"

namespace heliosdb::test {
namespace {

Value Bytes(const std::string& hex) {
  return Lit(hex, LogicalType(TypeId::kBytea));
}

TEST(PgTypeofTest, NamesTheArgumentType) {
  EXPECT_EQ(Eval("pg_typeof", {Int(1)}), "integer");
  EXPECT_EQ(Eval("pg_typeof", {Big(3000000000)}), "bigint");
  EXPECT_EQ(Eval("pg_typeof", {Num("1.5")}), "numeric");
  EXPECT_EQ(Eval("pg_typeof", {Lit("1.5", LogicalType::Numeric(10, 2))}), "numeric");
  EXPECT_EQ(Eval("pg_typeof", {Lit("a", LogicalType::Varchar(3))}), "character varying");
  EXPECT_EQ(Eval("pg_typeof", {Lit("a", LogicalType::Char(3))}), "character");
  EXPECT_EQ(Eval("pg_typeof", {Dbl(1.5)}), "double precision");
  EXPECT_EQ(Eval("pg_typeof", {Txt("x")}), "text");
  EXPECT_EQ(Eval("pg_typeof", {Lit("2024-01-01", LogicalType(TypeId::kTimestamp))}),
            "timestamp without time zone");
  EXPECT_EQ(Eval("pg_typeof", {Lit("2024-01-01", LogicalType(TypeId::kTimestampTz))}),
            "timestamp with time zone");
  EXPECT_EQ(Eval("pg_typeof", {Unknown("abc")}), "unknown");
  EXPECT_EQ(Eval("pg_typeof", {Value::Null(TypeId::kUnknown)}), "unknown");
  EXPECT_EQ(Eval("pg_typeof", {Value::Null(TypeId::kInteger)}), "integer");
  EXPECT_EQ(TypeOf("pg_typeof", {LogicalType(TypeId::kUnknown)}), "text");
  ResolvedScalar r = FunctionRegistry::Get().ResolveScalar("pg_typeof", {TypeId::kUnknown});
  ASSERT_TRUE(r.function);
  EXPECT_EQ(r.arg_types[0].id(), TypeId::kUnknown);  // not resolved to text
}

TEST(PrefixOperatorTest, AbsSqrtCbrt) {
  EXPECT_EQ(Eval("@", {Int(-5)}), "5");
  EXPECT_EQ(TypeOf("@", {LogicalType(TypeId::kSmallInt)}), "smallint");
  EXPECT_EQ(Eval("@", {Big(-7)}), "7");
  EXPECT_EQ(Eval("@", {Dbl(-2.5)}), "2.5");
  EXPECT_EQ(Eval("@", {Num("-1.50")}), "1.50");
  EXPECT_EQ(ErrorOf("@", {Value::Integer(INT32_MIN)}), "22003 integer out of range");
  EXPECT_EQ(Eval("|/", {Dbl(16)}), "4");
  EXPECT_EQ(Eval("|/", {Int(25)}), "5");  // integer -> double precision
  EXPECT_EQ(TypeOf("|/", {LogicalType(TypeId::kInteger)}), "double precision");
  EXPECT_EQ(ErrorOf("|/", {Dbl(-1)}), "2201F cannot take square root of a negative number");
  EXPECT_EQ(Eval("||/", {Dbl(27)}), "3");
  EXPECT_EQ(Eval("||/", {Dbl(-8)}), "-2");
}

TEST(BitwiseOperatorTest, Integers) {
  EXPECT_EQ(Eval("&", {Int(12), Int(10)}), "8");
  EXPECT_EQ(Eval("|", {Int(12), Int(10)}), "14");
  EXPECT_EQ(Eval("#", {Int(12), Int(10)}), "6");
  EXPECT_EQ(Eval("~", {Int(5)}), "-6");
  EXPECT_EQ(Eval("<<", {Int(1), Int(4)}), "16");
  EXPECT_EQ(Eval(">>", {Int(-16), Int(2)}), "-4");
  EXPECT_EQ(Eval("<<", {Big(1), Int(40)}), "1099511627776");
  EXPECT_EQ(Eval("<<", {Int(1), Int(31)}), "-2147483648");
  EXPECT_EQ(TypeOf("&", {LogicalType(TypeId::kBigInt), LogicalType(TypeId::kInteger)}), "bigint");
}

TEST(ByteaFunctionTest, SubstringOverlayPosition) {
  EXPECT_EQ(Eval("substring", {Bytes("\\x0102030405"), Int(2), Int(2)}), "\\x0203");
  EXPECT_EQ(Eval("substring", {Bytes("\\x0102030405"), Int(4)}), "\\x0405");
  EXPECT_EQ(Eval("substr", {Bytes("\\x0102030405"), Int(0), Int(2)}), "\\x01");
  EXPECT_EQ(Eval("substring", {Bytes("\\x0102"), Int(5)}), "\\x");
  EXPECT_EQ(TypeOf("substring", {LogicalType(TypeId::kBytea), LogicalType(TypeId::kInteger),
                                 LogicalType(TypeId::kInteger)}),
            "bytea");
  EXPECT_EQ(ErrorOf("substring", {Bytes("\\x01"), Int(1), Int(-1)}),
            "22011 negative substring length not allowed");
  EXPECT_EQ(Eval("overlay", {Bytes("\\x010203"), Bytes("\\xff"), Int(2)}), "\\x01ff03");
  EXPECT_EQ(Eval("overlay", {Bytes("\\x010203"), Bytes("\\xff"), Int(2), Int(0)}),
            "\\x01ff0203");
  EXPECT_EQ(Eval("position", {Bytes("\\x010203"), Bytes("\\x0203")}), "2");
  EXPECT_EQ(Eval("position", {Bytes("\\x010203"), Bytes("\\x04")}), "0");
}

TEST(TextFunctionTest, OverlayAndBpchar) {
  EXPECT_EQ(Eval("overlay", {Txt("Txxxxas"), Txt("hom"), Int(2), Int(4)}), "Thomas");
  EXPECT_EQ(Eval("overlay", {Txt("abcdef"), Txt("XY"), Int(3)}), "abXYef");
  EXPECT_EQ(Eval("overlay", {Txt("h\xc3\xa9llo"), Txt("E"), Int(2)}), "hEllo");
  EXPECT_EQ(Eval("overlay", {Txt("abc"), Txt("X"), Int(5)}), "abcX");
  EXPECT_EQ(ErrorOf("overlay", {Txt("abc"), Txt("X"), Int(0)}),
            "22011 negative substring length not allowed");
  Value ab = Lit("ab", LogicalType::Char(3));
  EXPECT_EQ(Eval("octet_length", {ab}), "3");
  EXPECT_EQ(Eval("length", {ab}), "2");
  EXPECT_EQ(Eval("char_length", {ab}), "2");
  EXPECT_EQ(Eval("octet_length", {Txt("ab ")}), "3");
}

TEST(NumericSpecialTest, Functions) {
  EXPECT_EQ(Eval("+", {Num("NaN"), Num("1")}), "NaN");
  EXPECT_EQ(Eval("-", {Num("Infinity"), Num("Infinity")}), "NaN");
  EXPECT_EQ(Eval("*", {Num("-Infinity"), Num("-2")}), "Infinity");
  EXPECT_EQ(Eval("/", {Num("1"), Num("Infinity")}), "0");
  EXPECT_EQ(ErrorOf("/", {Num("Infinity"), Num("0")}), "22012 division by zero");
  EXPECT_EQ(Eval(">", {Num("NaN"), Num("1e30")}), "t");
  EXPECT_EQ(Eval("=", {Num("NaN"), Num("NaN")}), "t");
  EXPECT_EQ(Eval("<", {Num("Infinity"), Num("NaN")}), "t");
  EXPECT_EQ(Eval("<", {Num("-Infinity"), Num("-1e30")}), "t");
  EXPECT_EQ(Eval("abs", {Num("-Infinity")}), "Infinity");
  EXPECT_EQ(Eval("sign", {Num("NaN")}), "NaN");
  EXPECT_EQ(Eval("sign", {Num("-Infinity")}), "-1");
  EXPECT_EQ(Eval("round", {Num("Infinity"), Int(2)}), "Infinity");
  EXPECT_EQ(Eval("floor", {Num("NaN")}), "NaN");
  EXPECT_EQ(Eval("sqrt", {Num("Infinity")}), "Infinity");
  EXPECT_EQ(ErrorOf("sqrt", {Num("-Infinity")}),
            "2201F cannot take square root of a negative number");
  EXPECT_EQ(Eval("ln", {Num("Infinity")}), "Infinity");
  EXPECT_EQ(Eval("exp", {Num("-Infinity")}), "0");
  EXPECT_EQ(Eval("scale", {Num("NaN")}), "NULL");
  EXPECT_EQ(Eval("^", {Num("NaN"), Num("0")}), "1");
  EXPECT_EQ(Eval("^", {Num("1"), Num("NaN")}), "1");
  EXPECT_EQ(Eval("^", {Num("2"), Num("Infinity")}), "Infinity");
  EXPECT_EQ(Eval("^", {Num("0.5"), Num("Infinity")}), "0");
  EXPECT_EQ(Eval("^", {Num("-Infinity"), Num("3")}), "-Infinity");
  EXPECT_EQ(Eval("^", {Num("-Infinity"), Num("2")}), "Infinity");
  EXPECT_EQ(Eval("^", {Num("Infinity"), Num("-1")}), "0");
  EXPECT_EQ(Eval("%", {Num("5"), Num("Infinity")}), "5");
  EXPECT_EQ(Eval("%", {Num("Infinity"), Num("5")}), "NaN");
}

TEST(NumericSpecialTest, Casts) {
  FunctionContext ctx;
  auto cast = [&](const Value& v, LogicalType t) {
    return FormatValue(CastValue(v, t, ctx, true), TextFormatOptions{});
  };
  auto cast_error = [&](const Value& v, LogicalType t) {
    try {
      CastValue(v, t, ctx, true);
    } catch (const DbException& e) {
      return e.status().sqlstate() + " " + e.status().message();
    }
    return std::string("no error");
  };
  EXPECT_EQ(cast(Unknown("nan"), LogicalType::Numeric()), "NaN");
  EXPECT_EQ(cast(Unknown(" -inf "), LogicalType::Numeric()), "-Infinity");
  EXPECT_EQ(cast(Unknown("+Infinity"), LogicalType::Numeric()), "Infinity");
  EXPECT_EQ(cast(Num("NaN"), LogicalType::Numeric(10, 2)), "NaN");
  EXPECT_EQ(cast_error(Num("Infinity"), LogicalType::Numeric(10, 2)),
            "22003 numeric field overflow");
  EXPECT_EQ(cast(Num("NaN"), LogicalType(TypeId::kDouble)), "NaN");
  EXPECT_EQ(cast(Num("-Infinity"), LogicalType(TypeId::kReal)), "-Infinity");
  EXPECT_EQ(cast(Dbl(NAN), LogicalType::Numeric()), "NaN");
  EXPECT_EQ(cast(Dbl(-INFINITY), LogicalType::Numeric()), "-Infinity");
  EXPECT_EQ(cast_error(Num("NaN"), LogicalType(TypeId::kInteger)),
            "0A000 cannot convert NaN to integer");
  EXPECT_EQ(cast_error(Num("Infinity"), LogicalType(TypeId::kBigInt)),
            "0A000 cannot convert infinity to bigint");
  EXPECT_EQ(cast(Num("Infinity"), LogicalType(TypeId::kText)), "Infinity");
}

// Runs a two-argument aggregate over (y, x) rows; NULL pairs are given as NaN-free Values.
std::string Aggregate2(const std::string& name, const std::vector<std::pair<Value, Value>>& rows) {
  std::vector<LogicalType> types{rows[0].first.type(), rows[0].second.type()};
  ResolvedAggregate r = FunctionRegistry::Get().ResolveAggregate(name, types);
  if (!r.function) throw std::runtime_error("no aggregate " + name);
  std::vector<uint8_t> state(r.function->state_size + 16), other(r.function->state_size + 16);
  r.function->init(state.data());
  r.function->init(other.data());
  DataChunk chunk(r.arg_types, rows.size() + 1);
  for (size_t i = 0; i < rows.size(); i++) {
    chunk.column(0).SetValue(i, CastValue(rows[i].first, r.arg_types[0], Ctx(), false));
    chunk.column(1).SetValue(i, CastValue(rows[i].second, r.arg_types[1], Ctx(), false));
  }
  chunk.SetSize(rows.size());
  // The first half of the rows into one state, the rest into another, then combine.
  std::vector<uint8_t*> states(rows.size() + 1, state.data());
  for (size_t i = rows.size() / 2; i < rows.size(); i++) states[i] = other.data();
  r.function->update(chunk, states.data(), rows.size());
  r.function->combine(other.data(), state.data());
  Vector result(r.return_type, 1);
  uint8_t* s = state.data();
  r.function->finalize(&s, 1, &result, 0);
  return FormatValue(result.GetValue(0), TextFormatOptions{});
}

TEST(AggregateAdditionsTest, Regression) {
  // y = 2x + 1 on x = 1..4, plus a row with a NULL (skipped).
  std::vector<std::pair<Value, Value>> rows;
  for (int x = 1; x <= 4; x++) rows.push_back({Dbl(2.0 * x + 1), Dbl(x)});
  rows.push_back({Value::Null(TypeId::kDouble), Dbl(9)});
  EXPECT_EQ(Aggregate2("regr_count", rows), "4");
  EXPECT_EQ(Aggregate2("regr_slope", rows), "2");
  EXPECT_EQ(Aggregate2("regr_intercept", rows), "1");
  EXPECT_EQ(Aggregate2("regr_r2", rows), "1");
  EXPECT_EQ(Aggregate2("corr", rows), "1");
  EXPECT_EQ(Aggregate2("covar_pop", rows), "2.5");
  EXPECT_EQ(Aggregate2("covar_samp", rows), "3.3333333333333335");
  EXPECT_EQ(Aggregate2("regr_avgx", rows), "2.5");
  EXPECT_EQ(Aggregate2("regr_avgy", rows), "6");
  EXPECT_EQ(Aggregate2("regr_sxx", rows), "5");
  EXPECT_EQ(Aggregate2("regr_syy", rows), "20");
  EXPECT_EQ(Aggregate2("regr_sxy", rows), "10");
  std::vector<std::pair<Value, Value>> one{{Int(1), Int(2)}};  // integers cast to float8
  EXPECT_EQ(Aggregate2("covar_samp", one), "NULL");
  EXPECT_EQ(Aggregate2("covar_pop", one), "0");
  EXPECT_EQ(Aggregate2("corr", one), "NULL");
  std::vector<std::pair<Value, Value>> none{{Value::Null(TypeId::kDouble), Dbl(1)}};
  EXPECT_EQ(Aggregate2("regr_count", none), "0");
  EXPECT_EQ(Aggregate2("regr_sxx", none), "NULL");
}

TEST(AggregateAdditionsTest, BitAggregates) {
  LogicalType i4(TypeId::kInteger);
  EXPECT_EQ(Aggregate("bit_and", {Int(12), Int(10), Value::Null(TypeId::kInteger)}, i4), "8");
  EXPECT_EQ(Aggregate("bit_or", {Int(12), Int(10)}, i4), "14");
  EXPECT_EQ(Aggregate("bit_xor", {Int(12), Int(10), Int(1)}, i4), "7");
  EXPECT_EQ(Aggregate("bit_or", {Value::Null(TypeId::kInteger)}, i4), "NULL");
  EXPECT_EQ(FunctionRegistry::Get()
                .ResolveAggregate("bit_and", {LogicalType(TypeId::kBigInt)})
                .return_type.ToString(),
            "bigint");
}

TEST(AggregateAdditionsTest, NumericSpecials) {
  LogicalType n = LogicalType::Numeric();
  EXPECT_EQ(Aggregate("sum", {Num("1"), Num("Infinity")}, n), "Infinity");
  EXPECT_EQ(Aggregate("sum", {Num("-Infinity"), Num("Infinity")}, n), "NaN");
  EXPECT_EQ(Aggregate("avg", {Num("1"), Num("NaN")}, n), "NaN");
  EXPECT_EQ(Aggregate("max", {Num("1"), Num("NaN"), Num("Infinity")}, n), "NaN");
  EXPECT_EQ(Aggregate("min", {Num("1"), Num("-Infinity")}, n), "-Infinity");
  EXPECT_EQ(Aggregate("var_pop", {Num("1"), Num("Infinity")}, n), "NaN");
}

}  // namespace
}  // namespace heliosdb::test
