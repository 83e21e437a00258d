// IsValidTimeZone: the values PostgreSQL's SET TimeZone accepts, and POSIX-style zones.
#include <gtest/gtest.h>

#include "common/types/date_time.h"

namespace heliosdb {
namespace {

TEST(TimeZoneValidTest, Accepts) {
  for (const char* name : {"UTC", "utc", "GMT", "Etc/UTC", "Europe/Paris", "europe/paris",
                           "America/New_York", "america/new_york", "Asia/Tokyo", "EST",
                           "EST5EDT", "+02:00", "-5", "0530", "+02", "UTC+3", "utc-03:30",
                           "<+03>-3", "ABC5"}) {
    EXPECT_TRUE(IsValidTimeZone(name)) << name;
    EXPECT_NO_THROW(TimeZone::Find(name)) << name;
  }
}

TEST(TimeZoneValidTest, Rejects) {
  for (const char* name : {"Not/AZone", "", "Europe/Nowhere", "UTC+", "AB+3", "PST",
                           "abc", "12:99", "<>3"}) {
    EXPECT_FALSE(IsValidTimeZone(name)) << name;
  }
}

TEST(TimeZoneValidTest, PosixOffsetIsWest) {
  // 'UTC+3' means three hours west of Greenwich: local = UTC - 3h.
  EXPECT_EQ(TimeZone::Find("UTC+3").OffsetAtUtc(0), -3 * 3600);
  EXPECT_EQ(TimeZone::Find("<+03>-3").OffsetAtUtc(0), 3 * 3600);
}

}  // namespace
}  // namespace heliosdb
