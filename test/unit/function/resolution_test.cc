// Function and operator resolution against PostgreSQL's choices.
#include "function_test_util.h"

namespace heliosdb::test {
namespace {

const LogicalType kInt(TypeId::kInteger), kBig(TypeId::kBigInt), kSmall(TypeId::kSmallInt),
    kNum = LogicalType::Numeric(), kDbl(TypeId::kDouble), kReal(TypeId::kReal),
    kText(TypeId::kText),
    kUnk(TypeId::kUnknown), kVarchar = LogicalType::Varchar(10), kChar = LogicalType::Char(4),
    kDate(TypeId::kDate), kTs(TypeId::kTimestamp), kTsTz(TypeId::kTimestampTz),
    kIv(TypeId::kInterval), kBool(TypeId::kBoolean);

TEST(ResolutionTest, Arithmetic) {
  EXPECT_EQ(TypeOf("+", {kInt, kInt}), "integer");
  EXPECT_EQ(TypeOf("+", {kInt, kNum}), "numeric");           // 1 + 2.5
  EXPECT_EQ(TypeOf("+", {kInt, kDbl}), "double precision");  // 1 + 2.5::float8
  EXPECT_EQ(TypeOf("+", {kSmall, kInt}), "integer");
  EXPECT_EQ(TypeOf("+", {kInt, kBig}), "bigint");
  EXPECT_EQ(TypeOf("+", {kNum, kDbl}), "double precision");
  EXPECT_EQ(TypeOf("+", {kReal, kInt}), "double precision");  // float84pl, as PostgreSQL
  EXPECT_EQ(TypeOf("+", {kReal, kReal}), "real");
  EXPECT_EQ(TypeOf("+", {kInt, kUnk}), "integer");  // int_col + '1'
  EXPECT_EQ(TypeOf("^", {kInt, kInt}), "double precision");
  EXPECT_EQ(TypeOf("/", {kNum, kInt}), "numeric");
  EXPECT_EQ(TypeOf("-", {kInt}), "integer");
}

TEST(ResolutionTest, DateTimeOperators) {
  EXPECT_EQ(TypeOf("+", {kDate, kInt}), "date");
  EXPECT_EQ(TypeOf("-", {kDate, kDate}), "integer");
  EXPECT_EQ(TypeOf("+", {kDate, kIv}), "timestamp without time zone");
  EXPECT_EQ(TypeOf("-", {kTs, kTs}), "interval");
  EXPECT_EQ(TypeOf("+", {kTsTz, kIv}), "timestamp with time zone");
  EXPECT_EQ(TypeOf("+", {kTs, kUnk}), "timestamp without time zone");  // ts + '1 day'
  EXPECT_EQ(TypeOf("+", {kTs, kTs}), "none");
  EXPECT_EQ(TypeOf("*", {kIv, kInt}), "interval");
  EXPECT_EQ(TypeOf("-", {kTs, kUnk}), "interval");  // PostgreSQL reads the literal as timestamp
}

TEST(ResolutionTest, Comparisons) {
  auto args = [](const std::string& op, std::vector<LogicalType> t) {
    ResolvedScalar r = FunctionRegistry::Get().ResolveScalar(op, t);
    if (!r.function) return std::string("none");
    return r.arg_types[0].ToString() + "," + r.arg_types[1].ToString();
  };
  EXPECT_EQ(args("=", {kInt, kBig}), "bigint,bigint");
  EXPECT_EQ(args("<", {kInt, kNum}), "numeric,numeric");
  EXPECT_EQ(args("=", {kNum, kDbl}), "double precision,double precision");
  EXPECT_EQ(args("=", {kUnk, kUnk}), "text,text");
  EXPECT_EQ(args("=", {kDate, kUnk}), "date,date");
  EXPECT_EQ(args("=", {kVarchar, kVarchar}), "text,text");
  EXPECT_EQ(args("=", {kChar, kChar}), "character(4),character(4)");
  EXPECT_EQ(args("=", {kChar, kText}), "text,text");
  EXPECT_EQ(args("=", {kDate, kTs}), "timestamp without time zone,timestamp without time zone");
  EXPECT_EQ(args("=", {kBool, kUnk}), "boolean,boolean");
  EXPECT_EQ(args("=", {kInt, kText}), "none");
}

TEST(ResolutionTest, Strings) {
  EXPECT_EQ(TypeOf("||", {kUnk, kInt}), "text");  // 'abc' || 1
  EXPECT_EQ(TypeOf("||", {kUnk, kUnk}), "text");
  EXPECT_EQ(TypeOf("||", {kInt, kInt}), "none");
  EXPECT_EQ(TypeOf("length", {kUnk}), "integer");  // length('x') picks text
  ResolvedScalar r = FunctionRegistry::Get().ResolveScalar("length", {kUnk});
  EXPECT_EQ(r.arg_types[0].ToString(), "text");
  EXPECT_EQ(TypeOf("length", {kChar}), "integer");
  EXPECT_EQ(TypeOf("upper", {kVarchar}), "text");
  EXPECT_EQ(TypeOf("concat", {kInt, kUnk, kDate}), "text");
  EXPECT_EQ(TypeOf("substr", {kText, kInt, kInt}), "integer" == std::string() ? "" : "text");
  EXPECT_EQ(TypeOf("substr", {kText, kBig}), "none");  // bigint does not cast to integer implicitly
  EXPECT_EQ(TypeOf("nosuchfunction", {kInt}), "none");
}

TEST(ResolutionTest, MathAndAggregates) {
  EXPECT_EQ(TypeOf("abs", {kInt}), "integer");
  EXPECT_EQ(TypeOf("round", {kInt}), "double precision");  // PostgreSQL: round(float8) wins
  EXPECT_EQ(TypeOf("round", {kNum, kInt}), "numeric");
  EXPECT_EQ(TypeOf("sqrt", {kInt}), "double precision");
  EXPECT_EQ(TypeOf("date_part", {kUnk, kDate}), "double precision");
  auto agg = [](const std::string& name, std::vector<LogicalType> t) {
    ResolvedAggregate r = FunctionRegistry::Get().ResolveAggregate(name, t);
    return r.function ? r.return_type.ToString() : std::string("none");
  };
  EXPECT_EQ(agg("sum", {kInt}), "bigint");
  EXPECT_EQ(agg("sum", {kSmall}), "bigint");
  EXPECT_EQ(agg("sum", {kBig}), "numeric");
  EXPECT_EQ(agg("sum", {kDbl}), "double precision");
  EXPECT_EQ(agg("sum", {kReal}), "real");
  EXPECT_EQ(agg("sum", {kNum}), "numeric");
  EXPECT_EQ(agg("avg", {kInt}), "numeric");
  EXPECT_EQ(agg("avg", {kDbl}), "double precision");
  EXPECT_EQ(agg("min", {LogicalType::Numeric(10, 2)}), "numeric(10,2)");
  EXPECT_EQ(agg("max", {kVarchar}), "text");
  EXPECT_EQ(agg("count", {}), "bigint");
  EXPECT_EQ(agg("count", {kDate}), "bigint");
  EXPECT_EQ(agg("stddev", {kInt}), "numeric");
  EXPECT_EQ(agg("stddev", {kDbl}), "double precision");
  EXPECT_EQ(agg("string_agg", {kText, kUnk}), "text");
}

TEST(ResolutionTest, AmbiguityError) {
  FunctionRegistry& reg = const_cast<FunctionRegistry&>(FunctionRegistry::Get());
  (void)reg;
  // Two candidates that differ only in non-preferred categories and an unknown argument.
  try {
    FunctionRegistry::Get().ResolveScalar("-", {kUnk, kUnk});
    FAIL() << "expected ambiguity";
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().sqlstate(), "42725");
    EXPECT_EQ(e.status().message(), "operator is not unique: unknown - unknown");
  }
}

}  // namespace
}  // namespace heliosdb::test
