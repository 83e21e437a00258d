// Text input for DATE, TIME, TIMESTAMP and TIMESTAMPTZ, after PostgreSQL's ParseDateTime /
// DecodeDateTime: the text is split into fields (dates, times, numbers, words, offsets) that
// are then interpreted. Accepted: ISO 8601 ('2024-01-31', '2024-01-31 13:45:00.123456',
// 'T' separator, '20240131'), 'MM/DD/YYYY' (DateStyle MDY), month names ('Jan 31 2024',
// '31-Jan-2024', 'January 31, 2024'), 12-hour times (1:45 pm), AD/BC, zone offsets ('+02',
// '-05:30', 'Z'), zone names ('UTC', 'Europe/Paris'), and the special values epoch,
// infinity, -infinity, now, today, tomorrow, yesterday, allballs.
#include <strings.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <optional>
#include <vector>

#include "common/exception.h"
#include "common/types/date_time.h"
#include "common/types/iso_date_time.h"

namespace heliosdb {

namespace {

enum class Special { kNone, kEpoch, kInfinity, kNegInfinity, kNow, kToday, kTomorrow, kYesterday };

struct Fields {
  bool has_date = false;
  int64_t year = 0;
  int month = 0, day = 0;
  bool bc = false;
  bool has_time = false;
  int64_t time_us = 0;
  int pm = -1;  // -1 none, 0 am, 1 pm
  bool has_offset = false;
  int32_t offset = 0;  // ISO sign
  std::string zone_name;
  Special special = Special::kNone;
};

class DateTimeParser {
 public:
  DateTimeParser(std::string_view text, const char* type_name) : text_(text), type_(type_name) {}

  Fields Parse() {
    size_t i = 0, n = text_.size();
    std::vector<int64_t> loose_numbers;
    std::vector<size_t> loose_widths;
    int loose_month = 0;
    while (i < n) {
      char c = text_[i];
      if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
        i++;
        continue;
      }
      if (std::isdigit(static_cast<unsigned char>(c))) {
        size_t start = i;
        while (i < n && (std::isdigit(static_cast<unsigned char>(text_[i])) || text_[i] == '-' ||
                         text_[i] == '/' || text_[i] == '.' || text_[i] == ':' ||
                         std::isalpha(static_cast<unsigned char>(text_[i])))) {
          // A 'T' between a date and a time ends the date field.
          if ((text_[i] == 'T' || text_[i] == 't') && i + 1 < n &&
              std::isdigit(static_cast<unsigned char>(text_[i + 1])) &&
              !HasColon(text_.substr(start, i - start))) {
            break;
          }
          // A '-' after a time starts a zone offset.
          if (text_[i] == '-' && HasColon(text_.substr(start, i - start))) break;
          if (std::isalpha(static_cast<unsigned char>(text_[i])) &&
              HasColon(text_.substr(start, i - start))) {
            break;  // '13:45:00Z', '1:45pm'
          }
          i++;
        }
        std::string_view tok = text_.substr(start, i - start);
        if (i < n && (text_[i] == 'T' || text_[i] == 't')) i++;
        if (HasColon(tok)) {
          ParseTimeField(tok);
        } else if (tok.find_first_of("-/.") != std::string_view::npos ||
                   std::any_of(tok.begin(), tok.end(), [](char ch) {
                     return std::isalpha(static_cast<unsigned char>(ch));
                   })) {
          ParseDateField(tok);
        } else if (tok.size() == 8 && !f_.has_date) {
          SetDate(Num(tok.substr(0, 4)), Num(tok.substr(4, 2)), Num(tok.substr(6, 2)));
        } else if (tok.size() == 6 && f_.has_date && !f_.has_time) {
          f_.has_time = true;
          f_.time_us = Num(tok.substr(0, 2)) * kMicrosPerHour +
                       Num(tok.substr(2, 2)) * kMicrosPerMinute +
                       Num(tok.substr(4, 2)) * kMicrosPerSecond;
        } else {
          loose_numbers.push_back(Num(tok));
          loose_widths.push_back(tok.size());
        }
        continue;
      }
      if ((c == '+' || c == '-') && (f_.has_date || f_.has_time) && i + 1 < n &&
          std::isdigit(static_cast<unsigned char>(text_[i + 1]))) {
        size_t start = i++;
        while (i < n && (std::isdigit(static_cast<unsigned char>(text_[i])) || text_[i] == ':'))
          i++;
        int32_t off;
        if (!ParseOffsetText(text_.substr(start, i - start), &off)) Fail();
        f_.has_offset = true;
        f_.offset = off;
        continue;
      }
      if (std::isalpha(static_cast<unsigned char>(c))) {
        size_t start = i;
        bool zone_like = false;
        while (i < n && (std::isalpha(static_cast<unsigned char>(text_[i])) || text_[i] == '/' ||
                         text_[i] == '_' ||
                         (zone_like && (std::isdigit(static_cast<unsigned char>(text_[i])) ||
                                        text_[i] == '+' || text_[i] == '-')))) {
          if (text_[i] == '/') zone_like = true;
          i++;
        }
        std::string_view word = text_.substr(start, i - start);
        if (i < n && text_[i] == '.') i++;  // "a.m." style abbreviations: tolerate one dot
        Word(word, &loose_month);
        continue;
      }
      Fail();
    }
    if (loose_month != 0 || !loose_numbers.empty()) {
      AssignLoose(loose_month, loose_numbers, loose_widths);
    }
    if (f_.pm >= 0) {
      int64_t h = f_.time_us / kMicrosPerHour;
      if (h < 1 || h > 12) FieldOverflow();
      if (f_.pm == 1 && h != 12) f_.time_us += 12 * kMicrosPerHour;
      if (f_.pm == 0 && h == 12) f_.time_us -= 12 * kMicrosPerHour;
    }
    // There is no year 0: 1 BC precedes 1 AD.
    if (f_.has_date && f_.year == 0) FieldOverflow();
    if (f_.bc) {
      if (!f_.has_date || f_.year < 0) Fail();
      f_.year = 1 - f_.year;
    }
    return f_;
  }

