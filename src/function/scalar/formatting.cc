// Data type formatting functions (PostgreSQL 9.8): to_char for timestamps, intervals and
// numbers, to_date and to_timestamp(text, format). Supported template patterns: HH HH12 HH24
// MI SS MS US AM PM A.M. P.M. YYYY YYY YY Y IYYY MM Mon MON mon Month MONTH month DD DDD D ID
// Dy DY dy Day DAY day WW IW Q J CC TZ OF, the FM prefix and TH suffix, "quoted text";
// for numbers 9 0 . , D G S MI PL SG FM.
#include <strings.h>

#include <cmath>
#include <cstdio>
#include <cstring>

#include "common/exception.h"
#include "common/types/date_time.h"
#include "common/types/decimal.h"
#include "common/types/interval.h"
#include "function/builtin_functions.h"
#include "function/kernel_util.h"

namespace heliosdb {

namespace {

using SV = std::string_view;

const char* const kMonthNames[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
const char* const kDayNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                 "Thursday", "Friday", "Saturday"};

std::string Cased(std::string s, SV pattern) {
  // "MONTH" upper, "Month" capitalized, "month" lower: decided by the pattern's first two letters.
  bool upper1 = std::isupper(static_cast<unsigned char>(pattern[0]));
  bool upper2 = pattern.size() > 1 && std::isupper(static_cast<unsigned char>(pattern[1]));
  for (size_t i = 0; i < s.size(); i++) {
    bool up = i == 0 ? upper1 : upper2;
    s[i] = static_cast<char>(up ? std::toupper(static_cast<unsigned char>(s[i]))
                                : std::tolower(static_cast<unsigned char>(s[i])));
  }
  return s;
}

bool StartsWith(SV s, size_t i, const char* p) {
  return s.substr(i, std::strlen(p)) == p;
}
bool StartsWithCi(SV s, size_t i, const char* p) {
  size_t n = std::strlen(p);
  return s.size() >= i + n && strncasecmp(s.data() + i, p, n) == 0;
}

std::string Num(int64_t v, int width, bool fm) {
  char buf[32];
  if (fm) {
    std::snprintf(buf, sizeof(buf), "%lld", static_cast<long long>(v));
  } else {
    std::snprintf(buf, sizeof(buf), "%0*lld", width, static_cast<long long>(v));
  }
  return buf;
}

std::string Ordinal(int64_t v, bool upper) {
  int64_t m100 = v % 100, m10 = v % 10;
  const char* s = (m100 >= 11 && m100 <= 13) ? "th"
                  : m10 == 1                 ? "st"
                  : m10 == 2                 ? "nd"
                  : m10 == 3                 ? "rd"
                                             : "th";
  std::string out(s);
  if (upper) {
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

int64_t IsoWeek(int64_t days, int64_t* iso_year_out) {
  DateTimeParts p = SplitTimestamp(days * kMicrosPerDay);
  auto week1 = [](int64_t y) {
    int64_t jan4 = DaysFromCivil(y, 1, 4);
    int dow = DayOfWeek(jan4);
    return jan4 - (dow == 0 ? 6 : dow - 1);
  };
  int64_t y = p.year;
  if (days < week1(y)) {
    y--;
  } else if (days >= week1(y + 1)) {
    y++;
  }
  *iso_year_out = y;
  return (days - week1(y)) / 7 + 1;
}

// to_char for a local timestamp; utc and zone serve TZ / OF (nullptr for timestamp).
std::string FormatTimestampPattern(int64_t local, SV fmt, const TimeZone* zone, int64_t utc) {
  DateTimeParts p = SplitTimestamp(local);
  int64_t days = FloorDiv(local, kMicrosPerDay);
  int64_t year = p.year > 0 ? p.year : 1 - p.year;  // to_char shows BC years positive
  std::string out;
  size_t i = 0;
  while (i < fmt.size()) {
    bool fm = false;
    if (StartsWith(fmt, i, "FM") || StartsWith(fmt, i, "fm")) {
      fm = true;
      i += 2;
    }
    if (i >= fmt.size()) break;
    std::string piece;
    int64_t number = -1;
    size_t len = 0;
    auto num = [&](int64_t v, int width, size_t plen) {
      piece = Num(v, width, fm);
      number = v;
      len = plen;
    };
    auto word = [&](std::string w, size_t plen, size_t pad) {
      SV pat = fmt.substr(i, plen);
      w = Cased(std::move(w), pat);
      if (!fm && w.size() < pad) w.append(pad - w.size(), ' ');
      piece = w;
      len = plen;
    };
    if (StartsWith(fmt, i, "HH24")) {
      num(p.hour, 2, 4);
    } else if (StartsWith(fmt, i, "HH12")) {
      num(p.hour % 12 == 0 ? 12 : p.hour % 12, 2, 4);
    } else if (StartsWith(fmt, i, "HH")) {
      num(p.hour % 12 == 0 ? 12 : p.hour % 12, 2, 2);
    } else if (StartsWith(fmt, i, "MI")) {
      num(p.minute, 2, 2);
    } else if (StartsWith(fmt, i, "SSSS")) {
      num(p.hour * 3600 + p.minute * 60 + p.second, 1, 4);
    } else if (StartsWith(fmt, i, "SS")) {
      num(p.second, 2, 2);
    } else if (StartsWith(fmt, i, "MS")) {
      num(p.micros / 1000, 3, 2);
    } else if (StartsWith(fmt, i, "US")) {
      num(p.micros, 6, 2);
    } else if (StartsWith(fmt, i, "AM") || StartsWith(fmt, i, "PM")) {
      piece = p.hour < 12 ? "AM" : "PM", len = 2;
    } else if (StartsWith(fmt, i, "am") || StartsWith(fmt, i, "pm")) {
      piece = p.hour < 12 ? "am" : "pm", len = 2;
    } else if (StartsWith(fmt, i, "A.M.") || StartsWith(fmt, i, "P.M.")) {
      piece = p.hour < 12 ? "A.M." : "P.M.", len = 4;
    } else if (StartsWith(fmt, i, "a.m.") || StartsWith(fmt, i, "p.m.")) {
      piece = p.hour < 12 ? "a.m." : "p.m.", len = 4;
    } else if (StartsWith(fmt, i, "BC") || StartsWith(fmt, i, "AD")) {
      piece = p.year > 0 ? "AD" : "BC", len = 2;
    } else if (StartsWith(fmt, i, "IYYY")) {
      int64_t iy;
      IsoWeek(days, &iy);
      num(iy, 4, 4);
    } else if (StartsWith(fmt, i, "YYYY")) {
      num(year, 4, 4);
    } else if (StartsWith(fmt, i, "YYY")) {
      num(year % 1000, 3, 3);
    } else if (StartsWith(fmt, i, "YY")) {
      num(year % 100, 2, 2);
    } else if (StartsWith(fmt, i, "Y")) {
      num(year % 10, 1, 1);
    } else if (StartsWithCi(fmt, i, "MONTH")) {
      word(kMonthNames[p.month - 1], 5, 9);
    } else if (StartsWithCi(fmt, i, "MON")) {
      word(std::string(kMonthNames[p.month - 1], 3), 3, 0);
    } else if (StartsWith(fmt, i, "MM")) {
      num(p.month, 2, 2);
    } else if (StartsWithCi(fmt, i, "DAY")) {
      word(kDayNames[DayOfWeek(days)], 3, 9);
    } else if (StartsWithCi(fmt, i, "DY")) {
      word(std::string(kDayNames[DayOfWeek(days)], 3), 2, 0);
    } else if (StartsWith(fmt, i, "DDD")) {
      num(days - DaysFromCivil(p.year, 1, 1) + 1, 3, 3);
    } else if (StartsWith(fmt, i, "DD")) {
      num(p.day, 2, 2);
    } else if (StartsWith(fmt, i, "D")) {
      num(DayOfWeek(days) + 1, 1, 1);
    } else if (StartsWith(fmt, i, "ID")) {
      num(DayOfWeek(days) == 0 ? 7 : DayOfWeek(days), 1, 2);
    } else if (StartsWith(fmt, i, "IW")) {
      int64_t iy;
      num(IsoWeek(days, &iy), 2, 2);
    } else if (StartsWith(fmt, i, "WW")) {
      num((days - DaysFromCivil(p.year, 1, 1)) / 7 + 1, 2, 2);
    } else if (StartsWith(fmt, i, "Q")) {
      num((p.month - 1) / 3 + 1, 1, 1);
    } else if (StartsWith(fmt, i, "CC")) {
      num(p.year > 0 ? (p.year + 99) / 100 : -((100 - p.year) / 100), 2, 2);
    } else if (StartsWith(fmt, i, "J")) {
      num(days + 2451545, 1, 1);
    } else if (StartsWith(fmt, i, "TZ") || StartsWith(fmt, i, "tz")) {
      std::string abbrev = zone ? zone->Abbreviation(utc) : "";
      if (fmt[i] == 't') {
        for (char& c : abbrev) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      piece = abbrev, len = 2;
    } else if (StartsWith(fmt, i, "OF")) {
      piece = zone ? FormatUtcOffset(zone->OffsetAtUtc(utc)) : "+00", len = 2;
    } else if (fmt[i] == '"') {
      size_t end = i + 1;
      while (end < fmt.size() && fmt[end] != '"') {
        if (fmt[end] == '\\' && end + 1 < fmt.size()) end++;
        piece.push_back(fmt[end++]);
      }
      len = end - i + (end < fmt.size() ? 1 : 0);
    } else if (fmt[i] == '\\' && i + 1 < fmt.size()) {
      piece = std::string(1, fmt[i + 1]), len = 2;
    } else {
      piece = std::string(1, fmt[i]), len = 1;
    }
    i += len;
    if (number >= 0 && (StartsWith(fmt, i, "TH") || StartsWith(fmt, i, "th"))) {
      piece += Ordinal(number, fmt[i] == 'T');
      i += 2;
    }
    out += piece;
  }
  return out;
}

// to_char(number, format) for the 9 0 . , D G S MI PL SG FM patterns.
std::string FormatNumberPattern(const Decimal& value, SV fmt) {
  bool fm = false, has_sign_pattern = false, leading_s = false;
  int int_pos = 0, frac_pos = 0, first_zero = -1;
  bool after_point = false;
  for (size_t i = 0; i < fmt.size(); i++) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(fmt[i])));
    if (StartsWithCi(fmt, i, "FM")) {
      fm = true;
      i++;
    } else if (c == '9' || c == '0') {
      if (after_point) {
        frac_pos++;
      } else {
        if (c == '0' && first_zero < 0) first_zero = int_pos;
        int_pos++;
      }
    } else if (c == '.' || c == 'D') {
      after_point = true;
    } else if (c == 'S' && int_pos == 0 && !after_point) {
      leading_s = true;
    } else if (c == 'S' || StartsWithCi(fmt, i, "MI") || StartsWithCi(fmt, i, "PL") ||
               StartsWithCi(fmt, i, "SG")) {
      has_sign_pattern = true;
      if (c != 'S') i++;
    }
  }
  Decimal r = DecimalRound(value, frac_pos);
  bool neg = r.coef < 0;
  std::string digits = DecimalToString(DecimalAbs(r));
  std::string int_part = digits.substr(0, digits.find('.'));
  std::string frac_part =
      digits.find('.') == std::string::npos ? "" : digits.substr(digits.find('.') + 1);
  if (int_part == "0") int_part = "";
  frac_part.resize(static_cast<size_t>(frac_pos), '0');
  bool overflow = static_cast<int>(int_part.size()) > int_pos;
  // Right-align the integer digits into the pattern's positions.
  std::string padded(static_cast<size_t>(std::max(0, int_pos - static_cast<int>(int_part.size()))),
                     ' ');
  padded += int_part;
  if (first_zero >= 0) {
    for (int k = first_zero; k < int_pos; k++) {
      if (padded[static_cast<size_t>(k)] == ' ') padded[static_cast<size_t>(k)] = '0';
    }
  }
  if (int_pos > 0 && frac_pos == 0 && int_part.empty() && first_zero < 0) padded.back() = '0';
  if (fm && frac_pos > 0) {  // FM drops trailing zeros of '9' fraction positions
    while (!frac_part.empty() && frac_part.back() == '0') frac_part.pop_back();
  }
  std::string out;
  int ip = 0, fp = 0;
  bool digit_started = false;
  bool sign_done = has_sign_pattern;
  const char* positive = leading_s ? "+" : (fm ? "" : " ");
  after_point = false;
  for (size_t i = 0; i < fmt.size(); i++) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(fmt[i])));
    if (StartsWithCi(fmt, i, "FM")) {
      i++;
      continue;
    }
    if ((c == '9' || c == '0') && !after_point) {
      char d = overflow ? '#' : padded[static_cast<size_t>(ip++)];
      if (d != ' ' && !digit_started) {
        if (!sign_done) {
          out += neg ? "-" : positive;
          sign_done = true;
        }
        digit_started = true;
      }
      if (d == ' ') {
        if (!fm) out.push_back(' ');
      } else {
        out.push_back(d);
      }
    } else if ((c == '9' || c == '0') && after_point) {
      if (overflow) {
        out.push_back('#');
      } else if (fp < static_cast<int>(frac_part.size())) {
        out.push_back(frac_part[static_cast<size_t>(fp)]);
      }
      fp++;
    } else if (c == '.' || c == 'D') {
      if (!sign_done) {
        out += neg ? "-" : positive;
        sign_done = true;
      }
      after_point = true;
      digit_started = true;
      out.push_back('.');
    } else if (c == ',' || c == 'G') {
      if (digit_started) {
        out.push_back(',');
      } else if (!fm) {
        out.push_back(' ');
      }
    } else if (c == 'S') {
      if (!leading_s) out.push_back(neg ? '-' : '+');
    } else if (StartsWithCi(fmt, i, "MI")) {
      out.push_back(neg ? '-' : ' ');
      i++;
    } else if (StartsWithCi(fmt, i, "PL")) {
      out.push_back(neg ? ' ' : '+');
      i++;
    } else if (StartsWithCi(fmt, i, "SG")) {
      out.push_back(neg ? '-' : '+');
      i++;
    } else {
      out.push_back(fmt[i]);
    }
  }
  if (!sign_done) out.insert(0, neg ? "-" : positive);
  return out;
}

