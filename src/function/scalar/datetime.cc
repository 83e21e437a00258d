// Date/time functions (PostgreSQL 9.9): now() and friends (from the FunctionContext),
// date_part / extract with every field, date_trunc, age, make_*, timezone() for AT TIME ZONE,
// isfinite, justify_*, to_timestamp(epoch).
#include <cmath>

#include "common/exception.h"
#include "common/types/date_time.h"
#include "common/types/decimal.h"
#include "common/types/interval.h"
#include "function/builtin_functions.h"
#include "function/kernel_util.h"

namespace heliosdb {

namespace {

using SV = std::string_view;

std::string LowerAscii(SV s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // PostgreSQL accepts plural and abbreviated unit spellings.
  static const std::pair<const char*, const char*> kAliases[] = {
      {"years", "year"},
      {"y", "year"},
      {"yr", "year"},
      {"yrs", "year"},
      {"months", "month"},
      {"mon", "month"},
      {"mons", "month"},
      {"days", "day"},
      {"d", "day"},
      {"hours", "hour"},
      {"h", "hour"},
      {"hr", "hour"},
      {"hrs", "hour"},
      {"minutes", "minute"},
      {"m", "minute"},
      {"min", "minute"},
      {"mins", "minute"},
      {"seconds", "second"},
      {"s", "second"},
      {"sec", "second"},
      {"secs", "second"},
      {"weeks", "week"},
      {"w", "week"},
      {"quarters", "quarter"},
      {"qtr", "quarter"},
      {"decades", "decade"},
      {"centuries", "century"},
      {"millennia", "millennium"},
      {"millenniums", "millennium"},
      {"ms", "milliseconds"},
      {"millisecond", "milliseconds"},
      {"msec", "milliseconds"},
      {"msecs", "milliseconds"},
      {"us", "microseconds"},
      {"microsecond", "microseconds"},
      {"usec", "microseconds"},
      {"usecs", "microseconds"},
      {"j", "julian"},
  };
  for (auto& [alias, unit] : kAliases) {
    if (out == alias) return unit;
  }
  return out;
}

[[noreturn]] void UnitNotRecognized(SV unit, const char* type_name) {
  ThrowError(sqlstate::kInvalidParameterValue,
             "unit \"" + std::string(unit) + "\" not recognized for type " + type_name);
}

// A field of a (local) timestamp as an exact decimal: integers with scale 0, seconds and
// epoch with 6 fraction digits (PostgreSQL 14+ extract).
Decimal TimestampField(SV unit_raw, int64_t ts, const char* type_name, int64_t utc_ts, bool with_tz,
                       const TimeZone* zone) {
  std::string unit = LowerAscii(unit_raw);
  if (!IsFinite(ts)) {
    ThrowError(sqlstate::kFeatureNotSupported, "infinite timestamps have no fields");
  }
  DateTimeParts p = SplitTimestamp(ts);
  int64_t days = FloorDiv(ts, kMicrosPerDay);
  int64_t sec_micros = p.second * kMicrosPerSecond + p.micros;
  auto I = [](int64_t v) { return Decimal{v, 0}; };
  if (unit == "year") return I(p.year > 0 ? p.year : p.year - 1);
  if (unit == "month") return I(p.month);
  if (unit == "day") return I(p.day);
  if (unit == "hour") return I(p.hour);
  if (unit == "minute") return I(p.minute);
  if (unit == "second") return Decimal{sec_micros, 6};
  if (unit == "milliseconds") return Decimal{sec_micros, 3};
  if (unit == "microseconds") return I(sec_micros);
  if (unit == "quarter") return I((p.month - 1) / 3 + 1);
  if (unit == "dow") return I(DayOfWeek(days));
  if (unit == "isodow") return I(DayOfWeek(days) == 0 ? 7 : DayOfWeek(days));
  if (unit == "doy") return I(days - DaysFromCivil(p.year, 1, 1) + 1);
  if (unit == "decade") return I(FloorDiv(p.year, 10));
  if (unit == "century") return I(p.year > 0 ? (p.year + 99) / 100 : -((99 - (p.year - 1)) / 100));
  if (unit == "millennium")
    return I(p.year > 0 ? (p.year + 999) / 1000 : -((999 - (p.year - 1)) / 1000));
  if (unit == "week" || unit == "isoyear") {
    // ISO 8601 week: the week with the year's first Thursday is week 1.
    int64_t iso_year = p.year;
    auto week1_start = [](int64_t y) {
      int64_t jan4 = DaysFromCivil(y, 1, 4);
      int dow = DayOfWeek(jan4);
      return jan4 - (dow == 0 ? 6 : dow - 1);
    };
    int64_t start = week1_start(iso_year);
    if (days < start) {
      iso_year--;
      start = week1_start(iso_year);
    } else if (days >= week1_start(iso_year + 1)) {
      iso_year++;
      start = week1_start(iso_year);
    }
    if (unit == "isoyear") return I(iso_year);
    return I((days - start) / 7 + 1);
  }
  if (unit == "epoch") return Decimal{(with_tz ? utc_ts : ts) + 946684800LL * kMicrosPerSecond, 6};
  if (unit == "julian") {
    int64_t tod = ts - days * kMicrosPerDay;
    Decimal frac = DecimalDivScale(Decimal{tod, 0}, Decimal{kMicrosPerDay, 0}, 20);
    return DecimalNormalize(DecimalAdd(I(days + 2451545), frac));
  }
  if (with_tz && (unit == "timezone" || unit == "timezone_hour" || unit == "timezone_minute")) {
    int32_t off = zone->OffsetAtUtc(utc_ts);
    if (unit == "timezone") return I(off);
    if (unit == "timezone_hour") return I(off / 3600);
    return I(off / 60 % 60);
  }
  UnitNotRecognized(unit_raw, type_name);
}

Decimal IntervalField(SV unit_raw, const Interval& iv) {
  std::string unit = LowerAscii(unit_raw);
  auto I = [](int64_t v) { return Decimal{v, 0}; };
  int64_t sec_micros = iv.micros % kMicrosPerMinute;
  if (unit == "year") return I(iv.months / 12);
  if (unit == "month") return I(iv.months % 12);
  if (unit == "day") return I(iv.days);
  if (unit == "hour") return I(iv.micros / kMicrosPerHour);
  if (unit == "minute") return I(iv.micros / kMicrosPerMinute % 60);
  if (unit == "second") return Decimal{sec_micros, 6};
  if (unit == "milliseconds") return Decimal{sec_micros, 3};
  if (unit == "microseconds") return I(sec_micros);
  if (unit == "quarter") return I((iv.months % 12) / 3 + 1);
  if (unit == "decade") return I(iv.months / 120);
  if (unit == "century") return I(iv.months / 1200);
  if (unit == "millennium") return I(iv.months / 12000);
  if (unit == "epoch") {
    // PostgreSQL: years are 365.25 days, remaining months 30 days.
    __int128 micros = static_cast<__int128>(iv.months / 12) * 36525 * kMicrosPerDay / 100 +
                      static_cast<__int128>(iv.months % 12) * 30 * kMicrosPerDay +
                      static_cast<__int128>(iv.days) * kMicrosPerDay + iv.micros;
    return Decimal{micros, 6};
  }
  ThrowError(sqlstate::kInvalidParameterValue,
             "unit \"" + std::string(unit_raw) + "\" not supported for type interval");
}

int64_t TruncateTimestamp(SV unit_raw, int64_t ts, const char* type_name) {
  if (!IsFinite(ts)) return ts;
  std::string unit = LowerAscii(unit_raw);
  DateTimeParts p = SplitTimestamp(ts);
  if (unit == "microseconds") return ts;
  if (unit == "milliseconds") return ts - (((ts % 1000) + 1000) % 1000);
  if (unit == "second") {
    p.micros = 0;
  } else if (unit == "minute") {
    p.micros = 0, p.second = 0;
  } else if (unit == "hour") {
    p.micros = 0, p.second = 0, p.minute = 0;
  } else if (unit == "day") {
    return FloorDiv(ts, kMicrosPerDay) * kMicrosPerDay;
  } else if (unit == "week") {
    int64_t days = FloorDiv(ts, kMicrosPerDay);
    int dow = DayOfWeek(days);
    return (days - (dow == 0 ? 6 : dow - 1)) * kMicrosPerDay;
  } else {
    p.micros = 0, p.second = 0, p.minute = 0, p.hour = 0, p.day = 1;
    if (unit == "month") {
    } else if (unit == "quarter") {
      p.month = (p.month - 1) / 3 * 3 + 1;
    } else if (unit == "year") {
      p.month = 1;
    } else if (unit == "decade") {
      p.month = 1;
      p.year = FloorDiv(p.year, 10) * 10;
    } else if (unit == "century") {
      p.month = 1;
      p.year = p.year > 0 ? (p.year - 1) / 100 * 100 + 1 : -FloorDiv(-p.year, 100) * 100 - 99;
    } else if (unit == "millennium") {
      p.month = 1;
      p.year = p.year > 0 ? (p.year - 1) / 1000 * 1000 + 1 : -FloorDiv(-p.year, 1000) * 1000 - 999;
    } else {
      UnitNotRecognized(unit_raw, type_name);
    }
  }
  return MakeTimestamp(p);
}

Interval TruncateInterval(SV unit_raw, const Interval& iv) {
  std::string unit = LowerAscii(unit_raw);
  Interval r = iv;
  if (unit == "microseconds") return r;
  if (unit == "milliseconds") return Interval{r.months, r.days, r.micros - r.micros % 1000};
  if (unit == "second") return Interval{r.months, r.days, r.micros - r.micros % kMicrosPerSecond};
  if (unit == "minute") return Interval{r.months, r.days, r.micros - r.micros % kMicrosPerMinute};
  if (unit == "hour") return Interval{r.months, r.days, r.micros - r.micros % kMicrosPerHour};
  if (unit == "day") return Interval{r.months, r.days, 0};
  if (unit == "month") return Interval{r.months, 0, 0};
  if (unit == "quarter") return Interval{r.months / 3 * 3, 0, 0};
  if (unit == "year") return Interval{r.months / 12 * 12, 0, 0};
  if (unit == "decade") return Interval{r.months / 120 * 120, 0, 0};
  if (unit == "century") return Interval{r.months / 1200 * 1200, 0, 0};
  if (unit == "millennium") return Interval{r.months / 12000 * 12000, 0, 0};
  ThrowError(sqlstate::kInvalidParameterValue,
             "unit \"" + std::string(unit_raw) + "\" not supported for type interval");
}

int64_t MakeDate(int64_t y, int64_t m, int64_t d) {
  if (y == 0 || m < 1 || m > 12 || d < 1 ||
      d > DaysInMonth(y < 0 ? y + 1 : y, static_cast<int>(m))) {
    ThrowError(sqlstate::kDatetimeFieldOverflow,
               "date field value out of range: " + std::to_string(y) + "-" + (m < 10 ? "0" : "") +
                   std::to_string(m) + "-" + (d < 10 ? "0" : "") + std::to_string(d));
  }
  int64_t days = DaysFromCivil(y < 0 ? y + 1 : y, static_cast<int>(m), static_cast<int>(d));
  CheckDateRange(days);
  return days;
}

int64_t MakeTime(int64_t h, int64_t m, double s) {
  if (h < 0 || h > 24 || m < 0 || m > 59 || s < 0 || s > 60 || (h == 24 && (m > 0 || s > 0))) {
    ThrowError(sqlstate::kDatetimeFieldOverflow,
               "time field value out of range: " + std::to_string(h) + ":" + std::to_string(m) +
                   ":" + std::to_string(s));
  }
  return h * kMicrosPerHour + m * kMicrosPerMinute + std::llround(s * kMicrosPerSecond);
}

template <typename Fn>
ScalarKernel ContextKernel(Fn fn) {
  return [fn](DataChunk&, idx_t count, Vector* result, FunctionContext& ctx) {
    result->validity().Reset();
    int64_t v = fn(ctx);
    for (idx_t i = 0; i < count; i++) result->data<int64_t>()[i] = v;
  };
}

}  // namespace

void RegisterDateTimeFunctions(FunctionRegistry& reg) {
  LogicalType text(TypeId::kText), ts(TypeId::kTimestamp), tstz(TypeId::kTimestampTz),
      date(TypeId::kDate), time(TypeId::kTime), iv(TypeId::kInterval), f8(TypeId::kDouble),
      i4(TypeId::kInteger), num = LogicalType::Numeric(), boolean(TypeId::kBoolean);
  for (const char* name : {"now", "current_timestamp", "transaction_timestamp"}) {
    reg.AddScalar(Scalar(
        name, {}, tstz, ContextKernel([](FunctionContext& c) { return c.transaction_timestamp; })));
  }
  reg.AddScalar(Scalar("statement_timestamp", {}, tstz,
                       ContextKernel([](FunctionContext& c) { return c.statement_timestamp; })));
  ScalarFunction clock = Scalar("clock_timestamp", {}, tstz,
                                ContextKernel([](FunctionContext&) { return CurrentTimestamp(); }));
  clock.volatile_ = true;
  reg.AddScalar(clock);
  reg.AddScalar(Scalar(
      "current_date", {}, date, ContextKernel([](FunctionContext& c) {
        return FloorDiv(SessionZone(c.timezone).UtcToLocal(c.transaction_timestamp), kMicrosPerDay);
      })));
  for (const char* name : {"current_time", "localtime"}) {
    reg.AddScalar(Scalar(name, {}, time, ContextKernel([](FunctionContext& c) {
                           int64_t l = SessionZone(c.timezone).UtcToLocal(c.transaction_timestamp);
                           return l - FloorDiv(l, kMicrosPerDay) * kMicrosPerDay;
                         })));
  }
  reg.AddScalar(Scalar("localtimestamp", {}, ts, ContextKernel([](FunctionContext& c) {
                         return SessionZone(c.timezone).UtcToLocal(c.transaction_timestamp);
                       })));

  // date_part (double precision) and extract (numeric).
  for (bool as_numeric : {false, true}) {
    const char* name = as_numeric ? "extract" : "date_part";
    LogicalType ret = as_numeric ? num : f8;
    auto emit = [as_numeric](Vector* result, idx_t i, const Decimal& d) {
      if (as_numeric) {
        result->data<Decimal>()[i] = d;
      } else {
        result->data<double>()[i] = DecimalToDouble(d);
      }
    };
    auto field_kernel = [emit](TypeId type) {
      return [emit, type](DataChunk& args, idx_t count, Vector* result, FunctionContext& ctx) {
        const TimeZone& zone = SessionZone(ctx.timezone);
        UnifiedFormat uu = args.column(0).ToUnified(), uv = args.column(1).ToUnified();
        for (idx_t i = 0; i < count; i++) {
          if (!uu.IsValid(i) || !uv.IsValid(i)) {
            result->SetNull(i);
            continue;
          }
          result->validity().SetValid(i);
          SV unit = uu.Get<SV>(i);
          Decimal d;
          if (type == TypeId::kInterval) {
            d = IntervalField(unit, uv.Get<Interval>(i));
          } else if (type == TypeId::kTime) {
            d = IntervalField(unit, Interval{0, 0, uv.Get<int64_t>(i)});
          } else {
            int64_t v = uv.Get<int64_t>(i);
            if (type == TypeId::kDate) v = IsFinite(v) ? v * kMicrosPerDay : v;
            bool tz = type == TypeId::kTimestampTz;
            int64_t local = tz && IsFinite(v) ? zone.UtcToLocal(v) : v;
            const char* tn = tz                      ? "timestamp with time zone"
                             : type == TypeId::kDate ? "date"
                                                     : "timestamp without time zone";
            if (!IsFinite(v)) {
              result->SetNull(i);  // PostgreSQL returns NULL (or +/-Infinity) for infinite input
              continue;
            }
            d = TimestampField(unit, local, tn, v, tz, &zone);
          }
          emit(result, i, d);
        }
      };
    };
    for (TypeId t : {TypeId::kTimestamp, TypeId::kTimestampTz, TypeId::kDate, TypeId::kTime,
                     TypeId::kInterval}) {
      reg.AddScalar(Scalar(name, {text, LogicalType(t)}, ret, field_kernel(t)));
    }
  }

  reg.AddScalar(Scalar("date_trunc", {text, ts}, ts, MakeBinary<SV, int64_t>([](SV u, int64_t t) {
                         return TruncateTimestamp(u, t, "timestamp without time zone");
                       })));
  reg.AddScalar(Scalar("date_trunc", {text, tstz}, tstz,
                       [](DataChunk& args, idx_t count, Vector* result, FunctionContext& ctx) {
                         const TimeZone& zone = SessionZone(ctx.timezone);
                         BinaryExecute<SV, int64_t>(
                             args.column(0), args.column(1), result, count, [&](SV u, int64_t t) {
                               if (!IsFinite(t)) return t;
                               std::string lu = LowerAscii(u);
                               int64_t local = zone.UtcToLocal(t);
                               int64_t tr = TruncateTimestamp(u, local, "timestamp with time zone");
                               // Units below a day keep the original offset (no DST re-resolution).
                               if (lu == "microseconds" || lu == "milliseconds" || lu == "second" ||
                                   lu == "minute" || lu == "hour") {
                                 return t - (local - tr);
                               }
                               return zone.LocalToUtc(tr);
                             });
                       }));
  reg.AddScalar(Scalar("date_trunc", {text, iv}, iv, MakeBinary<SV, Interval>(TruncateInterval)));

  reg.AddScalar(Scalar("age", {ts, ts}, iv, MakeBinary<int64_t, int64_t>(TimestampAge)));
  reg.AddScalar(Scalar("age", {tstz, tstz}, iv,
                       [](DataChunk& args, idx_t count, Vector* result, FunctionContext& ctx) {
                         const TimeZone& zone = SessionZone(ctx.timezone);
                         BinaryExecute<int64_t, int64_t>(args.column(0), args.column(1), result,
                                                         count, [&](int64_t a, int64_t b) {
                                                           return TimestampAge(zone.UtcToLocal(a),
                                                                               zone.UtcToLocal(b));
                                                         });
                       }));
  reg.AddScalar(Scalar(
      "age", {ts}, iv, [](DataChunk& args, idx_t count, Vector* result, FunctionContext& ctx) {
        int64_t today = FloorDiv(SessionZone(ctx.timezone).UtcToLocal(ctx.transaction_timestamp),
                                 kMicrosPerDay) *
                        kMicrosPerDay;
        UnaryExecute<int64_t>(args.column(0), result, count,
                              [today](int64_t t) { return TimestampAge(today, t); });
      }));

  reg.AddScalar(
      Scalar("make_date", {i4, i4, i4}, date, MakeTernary<int64_t, int64_t, int64_t>(MakeDate)));
  reg.AddScalar(
      Scalar("make_time", {i4, i4, f8}, time, MakeTernary<int64_t, int64_t, double>(MakeTime)));
  auto make_ts = [](const std::vector<UnifiedFormat>& f, idx_t i) {
    int64_t days = MakeDate(f[0].Get<int64_t>(i), f[1].Get<int64_t>(i), f[2].Get<int64_t>(i));
    int64_t t = MakeTime(f[3].Get<int64_t>(i), f[4].Get<int64_t>(i), f[5].Get<double>(i));
    return days * kMicrosPerDay + t;
  };
  reg.AddScalar(Scalar("make_timestamp", {i4, i4, i4, i4, i4, f8}, ts,
                       [make_ts](DataChunk& args, idx_t count, Vector* result, FunctionContext&) {
                         NaryExecute(args, count, result,
                                     [&](idx_t i, const std::vector<UnifiedFormat>& f) {
                                       return make_ts(f, i);
                                     });
                       }));
  reg.AddScalar(
      Scalar("make_timestamptz", {i4, i4, i4, i4, i4, f8}, tstz,
             [make_ts](DataChunk& args, idx_t count, Vector* result, FunctionContext& ctx) {
               const TimeZone& zone = SessionZone(ctx.timezone);
               NaryExecute(args, count, result, [&](idx_t i, const std::vector<UnifiedFormat>& f) {
                 return zone.LocalToUtc(make_ts(f, i));
               });
             }));
  reg.AddScalar(
      Scalar("make_timestamptz", {i4, i4, i4, i4, i4, f8, text}, tstz,
             [make_ts](DataChunk& args, idx_t count, Vector* result, FunctionContext&) {
               NaryExecute(args, count, result, [&](idx_t i, const std::vector<UnifiedFormat>& f) {
                 return TimeZone::Find(f[6].Get<SV>(i), true).LocalToUtc(make_ts(f, i));
               });
             }));
  // make_interval(years, months, weeks, days, hours, mins, secs): trailing arguments default 0.
  for (size_t n = 0; n <= 7; n++) {
    std::vector<LogicalType> params;
    for (size_t k = 0; k < n; k++) params.push_back(k == 6 ? f8 : i4);
    reg.AddScalar(Scalar(
        "make_interval", params, iv,
        [n](DataChunk& args, idx_t count, Vector* result, FunctionContext&) {
          NaryExecute(args, count, result, [&](idx_t i, const std::vector<UnifiedFormat>& f) {
            int64_t v[6] = {0, 0, 0, 0, 0, 0};
            double secs = 0;
            for (size_t k = 0; k < n; k++) {
              if (k == 6) {
                secs = f[k].Get<double>(i);
              } else {
                v[k] = f[k].Get<int64_t>(i);
              }
            }
            __int128 months = static_cast<__int128>(v[0]) * 12 + v[1];
            __int128 days = static_cast<__int128>(v[2]) * 7 + v[3];
            double micros = static_cast<double>(v[4]) * kMicrosPerHour +
                            static_cast<double>(v[5]) * kMicrosPerMinute + secs * kMicrosPerSecond;
            if (months > INT32_MAX || months < INT32_MIN || days > INT32_MAX || days < INT32_MIN ||
                std::fabs(micros) > 9.2e18 || std::isnan(micros)) {
              ThrowError(sqlstate::kDatetimeFieldOverflow, "interval out of range");
            }
            return Interval{static_cast<int32_t>(months), static_cast<int32_t>(days),
                            static_cast<int64_t>(std::llround(micros))};
          });
        }));
  }

  // timezone(zone, timestamp) = timestamp AT TIME ZONE zone: local wall time in zone -> UTC.
  reg.AddScalar(Scalar("timezone", {text, ts}, tstz, MakeBinary<SV, int64_t>([](SV z, int64_t t) {
                         return IsFinite(t) ? TimeZone::Find(z, true).LocalToUtc(t) : t;
                       })));
  reg.AddScalar(Scalar("timezone", {text, tstz}, ts, MakeBinary<SV, int64_t>([](SV z, int64_t t) {
                         return IsFinite(t) ? TimeZone::Find(z, true).UtcToLocal(t) : t;
                       })));
  reg.AddScalar(Scalar("timezone", {iv, ts}, tstz,
                       MakeBinary<Interval, int64_t>([](const Interval& z, int64_t t) {
                         return IsFinite(t) ? t - z.micros : t;
                       })));
  reg.AddScalar(Scalar("timezone", {iv, tstz}, ts,
                       MakeBinary<Interval, int64_t>([](const Interval& z, int64_t t) {
                         return IsFinite(t) ? t + z.micros : t;
                       })));

  for (LogicalType t : {date, ts, tstz}) {
    reg.AddScalar(Scalar("isfinite", {t}, boolean,
                         MakeUnary<int64_t>([](int64_t v) { return IsFinite(v); })));
  }
  reg.AddScalar(
      Scalar("isfinite", {iv}, boolean, MakeUnary<Interval>([](const Interval&) { return true; })));
  reg.AddScalar(Scalar("justify_days", {iv}, iv, MakeUnary<Interval>(JustifyDays)));
  reg.AddScalar(Scalar("justify_hours", {iv}, iv, MakeUnary<Interval>(JustifyHours)));
  reg.AddScalar(Scalar("justify_interval", {iv}, iv, MakeUnary<Interval>(JustifyInterval)));
  reg.AddScalar(Scalar(
      "to_timestamp", {f8}, tstz, MakeUnary<double>([](double epoch) {
        if (std::isnan(epoch)) {
          ThrowError(sqlstate::kDatetimeFieldOverflow, "timestamp cannot be NaN");
        }
        if (std::isinf(epoch)) return epoch > 0 ? kInfinity : kNegInfinity;
        double us = std::rint(epoch * kMicrosPerSecond) - 946684800.0 * kMicrosPerSecond;
        if (us < static_cast<double>(kMinTimestamp) || us >= static_cast<double>(kEndTimestamp)) {
          ThrowError(sqlstate::kDatetimeFieldOverflow,
                     "timestamp out of range: \"" + std::to_string(epoch) + "\"");
        }
        return static_cast<int64_t>(us);
      })));
}

}  // namespace heliosdb
