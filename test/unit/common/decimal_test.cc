// NUMERIC arithmetic: exactness, PostgreSQL's division scale and rounding, 38-digit limit.
#include "common/types/decimal.h"

#include <gtest/gtest.h>

#include "common/exception.h"

namespace heliosdb {
namespace {

Decimal D(const char* s) {
  return DecimalFromString(s);
}
std::string S(const Decimal& d) {
  return DecimalToString(d);
}

TEST(DecimalTest, ParseFormat) {
  EXPECT_EQ(S(D("0")), "0");
  EXPECT_EQ(S(D("-0.00")), "0.00");
  EXPECT_EQ(S(D("007.50")), "7.50");
  EXPECT_EQ(S(D("-1e-3")), "-0.001");
  EXPECT_EQ(S(D("12345678901234567890123456789012345678")),
            "12345678901234567890123456789012345678");
  EXPECT_EQ(S(D("0.123456789012345678901234567890123456789")),
            "0.12345678901234567890123456789012345679");
  EXPECT_THROW(D("123456789012345678901234567890123456789"), DbException);
  EXPECT_THROW(D("1.2.3"), DbException);
  EXPECT_THROW(D("e5"), DbException);
  EXPECT_THROW(D(""), DbException);
}

TEST(DecimalTest, Arithmetic) {
  EXPECT_EQ(S(DecimalAdd(D("1.5"), D("2.25"))), "3.75");
  EXPECT_EQ(S(DecimalSub(D("1"), D("1.001"))), "-0.001");
  EXPECT_EQ(S(DecimalMul(D("-1.5"), D("1.5"))), "-2.25");
  EXPECT_EQ(S(DecimalDiv(D("1"), D("3"))), "0.33333333333333333333");
  EXPECT_EQ(S(DecimalDiv(D("1"), D("8"))), "0.12500000000000000000");
  EXPECT_EQ(S(DecimalDiv(D("123456"), D("1"))), "123456.000000000000");  // PG: 16 - 4 * weight
  EXPECT_EQ(S(DecimalDiv(D("-2"), D("3"))), "-0.66666666666666666667");
  EXPECT_EQ(S(DecimalDiv(D("1.000000000000000000001"), D("1"))), "1.000000000000000000001");
  EXPECT_EQ(S(DecimalMod(D("7"), D("-3"))), "1");
  EXPECT_EQ(S(DecimalMod(D("-7.5"), D("2"))), "-1.5");
  EXPECT_EQ(DecimalCompare(D("1.0"), D("1.00")), 0);
  EXPECT_EQ(DecimalCompare(D("-1"), D("0.5")), -1);
  EXPECT_EQ(DecimalCompare(D("99999999999999999999999999999999999999"), D("0.1")), 1);
  EXPECT_EQ(DecimalHash(D("1.0")), DecimalHash(D("1.000")));
  EXPECT_NE(DecimalHash(D("1.0")), DecimalHash(D("1.01")));
  try {
    DecimalDiv(D("1"), D("0"));
    FAIL();
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().sqlstate(), "22012");
  }
  try {
    DecimalAdd(D("99999999999999999999999999999999999999"), D("1"));
    FAIL();
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().sqlstate(), "22003");
  }
}

TEST(DecimalTest, RoundingAndConversions) {
  EXPECT_EQ(S(DecimalRescale(D("2.345"), 2)), "2.35");
  EXPECT_EQ(S(DecimalRescale(D("-2.345"), 2)), "-2.35");
  EXPECT_EQ(S(DecimalRescale(D("2.5"), 0)), "3");
  EXPECT_EQ(S(DecimalRound(D("1250"), -2)), "1300");
  EXPECT_EQ(S(DecimalTrunc(D("-1.99"), 0)), "-1");
  EXPECT_EQ(S(DecimalCeil(D("1.01"))), "2");
  EXPECT_EQ(S(DecimalFloor(D("-1.01"))), "-2");
  EXPECT_EQ(S(DecimalFromDouble(0.1)), "0.1");
  EXPECT_EQ(S(DecimalFromDouble(1e20)), "100000000000000000000");
  EXPECT_EQ(S(DecimalFromDouble(123.456e-10)), "0.0000000123456");
  EXPECT_DOUBLE_EQ(DecimalToDouble(D("0.1")), 0.1);
  EXPECT_EQ(DecimalToDouble(D("12345678901234567890.5")), 12345678901234567890.5);
  EXPECT_EQ(DecimalToInt64(D("-2.5")), -3);
  EXPECT_THROW(DecimalToInt64(D("9223372036854775808")), DbException);
  EXPECT_EQ(S(DecimalApplyTypmod(D("9.995"), 4, 2)), "10.00");
  EXPECT_THROW(DecimalApplyTypmod(D("99.995"), 4, 2), DbException);
  EXPECT_EQ(S(DecimalSqrt(D("2"))), "1.414213562373095");
  EXPECT_EQ(S(DecimalSqrt(D("0.0001"))), "0.01000000000000000");
  EXPECT_EQ(DecimalDivResultScale(D("1"), D("3")), 20);
  EXPECT_EQ(DecimalDivResultScale(D("10"), D("4")), 16);
}

}  // namespace
}  // namespace heliosdb
