// Math, date/time and formatting functions.
#include "function_test_util.h"

namespace heliosdb::test {
namespace {

Value Ts(const std::string& s) {
  return Lit(s, TypeId::kTimestamp);
}
Value Iv(const std::string& s) {
  return Lit(s, TypeId::kInterval);
}

TEST(MathTest, Rounding) {
  EXPECT_EQ(Eval("round", {Dbl(2.5)}), "2");  // float8: half to even
  EXPECT_EQ(Eval("round", {Dbl(3.5)}), "4");
  EXPECT_EQ(Eval("round", {Num("2.5")}), "3");  // numeric: half away from zero
  EXPECT_EQ(Eval("round", {Num("-2.5")}), "-3");
  EXPECT_EQ(Eval("round", {Num("42.4382"), Int(2)}), "42.44");
  EXPECT_EQ(Eval("round", {Num("1234.5678"), Int(-2)}), "1200");
  EXPECT_EQ(Eval("trunc", {Num("42.4382"), Int(2)}), "42.43");
  EXPECT_EQ(Eval("trunc", {Dbl(-42.8)}), "-42");
  EXPECT_EQ(Eval("ceil", {Num("-42.8")}), "-42");
  EXPECT_EQ(Eval("floor", {Num("-42.8")}), "-43");
  EXPECT_EQ(Eval("ceil", {Dbl(42.2)}), "43");
  EXPECT_EQ(Eval("abs", {Int(-17)}), "17");
  EXPECT_EQ(ErrorOf("abs", {Int(-2147483648)}), "22003 integer out of range");
  EXPECT_EQ(Eval("abs", {Num("-17.40")}), "17.40");
  EXPECT_EQ(Eval("sign", {Num("-8.4")}), "-1");
  EXPECT_EQ(Eval("mod", {Int(9), Int(4)}), "1");
  EXPECT_EQ(Eval("div", {Num("9"), Num("4")}), "2");
  EXPECT_EQ(Eval("gcd", {Int(1071), Int(462)}), "21");
  EXPECT_EQ(Eval("lcm", {Int(1071), Int(462)}), "23562");
}

TEST(MathTest, Transcendental) {
  EXPECT_EQ(Eval("sqrt", {Dbl(2)}), "1.4142135623730951");
  EXPECT_EQ(Eval("sqrt", {Num("2")}), "1.414213562373095");
  EXPECT_EQ(Eval("sqrt", {Num("16")}), "4.000000000000000");
  EXPECT_EQ(ErrorOf("sqrt", {Dbl(-1)}), "2201F cannot take square root of a negative number");
  EXPECT_EQ(Eval("cbrt", {Dbl(27)}), "3");
  EXPECT_EQ(Eval("cbrt", {Dbl(-64)}), "-4");
  EXPECT_EQ(Eval("exp", {Num("1.0")}), "2.7182818284590452");
  EXPECT_EQ(Eval("ln", {Num("2.0")}), "0.6931471805599453");
  EXPECT_EQ(Eval("log", {Dbl(100)}), "2");
  EXPECT_EQ(Eval("log", {Num("2.0"), Num("64.0")}), "6.0000000000000000");
  EXPECT_EQ(ErrorOf("ln", {Dbl(0)}), "2201E cannot take logarithm of zero");
  EXPECT_EQ(ErrorOf("ln", {Dbl(-1)}), "2201E cannot take logarithm of a negative number");
  EXPECT_EQ(Eval("power", {Dbl(9), Dbl(3)}), "729");
  EXPECT_EQ(Eval("power", {Num("9"), Num("3")}), "729.0000000000000000");
  EXPECT_EQ(ErrorOf("power", {Dbl(0), Dbl(-1)}),
            "2201F zero raised to a negative power is undefined");
  EXPECT_EQ(Eval("pi", {}), "3.141592653589793");
  EXPECT_EQ(Eval("degrees", {Dbl(0.5)}), "28.64788975654116");
  EXPECT_EQ(Eval("width_bucket", {Dbl(5.35), Dbl(0.024), Dbl(10.06), Int(5)}), "3");
  EXPECT_EQ(Eval("width_bucket", {Dbl(-1), Dbl(0), Dbl(10), Int(5)}), "0");
  EXPECT_EQ(Eval("width_bucket", {Dbl(10), Dbl(0), Dbl(10), Int(5)}), "6");
}

TEST(MathTest, RandomIsSeeded) {
  FunctionContext a, b;
  Call("setseed", {Dbl(0.5)}, a);
  Call("setseed", {Dbl(0.5)}, b);
  double x = Call("random", {}, a).GetDouble();
  EXPECT_EQ(x, Call("random", {}, b).GetDouble());
  EXPECT_GE(x, 0.0);
  EXPECT_LT(x, 1.0);
  EXPECT_NE(x, Call("random", {}, a).GetDouble());
  EXPECT_EQ(ErrorOf("setseed", {Dbl(2)}),
            "22023 setseed parameter 2 is out of allowed range [-1,1]");
}

TEST(DateTimeFunctionTest, DatePartAndExtract) {
  Value t = Ts("2024-02-29 13:45:30.5");
  EXPECT_EQ(Eval("date_part", {Unknown("year"), t}), "2024");
  EXPECT_EQ(Eval("date_part", {Unknown("second"), t}), "30.5");
  EXPECT_EQ(Eval("extract", {Unknown("second"), t}), "30.500000");
  EXPECT_EQ(Eval("extract", {Unknown("epoch"), Ts("2024-01-01")}), "1704067200.000000");
  EXPECT_EQ(Eval("date_part", {Unknown("dow"), t}), "4");
  EXPECT_EQ(Eval("date_part", {Unknown("isodow"), Ts("2024-03-03")}), "7");
  EXPECT_EQ(Eval("date_part", {Unknown("doy"), t}), "60");
  EXPECT_EQ(Eval("date_part", {Unknown("week"), Ts("2024-12-30")}), "1");
  EXPECT_EQ(Eval("date_part", {Unknown("week"), Ts("2021-01-01")}), "53");
  EXPECT_EQ(Eval("date_part", {Unknown("quarter"), t}), "1");
  EXPECT_EQ(Eval("date_part", {Unknown("century"), Ts("2000-12-16")}), "20");
  EXPECT_EQ(Eval("date_part", {Unknown("century"), Ts("2001-02-16")}), "21");
  EXPECT_EQ(Eval("date_part", {Unknown("millennium"), Ts("2001-02-16")}), "3");
  EXPECT_EQ(Eval("date_part", {Unknown("julian"), Lit("2024-01-01", TypeId::kDate)}), "2460311");
  EXPECT_EQ(Eval("date_part", {Unknown("month"), Iv("1 year 14 months")}), "2");
  EXPECT_EQ(Eval("date_part", {Unknown("epoch"), Iv("1 day 1 hour")}), "90000");
  EXPECT_EQ(Eval("date_part", {Unknown("hour"), Lit("13:45", TypeId::kTime)}), "13");
  EXPECT_EQ(ErrorOf("date_part", {Unknown("fortnight"), t}),
            "22023 unit \"fortnight\" not recognized for type timestamp without time zone");
}

TEST(DateTimeFunctionTest, TruncAgeMake) {
  EXPECT_EQ(Eval("date_trunc", {Unknown("hour"), Ts("2024-02-29 13:45:30")}),
            "2024-02-29 13:00:00");
  EXPECT_EQ(Eval("date_trunc", {Unknown("month"), Ts("2024-02-29 13:45:30")}),
            "2024-02-01 00:00:00");
  EXPECT_EQ(Eval("date_trunc", {Unknown("week"), Ts("2024-02-29 13:45:30")}),
            "2024-02-26 00:00:00");
  EXPECT_EQ(Eval("date_trunc", {Unknown("quarter"), Ts("2024-05-29")}), "2024-04-01 00:00:00");
  EXPECT_EQ(Eval("date_trunc", {Unknown("century"), Ts("2024-05-29")}), "2001-01-01 00:00:00");
  EXPECT_EQ(Eval("date_trunc", {Unknown("hour"), Iv("2 days 3 hours 40 minutes")}),
            "2 days 03:00:00");
  EXPECT_EQ(Eval("age", {Ts("2001-04-10"), Ts("1957-06-13")}), "43 years 9 mons 27 days");
  EXPECT_EQ(Eval("age", {Ts("2024-03-01"), Ts("2024-01-31")}), "1 mon 1 day");
  EXPECT_EQ(Eval("age", {Ts("1957-06-13"), Ts("2001-04-10")}), "-43 years -9 mons -27 days");
  EXPECT_EQ(Eval("make_date", {Int(2013), Int(7), Int(15)}), "2013-07-15");
  EXPECT_EQ(ErrorOf("make_date", {Int(2013), Int(2), Int(30)}),
            "22008 date field value out of range: 2013-02-30");
  EXPECT_EQ(Eval("make_time", {Int(8), Int(15), Dbl(23.5)}), "08:15:23.5");
  EXPECT_EQ(Eval("make_timestamp", {Int(2013), Int(7), Int(15), Int(8), Int(15), Dbl(23.5)}),
            "2013-07-15 08:15:23.5");
  EXPECT_EQ(Eval("make_interval", {Int(1), Int(2), Int(0), Int(3)}), "1 year 2 mons 3 days");
  EXPECT_EQ(Eval("make_interval", {}), "00:00:00");
  EXPECT_EQ(Eval("justify_hours", {Iv("27 hours")}), "1 day 03:00:00");
  EXPECT_EQ(Eval("justify_days", {Iv("35 days")}), "1 mon 5 days");
  EXPECT_EQ(Eval("justify_interval", {Iv("1 mon -1 hour")}), "29 days 23:00:00");
  EXPECT_EQ(Eval("isfinite", {Ts("infinity")}), "f");
  EXPECT_EQ(Eval("to_timestamp", {Dbl(1284352323)}), "2010-09-13 04:32:03+00");
}

TEST(DateTimeFunctionTest, NowAndTimeZones) {
  FunctionContext ctx;
  ctx.timezone = "Europe/Paris";
  ctx.transaction_timestamp = ParseValue("2024-07-01 22:30:00+00", TypeId::kTimestampTz).GetInt64();
  EXPECT_EQ(Eval("now", {}, ctx), "2024-07-02 00:30:00+02");
  EXPECT_EQ(Eval("current_date", {}, ctx), "2024-07-02");
  EXPECT_EQ(Eval("localtimestamp", {}, ctx), "2024-07-02 00:30:00");
  // AT TIME ZONE: timestamp -> timestamptz and back.
  EXPECT_EQ(Eval("timezone", {Unknown("America/New_York"), Ts("2024-01-01 12:00")}, ctx),
            "2024-01-01 18:00:00+01");
  EXPECT_EQ(
      Eval("timezone", {Unknown("UTC"), Lit("2024-01-01 12:00+00", TypeId::kTimestampTz)}, ctx),
      "2024-01-01 12:00:00");
  EXPECT_EQ(Eval("timezone", {Unknown("+02"), Ts("2024-01-01 12:00")}),
            "2024-01-01 14:00:00+00");  // POSIX sign
  EXPECT_EQ(ErrorOf("timezone", {Unknown("Nowhere/Land"), Ts("2024-01-01")}),
            "22023 time zone \"Nowhere/Land\" not recognized");
}

TEST(FormattingTest, ToChar) {
  Value t = Ts("2024-02-05 13:04:05.123456");
  EXPECT_EQ(Eval("to_char", {t, Unknown("YYYY-MM-DD HH24:MI:SS")}), "2024-02-05 13:04:05");
  EXPECT_EQ(Eval("to_char", {t, Unknown("HH12:MI AM")}), "01:04 PM");
  EXPECT_EQ(Eval("to_char", {t, Unknown("Day, DD Month YYYY")}), "Monday   , 05 February  2024");
  EXPECT_EQ(Eval("to_char", {t, Unknown("FMDay, FMDD FMMonth YYYY")}), "Monday, 5 February 2024");
  EXPECT_EQ(Eval("to_char", {t, Unknown("Dy Mon DDth")}), "Mon Feb 05th");
  EXPECT_EQ(Eval("to_char", {t, Unknown("MS US")}), "123 123456");
  EXPECT_EQ(Eval("to_char", {t, Unknown("\"Quarter\" Q, DDD")}), "Quarter 1, 036");
  EXPECT_EQ(Eval("to_char", {Num("1234.5"), Unknown("9,999.99")}), " 1,234.50");
  EXPECT_EQ(Eval("to_char", {Int(-12), Unknown("999")}), " -12");
  EXPECT_EQ(Eval("to_char", {Int(12), Unknown("999")}), "  12");
  EXPECT_EQ(Eval("to_char", {Num("0.5"), Unknown("0.99")}), " 0.50");
  EXPECT_EQ(Eval("to_char", {Num("12.5"), Unknown("FM999.99")}), "12.5");
  EXPECT_EQ(Eval("to_char", {Int(7), Unknown("000")}), " 007");
  EXPECT_EQ(Eval("to_char", {Int(12345), Unknown("999")}), " ###");
  EXPECT_EQ(Eval("to_char", {Int(-5), Unknown("S99")}), " -5");
  EXPECT_EQ(Eval("to_char", {Int(485), Unknown("S999")}), "+485");
  EXPECT_EQ(Eval("to_char", {Int(485), Unknown("999S")}), "485+");
  EXPECT_EQ(Eval("to_char", {Int(-485), Unknown("999MI")}), "485-");
}

TEST(FormattingTest, ToDateAndTimestamp) {
  EXPECT_EQ(Eval("to_date", {Unknown("05 Dec 2000"), Unknown("DD Mon YYYY")}), "2000-12-05");
  EXPECT_EQ(Eval("to_date", {Unknown("20240131"), Unknown("YYYYMMDD")}), "2024-01-31");
  EXPECT_EQ(
      Eval("to_timestamp", {Unknown("2024-01-31 13:45:10"), Unknown("YYYY-MM-DD HH24:MI:SS")}),
      "2024-01-31 13:45:10+00");
  EXPECT_EQ(
      Eval("to_timestamp", {Unknown("01/31/2024 01:45 PM"), Unknown("MM/DD/YYYY HH12:MI AM")}),
      "2024-01-31 13:45:00+00");
  EXPECT_EQ(ErrorOf("to_date", {Unknown("2024-02-30"), Unknown("YYYY-MM-DD")}),
            "22008 date/time field value out of range: \"2024-02-30\"");
}

}  // namespace
}  // namespace heliosdb::test