  [[noreturn]] void Fail() const {
    ThrowError(sqlstate::kInvalidDatetimeFormat, std::string("invalid input syntax for type ") +
                                                     type_ + ": \"" + std::string(text_) + "\"");
  }
  [[noreturn]] void FieldOverflow() const {
    ThrowError(sqlstate::kDatetimeFieldOverflow,
               "date/time field value out of range: \"" + std::string(text_) + "\"");
  }

 private:
  static bool HasColon(std::string_view s) { return s.find(':') != std::string_view::npos; }

  int64_t Num(std::string_view s) const {
    if (s.empty() || s.size() > 10) Fail();
    int64_t v = 0;
    for (char c : s) {
      if (!std::isdigit(static_cast<unsigned char>(c))) Fail();
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static int MonthFromName(std::string_view w) {
    static const char* kMonths[] = {"january",   "february", "march",    "april",
                                    "may",       "june",     "july",     "august",
                                    "september", "october",  "november", "december"};
    if (w.size() < 3) return 0;
    for (int m = 0; m < 12; m++) {
      size_t len = std::strlen(kMonths[m]);
      if (w.size() <= len && strncasecmp(w.data(), kMonths[m], w.size()) == 0) {
        if (w.size() == 3 || w.size() == len || (m == 8 && w.size() == 4)) return m + 1;
      }
    }
    return 0;
  }

  static bool IsWeekday(std::string_view w) {
    static const char* kDays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                  "thursday", "friday", "saturday"};
    if (w.size() < 3) return false;
    for (const char* d : kDays) {
      if (w.size() <= std::strlen(d) && strncasecmp(w.data(), d, w.size()) == 0) return true;
    }
    return false;
  }

  void SetDate(int64_t y, int64_t m, int64_t d) {
    if (f_.has_date) Fail();
    f_.has_date = true;
    f_.year = y;
    f_.month = static_cast<int>(m);
    f_.day = static_cast<int>(d);
    if (m < 1 || m > 12 || d < 1 || d > 31) FieldOverflow();
  }

  void ParseDateField(std::string_view tok) {
    char sep = 0;
    for (char c : tok) {
      if (c == '-' || c == '/' || c == '.') {
        sep = c;
        break;
      }
    }
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t i = 0; i <= tok.size(); i++) {
      if (i == tok.size() || tok[i] == sep) {
        parts.push_back(tok.substr(start, i - start));
        start = i + 1;
      }
    }
    if (parts.size() != 3) Fail();
    int month_part = -1;
    for (int k = 0; k < 3; k++) {
      if (!parts[k].empty() && std::isalpha(static_cast<unsigned char>(parts[k][0]))) {
        if (month_part >= 0) Fail();
        month_part = k;
      }
    }
    if (month_part >= 0) {
      int m = MonthFromName(parts[month_part]);
      if (m == 0) Fail();
      std::string_view a = parts[month_part == 0 ? 1 : 0], b = parts[month_part == 2 ? 1 : 2];
      if (a.size() > 2) {
        SetDate(Num(a), m, Num(b));  // 2024-Jan-31
      } else {
        SetDate(YearFromDigits(b), m, Num(a));  // 31-Jan-2024, Jan-31-2024
      }
      return;
    }
    if (parts[0].size() > 2) {
      SetDate(Num(parts[0]), Num(parts[1]), Num(parts[2]));
    } else {
      SetDate(YearFromDigits(parts[2]), Num(parts[0]), Num(parts[1]));  // DateStyle MDY
    }
  }

