#include "common/types/interval.h"

#include <strings.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <initializer_list>

#include "common/exception.h"

namespace heliosdb {

namespace {

[[noreturn]] void IntervalOverflow() {
  ThrowError(sqlstate::kDatetimeFieldOverflow, "interval out of range");
}

int32_t CheckedInt32(__int128 v) {
  if (v > INT32_MAX || v < INT32_MIN) IntervalOverflow();
  return static_cast<int32_t>(v);
}

int64_t CheckedInt64(__int128 v) {
  if (v > INT64_MAX || v < INT64_MIN) IntervalOverflow();
  return static_cast<int64_t>(v);
}

// Accumulates fields exactly like PostgreSQL's DecodeInterval: a fractional quantity of a
// unit spills into the next smaller field (1.5 months = 1 month 15 days).
struct Accumulator {
  double months = 0, days = 0;
  __int128 micros = 0;
  void AddMonths(double v) {
    double whole = std::trunc(v);
    months += whole;
    AddDays((v - whole) * 30);
  }
  void AddDays(double v) {
    double whole = std::trunc(v);
    days += whole;
    micros += static_cast<__int128>(std::llround((v - whole) * kMicrosPerDay));
  }
  void AddMicros(double v) { micros += static_cast<__int128>(std::llround(v)); }
};

class IntervalParser {
 public:
  explicit IntervalParser(std::string_view text) : text_(text) {}

  Interval Parse() {
    std::string_view t = text_;
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
    if (t.empty()) Fail();
    if (t[0] == 'P' || t[0] == 'p') return Finish(ParseIso(t.substr(1)), false);
    bool ago = false;
    size_t i = 0;
    if (t[0] == '@') i = 1;
    bool any = false;
    while (i < t.size()) {
      char c = t[i];
      if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
        i++;
        continue;
      }
      if (std::isalpha(static_cast<unsigned char>(c))) {
        size_t s = i;
        while (i < t.size() && std::isalpha(static_cast<unsigned char>(t[i]))) i++;
        std::string_view w = t.substr(s, i - s);
        if (strncasecmp(w.data(), "ago", w.size()) == 0 && w.size() == 3) {
          ago = true;
          continue;
        }
        Fail();
      }
      // A signed number, possibly hh:mm:ss or y-m.
      size_t s = i;
      if (c == '+' || c == '-') i++;
      while (i < t.size() &&
             (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '.' || t[i] == ':' ||
              (t[i] == '-' && i > s && std::isdigit(static_cast<unsigned char>(t[i - 1])) &&
               !HasColon(t.substr(s, i - s))))) {
        i++;
      }
      std::string_view num = t.substr(s, i - s);
      if (num.empty() || num == "+" || num == "-") Fail();
      any = true;
      if (HasColon(num)) {
        AddTime(num);
        continue;
      }
      if (num.find('-', 1) != std::string_view::npos) {
        AddYearMonth(num);
        continue;
      }
      double v = ToDouble(num);
      while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) i++;
      size_t ws = i;
      while (i < t.size() && std::isalpha(static_cast<unsigned char>(t[i]))) i++;
      std::string_view unit = t.substr(ws, i - ws);
      if (unit.empty() || (unit.size() == 3 && strncasecmp(unit.data(), "ago", 3) == 0)) {
        if (!unit.empty()) i = ws;             // let 'ago' be handled by the word branch
        acc_.AddMicros(v * kMicrosPerSecond);  // a bare number means seconds
        continue;
      }
      AddUnit(v, unit);
    }
    if (!any) Fail();
    return Finish(acc_, ago);
  }

 private:
  static bool HasColon(std::string_view s) { return s.find(':') != std::string_view::npos; }

  [[noreturn]] void Fail() const {
    ThrowError(sqlstate::kInvalidDatetimeFormat,
               "invalid input syntax for type interval: \"" + std::string(text_) + "\"");
  }

  double ToDouble(std::string_view s) const {
    std::string str(s);
    char* end = nullptr;
    double v = std::strtod(str.c_str(), &end);
    if (end != str.c_str() + str.size() || str.empty()) Fail();
    return v;
  }

