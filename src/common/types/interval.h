// INTERVAL (common/types.h: months, days, microseconds, independent as in PostgreSQL):
// text input in PostgreSQL's formats, output in IntervalStyle 'postgres', and the arithmetic
// that dates and timestamps need.
#pragma once

#include <string>
#include <string_view>

#include "common/types.h"
#include "common/types/date_time.h"

namespace heliosdb {

// Accepts '1 day', '1 year 2 months', '3 hours 4 minutes', '04:05:06', '1-2', '@ 1 day ago',
// '1.5 days', 'P1Y2M3DT4H5M6S', 'P0001-02-03T04:05:06'. Throws 22007 on bad text
// (invalid input syntax for type interval: "x") and 22008 on overflow.
Interval ParseInterval(std::string_view text);
// INTERVAL 'text' fields (INTERVAL '1' YEAR, INTERVAL '90' DAY, INTERVAL '1 2:03' DAY TO
// MINUTE): a bare number counts in the last field's unit, and parts below that field are
// dropped, as in PostgreSQL. `fields` as the parser keeps them ("day to minute").
Interval ParseIntervalWithFields(std::string_view text, const std::string& fields);
// '1 year 2 mons 3 days 04:05:06', '-1 days', '00:00:00'.
std::string FormatInterval(const Interval& iv);

// Total order and span used by comparisons (months count as 30 days, days as 24 hours).
__int128 IntervalSpan(const Interval& iv);
int IntervalCompare(const Interval& a, const Interval& b);

Interval IntervalAdd(const Interval& a, const Interval& b);  // 22008 interval out of range
Interval IntervalSub(const Interval& a, const Interval& b);
Interval IntervalNegate(const Interval& a);
Interval IntervalMul(const Interval& a, double factor);
Interval IntervalDiv(const Interval& a, double divisor);  // 22012 division by zero
Interval JustifyHours(const Interval& a);
Interval JustifyDays(const Interval& a);
Interval JustifyInterval(const Interval& a);

// timestamp + interval: months first (clamping the day to the month's end), then days, then
// time. For TIMESTAMPTZ the month and day steps happen in `zone`'s local time.
int64_t TimestampAddInterval(int64_t ts, const Interval& iv);
int64_t TimestampTzAddInterval(int64_t ts, const Interval& iv, const TimeZone& zone);
// timestamp - timestamp as PostgreSQL: days and microseconds (justify_hours applied).
Interval TimestampDiff(int64_t a, int64_t b);
// age(a, b): symbolic years/months/days difference.
Interval TimestampAge(int64_t a, int64_t b);

}  // namespace heliosdb