  int64_t YearFromDigits(std::string_view s) const {
    int64_t y = Num(s);
    if (s.size() <= 2) y += y < 70 ? 2000 : 1900;  // PostgreSQL's two-digit year rule
    return y;
  }

  void ParseTimeField(std::string_view tok) {
    if (f_.has_time) Fail();
    f_.has_time = true;
    size_t c1 = tok.find(':');
    int64_t h = Num(tok.substr(0, c1));
    std::string_view rest = tok.substr(c1 + 1);
    size_t c2 = rest.find(':');
    int64_t m = Num(rest.substr(0, c2 == std::string_view::npos ? rest.find('.') : c2));
    int64_t s = 0, frac = 0;
    if (c2 != std::string_view::npos) {
      std::string_view sec = rest.substr(c2 + 1);
      size_t dot = sec.find('.');
      s = Num(sec.substr(0, dot));
      if (dot != std::string_view::npos) frac = FractionMicros(sec.substr(dot + 1));
    } else if (rest.find('.') != std::string_view::npos) {
      // mm.fraction: treat as minutes:seconds is not PostgreSQL; reject.
      Fail();
    }
    if (h > 24 || m > 59 || s > 60 || (h == 24 && (m != 0 || s != 0 || frac != 0))) {
      FieldOverflow();
    }
    f_.time_us = h * kMicrosPerHour + m * kMicrosPerMinute + s * kMicrosPerSecond + frac;
  }

  // Fraction digits to microseconds, rounded half up at the 7th digit.
  int64_t FractionMicros(std::string_view digits) const {
    if (digits.empty()) return 0;
    int64_t v = 0;
    size_t i = 0;
    for (; i < digits.size() && i < 6; i++) {
      if (!std::isdigit(static_cast<unsigned char>(digits[i]))) Fail();
      v = v * 10 + (digits[i] - '0');
    }
    for (size_t k = i; k < 6; k++) v *= 10;
    if (digits.size() > 6) {
      for (size_t k = 6; k < digits.size(); k++) {
        if (!std::isdigit(static_cast<unsigned char>(digits[k]))) Fail();
      }
      if (digits[6] >= '5') v++;
    }
    return v;
  }

  static bool ParseOffsetText(std::string_view s, int32_t* out) {
    int sign = s[0] == '-' ? -1 : 1;
    std::string_view body = s.substr(1);
    int h = 0, m = 0, sec = 0;
    if (body.find(':') != std::string_view::npos) {
      int parts[3] = {0, 0, 0};
      int n = 0;
      size_t start = 0;
      for (size_t i = 0; i <= body.size(); i++) {
        if (i == body.size() || body[i] == ':') {
          if (n == 3 || i == start || i - start > 2) return false;
          parts[n++] = std::stoi(std::string(body.substr(start, i - start)));
          start = i + 1;
        }
      }
      h = parts[0], m = parts[1], sec = parts[2];
    } else if (body.size() <= 2) {
      h = std::stoi(std::string(body));
    } else if (body.size() == 4) {
      h = std::stoi(std::string(body.substr(0, 2)));
      m = std::stoi(std::string(body.substr(2, 2)));
    } else {
      return false;
    }
    if (h > 15 || m > 59 || sec > 59) return false;
    *out = sign * (h * 3600 + m * 60 + sec);
    return true;
  }