  void AddUnit(double v, std::string_view unit_raw) {
    std::string u(unit_raw);
    for (char& ch : u) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto is = [&](std::initializer_list<const char*> names) {
      for (const char* n : names) {
        if (u == n) return true;
      }
      return false;
    };
    if (is({"microsecond", "microseconds", "usec", "usecs", "us", "microsecon"})) {
      acc_.AddMicros(v);
    } else if (is({"millisecond", "milliseconds", "msec", "msecs", "ms", "millisecon"})) {
      acc_.AddMicros(v * 1000);
    } else if (is({"second", "seconds", "sec", "secs", "s"})) {
      acc_.AddMicros(v * kMicrosPerSecond);
    } else if (is({"minute", "minutes", "min", "mins", "m"})) {
      acc_.AddMicros(v * kMicrosPerMinute);
    } else if (is({"hour", "hours", "hr", "hrs", "h"})) {
      acc_.AddMicros(v * kMicrosPerHour);
    } else if (is({"day", "days", "d"})) {
      acc_.AddDays(v);
    } else if (is({"week", "weeks", "w"})) {
      acc_.AddDays(v * 7);
    } else if (is({"month", "months", "mon", "mons"})) {
      acc_.AddMonths(v);
    } else if (is({"year", "years", "yr", "yrs", "y"})) {
      acc_.AddMonths(v * 12);
    } else if (is({"decade", "decades", "dec", "decs"})) {
      acc_.AddMonths(v * 120);
    } else if (is({"century", "centuries", "cent", "c"})) {
      acc_.AddMonths(v * 1200);
    } else if (is({"millennium", "millennia", "mil", "mils"})) {
      acc_.AddMonths(v * 12000);
    } else {
      Fail();
    }
  }

  void AddTime(std::string_view num) {
    bool neg = num[0] == '-';
    if (num[0] == '+' || num[0] == '-') num.remove_prefix(1);
    double parts[3] = {0, 0, 0};
    int n = 0;
    size_t start = 0;
    for (size_t k = 0; k <= num.size(); k++) {
      if (k == num.size() || num[k] == ':') {
        if (n == 3 || k == start) Fail();
        parts[n++] = ToDouble(num.substr(start, k - start));
        start = k + 1;
      }
    }
    if (parts[1] >= 60 || parts[2] >= 60) {
      ThrowError(sqlstate::kDatetimeFieldOverflow,
                 "interval field value out of range: \"" + std::string(text_) + "\"");
    }
    double us =
        parts[0] * kMicrosPerHour + parts[1] * kMicrosPerMinute + parts[2] * kMicrosPerSecond;
    acc_.AddMicros(neg ? -us : us);
  }

  void AddYearMonth(std::string_view num) {
    bool neg = num[0] == '-';
    if (num[0] == '+' || num[0] == '-') num.remove_prefix(1);
    size_t dash = num.find('-');
    double y = ToDouble(num.substr(0, dash)), m = ToDouble(num.substr(dash + 1));
    double months = y * 12 + m;
    acc_.AddMonths(neg ? -months : months);
  }

