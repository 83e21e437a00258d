// The binary formats of the built-in types: exact bytes for numeric (PostgreSQL's
// base-10000 layout), round trips for every type, and malformed input.
#include "server/type_codec.h"

#include <gtest/gtest.h>

#include "common/exception.h"
#include "common/types/array_value.h"
#include "common/types/decimal.h"
#include "server/wire_message.h"

namespace heliosdb::server {
namespace {

std::string Encode(const Value& v) {
  std::string out;
  EncodeBinary(v, &out);
  return out;
}

Value Numeric(const std::string& text, int precision = -1, int scale = -1) {
  return ParseValue(text, LogicalType::Numeric(precision, scale));
}

// ndigits, weight, sign, dscale, digits... as big-endian int16s.
std::string NumericBytes(std::initializer_list<int> fields) {
  std::string s;
  for (int f : fields) PutBigEndian(&s, static_cast<uint16_t>(f), 2);
  return s;
}

TEST(TypeCodec, NumericUsesBase10000Digits) {
  EXPECT_EQ(Encode(Numeric("0")), NumericBytes({0, 0, 0, 0}));
  EXPECT_EQ(Encode(Numeric("0.00")), NumericBytes({0, 0, 0, 2}));
  EXPECT_EQ(Encode(Numeric("10000")), NumericBytes({1, 1, 0, 0, 1}));
  EXPECT_EQ(Encode(Numeric("0.0001")), NumericBytes({1, -1, 0, 4, 1}));
  EXPECT_EQ(Encode(Numeric("-1234.5")), NumericBytes({2, 0, 0x4000, 1, 1234, 5000}));
  EXPECT_EQ(Encode(Numeric("123456789.12")), NumericBytes({4, 2, 0, 2, 1, 2345, 6789, 1200}));
  EXPECT_EQ(Encode(Numeric("NaN")), NumericBytes({0, 0, 0xC000, 0}));
  EXPECT_EQ(Encode(Numeric("-Infinity")), NumericBytes({0, 0, 0xF000, 0}));
}

TEST(TypeCodec, NumericDecodesWithItsScale) {
  TextFormatOptions o;
  Value v = DecodeBinary(NumericBytes({2, 0, 0x4000, 3, 1234, 5000}), LogicalType::Numeric(), o);
  EXPECT_EQ(FormatValue(v), "-1234.500");
  v = DecodeBinary(NumericBytes({1, -2, 0, 8, 12}), LogicalType::Numeric(), o);
  EXPECT_EQ(FormatValue(v), "0.00000012");
  v = DecodeBinary(NumericBytes({0, 0, 0xD000, 0}), LogicalType::Numeric(), o);
  EXPECT_EQ(FormatValue(v), "Infinity");
}

TEST(TypeCodec, EveryTypeRoundTrips) {
  TextFormatOptions o;
  const std::pair<const char*, LogicalType> cases[] = {
      {"t", LogicalType(TypeId::kBoolean)},
      {"-32768", LogicalType(TypeId::kSmallInt)},
      {"-2147483648", LogicalType(TypeId::kInteger)},
      {"9223372036854775807", LogicalType(TypeId::kBigInt)},
      {"1.5", LogicalType(TypeId::kReal)},
      {"-1e+300", LogicalType(TypeId::kDouble)},
      {"98765432109876543210.0123456789", LogicalType::Numeric()},
      {"héllo", LogicalType(TypeId::kText)},
      {"abc", LogicalType::Varchar(10)},
      {"\\x00ff", LogicalType(TypeId::kBytea)},
      {"1999-12-31", LogicalType(TypeId::kDate)},
      {"23:59:59.999999", LogicalType(TypeId::kTime)},
      {"2024-02-29 12:00:00", LogicalType(TypeId::kTimestamp)},
      {"2024-02-29 12:00:00+00", LogicalType(TypeId::kTimestampTz)},
      {"-1 years +2 mons 3 days 04:05:06", LogicalType(TypeId::kInterval)},
      {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", LogicalType(TypeId::kUuid)},
      {"{1,NULL,3}", LogicalType::Array(LogicalType(TypeId::kInteger))},
      {"{}", LogicalType::Array(LogicalType(TypeId::kText))},
  };
  for (const auto& [text, type] : cases) {
    Value v = ParseValue(text, type, o);
    Value back = DecodeBinary(Encode(v), type, o);
    EXPECT_EQ(FormatValue(back, o), FormatValue(v, o)) << text;
  }
}

TEST(TypeCodec, FixedWidthLayouts) {
  EXPECT_EQ(Encode(Value::Integer(1)), std::string("\0\0\0\1", 4));
  EXPECT_EQ(Encode(ParseValue("2000-01-02", LogicalType(TypeId::kDate))),
            std::string("\0\0\0\1", 4));
  std::string iv = Encode(ParseValue("1 mon 2 days 00:00:01", LogicalType(TypeId::kInterval)));
  EXPECT_EQ(iv, std::string("\0\0\0\0\0\x0f\x42\x40\0\0\0\2\0\0\0\1", 16));
}

TEST(TypeCodec, MalformedBytesAreErrors) {
  TextFormatOptions o;
  auto code = [&](const std::string& bytes, LogicalType type) {
    try {
      DecodeBinary(bytes, type, o);
    } catch (const DbException& e) {
      return e.status().sqlstate();
    }
    return std::string("none");
  };
  EXPECT_EQ(code(std::string("\0\0\0", 3), LogicalType(TypeId::kInteger)), "08P01");
  EXPECT_EQ(code(std::string("\0\0\0\0\0", 5), LogicalType(TypeId::kInteger)), "22P03");
  EXPECT_EQ(code(NumericBytes({3, 0, 0, 0, 1}), LogicalType::Numeric()), "22P03");
  EXPECT_EQ(code(NumericBytes({1, 0, 0, 0, 10000}), LogicalType::Numeric()), "22P03");
  EXPECT_EQ(code(NumericBytes({1, 0, 0x1234, 0, 1}), LogicalType::Numeric()), "22P03");
  EXPECT_EQ(code(std::string("\0\0\0\1\0\0\0\0\0\0\0\x17\0\0\0\5\0\0\0\1", 20),
                 LogicalType::Array(LogicalType(TypeId::kInteger))),
            "22P03");
}

TEST(TypeCodec, OidsMapToTypes) {
  EXPECT_EQ(TypeFromOid(23), LogicalType(TypeId::kInteger));
  EXPECT_EQ(TypeFromOid(1700), LogicalType::Numeric());
  EXPECT_EQ(TypeFromOid(1007), LogicalType::Array(LogicalType(TypeId::kInteger)));
  EXPECT_EQ(TypeFromOid(0).id(), TypeId::kUnknown);
  EXPECT_EQ(TypeFromOid(123456).id(), TypeId::kUnknown);
  EXPECT_EQ(TypeLength(LogicalType(TypeId::kInterval)), 16);
  EXPECT_EQ(TypeLength(LogicalType(TypeId::kText)), -1);
}

}  // namespace
}  // namespace heliosdb::server
