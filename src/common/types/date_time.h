// DATE, TIME, TIMESTAMP and TIMESTAMPTZ: calendar arithmetic, time zones, and PostgreSQL's
// text input and ISO DateStyle output. Representations (common/types.h): DATE is days since
// 2000-01-01, TIME microseconds since midnight, TIMESTAMP[TZ] microseconds since
// 2000-01-01 00:00:00 (UTC for TIMESTAMPTZ). Years are astronomical (0 = 1 BC).
// 'infinity' / '-infinity' are INT64_MAX / INT64_MIN for both dates and timestamps.
// Thread safety: all functions are safe to call concurrently (the zone database is immutable).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace heliosdb {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;
constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kInfinity = INT64_MAX;
constexpr int64_t kNegInfinity = INT64_MIN;
// 1970-01-01 as days since 2000-01-01 (Unix epoch vs PostgreSQL epoch).
constexpr int64_t kUnixEpochDays = -10957;
// Valid range (PostgreSQL's): dates from 4714-11-24 BC; timestamps until 294276 AD.
constexpr int64_t kMinDate = -2451545;
constexpr int64_t kMaxDate = 2147483494 - 2451545 - 1;
constexpr int64_t kMinTimestamp = -211813488000000000LL;
constexpr int64_t kEndTimestamp = 9223371331200000000LL;  // exclusive

inline bool IsFinite(int64_t v) {
  return v != kInfinity && v != kNegInfinity;
}

// Calendar (proleptic Gregorian).
bool IsLeapYear(int64_t year);
int DaysInMonth(int64_t year, int month);
int64_t DaysFromCivil(int64_t year, int month, int day);
void CivilFromDays(int64_t days, int64_t* year, int* month, int* day);
int DayOfWeek(int64_t days);  // 0 = Sunday
int64_t FloorDiv(int64_t a, int64_t b);

struct DateTimeParts {
  int64_t year = 2000;  // astronomical
  int month = 1, day = 1;
  int hour = 0, minute = 0, second = 0;
  int32_t micros = 0;
};
DateTimeParts SplitTimestamp(int64_t ts);  // REQUIRES: finite
// Throws 22008 "timestamp out of range" when the result is outside the supported range.
int64_t MakeTimestamp(const DateTimeParts& p);
void CheckTimestampRange(int64_t ts);
void CheckDateRange(int64_t days);

// A time zone: a fixed UTC offset or a tz database zone.
class TimeZone {
 public:
  TimeZone() = default;
  static TimeZone Fixed(int32_t offset_seconds);
  // Parses a zone name: "UTC", "Europe/Paris", "EST", numeric offsets. Numeric offsets use the
  // POSIX sign when posix_sign (SET TIME ZONE and AT TIME ZONE: '+02' is 2 hours *west*) and the
  // ISO sign otherwise (offsets written inside a timestamp literal). Throws 22023
  // time zone "x" not recognized.
  static TimeZone Find(std::string_view name, bool posix_sign = true);
  // Local time = UTC + offset.
  int32_t OffsetAtUtc(int64_t utc_ts) const;
  // Converts local wall time to UTC (ambiguous times take the earlier offset, as PostgreSQL).
  int64_t LocalToUtc(int64_t local_ts) const;
  int64_t UtcToLocal(int64_t utc_ts) const {
    return utc_ts + OffsetAtUtc(utc_ts) * kMicrosPerSecond;
  }
  // Abbreviation for to_char's TZ ("UTC", "CET", "+02").
  std::string Abbreviation(int64_t utc_ts) const;

 private:
  const date::time_zone* zone_ = nullptr;
  int32_t fixed_offset_ = 0;
};

// Whether `name` is a value PostgreSQL's SET TimeZone accepts: a tz database zone (matched
// case-insensitively: 'UTC', 'utc', 'GMT', 'Europe/Paris', 'EST5EDT'), a numeric offset
// ('+02:00', '-5', '0530') or a POSIX-style spec ('UTC+3', '<+03>-3'). Abbreviations that are
// not zones ('PST', 'CEST') are rejected, as PostgreSQL does. When it returns true,
// TimeZone::Find(name) and SessionZone(name) succeed. The caller raises
// 22023 invalid value for parameter "TimeZone": "name".
bool IsValidTimeZone(std::string_view name);

// The cached TimeZone for a session setting (hot path: every timestamptz formatted).
const TimeZone& SessionZone(const std::string& name);

// Current time as microseconds since 2000-01-01 UTC.
int64_t CurrentTimestamp();

// Text input (PostgreSQL formats; see date_time.cc). Errors: 22007 invalid input syntax,
// 22008 field value out of range. `zone` is the session time zone for TIMESTAMPTZ and 'today'.
int64_t ParseDate(std::string_view text, const TimeZone& zone);
int64_t ParseTime(std::string_view text);
int64_t ParseTimestamp(std::string_view text, const TimeZone& zone);
int64_t ParseTimestampTz(std::string_view text, const TimeZone& zone);

// TIME(p) / TIMESTAMP(p): rounds to p fractional digits (half away from zero); p < 0 or
// p >= 6 leaves the value alone. Infinite timestamps are kept.
int64_t AdjustTimePrecision(int64_t micros, int32_t precision);

// ISO DateStyle output.
std::string FormatDate(int64_t days);
std::string FormatTime(int64_t micros);
std::string FormatTimestamp(int64_t ts);
std::string FormatTimestampTz(int64_t ts, const TimeZone& zone);
// "+02", "-05:30", "+00:53:28".
std::string FormatUtcOffset(int32_t offset_seconds);
// "13:45:00.123" style time-of-day text for micros in [0, day].
void AppendTimeOfDay(std::string* out, int64_t micros);

}  // namespace heliosdb