  Accumulator ParseIso(std::string_view t) {
    Accumulator a;
    bool time = false;
    size_t i = 0;
    if (t.empty()) Fail();
    // Alternative format: P0001-02-03T04:05:06
    if (t.find('-') != std::string_view::npos && std::isdigit(static_cast<unsigned char>(t[0])) &&
        t.size() >= 10 && t[4] == '-') {
      size_t tpos = t.find_first_of("Tt");
      std::string_view datepart = t.substr(0, tpos);
      a.AddMonths(ToDouble(datepart.substr(0, 4)) * 12 + ToDouble(datepart.substr(5, 2)));
      a.AddDays(ToDouble(datepart.substr(8)));
      if (tpos != std::string_view::npos) {
        Accumulator saved = acc_;
        acc_ = Accumulator();
        AddTime(t.substr(tpos + 1));
        a.micros += acc_.micros;
        acc_ = saved;
      }
      return a;
    }
    while (i < t.size()) {
      if (t[i] == 'T' || t[i] == 't') {
        time = true;
        i++;
        continue;
      }
      size_t s = i;
      if (t[i] == '-' || t[i] == '+') i++;
      while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '.')) i++;
      if (i == s || i >= t.size()) Fail();
      double v = ToDouble(t.substr(s, i - s));
      char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(t[i++])));
      if (!time) {
        switch (unit) {
          case 'Y':
            a.AddMonths(v * 12);
            break;
          case 'M':
            a.AddMonths(v);
            break;
          case 'W':
            a.AddDays(v * 7);
            break;
          case 'D':
            a.AddDays(v);
            break;
          default:
            Fail();
        }
      } else {
        switch (unit) {
          case 'H':
            a.AddMicros(v * kMicrosPerHour);
            break;
          case 'M':
            a.AddMicros(v * kMicrosPerMinute);
            break;
          case 'S':
            a.AddMicros(v * kMicrosPerSecond);
            break;
          default:
            Fail();
        }
      }
    }
    return a;
  }

  Interval Finish(const Accumulator& a, bool ago) {
    if (std::fabs(a.months) > INT32_MAX || std::fabs(a.days) > INT32_MAX) {
      ThrowError(sqlstate::kDatetimeFieldOverflow,
                 "interval field value out of range: \"" + std::string(text_) + "\"");
    }
    Interval iv;
    iv.months = static_cast<int32_t>(a.months);
    iv.days = static_cast<int32_t>(a.days);
    if (a.micros > INT64_MAX || a.micros < INT64_MIN) IntervalOverflow();
    iv.micros = static_cast<int64_t>(a.micros);
    return ago ? IntervalNegate(iv) : iv;
  }

  std::string_view text_;
  Accumulator acc_;
};

void AddIntPart(std::string* out, int64_t value, const char* unit, bool* is_zero, bool* is_before) {
  if (value == 0) return;
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%s%s%lld %s%s", *is_zero ? "" : " ",
                (*is_before && value > 0) ? "+" : "", static_cast<long long>(value), unit,
                value != 1 ? "s" : "");
  out->append(buf);
  *is_before = value < 0;
  *is_zero = false;
}

}  // namespace

Interval ParseInterval(std::string_view text) {
  return IntervalParser(text).Parse();
}

Interval ParseIntervalWithFields(std::string_view text, const std::string& fields) {
  std::string last = fields.substr(fields.find_last_of(' ') == std::string::npos
                                       ? 0
                                       : fields.find_last_of(' ') + 1);
  // A bare number: '1' YEAR is one year, '90' DAY ninety days.
  std::string_view t = text;
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  size_t digits = t.find_first_not_of("+-0123456789.");
  bool bare = !t.empty() && digits == std::string_view::npos &&
              t.find_first_of("0123456789") != std::string_view::npos;
  Interval v = ParseInterval(bare ? std::string(t) + " " + last : std::string(text));
  constexpr int64_t kHour = int64_t{3600} * 1000000, kMinute = int64_t{60} * 1000000;
  if (last == "year") {
    v.months -= v.months % 12;
    v.days = 0;
    v.micros = 0;
  } else if (last == "month") {
    v.days = 0;
    v.micros = 0;
  } else if (last == "day") {
    v.micros = 0;
  } else if (last == "hour") {
    v.micros -= v.micros % kHour;
  } else if (last == "minute") {
    v.micros -= v.micros % kMinute;
  }
  return v;
}

std::string FormatInterval(const Interval& iv) {
  std::string out;
  bool is_zero = true, is_before = false;
  AddIntPart(&out, iv.months / 12, "year", &is_zero, &is_before);
  AddIntPart(&out, iv.months % 12, "mon", &is_zero, &is_before);
  AddIntPart(&out, iv.days, "day", &is_zero, &is_before);
  int64_t t = iv.micros;
  if (is_zero || t != 0) {
    bool minus = t < 0;
    unsigned long long a =
        minus ? -static_cast<unsigned long long>(t) : static_cast<unsigned long long>(t);
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%s%s%02llu:%02llu:%02llu", is_zero ? "" : " ",
                  minus ? "-" : (is_before ? "+" : ""), a / kMicrosPerHour,
                  a / kMicrosPerMinute % 60, a / kMicrosPerSecond % 60);
    out.append(buf);
    unsigned long long frac = a % kMicrosPerSecond;
    if (frac != 0) {
      std::snprintf(buf, sizeof(buf), "%06llu", frac);
      int len = 6;
      while (buf[len - 1] == '0') len--;
      out.push_back('.');
      out.append(buf, len);
    }
  }
  return out;
}