// to_date / to_timestamp(text, format): reads the fields the format names.
int64_t ParseWithPattern(SV text, SV fmt, const char* fn) {
  DateTimeParts p;
  p.year = 1;  // PostgreSQL defaults missing fields to 0001-01-01 00:00:00
  int pm = -1;
  bool bc = false;
  size_t ti = 0;
  auto bad = [&]() -> int64_t {
    ThrowError(sqlstate::kInvalidDatetimeFormat,
               std::string("invalid value \"") +
                   std::string(text.substr(std::min(ti, text.size()))) + "\" for \"" +
                   std::string(fmt) + "\" in " + fn);
  };
  auto read_num = [&](int max_width) {
    while (ti < text.size() && text[ti] == ' ') ti++;
    bool neg = ti < text.size() && text[ti] == '-';
    if (neg) ti++;
    size_t start = ti;
    while (ti < text.size() && std::isdigit(static_cast<unsigned char>(text[ti])) &&
           static_cast<int>(ti - start) < max_width) {
      ti++;
    }
    if (ti == start) bad();
    int64_t v = std::stoll(std::string(text.substr(start, ti - start)));
    return neg ? -v : v;
  };
  auto read_name = [&](const char* const* names, int n, bool abbrev) {
    for (int k = 0; k < n; k++) {
      size_t len = abbrev ? 3 : std::strlen(names[k]);
      if (StartsWithCi(text, ti, std::string(names[k], len).c_str())) {
        ti += len;
        return k;
      }
    }
    bad();
    return 0;
  };
  size_t i = 0;
  while (i < fmt.size()) {
    if (StartsWithCi(fmt, i, "FM")) {
      i += 2;
      continue;
    }
    if (StartsWith(fmt, i, "YYYY")) {
      // Packed formats (YYYYMMDD) read exactly four digits; separated ones read them all.
      bool packed = i + 4 < fmt.size() && std::isalpha(static_cast<unsigned char>(fmt[i + 4]));
      p.year = read_num(packed ? 4 : 9);
      i += 4;
    } else if (StartsWith(fmt, i, "YY")) {
      int64_t y = read_num(2);
      p.year = y < 70 ? 2000 + y : 1900 + y;
      i += 2;
    } else if (StartsWith(fmt, i, "MM")) {
      p.month = static_cast<int>(read_num(2)), i += 2;
    } else if (StartsWith(fmt, i, "DDD")) {
      int64_t doy = read_num(3);
      int64_t d = DaysFromCivil(p.year, 1, 1) + doy - 1;
      int64_t y;
      CivilFromDays(d, &y, &p.month, &p.day);
      i += 3;
    } else if (StartsWith(fmt, i, "DD")) {
      p.day = static_cast<int>(read_num(2)), i += 2;
    } else if (StartsWith(fmt, i, "HH24")) {
      p.hour = static_cast<int>(read_num(2)), i += 4;
    } else if (StartsWith(fmt, i, "HH12")) {
      p.hour = static_cast<int>(read_num(2)), i += 4;
    } else if (StartsWith(fmt, i, "HH")) {
      p.hour = static_cast<int>(read_num(2)), i += 2;
    } else if (StartsWith(fmt, i, "MI")) {
      p.minute = static_cast<int>(read_num(2)), i += 2;
    } else if (StartsWith(fmt, i, "SS")) {
      p.second = static_cast<int>(read_num(2)), i += 2;
    } else if (StartsWith(fmt, i, "MS")) {
      size_t start = ti;
      int64_t v = read_num(3);
      for (size_t k = ti - start; k < 3; k++) v *= 10;
      p.micros = static_cast<int32_t>(v * 1000), i += 2;
    } else if (StartsWith(fmt, i, "US")) {
      size_t start = ti;
      int64_t v = read_num(6);
      for (size_t k = ti - start; k < 6; k++) v *= 10;
      p.micros = static_cast<int32_t>(v), i += 2;
    } else if (StartsWithCi(fmt, i, "AM") || StartsWithCi(fmt, i, "PM")) {
      while (ti < text.size() && text[ti] == ' ') ti++;
      if (StartsWithCi(text, ti, "AM")) {
        pm = 0;
      } else if (StartsWithCi(text, ti, "PM")) {
        pm = 1;
      } else {
        bad();
      }
      ti += 2, i += 2;
    } else if (StartsWithCi(fmt, i, "BC") || StartsWithCi(fmt, i, "AD")) {
      while (ti < text.size() && text[ti] == ' ') ti++;
      bc = StartsWithCi(text, ti, "BC");
      ti += 2, i += 2;
    } else if (StartsWithCi(fmt, i, "MONTH")) {
      while (ti < text.size() && text[ti] == ' ') ti++;
      p.month = read_name(kMonthNames, 12, false) + 1, i += 5;
    } else if (StartsWithCi(fmt, i, "MON")) {
      while (ti < text.size() && text[ti] == ' ') ti++;
      p.month = read_name(kMonthNames, 12, true) + 1, i += 3;
    } else if (StartsWithCi(fmt, i, "DAY")) {
      while (ti < text.size() && text[ti] == ' ') ti++;
      read_name(kDayNames, 7, false), i += 3;
    } else if (StartsWithCi(fmt, i, "DY")) {
      while (ti < text.size() && text[ti] == ' ') ti++;
      read_name(kDayNames, 7, true), i += 2;
    } else if (fmt[i] == '"') {
      size_t end = fmt.find('"', i + 1);
      size_t n = (end == SV::npos ? fmt.size() : end) - i - 1;
      ti += n;
      i += n + 2;
    } else {
      // A separator in the format skips one character of input (PostgreSQL is lenient).
      if (ti < text.size() && !std::isalnum(static_cast<unsigned char>(text[ti]))) ti++;
      i++;
    }
  }
  if (pm == 1 && p.hour < 12) p.hour += 12;
  if (pm == 0 && p.hour == 12) p.hour = 0;
  if (bc) p.year = 1 - p.year;
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > DaysInMonth(p.year, p.month) ||
      p.hour > 24 || p.minute > 59 || p.second > 60) {
    ThrowError(sqlstate::kDatetimeFieldOverflow,
               "date/time field value out of range: \"" + std::string(text) + "\"");
  }
  return MakeTimestamp(p);
}

}  // namespace