  void Word(std::string_view w, int* loose_month) {
    std::string lw(w);
    for (char& c : lw) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lw == "am" || lw == "a.m") {
      f_.pm = 0;
    } else if (lw == "pm" || lw == "p.m") {
      f_.pm = 1;
    } else if (lw == "bc") {
      f_.bc = true;
    } else if (lw == "ad") {
    } else if (lw == "t" || lw == "at" || lw == "on") {
    } else if (lw == "allballs") {
      f_.has_time = true;
      f_.time_us = 0;
    } else if (int m = MonthFromName(lw); m != 0 && !f_.has_date) {
      if (*loose_month != 0) Fail();
      *loose_month = m;
    } else if (IsWeekday(lw)) {
    } else if (lw == "z" || lw == "zulu" || lw == "utc" || lw == "gmt") {
      f_.has_offset = true;
      f_.offset = 0;
    } else if ((f_.has_date || f_.has_time) && f_.zone_name.empty() && !f_.has_offset) {
      // A name with '/' must be a zone (its errors say so); other unknown words are only
      // accepted when the zone database knows them ("Japan"), else it is a syntax error.
      if (w.find('/') == std::string_view::npos) {
        try {
          TimeZone::Find(w, false);
        } catch (const DbException&) {
          Fail();
        }
      }
      f_.zone_name = std::string(w);
    } else {
      Fail();
    }
  }

  void AssignLoose(int month, const std::vector<int64_t>& nums, const std::vector<size_t>& widths) {
    if (month == 0 || f_.has_date) {
      // A bare number after a date+time is not something we understand.
      Fail();
    }
    if (nums.size() != 2) Fail();
    // Jan 31 2024 / 31 Jan 2024 / 2024 Jan 31: the 3+ digit or > 31 number is the year.
    int year_idx = (widths[0] > 2 || nums[0] > 31) ? 0 : 1;
    int64_t year = nums[year_idx];
    if (widths[year_idx] <= 2) year += year < 70 ? 2000 : 1900;
    SetDate(year, month, nums[1 - year_idx]);
  }