__int128 IntervalSpan(const Interval& i) {
  return (static_cast<__int128>(i.months) * 30 + i.days) * kMicrosPerDay + i.micros;
}

int IntervalCompare(const Interval& a, const Interval& b) {
  __int128 x = IntervalSpan(a), y = IntervalSpan(b);
  return x < y ? -1 : (x > y ? 1 : 0);
}

Interval IntervalAdd(const Interval& a, const Interval& b) {
  return Interval{CheckedInt32(static_cast<__int128>(a.months) + b.months),
                  CheckedInt32(static_cast<__int128>(a.days) + b.days),
                  CheckedInt64(static_cast<__int128>(a.micros) + b.micros)};
}

Interval IntervalSub(const Interval& a, const Interval& b) {
  return Interval{CheckedInt32(static_cast<__int128>(a.months) - b.months),
                  CheckedInt32(static_cast<__int128>(a.days) - b.days),
                  CheckedInt64(static_cast<__int128>(a.micros) - b.micros)};
}

Interval IntervalNegate(const Interval& a) {
  return Interval{CheckedInt32(-static_cast<__int128>(a.months)),
                  CheckedInt32(-static_cast<__int128>(a.days)),
                  CheckedInt64(-static_cast<__int128>(a.micros))};
}

// PostgreSQL's interval_mul: fractional months spill into days (30 per month), fractional
// days into time.
Interval IntervalMul(const Interval& a, double factor) {
  if (std::isnan(factor)) IntervalOverflow();
  double months = a.months * factor;
  if (months > INT32_MAX || months < INT32_MIN) IntervalOverflow();
  Interval r;
  r.months = static_cast<int32_t>(months);
  double month_remainder_days = (months - r.months) * 30;
  month_remainder_days = std::rint(month_remainder_days * 1e6) / 1e6;  // TSROUND
  double days = a.days * factor;
  if (days > INT32_MAX || days < INT32_MIN) IntervalOverflow();
  r.days = static_cast<int32_t>(days);
  double sec_remainder =
      (days - r.days + month_remainder_days - static_cast<int>(month_remainder_days)) *
      kSecondsPerDay;
  sec_remainder = std::rint(sec_remainder * 1e6) / 1e6;
  if (std::fabs(sec_remainder) >= kSecondsPerDay) {
    r.days += static_cast<int>(sec_remainder / kSecondsPerDay);
    sec_remainder -= static_cast<int>(sec_remainder / kSecondsPerDay) * kSecondsPerDay;
  }
  r.days += static_cast<int>(month_remainder_days);
  double micros = std::rint(a.micros * factor + sec_remainder * kMicrosPerSecond);
  if (micros >= 9.2233720368547758e18 || micros < -9.2233720368547758e18) IntervalOverflow();
  r.micros = static_cast<int64_t>(micros);
  return r;
}

Interval IntervalDiv(const Interval& a, double divisor) {
  if (divisor == 0) ThrowError(sqlstate::kDivisionByZero, "division by zero");
  return IntervalMul(a, 1.0 / divisor);
}

Interval JustifyHours(const Interval& a) {
  Interval r = a;
  int64_t whole_days = r.micros / kMicrosPerDay;
  r.micros -= whole_days * kMicrosPerDay;
  r.days = CheckedInt32(static_cast<__int128>(r.days) + whole_days);
  if (r.days > 0 && r.micros < 0) {
    r.micros += kMicrosPerDay;
    r.days--;
  } else if (r.days < 0 && r.micros > 0) {
    r.micros -= kMicrosPerDay;
    r.days++;
  }
  return r;
}

Interval JustifyDays(const Interval& a) {
  Interval r = a;
  int32_t whole_months = r.days / 30;
  r.days -= whole_months * 30;
  r.months = CheckedInt32(static_cast<__int128>(r.months) + whole_months);
  if (r.months > 0 && r.days < 0) {
    r.days += 30;
    r.months--;
  } else if (r.months < 0 && r.days > 0) {
    r.days -= 30;
    r.months++;
  }
  return r;
}

