// NUMERIC NaN, Infinity and -Infinity (PostgreSQL 14+): parsing, printing, ordering, arithmetic.
#include <gtest/gtest.h>

#include <cmath>

#include "common/exception.h"
#include "common/types/decimal.h"

namespace heliosdb {
namespace {

Decimal D(const char* s) {
  return DecimalFromString(s);
}
std::string S(const Decimal& d) {
  return DecimalToString(d);
}
std::string Err(const std::function<void()>& f) {
  try {
    f();
  } catch (const DbException& e) {
    return e.status().sqlstate() + " " + e.status().message();
  }
  return "no error";
}

TEST(DecimalSpecialTest, ParseAndFormat) {
  EXPECT_EQ(S(D("NaN")), "NaN");
  EXPECT_EQ(S(D("  nan  ")), "NaN");
  EXPECT_EQ(S(D("Infinity")), "Infinity");
  EXPECT_EQ(S(D("+infinity")), "Infinity");
  EXPECT_EQ(S(D("inf")), "Infinity");
  EXPECT_EQ(S(D("-Infinity")), "-Infinity");
  EXPECT_EQ(S(D("-INF")), "-Infinity");
  EXPECT_EQ(Err([] { D("-NaN"); }), "22P02 invalid input syntax for type numeric: \"-NaN\"");
  EXPECT_EQ(Err([] { D("infinit"); }), "22P02 invalid input syntax for type numeric: \"infinit\"");
  EXPECT_TRUE(DecimalIsNaN(D("nan")));
  EXPECT_TRUE(DecimalIsInf(D("-inf")));
  EXPECT_FALSE(DecimalIsSpecial(D("1.5")));
}

TEST(DecimalSpecialTest, Ordering) {
  // -Infinity < finite < Infinity < NaN; NaN equals NaN.
  const char* order[] = {"-Infinity", "-1e37", "0", "1e37", "Infinity", "NaN"};
  for (int i = 0; i < 6; i++) {
    for (int j = 0; j < 6; j++) {
      int expected = i < j ? -1 : (i > j ? 1 : 0);
      EXPECT_EQ(DecimalCompare(D(order[i]), D(order[j])), expected) << order[i] << " " << order[j];
    }
  }
  EXPECT_EQ(DecimalHash(D("NaN")), DecimalHash(DecimalNaN()));
  EXPECT_NE(DecimalHash(D("NaN")), DecimalHash(D("Infinity")));
  EXPECT_NE(DecimalHash(D("-Infinity")), DecimalHash(D("Infinity")));
}

TEST(DecimalSpecialTest, Arithmetic) {
  EXPECT_EQ(S(DecimalAdd(D("Infinity"), D("1.5"))), "Infinity");
  EXPECT_EQ(S(DecimalAdd(D("1.5"), D("-Infinity"))), "-Infinity");
  EXPECT_EQ(S(DecimalAdd(D("Infinity"), D("-Infinity"))), "NaN");
  EXPECT_EQ(S(DecimalAdd(D("NaN"), D("Infinity"))), "NaN");
  EXPECT_EQ(S(DecimalSub(D("Infinity"), D("Infinity"))), "NaN");
  EXPECT_EQ(S(DecimalSub(D("1"), D("Infinity"))), "-Infinity");
  EXPECT_EQ(S(DecimalSub(D("Infinity"), D("-Infinity"))), "Infinity");
  EXPECT_EQ(S(DecimalMul(D("Infinity"), D("-2"))), "-Infinity");
  EXPECT_EQ(S(DecimalMul(D("Infinity"), D("0"))), "NaN");
  EXPECT_EQ(S(DecimalMul(D("0"), D("-Infinity"))), "NaN");
  EXPECT_EQ(S(DecimalDiv(D("Infinity"), D("-2"))), "-Infinity");
  EXPECT_EQ(S(DecimalDiv(D("5"), D("Infinity"))), "0");
  EXPECT_EQ(S(DecimalDiv(D("Infinity"), D("Infinity"))), "NaN");
  EXPECT_EQ(S(DecimalDiv(D("NaN"), D("0"))), "NaN");
  EXPECT_EQ(Err([] { DecimalDiv(D("Infinity"), D("0")); }), "22012 division by zero");
  EXPECT_EQ(S(DecimalMod(D("5"), D("-Infinity"))), "5");
  EXPECT_EQ(S(DecimalMod(D("Infinity"), D("3"))), "NaN");
  EXPECT_EQ(Err([] { DecimalMod(D("Infinity"), D("0")); }), "22012 division by zero");
  EXPECT_EQ(S(DecimalNegate(D("Infinity"))), "-Infinity");
  EXPECT_EQ(S(DecimalNegate(D("NaN"))), "NaN");
  EXPECT_EQ(S(DecimalAbs(D("-Infinity"))), "Infinity");
  EXPECT_EQ(S(DecimalRound(D("NaN"), 2)), "NaN");
  EXPECT_EQ(S(DecimalTrunc(D("-Infinity"), 0)), "-Infinity");
  EXPECT_EQ(S(DecimalCeil(D("Infinity"))), "Infinity");
  EXPECT_EQ(S(DecimalSqrt(D("Infinity"))), "Infinity");
  EXPECT_EQ(S(DecimalSqrt(D("NaN"))), "NaN");
  EXPECT_EQ(S(DecimalNormalize(D("NaN"))), "NaN");
  EXPECT_EQ(S(DecimalRescale(D("Infinity"), 3)), "Infinity");
  // Ordinary values are untouched by the special-value paths.
  EXPECT_EQ(S(DecimalAdd(D("1.5"), D("2.25"))), "3.75");
  EXPECT_EQ(S(DecimalMul(D("-1.5"), D("1.5"))), "-2.25");
}

TEST(DecimalSpecialTest, Conversions) {
  EXPECT_TRUE(std::isnan(DecimalToDouble(D("NaN"))));
  EXPECT_EQ(DecimalToDouble(D("-Infinity")), -HUGE_VAL);
  EXPECT_EQ(S(DecimalFromDouble(NAN)), "NaN");
  EXPECT_EQ(S(DecimalFromDouble(HUGE_VAL)), "Infinity");
  EXPECT_EQ(S(DecimalFromFloat(-HUGE_VALF)), "-Infinity");
  EXPECT_EQ(Err([] { DecimalToInt64(D("NaN")); }), "0A000 cannot convert NaN to bigint");
  EXPECT_EQ(Err([] { DecimalToInt64(D("-inf")); }), "0A000 cannot convert infinity to bigint");
  EXPECT_EQ(S(DecimalApplyTypmod(D("NaN"), 5, 2)), "NaN");
  EXPECT_EQ(Err([] { DecimalApplyTypmod(D("Infinity"), 5, 2); }), "22003 numeric field overflow");
  EXPECT_EQ(DecimalSign(D("-Infinity")), -1);
  EXPECT_EQ(DecimalSign(D("Infinity")), 1);
}

}  // namespace
}  // namespace heliosdb
