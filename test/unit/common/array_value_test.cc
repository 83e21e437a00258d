// Array values: the text form round trip with PostgreSQL's quoting, malformed literals
// (22P02), binary encode/decode of every element type, and the btree order of arrays.
#include "common/types/array_value.h"

#include <gtest/gtest.h>

#include "common/exception.h"

namespace heliosdb {
namespace {

LogicalType IntArray() {
  return LogicalType::Array(TypeId::kInteger);
}
LogicalType TextArray() {
  return LogicalType::Array(TypeId::kText);
}

std::string RoundTrip(const std::string& text, const LogicalType& type) {
  return FormatValue(ParseValue(text, type));
}

std::string Err(const std::string& text, const LogicalType& type) {
  try {
    ParseValue(text, type);
  } catch (const DbException& e) {
    return e.status().sqlstate() + " " + e.status().message();
  }
  return "no error";
}

TEST(ArrayValueTest, TypeNamesAndOids) {
  EXPECT_EQ(IntArray().ToString(), "integer[]");
  EXPECT_EQ(LogicalType::Array(LogicalType::Numeric(10, 2)).ToString(), "numeric(10,2)[]");
  EXPECT_EQ(LogicalType::Array(LogicalType::Varchar(5)).ToString(), "character varying(5)[]");
  EXPECT_EQ(IntArray().Oid(), 1007u);
  EXPECT_EQ(TextArray().Oid(), 1009u);
  EXPECT_EQ(LogicalType(TypeId::kArray).ToString(), "anyarray");
  EXPECT_EQ(IntArray().element_type(), LogicalType(TypeId::kInteger));
  EXPECT_NE(IntArray(), LogicalType::Array(TypeId::kBigInt));
  EXPECT_EQ(IntArray().physical(), PhysicalType::kString);
}

TEST(ArrayValueTest, TextForm) {
  EXPECT_EQ(RoundTrip("{1,2,NULL}", IntArray()), "{1,2,NULL}");
  EXPECT_EQ(RoundTrip("  { 1 , 2 }  ", IntArray()), "{1,2}");
  EXPECT_EQ(RoundTrip("{}", IntArray()), "{}");
  EXPECT_EQ(RoundTrip("{\"a b\",\"\",\"NULL\",null,x\\,y}", TextArray()),
            "{\"a b\",\"\",\"NULL\",NULL,\"x,y\"}");
  EXPECT_EQ(RoundTrip("{\"q\\\"uote\",\"back\\\\slash\"}", TextArray()),
            "{\"q\\\"uote\",\"back\\\\slash\"}");
  EXPECT_EQ(RoundTrip("{\"{}\"}", TextArray()), "{\"{}\"}");
  EXPECT_EQ(RoundTrip("{1.5}", LogicalType::Array(LogicalType::Numeric(5, 2))), "{1.50}");
  EXPECT_EQ(RoundTrip("{t,f}", LogicalType::Array(TypeId::kBoolean)), "{t,f}");
}

TEST(ArrayValueTest, MalformedLiterals) {
  EXPECT_EQ(Err("{1,2", IntArray()), "22P02 malformed array literal: \"{1,2\"");
  EXPECT_EQ(Err("1,2", IntArray()), "22P02 malformed array literal: \"1,2\"");
  EXPECT_EQ(Err("{1,,2}", IntArray()), "22P02 malformed array literal: \"{1,,2}\"");
  EXPECT_EQ(Err("{1}x", IntArray()), "22P02 malformed array literal: \"{1}x\"");
  EXPECT_EQ(Err("{\"a}", TextArray()), "22P02 malformed array literal: \"{\"a}\"");
  EXPECT_EQ(Err("{a}", IntArray()), "22P02 invalid input syntax for type integer: \"a\"");
  EXPECT_EQ(Err("{{1},{2}}", IntArray()), "0A000 multidimensional arrays are not supported");
}

TEST(ArrayValueTest, EncodeDecodeEveryPhysicalType) {
  struct Case {
    LogicalType element;
    std::string text;
  } cases[] = {
      {TypeId::kBoolean, "{t,NULL,f}"},
      {TypeId::kBigInt, "{-9223372036854775808,0,9223372036854775807}"},
      {TypeId::kDouble, "{1.5,-0,NaN,Infinity}"},
      {LogicalType::Numeric(), "{-1.250,12345678901234567890.5}"},
      {TypeId::kText, "{\"\",\"multi\\\\byte \xc3\xa9\"}"},
      {TypeId::kInterval, "{\"1 year 2 mons -3 days 04:05:06\"}"},
      {TypeId::kUuid, "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}"},
      {TypeId::kBytea, "{\"\\\\x00ff\"}"},
  };
  for (const auto& c : cases) {
    Value v = ParseValue(c.text, LogicalType::Array(c.element));
    std::vector<Value> elements = DecodeArray(v.GetString(), c.element);
    EXPECT_EQ(FormatValue(MakeArray(elements, c.element)), FormatValue(v)) << c.text;
    EXPECT_EQ(ArrayLength(v.GetString()), elements.size());
  }
}

TEST(ArrayValueTest, CorruptBytesRaise) {
  EXPECT_THROW(DecodeArray("\x05\x01", LogicalType(TypeId::kInteger)), DbException);
}

TEST(ArrayValueTest, Ordering) {
  auto a = [](const char* text) { return ParseValue(text, IntArray()); };
  EXPECT_LT(a("{1,2}").Compare(a("{1,3}")), 0);
  EXPECT_LT(a("{1,2}").Compare(a("{1,2,0}")), 0);
  EXPECT_GT(a("{2}").Compare(a("{1,9}")), 0);
  EXPECT_LT(a("{}").Compare(a("{1}")), 0);
  EXPECT_GT(a("{1,NULL}").Compare(a("{1,5}")), 0);
  EXPECT_EQ(a("{1,NULL}").Compare(a("{1,NULL}")), 0);
  LogicalType num = LogicalType::Array(LogicalType::Numeric());
  Value x = ParseValue("{1.0}", num), y = ParseValue("{1.00}", num);
  EXPECT_EQ(x.Compare(y), 0);
  EXPECT_EQ(x.Hash(), y.Hash());
}

}  // namespace
}  // namespace heliosdb
