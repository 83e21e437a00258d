// Calendar arithmetic, time zones and ISO DateStyle output. Text input is in
// date_time_parse.cc.
#include "common/types/date_time.h"

#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <unordered_map>

#include "common/exception.h"

namespace heliosdb {

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

bool IsLeapYear(int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil algorithm, shifted to the 2000-01-01 epoch.
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468 - 10957;
}

void CivilFromDays(int64_t days, int64_t* year, int* month, int* day) {
  int64_t z = days + 10957 + 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2);
}

int DayOfWeek(int64_t days) {
  // 2000-01-01 was a Saturday (6).
  return static_cast<int>(((days % 7) + 7 + 6) % 7);
}

DateTimeParts SplitTimestamp(int64_t ts) {
  DateTimeParts p;
  int64_t days = FloorDiv(ts, kMicrosPerDay);
  int64_t tod = ts - days * kMicrosPerDay;
  CivilFromDays(days, &p.year, &p.month, &p.day);
  p.hour = static_cast<int>(tod / kMicrosPerHour);
  p.minute = static_cast<int>(tod / kMicrosPerMinute % 60);
  p.second = static_cast<int>(tod / kMicrosPerSecond % 60);
  p.micros = static_cast<int32_t>(tod % kMicrosPerSecond);
  return p;
}

void CheckTimestampRange(int64_t ts) {
  if (ts < kMinTimestamp || ts >= kEndTimestamp) {
    ThrowError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  }
}

void CheckDateRange(int64_t days) {
  if (days < kMinDate || days > kMaxDate) {
    ThrowError(sqlstate::kDatetimeFieldOverflow, "date out of range");
  }
}

int64_t MakeTimestamp(const DateTimeParts& p) {
  if (p.year < -4713 || p.year > 294277) {
    ThrowError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  }
  int64_t days = DaysFromCivil(p.year, p.month, p.day);
  __int128 ts = static_cast<__int128>(days) * kMicrosPerDay + p.hour * kMicrosPerHour +
                p.minute * kMicrosPerMinute + p.second * kMicrosPerSecond + p.micros;
  if (ts < kMinTimestamp || ts >= kEndTimestamp) {
    ThrowError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  }
  return static_cast<int64_t>(ts);
}

int64_t AdjustTimePrecision(int64_t v, int32_t precision) {
  if (precision < 0 || precision >= 6 || !IsFinite(v)) return v;
  static constexpr int64_t kScales[] = {1000000, 100000, 10000, 1000, 100, 10};
  int64_t scale = kScales[precision];
  int64_t half = scale / 2;
  return v >= 0 ? (v + half) / scale * scale : -((-v + half) / scale * scale);
}

// --- Time zones ---

namespace {
constexpr int64_t kUnixEpochSeconds = 946684800;  // 2000-01-01 in Unix seconds

struct Abbrev {
  const char* name;
  int32_t offset;
};
// The common abbreviations PostgreSQL's default timezone_abbreviations set accepts.
constexpr Abbrev kAbbrevs[] = {
    {"utc", 0},          {"gmt", 0},          {"z", 0},           {"zulu", 0},
    {"ut", 0},           {"est", -5 * 3600},  {"edt", -4 * 3600}, {"cst", -6 * 3600},
    {"cdt", -5 * 3600},  {"mst", -7 * 3600},  {"mdt", -6 * 3600}, {"pst", -8 * 3600},
    {"pdt", -7 * 3600},  {"cet", 3600},       {"cest", 7200},     {"eet", 7200},
    {"eest", 3 * 3600},  {"wet", 0},          {"west", 3600},     {"bst", 3600},
    {"jst", 9 * 3600},   {"ist", 7200},       {"msk", 3 * 3600},  {"akst", -9 * 3600},
    {"akdt", -8 * 3600}, {"hst", -10 * 3600}, {"aest", 36000},    {"aedt", 39600},
};

[[noreturn]] void ZoneNotFound(std::string_view name) {
  ThrowError(sqlstate::kInvalidParameterValue,
             "time zone \"" + std::string(name) + "\" not recognized");
}

// Parses [+-]hh[[:]mm[[:]ss]] into seconds (ISO sign). Returns false if not an offset.
bool ParseOffset(std::string_view s, int32_t* out) {
  if (s.empty()) return false;
  int sign = 1;
  size_t i = 0;
  if (s[0] == '+' || s[0] == '-') {
    sign = s[0] == '-' ? -1 : 1;
    i = 1;
  }
  int parts[3] = {0, 0, 0};
  int n = 0;
  while (i < s.size() && n < 3) {
    size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) i++;
    size_t len = i - start;
    if (len == 0) return false;
    if (n == 0 && len > 2 && i == s.size() && (len == 4 || len == 6)) {
      // hhmm or hhmmss without colons
      std::string_view d = s.substr(start, len);
      parts[0] = (d[0] - '0') * 10 + (d[1] - '0');
      parts[1] = (d[2] - '0') * 10 + (d[3] - '0');
      if (len == 6) parts[2] = (d[4] - '0') * 10 + (d[5] - '0');
      n = 3;
      break;
    }
    if (len > 2) return false;
    parts[n++] = std::stoi(std::string(s.substr(start, len)));
    if (i < s.size()) {
      if (s[i] != ':') return false;
      i++;
    }
  }
  if (i != s.size() || n == 0) return false;
  if (parts[0] > 15 || parts[1] > 59 || parts[2] > 59) return false;
  *out = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
  return true;
}
// A POSIX TZ spec without daylight rules: "UTC+3", "EST5", "<+03>-3": an abbreviation (three or
// more letters, or <...>) then an offset west of UTC. Sets *west_seconds.
bool ParsePosixZone(std::string_view s, int32_t* west_seconds) {
  size_t i = 0;
  if (!s.empty() && s[0] == '<') {
    i = s.find('>');
    if (i == std::string_view::npos || i < 2) return false;
    i++;
  } else {
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) i++;
    if (i < 3) return false;
  }
  std::string_view rest = s.substr(i);
  if (rest.empty() || rest.size() > 9) return false;
  int32_t off;
  if (!ParseOffset(rest, &off)) return false;
  *west_seconds = off;
  return true;
}