Interval JustifyInterval(const Interval& a) {
  Interval r = a;
  int64_t whole_days = r.micros / kMicrosPerDay;
  r.micros -= whole_days * kMicrosPerDay;
  __int128 days = static_cast<__int128>(r.days) + whole_days;
  int64_t whole_months = static_cast<int64_t>(days / 30);
  r.days = static_cast<int32_t>(days - whole_months * 30);
  r.months = CheckedInt32(static_cast<__int128>(r.months) + whole_months);
  if (r.months > 0 && (r.days < 0 || (r.days == 0 && r.micros < 0))) {
    r.days += 30;
    r.months--;
  } else if (r.months < 0 && (r.days > 0 || (r.days == 0 && r.micros > 0))) {
    r.days -= 30;
    r.months++;
  }
  if (r.days > 0 && r.micros < 0) {
    r.micros += kMicrosPerDay;
    r.days--;
  } else if (r.days < 0 && r.micros > 0) {
    r.micros -= kMicrosPerDay;
    r.days++;
  }
  return r;
}

namespace {
int64_t AddMonthsDays(int64_t ts, const Interval& iv) {
  if (iv.months != 0) {
    DateTimeParts p = SplitTimestamp(ts);
    int64_t total = p.year * 12 + (p.month - 1) + iv.months;
    p.year = FloorDiv(total, 12);
    p.month = static_cast<int>(total - p.year * 12) + 1;
    p.day = std::min(p.day, DaysInMonth(p.year, p.month));
    ts = MakeTimestamp(p);
  }
  if (iv.days != 0) {
    __int128 r = static_cast<__int128>(ts) + static_cast<__int128>(iv.days) * kMicrosPerDay;
    if (r < kMinTimestamp || r >= kEndTimestamp) {
      ThrowError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
    }
    ts = static_cast<int64_t>(r);
  }
  return ts;
}

int64_t AddMicros(int64_t ts, int64_t micros) {
  __int128 r = static_cast<__int128>(ts) + micros;
  if (r < kMinTimestamp || r >= kEndTimestamp) {
    ThrowError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  }
  return static_cast<int64_t>(r);
}
}  // namespace

int64_t TimestampAddInterval(int64_t ts, const Interval& iv) {
  if (!IsFinite(ts)) return ts;
  return AddMicros(AddMonthsDays(ts, iv), iv.micros);
}

int64_t TimestampTzAddInterval(int64_t ts, const Interval& iv, const TimeZone& zone) {
  if (!IsFinite(ts)) return ts;
  if (iv.months != 0 || iv.days != 0) {
    int64_t local = zone.UtcToLocal(ts);
    ts = zone.LocalToUtc(AddMonthsDays(local, iv));
  }
  return AddMicros(ts, iv.micros);
}

Interval TimestampDiff(int64_t a, int64_t b) {
  if (!IsFinite(a) || !IsFinite(b)) {
    ThrowError(sqlstate::kDatetimeFieldOverflow, "cannot subtract infinite timestamps");
  }
  Interval r;
  r.micros = CheckedInt64(static_cast<__int128>(a) - b);
  return JustifyHours(r);
}

Interval TimestampAge(int64_t a, int64_t b) {
  // PostgreSQL: field-wise difference of the broken-down times, borrowing from larger fields.
  bool neg = a < b;
  DateTimeParts x = SplitTimestamp(neg ? b : a), y = SplitTimestamp(neg ? a : b);
  int64_t tod_x = x.hour * kMicrosPerHour + x.minute * kMicrosPerMinute +
                  x.second * kMicrosPerSecond + x.micros;
  int64_t tod_y = y.hour * kMicrosPerHour + y.minute * kMicrosPerMinute +
                  y.second * kMicrosPerSecond + y.micros;
  int64_t micros = tod_x - tod_y;
  int64_t days = x.day - y.day;
  int64_t months = x.month - y.month;
  int64_t years = x.year - y.year;
  if (micros < 0) {
    micros += kMicrosPerDay;
    days--;
  }
  while (days < 0) {
    // PostgreSQL borrows the length of the earlier timestamp's month.
    days += DaysInMonth(y.year, y.month);
    months--;
  }
  if (months < 0) {
    months += 12;
    years--;
  }
  Interval r{CheckedInt32(years * 12 + months), static_cast<int32_t>(days), micros};
  return neg ? IntervalNegate(r) : r;
}

}  // namespace heliosdb
