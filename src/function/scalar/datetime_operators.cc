// Date, time, timestamp and interval arithmetic: date + integer, date - date = integer,
// date + interval = timestamp, timestamp +/- interval (month arithmetic clamps to the month's
// end, as PostgreSQL), timestamp - timestamp = interval, interval * number, and so on.
#include "common/exception.h"
#include "common/types/date_time.h"
#include "common/types/interval.h"
#include "function/builtin_functions.h"
#include "function/kernel_util.h"

namespace heliosdb {

namespace {

int64_t DateAddDays(int64_t date, int64_t days) {
  if (!IsFinite(date)) return date;
  int64_t r = date + days;
  if (r < kMinDate || r > kMaxDate)
    ThrowError(sqlstate::kDatetimeFieldOverflow, "date out of range");
  return r;
}

int64_t DateToTs(int64_t d) {
  if (!IsFinite(d)) return d;
  return d * kMicrosPerDay;
}

int64_t TimeAddMicros(int64_t t, int64_t micros) {
  int64_t r = (t + micros % kMicrosPerDay) % kMicrosPerDay;
  return r < 0 ? r + kMicrosPerDay : r;
}

ScalarKernel TzKernel(bool subtract, bool interval_first) {
  return [subtract, interval_first](DataChunk& args, idx_t count, Vector* result,
                                    FunctionContext& ctx) {
    const TimeZone& zone = SessionZone(ctx.timezone);
    const Vector& ts = args.column(interval_first ? 1 : 0);
    const Vector& iv = args.column(interval_first ? 0 : 1);
    BinaryExecute<int64_t, Interval>(ts, iv, result, count, [&](int64_t t, const Interval& i) {
      return TimestampTzAddInterval(t, subtract ? IntervalNegate(i) : i, zone);
    });
  };
}

}  // namespace

void RegisterDateTimeOperators(FunctionRegistry& reg) {
  LogicalType date(TypeId::kDate), i4(TypeId::kInteger), ts(TypeId::kTimestamp),
      tstz(TypeId::kTimestampTz), iv(TypeId::kInterval), time(TypeId::kTime), f8(TypeId::kDouble);
  using I = const Interval&;
  // date +/- integer, date - date
  reg.AddScalar(Scalar("+", {date, i4}, date, MakeBinary<int64_t, int64_t>(DateAddDays)));
  reg.AddScalar(
      Scalar("+", {i4, date}, date,
             MakeBinary<int64_t, int64_t>([](int64_t n, int64_t d) { return DateAddDays(d, n); })));
  reg.AddScalar(Scalar(
      "-", {date, i4}, date,
      MakeBinary<int64_t, int64_t>([](int64_t d, int64_t n) { return DateAddDays(d, -n); })));
  reg.AddScalar(
      Scalar("-", {date, date}, i4, MakeBinary<int64_t, int64_t>([](int64_t a, int64_t b) {
               if (!IsFinite(a) || !IsFinite(b)) {
                 ThrowError(sqlstate::kDatetimeFieldOverflow, "cannot subtract infinite dates");
               }
               return a - b;
             })));
  // date +/- interval = timestamp; date + time = timestamp
  reg.AddScalar(Scalar("+", {date, iv}, ts, MakeBinary<int64_t, Interval>([](int64_t d, I i) {
                         return TimestampAddInterval(DateToTs(d), i);
                       })));
  reg.AddScalar(Scalar("+", {iv, date}, ts, MakeBinary<Interval, int64_t>([](I i, int64_t d) {
                         return TimestampAddInterval(DateToTs(d), i);
                       })));
  reg.AddScalar(Scalar("-", {date, iv}, ts, MakeBinary<int64_t, Interval>([](int64_t d, I i) {
                         return TimestampAddInterval(DateToTs(d), IntervalNegate(i));
                       })));
  reg.AddScalar(
      Scalar("+", {date, time}, ts, MakeBinary<int64_t, int64_t>([](int64_t d, int64_t t) {
               return IsFinite(d) ? d * kMicrosPerDay + t : d;
             })));
  reg.AddScalar(
      Scalar("+", {time, date}, ts, MakeBinary<int64_t, int64_t>([](int64_t t, int64_t d) {
               return IsFinite(d) ? d * kMicrosPerDay + t : d;
             })));
  // timestamp +/- interval, timestamp - timestamp
  reg.AddScalar(Scalar("+", {ts, iv}, ts, MakeBinary<int64_t, Interval>(TimestampAddInterval)));
  reg.AddScalar(Scalar("+", {iv, ts}, ts, MakeBinary<Interval, int64_t>([](I i, int64_t t) {
                         return TimestampAddInterval(t, i);
                       })));
  reg.AddScalar(Scalar("-", {ts, iv}, ts, MakeBinary<int64_t, Interval>([](int64_t t, I i) {
                         return TimestampAddInterval(t, IntervalNegate(i));
                       })));
  reg.AddScalar(Scalar("-", {ts, ts}, iv, MakeBinary<int64_t, int64_t>(TimestampDiff)));
  reg.AddScalar(Scalar("+", {tstz, iv}, tstz, TzKernel(false, false)));
  reg.AddScalar(Scalar("+", {iv, tstz}, tstz, TzKernel(false, true)));
  reg.AddScalar(Scalar("-", {tstz, iv}, tstz, TzKernel(true, false)));
  reg.AddScalar(Scalar("-", {tstz, tstz}, iv, MakeBinary<int64_t, int64_t>(TimestampDiff)));
  // time
  reg.AddScalar(Scalar("+", {time, iv}, time, MakeBinary<int64_t, Interval>([](int64_t t, I i) {
                         return TimeAddMicros(t, i.micros);
                       })));
  reg.AddScalar(Scalar("+", {iv, time}, time, MakeBinary<Interval, int64_t>([](I i, int64_t t) {
                         return TimeAddMicros(t, i.micros);
                       })));
  reg.AddScalar(Scalar("-", {time, iv}, time, MakeBinary<int64_t, Interval>([](int64_t t, I i) {
                         return TimeAddMicros(t, -i.micros);
                       })));
  reg.AddScalar(
      Scalar("-", {time, time}, iv, MakeBinary<int64_t, int64_t>([](int64_t a, int64_t b) {
               return Interval{0, 0, a - b};
             })));
  // interval
  reg.AddScalar(Scalar("+", {iv, iv}, iv, MakeBinary<Interval, Interval>(IntervalAdd)));
  reg.AddScalar(Scalar("-", {iv, iv}, iv, MakeBinary<Interval, Interval>(IntervalSub)));
  reg.AddScalar(Scalar("-", {iv}, iv, MakeUnary<Interval>(IntervalNegate)));
  reg.AddScalar(Scalar("+", {iv}, iv, MakeUnary<Interval>([](I i) { return i; })));
  reg.AddScalar(Scalar("*", {iv, f8}, iv, MakeBinary<Interval, double>(IntervalMul)));
  reg.AddScalar(Scalar("*", {f8, iv}, iv, MakeBinary<double, Interval>([](double f, I i) {
                         return IntervalMul(i, f);
                       })));
  reg.AddScalar(Scalar("/", {iv, f8}, iv, MakeBinary<Interval, double>(IntervalDiv)));
}

}  // namespace heliosdb
