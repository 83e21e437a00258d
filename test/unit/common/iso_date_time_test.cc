#include "common/types/iso_date_time.h"

#include <gtest/gtest.h>

#include "common/types/date_time.h"
#include "common/types/value_text.h"

namespace heliosdb {
namespace {

TEST(IsoDateTime, ParsesTheExactIsoForms) {
  auto d = ParseIsoDateTime("2024-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->days, DaysFromCivil(2024, 2, 29));
  EXPECT_FALSE(d->has_time);

  auto t = ParseIsoDateTime("2024-03-01T12:34:56.25");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->time_us, ((12 * 60 + 34) * 60 + 56) * int64_t{1000000} + 250000);
  EXPECT_FALSE(t->has_offset);

  auto z = ParseIsoDateTime("2024-03-01 00:00:00-05:30");
  ASSERT_TRUE(z);
  EXPECT_TRUE(z->has_offset);
  EXPECT_EQ(z->offset_seconds, -(5 * 3600 + 30 * 60));
}

TEST(IsoDateTime, HandsEveryOtherFormToTheGeneralParser) {
  for (const char* text :
       {"", "2024-3-01", "2024-02-30", "0000-01-01", "2024-03-01 24:00:00", "2024-03-01 23:59:60",
        "2024-03-01 12:34", "2024-03-01 12:34:56.", "2024-03-01 12:34:56.1234567",
        "2024-03-01 12:34:56 UTC", " 2024-03-01", "2024-03-01 BC", "03/01/2024",
        "2024-03-01 12:34:56+5", "2024-03-01 12:34:56+16"})
    EXPECT_FALSE(ParseIsoDateTime(text)) << text;
}

// The fast path and the general parser agree wherever both apply.
TEST(IsoDateTime, AgreesWithTheGeneralParser) {
  TextFormatOptions utc;
  utc.timezone = "UTC";
  for (const char* text : {"1999-12-31 23:59:59.999999", "2000-02-29 00:00:00", "1970-01-01",
                           "9999-12-31 12:00:00+14", "0001-01-01 00:00:00-03:00"}) {
    auto iso = ParseIsoDateTime(text);
    ASSERT_TRUE(iso) << text;
    int64_t local = iso->days * kMicrosPerDay + iso->time_us;
    Value ts = ParseValue(text, TypeId::kTimestamp, utc);
    EXPECT_EQ(ts.GetInt64(), local) << text;
  }
}

}  // namespace
}  // namespace heliosdb
