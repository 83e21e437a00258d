// Text input/output of every type against PostgreSQL's exact spellings.
#include "common/types/value_text.h"

#include <gtest/gtest.h>

#include "common/exception.h"
#include "common/types/number_text.h"

namespace heliosdb {
namespace {

std::string RoundTrip(const std::string& text, LogicalType type, const std::string& tz = "UTC") {
  TextFormatOptions opts;
  opts.timezone = tz;
  return FormatValue(ParseValue(text, type, opts), opts);
}

std::string ErrorOf(const std::string& text, LogicalType type) {
  try {
    ParseValue(text, type);
  } catch (const DbException& e) {
    return e.status().sqlstate() + " " + e.status().message();
  }
  return "no error";
}

TEST(ValueTextTest, Booleans) {
  for (const char* t : {"t", "true", "TRUE", "yes", "y", "on", "1", " tru "}) {
    EXPECT_EQ(RoundTrip(t, TypeId::kBoolean), "t") << t;
  }
  for (const char* f : {"f", "false", "no", "off", "0", "FALSE", "of"}) {
    EXPECT_EQ(RoundTrip(f, TypeId::kBoolean), "f") << f;
  }
  EXPECT_EQ(ErrorOf("x", TypeId::kBoolean), "22P02 invalid input syntax for type boolean: \"x\"");
  EXPECT_EQ(ErrorOf("o", TypeId::kBoolean), "22P02 invalid input syntax for type boolean: \"o\"");
}

TEST(ValueTextTest, Integers) {
  EXPECT_EQ(RoundTrip("  42 ", TypeId::kInteger), "42");
  EXPECT_EQ(RoundTrip("-2147483648", TypeId::kInteger), "-2147483648");
  EXPECT_EQ(RoundTrip("+7", TypeId::kSmallInt), "7");
  EXPECT_EQ(RoundTrip("-9223372036854775808", TypeId::kBigInt), "-9223372036854775808");
  EXPECT_EQ(ErrorOf("99999999999", TypeId::kInteger),
            "22003 value \"99999999999\" is out of range for type integer");
  EXPECT_EQ(ErrorOf("32768", TypeId::kSmallInt),
            "22003 value \"32768\" is out of range for type smallint");
  EXPECT_EQ(ErrorOf("9223372036854775808", TypeId::kBigInt),
            "22003 value \"9223372036854775808\" is out of range for type bigint");
  EXPECT_EQ(ErrorOf("abc", TypeId::kInteger),
            "22P02 invalid input syntax for type integer: \"abc\"");
  EXPECT_EQ(ErrorOf("1.5", TypeId::kInteger),
            "22P02 invalid input syntax for type integer: \"1.5\"");
  EXPECT_EQ(ErrorOf("", TypeId::kBigInt), "22P02 invalid input syntax for type bigint: \"\"");
}

TEST(ValueTextTest, Floats) {
  EXPECT_EQ(RoundTrip("0.1", TypeId::kDouble), "0.1");
  EXPECT_EQ(RoundTrip("1e100", TypeId::kDouble), "1e+100");
  EXPECT_EQ(RoundTrip("0.00001", TypeId::kDouble), "1e-05");
  EXPECT_EQ(RoundTrip("0.0001", TypeId::kDouble), "0.0001");
  EXPECT_EQ(RoundTrip("123456789012345", TypeId::kDouble), "123456789012345");
  EXPECT_EQ(RoundTrip("1234567890123456", TypeId::kDouble), "1.234567890123456e+15");
  EXPECT_EQ(RoundTrip("-0", TypeId::kDouble), "-0");
  EXPECT_EQ(RoundTrip("NaN", TypeId::kDouble), "NaN");
  EXPECT_EQ(RoundTrip("infinity", TypeId::kDouble), "Infinity");
  EXPECT_EQ(RoundTrip("-inf", TypeId::kDouble), "-Infinity");
  EXPECT_EQ(RoundTrip("3.14159", TypeId::kReal), "3.14159");
  EXPECT_EQ(RoundTrip("1000000", TypeId::kReal), "1e+06");
  EXPECT_EQ(RoundTrip("100000", TypeId::kReal), "100000");
  EXPECT_EQ(RoundTrip("0.1", TypeId::kReal), "0.1");
  EXPECT_EQ(FormatDouble(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(FormatDouble(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(FormatDouble(1.5e-7), "1.5e-07");
  EXPECT_EQ(ErrorOf("1e400", TypeId::kDouble),
            "22003 \"1e400\" is out of range for type double precision");
  EXPECT_EQ(ErrorOf("abc", TypeId::kDouble),
            "22P02 invalid input syntax for type double precision: \"abc\"");
  EXPECT_EQ(ErrorOf("abc", TypeId::kReal), "22P02 invalid input syntax for type real: \"abc\"");
}

TEST(ValueTextTest, Numeric) {
  EXPECT_EQ(RoundTrip("1.50", TypeId::kNumeric), "1.50");
  EXPECT_EQ(RoundTrip("-0.001", TypeId::kNumeric), "-0.001");
  EXPECT_EQ(RoundTrip("1e5", TypeId::kNumeric), "100000");
  EXPECT_EQ(RoundTrip("1.5e1", TypeId::kNumeric), "15");
  EXPECT_EQ(RoundTrip("1.25e-1", TypeId::kNumeric), "0.125");
  EXPECT_EQ(RoundTrip(".5", TypeId::kNumeric), "0.5");
  EXPECT_EQ(RoundTrip("  12 ", TypeId::kNumeric), "12");
  EXPECT_EQ(RoundTrip("1.005", LogicalType::Numeric(5, 2)), "1.01");
  EXPECT_EQ(RoundTrip("-1.005", LogicalType::Numeric(5, 2)), "-1.01");
  EXPECT_EQ(RoundTrip("3", LogicalType::Numeric(5, 2)), "3.00");
  EXPECT_EQ(ErrorOf("1000", LogicalType::Numeric(5, 2)), "22003 numeric field overflow");
  EXPECT_EQ(ErrorOf("abc", TypeId::kNumeric),
            "22P02 invalid input syntax for type numeric: \"abc\"");
  try {
    ParseValue("123.4", LogicalType::Numeric(3, 1));
    FAIL();
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().detail(),
              "A field with precision 3, scale 1 must round to an absolute value less than 10^2.");
  }
}

TEST(ValueTextTest, Strings) {
  EXPECT_EQ(RoundTrip("abc", TypeId::kText), "abc");
  EXPECT_EQ(RoundTrip("ab", LogicalType::Char(4)), "ab  ");
  EXPECT_EQ(RoundTrip("abc   ", LogicalType::Varchar(3)), "abc");
  EXPECT_EQ(ErrorOf("abcd", LogicalType::Varchar(3)),
            "22001 value too long for type character varying(3)");
  EXPECT_EQ(ErrorOf("abcd", LogicalType::Char(3)), "22001 value too long for type character(3)");
  EXPECT_EQ(RoundTrip("h\xc3\xa9llo", LogicalType::Varchar(5)), "h\xc3\xa9llo");
}

TEST(ValueTextTest, Bytea) {
  EXPECT_EQ(RoundTrip("\\x0aff", TypeId::kBytea), "\\x0aff");
  EXPECT_EQ(RoundTrip("abc", TypeId::kBytea), "\\x616263");
  EXPECT_EQ(RoundTrip("a\\\\b\\001", TypeId::kBytea), "\\x615c6201");
  EXPECT_EQ(RoundTrip("\\x", TypeId::kBytea), "\\x");
  EXPECT_EQ(ErrorOf("\\x0", TypeId::kBytea),
            "22023 invalid hexadecimal data: odd number of digits");
  EXPECT_EQ(ErrorOf("\\xzz", TypeId::kBytea), "22023 invalid hexadecimal digit: \"z\"");
  EXPECT_EQ(ErrorOf("a\\b", TypeId::kBytea), "22P02 invalid input syntax for type bytea");
}

TEST(ValueTextTest, Dates) {
  EXPECT_EQ(RoundTrip("2024-01-31", TypeId::kDate), "2024-01-31");
  EXPECT_EQ(RoundTrip(" 20240131 ", TypeId::kDate), "2024-01-31");
  EXPECT_EQ(RoundTrip("01/31/2024", TypeId::kDate), "2024-01-31");
  EXPECT_EQ(RoundTrip("Jan 31, 2024", TypeId::kDate), "2024-01-31");
  EXPECT_EQ(RoundTrip("31-Jan-2024", TypeId::kDate), "2024-01-31");
  EXPECT_EQ(RoundTrip("January 8, 1999", TypeId::kDate), "1999-01-08");
  EXPECT_EQ(RoundTrip("2024-01-31 13:45:00", TypeId::kDate), "2024-01-31");
  EXPECT_EQ(RoundTrip("0001-01-01 BC", TypeId::kDate), "0001-01-01 BC");
  EXPECT_EQ(RoundTrip("0044-03-15 BC", TypeId::kDate), "0044-03-15 BC");
  EXPECT_EQ(RoundTrip("epoch", TypeId::kDate), "1970-01-01");
  EXPECT_EQ(RoundTrip("infinity", TypeId::kDate), "infinity");
  EXPECT_EQ(RoundTrip("-infinity", TypeId::kDate), "-infinity");
  EXPECT_EQ(RoundTrip("2000-02-29", TypeId::kDate), "2000-02-29");
  EXPECT_EQ(RoundTrip("10000-01-01", TypeId::kDate), "10000-01-01");
  EXPECT_EQ(ErrorOf("2023-02-29", TypeId::kDate),
            "22008 date/time field value out of range: \"2023-02-29\"");
  EXPECT_EQ(ErrorOf("2024-13-01", TypeId::kDate),
            "22008 date/time field value out of range: \"2024-13-01\"");
  EXPECT_EQ(ErrorOf("garbage", TypeId::kDate),
            "22007 invalid input syntax for type date: \"garbage\"");
}

TEST(ValueTextTest, Times) {
  EXPECT_EQ(RoundTrip("13:45", TypeId::kTime), "13:45:00");
  EXPECT_EQ(RoundTrip("13:45:00.123", TypeId::kTime), "13:45:00.123");
  EXPECT_EQ(RoundTrip("13:45:00.1234567", TypeId::kTime), "13:45:00.123457");
  EXPECT_EQ(RoundTrip("1:45 pm", TypeId::kTime), "13:45:00");
  EXPECT_EQ(RoundTrip("12:00 am", TypeId::kTime), "00:00:00");
  EXPECT_EQ(RoundTrip("allballs", TypeId::kTime), "00:00:00");
  EXPECT_EQ(RoundTrip("24:00:00", TypeId::kTime), "24:00:00");
  EXPECT_EQ(RoundTrip("13:45:00.129", LogicalType(TypeId::kTime, 2)), "13:45:00.13");
  EXPECT_EQ(ErrorOf("25:00", TypeId::kTime), "22008 date/time field value out of range: \"25:00\"");
  EXPECT_EQ(ErrorOf("xyz", TypeId::kTime), "22007 invalid input syntax for type time: \"xyz\"");
}

TEST(ValueTextTest, Timestamps) {
  EXPECT_EQ(RoundTrip("2024-01-31 13:45:00", TypeId::kTimestamp), "2024-01-31 13:45:00");
  EXPECT_EQ(RoundTrip("2024-01-31T13:45:00.123456", TypeId::kTimestamp),
            "2024-01-31 13:45:00.123456");
  EXPECT_EQ(RoundTrip("2024-01-31 13:45:00.500", TypeId::kTimestamp), "2024-01-31 13:45:00.5");
  EXPECT_EQ(RoundTrip("2024-01-31", TypeId::kTimestamp), "2024-01-31 00:00:00");
  EXPECT_EQ(RoundTrip("2024-01-31 13:45:00+02", TypeId::kTimestamp), "2024-01-31 13:45:00");
  EXPECT_EQ(RoundTrip("epoch", TypeId::kTimestamp), "1970-01-01 00:00:00");
  EXPECT_EQ(RoundTrip("infinity", TypeId::kTimestamp), "infinity");
  EXPECT_EQ(RoundTrip("0044-03-15 12:00 BC", TypeId::kTimestamp), "0044-03-15 12:00:00 BC");
  EXPECT_EQ(RoundTrip("2024-01-31 13:45:00.5", LogicalType(TypeId::kTimestamp, 0)),
            "2024-01-31 13:45:01");
  EXPECT_EQ(ErrorOf("2024-01-31 xx", TypeId::kTimestamp),
            "22007 invalid input syntax for type timestamp: \"2024-01-31 xx\"");
}

TEST(ValueTextTest, TimestampTz) {
  EXPECT_EQ(RoundTrip("2024-01-31 13:45:00+02", TypeId::kTimestampTz), "2024-01-31 11:45:00+00");
  EXPECT_EQ(RoundTrip("2024-01-31 13:45:00-05:30", TypeId::kTimestampTz), "2024-01-31 19:15:00+00");
  EXPECT_EQ(RoundTrip("2024-01-31T13:45:00Z", TypeId::kTimestampTz), "2024-01-31 13:45:00+00");
  EXPECT_EQ(RoundTrip("2024-01-31 13:45:00 UTC", TypeId::kTimestampTz), "2024-01-31 13:45:00+00");
  EXPECT_EQ(RoundTrip("2024-07-01 12:00:00 Europe/Paris", TypeId::kTimestampTz),
            "2024-07-01 10:00:00+00");
  EXPECT_EQ(RoundTrip("2024-01-31 13:45:00", TypeId::kTimestampTz, "America/New_York"),
            "2024-01-31 13:45:00-05");
  EXPECT_EQ(RoundTrip("2024-07-31 13:45:00", TypeId::kTimestampTz, "America/New_York"),
            "2024-07-31 13:45:00-04");
  EXPECT_EQ(RoundTrip("2024-01-31 12:00:00+00", TypeId::kTimestampTz, "Asia/Kolkata"),
            "2024-01-31 17:30:00+05:30");
  EXPECT_EQ(ErrorOf("2024-01-31 12:00 Mars/Olympus", TypeId::kTimestampTz),
            "22023 time zone \"Mars/Olympus\" not recognized");
}

TEST(ValueTextTest, Intervals) {
  EXPECT_EQ(RoundTrip("1 day", TypeId::kInterval), "1 day");
  EXPECT_EQ(RoundTrip("1 day 2 hours", TypeId::kInterval), "1 day 02:00:00");
  EXPECT_EQ(RoundTrip("1 year 2 months", TypeId::kInterval), "1 year 2 mons");
  EXPECT_EQ(RoundTrip("3 hours 4 minutes", TypeId::kInterval), "03:04:00");
  EXPECT_EQ(RoundTrip("04:05:06", TypeId::kInterval), "04:05:06");
  EXPECT_EQ(RoundTrip("1-2", TypeId::kInterval), "1 year 2 mons");
  EXPECT_EQ(RoundTrip("P1Y2M3DT4H5M6S", TypeId::kInterval), "1 year 2 mons 3 days 04:05:06");
  EXPECT_EQ(RoundTrip("@ 1 day ago", TypeId::kInterval), "-1 days");
  EXPECT_EQ(RoundTrip("-1 days", TypeId::kInterval), "-1 days");
  EXPECT_EQ(RoundTrip("0", TypeId::kInterval), "00:00:00");
  EXPECT_EQ(RoundTrip("1.5 days", TypeId::kInterval), "1 day 12:00:00");
  EXPECT_EQ(RoundTrip("1.5 months", TypeId::kInterval), "1 mon 15 days");
  EXPECT_EQ(RoundTrip("2 weeks", TypeId::kInterval), "14 days");
  EXPECT_EQ(RoundTrip("1 day -01:00:00", TypeId::kInterval), "1 day -01:00:00");
  EXPECT_EQ(RoundTrip("-1 year 2 months", TypeId::kInterval), "-10 mons");
  EXPECT_EQ(RoundTrip("-1 years +2 days", TypeId::kInterval), "-1 years +2 days");
  EXPECT_EQ(RoundTrip("1.5 seconds", TypeId::kInterval), "00:00:01.5");
  EXPECT_EQ(RoundTrip("100 milliseconds", TypeId::kInterval), "00:00:00.1");
  EXPECT_EQ(ErrorOf("1 fortnight", TypeId::kInterval),
            "22007 invalid input syntax for type interval: \"1 fortnight\"");
}

TEST(ValueTextTest, Uuid) {
  const char* canon = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
  for (const char* t :
       {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
        "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "a0eebc999c0b4ef8bb6d6bb9bd380a11",
        "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}"}) {
    EXPECT_EQ(RoundTrip(t, TypeId::kUuid), canon) << t;
  }
  EXPECT_EQ(ErrorOf("a0eebc99", TypeId::kUuid),
            "22P02 invalid input syntax for type uuid: \"a0eebc99\"");
}

TEST(ValueTextTest, ValueToString) {
  EXPECT_EQ(Value::Integer(5).ToString(), "5");
  EXPECT_EQ(Value::Null().ToString(), "NULL");
  EXPECT_EQ(Value::Boolean(true).ToString(), "t");
  EXPECT_EQ(Value::Numeric(Decimal{150, 2}).ToString(), "1.50");
}

}  // namespace
}  // namespace heliosdb
