// count(*), count(x), sum, avg, min, max with PostgreSQL's result types: sum(smallint|integer)
// is bigint, sum(bigint) numeric, sum(real) real, sum(double) double, sum(numeric) numeric,
// sum(interval) interval; avg of integers and numerics is numeric (PostgreSQL's division
// scale), of floats double. Aggregates of no rows are NULL, except count which is 0.
#include "common/exception.h"
#include "common/types/decimal.h"
#include "common/types/interval.h"
#include "common/types/number_text.h"
#include "common/types/string_type.h"
#include "function/aggregate/aggregate_util.h"
#include "function/builtin_functions.h"
#include "function/scalar/scalar_internal.h"

namespace heliosdb {

namespace {

using i128 = __int128;

struct CountState {
  int64_t n = 0;
};

struct IntSum {
  int64_t sum = 0;
  bool has = false;
};

struct WideSum {  // bigint sums and integer averages: exact in 128 bits
  i128 sum = 0;
  int64_t count = 0;
};

struct DoubleSum {
  double sum = 0;
  int64_t count = 0;
};

struct DecimalSum {
  Decimal sum;
  int64_t count = 0;
};

struct IntervalSum {
  Interval sum;
  int64_t count = 0;
};

template <typename T>
struct Extreme {
  T value{};
  bool has = false;
};

// min/max of strings keep their own copy of the current winner.
struct StringExtreme {
  std::string* value = nullptr;
};

Decimal WideToDecimal(i128 v) {
  return DecimalFromInt128(v);
}

void AddCount(FunctionRegistry& reg) {
  LogicalType i8(TypeId::kBigInt);
  AggregateFunction star;
  star.name = "count";
  star.return_type = i8;
  star.state_size = sizeof(CountState);
  star.count_star = true;
  star.init = [](uint8_t* s) { StoreState(s, CountState{}); };
  star.update = [](DataChunk&, uint8_t** states, idx_t count) {
    for (idx_t i = 0; i < count; i++) {
      CountState c = LoadState<CountState>(states[i]);
      c.n++;
      StoreState(states[i], c);
    }
  };
  star.combine = [](const uint8_t* src, uint8_t* dst) {
    CountState d = LoadState<CountState>(dst);
    d.n += LoadState<CountState>(src).n;
    StoreState(dst, d);
  };
  star.finalize = [](uint8_t** states, idx_t count, Vector* result, idx_t offset) {
    for (idx_t i = 0; i < count; i++)
      EmitValue(result, offset + i, LoadState<CountState>(states[i]).n);
  };
  reg.AddAggregate(star);
  AggregateFunction count_any = star;
  count_any.count_star = false;
  count_any.args = {LogicalType(TypeId::kUnknown)};
  count_any.update = [](DataChunk& args, uint8_t** states, idx_t count) {
    UnifiedFormat u = args.column(0).ToUnified();
    for (idx_t i = 0; i < count; i++) {
      if (!u.IsValid(i)) continue;
      CountState c = LoadState<CountState>(states[i]);
      c.n++;
      StoreState(states[i], c);
    }
  };
  reg.AddAggregate(count_any);
}

void AddSums(FunctionRegistry& reg) {
  LogicalType i8(TypeId::kBigInt), num = LogicalType::Numeric(), f8(TypeId::kDouble),
                                   f4(TypeId::kReal), iv(TypeId::kInterval);
  for (TypeId t : {TypeId::kSmallInt, TypeId::kInteger}) {
    reg.AddAggregate(MakeAggregate<IntSum, int64_t>(
        "sum", LogicalType(t), i8,
        [](IntSum& s, int64_t v) {
          if (__builtin_add_overflow(s.sum, v, &s.sum)) ThrowIntegerOutOfRange(TypeId::kBigInt);
          s.has = true;
        },
        [](IntSum& d, const IntSum& s) {
          if (__builtin_add_overflow(d.sum, s.sum, &d.sum)) ThrowIntegerOutOfRange(TypeId::kBigInt);
          d.has = d.has || s.has;
        },
        [](const IntSum& s, Vector* r, idx_t row) {
          s.has ? EmitValue(r, row, s.sum) : r->SetNull(row);
        }));
  }
  reg.AddAggregate(MakeAggregate<WideSum, int64_t>(
      "sum", i8, num, [](WideSum& s, int64_t v) { s.sum += v, s.count++; },
      [](WideSum& d, const WideSum& s) { d.sum += s.sum, d.count += s.count; },
      [](const WideSum& s, Vector* r, idx_t row) {
        s.count ? EmitValue(r, row, WideToDecimal(s.sum)) : r->SetNull(row);
      }));
  for (LogicalType t : {f4, f8}) {
    bool real = t.id() == TypeId::kReal;
    reg.AddAggregate(MakeAggregate<DoubleSum, double>(
        "sum", t, t, [](DoubleSum& s, double v) { s.sum += v, s.count++; },
        [](DoubleSum& d, const DoubleSum& s) { d.sum += s.sum, d.count += s.count; },
        [real](const DoubleSum& s, Vector* r, idx_t row) {
          if (!s.count) return r->SetNull(row);
          EmitValue(r, row, real ? static_cast<double>(static_cast<float>(s.sum)) : s.sum);
        }));
  }
  reg.AddAggregate(MakeAggregate<DecimalSum, Decimal>(
      "sum", num, num,
      [](DecimalSum& s, const Decimal& v) { s.sum = DecimalAdd(s.sum, v), s.count++; },
      [](DecimalSum& d, const DecimalSum& s) {
        d.sum = DecimalAdd(d.sum, s.sum), d.count += s.count;
      },
      [](const DecimalSum& s, Vector* r, idx_t row) {
        s.count ? EmitValue(r, row, s.sum) : r->SetNull(row);
      }));
  reg.AddAggregate(MakeAggregate<IntervalSum, Interval>(
      "sum", iv, iv,
      [](IntervalSum& s, const Interval& v) { s.sum = IntervalAdd(s.sum, v), s.count++; },
      [](IntervalSum& d, const IntervalSum& s) {
        d.sum = IntervalAdd(d.sum, s.sum), d.count += s.count;
      },
      [](const IntervalSum& s, Vector* r, idx_t row) {
        s.count ? EmitValue(r, row, s.sum) : r->SetNull(row);
      }));
}

void AddAverages(FunctionRegistry& reg) {
  LogicalType num = LogicalType::Numeric(), f8(TypeId::kDouble), iv(TypeId::kInterval);
  for (TypeId t : {TypeId::kSmallInt, TypeId::kInteger, TypeId::kBigInt}) {
    reg.AddAggregate(MakeAggregate<WideSum, int64_t>(
        "avg", LogicalType(t), num, [](WideSum& s, int64_t v) { s.sum += v, s.count++; },
        [](WideSum& d, const WideSum& s) { d.sum += s.sum, d.count += s.count; },
        [](const WideSum& s, Vector* r, idx_t row) {
          if (!s.count) return r->SetNull(row);
          EmitValue(r, row, DecimalDiv(WideToDecimal(s.sum), Decimal{s.count, 0}));
        }));
  }
  for (TypeId t : {TypeId::kReal, TypeId::kDouble}) {
    reg.AddAggregate(MakeAggregate<DoubleSum, double>(
        "avg", LogicalType(t), f8, [](DoubleSum& s, double v) { s.sum += v, s.count++; },
        [](DoubleSum& d, const DoubleSum& s) { d.sum += s.sum, d.count += s.count; },
        [](const DoubleSum& s, Vector* r, idx_t row) {
          s.count ? EmitValue(r, row, s.sum / static_cast<double>(s.count)) : r->SetNull(row);
        }));
  }
  reg.AddAggregate(MakeAggregate<DecimalSum, Decimal>(
      "avg", num, num,
      [](DecimalSum& s, const Decimal& v) { s.sum = DecimalAdd(s.sum, v), s.count++; },
      [](DecimalSum& d, const DecimalSum& s) {
        d.sum = DecimalAdd(d.sum, s.sum), d.count += s.count;
      },
      [](const DecimalSum& s, Vector* r, idx_t row) {
        if (!s.count) return r->SetNull(row);
        EmitValue(r, row, DecimalDiv(s.sum, Decimal{s.count, 0}));
      }));
  reg.AddAggregate(MakeAggregate<IntervalSum, Interval>(
      "avg", iv, iv,
      [](IntervalSum& s, const Interval& v) { s.sum = IntervalAdd(s.sum, v), s.count++; },
      [](IntervalSum& d, const IntervalSum& s) {
        d.sum = IntervalAdd(d.sum, s.sum), d.count += s.count;
      },
      [](const IntervalSum& s, Vector* r, idx_t row) {
        if (!s.count) return r->SetNull(row);
        EmitValue(r, row, IntervalDiv(s.sum, static_cast<double>(s.count)));
      }));
}

template <typename T, typename Cmp>
void AddExtremes(FunctionRegistry& reg, LogicalType t, Cmp cmp) {
  for (bool is_max : {false, true}) {
    AggregateFunction f = MakeAggregate<Extreme<T>, T>(
        is_max ? "max" : "min", t, t,
        [cmp, is_max](Extreme<T>& s, const T& v) {
          if (!s.has || (is_max ? cmp(v, s.value) > 0 : cmp(v, s.value) < 0))
            s.value = v, s.has = true;
        },
        [cmp, is_max](Extreme<T>& d, const Extreme<T>& s) {
          if (!s.has) return;
          if (!d.has || (is_max ? cmp(s.value, d.value) > 0 : cmp(s.value, d.value) < 0)) d = s;
        },
        [](const Extreme<T>& s, Vector* r, idx_t row) {
          s.has ? EmitValue(r, row, s.value) : r->SetNull(row);
        });
    f.return_rule = [](const std::vector<LogicalType>& args) { return args[0]; };
    reg.AddAggregate(f);
  }
}

void AddStringExtremes(FunctionRegistry& reg, LogicalType t, bool bpchar) {
  for (bool is_max : {false, true}) {
    auto better = [is_max, bpchar](std::string_view v, const std::string& cur) {
      int c = bpchar ? CompareStrings(BpcharStrip(v), BpcharStrip(cur)) : CompareStrings(v, cur);
      return is_max ? c > 0 : c < 0;
    };
    AggregateFunction f;
    f.name = is_max ? "max" : "min";
    f.args = {t};
    f.return_type = t;
    f.return_rule = [](const std::vector<LogicalType>& args) { return args[0]; };
    f.state_size = sizeof(StringExtreme);
    f.init = [](uint8_t* s) { StoreState(s, StringExtreme{}); };
    f.update = [better](DataChunk& args, uint8_t** states, idx_t count) {
      UnifiedFormat u = args.column(0).ToUnified();
      for (idx_t i = 0; i < count; i++) {
        if (!u.IsValid(i)) continue;
        StringExtreme s = LoadState<StringExtreme>(states[i]);
        std::string_view v = u.Get<std::string_view>(i);
        if (!s.value) {
          s.value = new std::string(v);
          StoreState(states[i], s);
        } else if (better(v, *s.value)) {
          s.value->assign(v);
        }
      }
    };
    f.combine = [better](const uint8_t* src, uint8_t* dst) {
      StringExtreme s = LoadState<StringExtreme>(src), d = LoadState<StringExtreme>(dst);
      if (!s.value) return;
      if (!d.value) {
        d.value = new std::string(*s.value);
        StoreState(dst, d);
      } else if (better(*s.value, *d.value)) {
        d.value->assign(*s.value);
      }
    };
    f.finalize = [](uint8_t** states, idx_t count, Vector* result, idx_t offset) {
      for (idx_t i = 0; i < count; i++) {
        StringExtreme s = LoadState<StringExtreme>(states[i]);
        if (!s.value) {
          result->SetNull(offset + i);
        } else {
          result->validity().SetValid(offset + i);
          result->SetString(offset + i, *s.value);
        }
      }
    };
    f.destroy = [](uint8_t* state) {
      StringExtreme s = LoadState<StringExtreme>(state);
      delete s.value;
      StoreState(state, StringExtreme{});
    };
    reg.AddAggregate(f);
  }
}

}  // namespace

void RegisterBasicAggregates(FunctionRegistry& reg) {
  AddCount(reg);
  AddSums(reg);
  AddAverages(reg);
  auto cmp64 = [](int64_t a, int64_t b) { return a < b ? -1 : (a > b ? 1 : 0); };
  for (TypeId t : {TypeId::kSmallInt, TypeId::kInteger, TypeId::kBigInt, TypeId::kDate,
                   TypeId::kTime, TypeId::kTimestamp, TypeId::kTimestampTz}) {
    AddExtremes<int64_t>(reg, LogicalType(t), cmp64);
  }
  for (TypeId t : {TypeId::kReal, TypeId::kDouble}) {
    AddExtremes<double>(reg, LogicalType(t), CompareDoubles);
  }
  AddExtremes<Decimal>(reg, LogicalType::Numeric(), DecimalCompare);
  AddExtremes<Interval>(reg, LogicalType(TypeId::kInterval), IntervalCompare);
  AddExtremes<bool>(reg, LogicalType(TypeId::kBoolean),
                    [](bool a, bool b) { return static_cast<int>(a) - static_cast<int>(b); });
  AddExtremes<Uuid>(reg, LogicalType(TypeId::kUuid), [](const Uuid& a, const Uuid& b) {
    if (a.hi != b.hi) return a.hi < b.hi ? -1 : 1;
    return a.lo < b.lo ? -1 : (a.lo > b.lo ? 1 : 0);
  });
  AddStringExtremes(reg, LogicalType(TypeId::kText), false);
  AddStringExtremes(reg, LogicalType(TypeId::kChar), true);
  AddStringExtremes(reg, LogicalType(TypeId::kBytea), false);
}

}  // namespace heliosdb