void RegisterFormattingFunctions(FunctionRegistry& reg) {
  LogicalType text(TypeId::kText), ts(TypeId::kTimestamp), tstz(TypeId::kTimestampTz),
      date(TypeId::kDate), iv(TypeId::kInterval), num = LogicalType::Numeric(), f8(TypeId::kDouble),
                                                  i8(TypeId::kBigInt);
  reg.AddScalar(Scalar("to_char", {ts, text}, text, MakeBinary<int64_t, SV>([](int64_t t, SV f) {
                         if (!IsFinite(t)) return std::string();
                         return FormatTimestampPattern(t, f, nullptr, t);
                       })));
  reg.AddScalar(Scalar("to_char", {tstz, text}, text,
                       [](DataChunk& args, idx_t count, Vector* result, FunctionContext& ctx) {
                         const TimeZone& zone = SessionZone(ctx.timezone);
                         BinaryExecute<int64_t, SV>(
                             args.column(0), args.column(1), result, count, [&](int64_t t, SV f) {
                               if (!IsFinite(t)) return std::string();
                               return FormatTimestampPattern(zone.UtcToLocal(t), f, &zone, t);
                             });
                       }));
  reg.AddScalar(
      Scalar("to_char", {iv, text}, text, MakeBinary<Interval, SV>([](const Interval& v, SV f) {
               // Interval fields laid over a timestamp-like template (hours not wrapped).
               int64_t t = static_cast<int64_t>(v.days) * kMicrosPerDay + v.micros;
               return FormatTimestampPattern(t, f, nullptr, t);
             })));
  reg.AddScalar(Scalar("to_char", {num, text}, text, MakeBinary<Decimal, SV>(FormatNumberPattern)));
  reg.AddScalar(Scalar("to_char", {f8, text}, text, MakeBinary<double, SV>([](double v, SV f) {
                         return FormatNumberPattern(DecimalFromDouble(v), f);
                       })));
  reg.AddScalar(Scalar("to_char", {i8, text}, text, MakeBinary<int64_t, SV>([](int64_t v, SV f) {
                         return FormatNumberPattern(Decimal{v, 0}, f);
                       })));
  reg.AddScalar(Scalar("to_date", {text, text}, date, MakeBinary<SV, SV>([](SV t, SV f) {
                         return FloorDiv(ParseWithPattern(t, f, "to_date"), kMicrosPerDay);
                       })));
  reg.AddScalar(Scalar("to_timestamp", {text, text}, tstz,
                       [](DataChunk& args, idx_t count, Vector* result, FunctionContext& ctx) {
                         const TimeZone& zone = SessionZone(ctx.timezone);
                         BinaryExecute<SV, SV>(
                             args.column(0), args.column(1), result, count, [&](SV t, SV f) {
                               return zone.LocalToUtc(ParseWithPattern(t, f, "to_timestamp"));
                             });
                       }));
}

}  // namespace heliosdb