  std::string_view text_;
  const char* type_;
  Fields f_;
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

Special SpecialValue(std::string_view t) {
  std::string l(t);
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (l == "epoch") return Special::kEpoch;
  if (l == "infinity" || l == "+infinity") return Special::kInfinity;
  if (l == "-infinity") return Special::kNegInfinity;
  if (l == "now") return Special::kNow;
  if (l == "today") return Special::kToday;
  if (l == "tomorrow") return Special::kTomorrow;
  if (l == "yesterday") return Special::kYesterday;
  return Special::kNone;
}

int64_t TodayLocal(const TimeZone& zone) {
  int64_t now = CurrentTimestamp();
  return FloorDiv(zone.UtcToLocal(now), kMicrosPerDay);
}

// Parses a timestamp-like text into a local (or, when has_zone, UTC) timestamp.
int64_t ParseTimestampCommon(std::string_view raw, const TimeZone& zone, bool with_tz,
                             const char* type_name) {
  if (std::optional<IsoDateTime> iso = ParseIsoDateTime(raw)) {
    int64_t ts = iso->days * kMicrosPerDay + iso->time_us;
    if (!with_tz) return ts;  // an offset is ignored, as PostgreSQL does
    return iso->has_offset ? ts - int64_t{iso->offset_seconds} * kMicrosPerSecond
                           : zone.LocalToUtc(ts);
  }
  std::string_view text = Trim(raw);
  switch (SpecialValue(text)) {
    case Special::kEpoch:
      return kUnixEpochDays * kMicrosPerDay;
    case Special::kInfinity:
      return kInfinity;
    case Special::kNegInfinity:
      return kNegInfinity;
    case Special::kNow: {
      int64_t now = CurrentTimestamp();
      return with_tz ? now : zone.UtcToLocal(now);
    }
    case Special::kToday:
    case Special::kTomorrow:
    case Special::kYesterday: {
      Special s = SpecialValue(text);
      int64_t day = TodayLocal(zone) + (s == Special::kTomorrow    ? 1
                                        : s == Special::kYesterday ? -1
                                                                   : 0);
      int64_t local = day * kMicrosPerDay;
      return with_tz ? zone.LocalToUtc(local) : local;
    }
    case Special::kNone:
      break;
  }
  DateTimeParser parser(raw, type_name);
  Fields f = parser.Parse();
  if (!f.has_date) parser.Fail();
  if (f.day > DaysInMonth(f.year, f.month)) parser.FieldOverflow();
  if (f.year < -4713 || f.year > 294276) {
    ThrowError(sqlstate::kDatetimeFieldOverflow,
               std::string("timestamp out of range: \"") + std::string(raw) + "\"");
  }
  __int128 local =
      static_cast<__int128>(DaysFromCivil(f.year, f.month, f.day)) * kMicrosPerDay + f.time_us;
  int64_t ts = static_cast<int64_t>(local);
  if (with_tz) {
    if (f.has_offset) {
      ts -= static_cast<int64_t>(f.offset) * kMicrosPerSecond;
    } else if (!f.zone_name.empty()) {
      ts = TimeZone::Find(f.zone_name, false).LocalToUtc(ts);
    } else {
      ts = zone.LocalToUtc(ts);
    }
  } else if (!f.zone_name.empty()) {
    TimeZone::Find(f.zone_name, false);  // validated, then ignored as PostgreSQL does
  }
  if (ts < kMinTimestamp || ts >= kEndTimestamp) {
    ThrowError(sqlstate::kDatetimeFieldOverflow,
               std::string("timestamp out of range: \"") + std::string(raw) + "\"");
  }
  return ts;
}

}  // namespace

int64_t ParseDate(std::string_view raw, const TimeZone& zone) {
  if (std::optional<IsoDateTime> iso = ParseIsoDateTime(raw); iso && !iso->has_time)
    return iso->days;
  std::string_view text = Trim(raw);
  switch (SpecialValue(text)) {
    case Special::kEpoch:
      return kUnixEpochDays;
    case Special::kInfinity:
      return kInfinity;
    case Special::kNegInfinity:
      return kNegInfinity;
    case Special::kNow:
    case Special::kToday:
      return TodayLocal(zone);
    case Special::kTomorrow:
      return TodayLocal(zone) + 1;
    case Special::kYesterday:
      return TodayLocal(zone) - 1;
    case Special::kNone:
      break;
  }
  DateTimeParser parser(raw, "date");
  Fields f = parser.Parse();
  if (!f.has_date) parser.Fail();
  if (f.day > DaysInMonth(f.year, f.month)) parser.FieldOverflow();
  int64_t days = DaysFromCivil(f.year, f.month, f.day);
  if (days < kMinDate || days > kMaxDate) {
    ThrowError(sqlstate::kDatetimeFieldOverflow, "date out of range: \"" + std::string(raw) + "\"");
  }
  return days;
}

int64_t ParseTime(std::string_view raw) {
  std::string_view text = Trim(raw);
  if (SpecialValue(text) == Special::kNow) {
    int64_t now = CurrentTimestamp();
    return now - FloorDiv(now, kMicrosPerDay) * kMicrosPerDay;
  }
  DateTimeParser parser(raw, "time");
  Fields f = parser.Parse();
  if (!f.has_time) parser.Fail();
  return f.time_us;
}

int64_t ParseTimestamp(std::string_view text, const TimeZone& zone) {
  return ParseTimestampCommon(text, zone, false, "timestamp");
}

int64_t ParseTimestampTz(std::string_view text, const TimeZone& zone) {
  return ParseTimestampCommon(text, zone, true, "timestamp with time zone");
}

}  // namespace heliosdb