const date::time_zone* LocateZoneAnyCase(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string cap = lower, upper = lower;
  bool start = true;
  for (char& c : cap) {
    if (start && std::isalpha(static_cast<unsigned char>(c)))
      c = static_cast<char>(std::toupper(c));
    start = c == '/' || c == '_' || c == '-';
  }
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const std::string& candidate : {std::string(name), cap, upper}) {
    try {
      return date::locate_zone(candidate);
    } catch (const std::exception&) {
    }
  }
  return nullptr;
}

}  // namespace

bool IsValidTimeZone(std::string_view name) {
  if (name.empty() || name.size() > 255) return false;
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  int32_t off;
  if (ParseOffset(lower, &off) || ParsePosixZone(name, &off)) return true;
  return LocateZoneAnyCase(name) != nullptr;
}

TimeZone TimeZone::Fixed(int32_t offset_seconds) {
  TimeZone z;
  z.fixed_offset_ = offset_seconds;
  return z;
}

TimeZone TimeZone::Find(std::string_view name, bool posix_sign) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.empty()) ZoneNotFound(name);
  int32_t off;
  if (ParseOffset(lower, &off)) return Fixed(posix_sign ? -off : off);
  for (const Abbrev& a : kAbbrevs) {
    if (lower == a.name) return Fixed(a.offset);
  }
  TimeZone z;
  // PostgreSQL matches zone names case-insensitively.
  z.zone_ = LocateZoneAnyCase(name);
  if (z.zone_) return z;
  if (ParsePosixZone(name, &off)) return Fixed(-off);  // 'UTC+3' is three hours west
  ZoneNotFound(name);
}

int32_t TimeZone::OffsetAtUtc(int64_t utc_ts) const {
  if (!zone_) return fixed_offset_;
  date::sys_seconds s{std::chrono::seconds(FloorDiv(utc_ts, kMicrosPerSecond) + kUnixEpochSeconds)};
  return static_cast<int32_t>(zone_->get_info(s).offset.count());
}

int64_t TimeZone::LocalToUtc(int64_t local_ts) const {
  if (!zone_) return local_ts - static_cast<int64_t>(fixed_offset_) * kMicrosPerSecond;
  date::local_seconds l{
      std::chrono::seconds(FloorDiv(local_ts, kMicrosPerSecond) + kUnixEpochSeconds)};
  date::local_info info = zone_->get_info(l);
  int64_t offset;
  switch (info.result) {
    case date::local_info::unique:
      offset = info.first.offset.count();
      break;
    case date::local_info::ambiguous:
      offset = info.first.offset.count();  // the earlier instant (daylight time), as PostgreSQL
      break;
    default:
      // Skipped by a forward transition: read it with the offset in effect before the gap.
      offset = info.first.offset.count();
      break;
  }
  return local_ts - offset * kMicrosPerSecond;
}

