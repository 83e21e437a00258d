// Calendar and interval arithmetic helpers.
#include <gtest/gtest.h>

#include "common/types/date_time.h"
#include "common/types/interval.h"

namespace heliosdb {
namespace {

TEST(CalendarTest, CivilRoundTrip) {
  EXPECT_EQ(DaysFromCivil(2000, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), kUnixEpochDays);
  for (int64_t d = -800000; d < 800000; d += 997) {
    int64_t y;
    int m, day;
    CivilFromDays(d, &y, &m, &day);
    ASSERT_EQ(DaysFromCivil(y, m, day), d);
  }
  EXPECT_EQ(DayOfWeek(0), 6);  // Saturday
  EXPECT_EQ(DayOfWeek(-1), 5);
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
}

TEST(IntervalTest, Helpers) {
  Interval iv = ParseInterval("1 mon");
  int64_t jan31 = DaysFromCivil(2023, 1, 31) * kMicrosPerDay;
  EXPECT_EQ(FormatTimestamp(TimestampAddInterval(jan31, iv)), "2023-02-28 00:00:00");
  EXPECT_EQ(FormatInterval(JustifyInterval(ParseInterval("-1 mon 40 days"))), "10 days");
  EXPECT_EQ(FormatInterval(IntervalMul(ParseInterval("1 hour"), 2.5)), "02:30:00");
  EXPECT_EQ(FormatInterval(TimestampDiff(jan31, jan31 + kMicrosPerHour * 30)), "-1 days -06:00:00");
  EXPECT_EQ(IntervalCompare(ParseInterval("30 days"), ParseInterval("1 mon")), 0);
  EXPECT_THROW(IntervalNegate(Interval{INT32_MIN, 0, 0}), std::exception);
  EXPECT_EQ(FormatInterval(ParseInterval("-1 year -2 mons +3 days -04:05:06")),
            "-1 years -2 mons +3 days -04:05:06");
}

TEST(TimeZoneTest, Offsets) {
  TimeZone ny = TimeZone::Find("America/New_York");
  int64_t winter = ParseTimestamp("2024-01-15 12:00", TimeZone());
  EXPECT_EQ(ny.OffsetAtUtc(winter), -5 * 3600);
  EXPECT_EQ(FormatTimestampTz(ny.LocalToUtc(winter), ny), "2024-01-15 12:00:00-05");
  EXPECT_EQ(TimeZone::Find("utc").OffsetAtUtc(0), 0);
  EXPECT_EQ(TimeZone::Find("europe/paris").OffsetAtUtc(winter), 3600);
  EXPECT_EQ(TimeZone::Find("+03:30", false).OffsetAtUtc(0), 3 * 3600 + 1800);
  EXPECT_EQ(FormatUtcOffset(-(3 * 3600 + 1800)), "-03:30");
}

}  // namespace
}  // namespace heliosdb