std::string TimeZone::Abbreviation(int64_t utc_ts) const {
  if (!zone_) return fixed_offset_ == 0 ? "UTC" : FormatUtcOffset(fixed_offset_);
  date::sys_seconds s{std::chrono::seconds(FloorDiv(utc_ts, kMicrosPerSecond) + kUnixEpochSeconds)};
  return zone_->get_info(s).abbrev;
}

const TimeZone& SessionZone(const std::string& name) {
  thread_local std::unordered_map<std::string, TimeZone> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  TimeZone z = TimeZone::Find(name, true);
  if (cache.size() > 64) cache.clear();
  return cache.emplace(name, z).first->second;
}

int64_t CurrentTimestamp() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::microseconds>(now).count() -
         kUnixEpochSeconds * kMicrosPerSecond;
}

// --- Output ---

namespace {
// v zero-padded to width digits. By hand: snprintf cost more than the rest of formatting a
// timestamp (dumps and COPY TO format millions).
void AppendPadded(std::string* out, int64_t v, int width) {
  if (v < 0) {
    out->push_back('-');
    AppendPadded(out, -v, width - 1);  // as "%0*lld": the sign counts in the width
    return;
  }
  char buf[24];
  int n = 0;
  auto u = static_cast<uint64_t>(v);
  do {
    buf[n++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  while (n < width) buf[n++] = '0';
  while (n > 0) out->push_back(buf[--n]);
}

void AppendDate(std::string* out, int64_t year, int month, int day) {
  AppendPadded(out, year > 0 ? year : 1 - year, 4);
  out->push_back('-');
  AppendPadded(out, month, 2);
  out->push_back('-');
  AppendPadded(out, day, 2);
}
}  // namespace

void AppendTimeOfDay(std::string* out, int64_t micros) {
  AppendPadded(out, micros / kMicrosPerHour, 2);
  out->push_back(':');
  AppendPadded(out, micros / kMicrosPerMinute % 60, 2);
  out->push_back(':');
  AppendPadded(out, micros / kMicrosPerSecond % 60, 2);
  int64_t frac = micros % kMicrosPerSecond;
  if (frac != 0) {
    char buf[8];
    std::snprintf(buf, sizeof(buf), "%06lld", static_cast<long long>(frac));
    int len = 6;
    while (buf[len - 1] == '0') len--;
    out->push_back('.');
    out->append(buf, len);
  }
}

std::string FormatDate(int64_t days) {
  if (days == kInfinity) return "infinity";
  if (days == kNegInfinity) return "-infinity";
  int64_t y;
  int m, d;
  CivilFromDays(days, &y, &m, &d);
  std::string out;
  AppendDate(&out, y, m, d);
  if (y <= 0) out += " BC";
  return out;
}

std::string FormatTime(int64_t micros) {
  std::string out;
  AppendTimeOfDay(&out, micros);
  return out;
}

std::string FormatTimestamp(int64_t ts) {
  if (ts == kInfinity) return "infinity";
  if (ts == kNegInfinity) return "-infinity";
  DateTimeParts p = SplitTimestamp(ts);
  std::string out;
  AppendDate(&out, p.year, p.month, p.day);
  out.push_back(' ');
  AppendTimeOfDay(&out, ts - FloorDiv(ts, kMicrosPerDay) * kMicrosPerDay);
  if (p.year <= 0) out += " BC";
  return out;
}

std::string FormatUtcOffset(int32_t off) {
  std::string out(1, off < 0 ? '-' : '+');
  int32_t a = off < 0 ? -off : off;
  AppendPadded(&out, a / 3600, 2);
  if (a % 3600 != 0) {
    out.push_back(':');
    AppendPadded(&out, a / 60 % 60, 2);
    if (a % 60 != 0) {
      out.push_back(':');
      AppendPadded(&out, a % 60, 2);
    }
  }
  return out;
}

std::string FormatTimestampTz(int64_t ts, const TimeZone& zone) {
  if (ts == kInfinity) return "infinity";
  if (ts == kNegInfinity) return "-infinity";
  int32_t off = zone.OffsetAtUtc(ts);
  int64_t local = ts + static_cast<int64_t>(off) * kMicrosPerSecond;
  DateTimeParts p = SplitTimestamp(local);
  std::string out;
  AppendDate(&out, p.year, p.month, p.day);
  out.push_back(' ');
  AppendTimeOfDay(&out, local - FloorDiv(local, kMicrosPerDay) * kMicrosPerDay);
  out += FormatUtcOffset(off);
  if (p.year <= 0) out += " BC";
  return out;
}

}  // namespace heliosdb
