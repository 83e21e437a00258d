// stddev / stddev_samp / stddev_pop / variance / var_samp / var_pop. Float inputs give double
// precision (Welford's running mean and squared deviations); integer and numeric inputs give
// numeric computed exactly from n, sum(x) and sum(x^2) with PostgreSQL's result scale.
// The two-argument (Y, X) aggregates covar_pop, covar_samp, corr and regr_* work on double
// precision with PostgreSQL's Youngs-Cramer accumulation (float8_regr_accum / _combine).
#include <cmath>

#include "common/exception.h"
#include "common/types/decimal.h"
#include "function/aggregate/aggregate_util.h"
#include "function/builtin_functions.h"

namespace heliosdb {

namespace {

struct FloatMoments {
  int64_t n = 0;
  double mean = 0;
  double m2 = 0;
};

struct NumericMoments {
  int64_t n = 0;
  Decimal sum;
  Decimal sum_sq;
};

void StepFloat(FloatMoments& s, double v) {
  s.n++;
  double delta = v - s.mean;
  s.mean += delta / static_cast<double>(s.n);
  s.m2 += delta * (v - s.mean);
}

void MergeFloat(FloatMoments& d, const FloatMoments& s) {
  if (s.n == 0) return;
  if (d.n == 0) {
    d = s;
    return;
  }
  double n = static_cast<double>(d.n + s.n);
  double delta = s.mean - d.mean;
  d.m2 += s.m2 + delta * delta * static_cast<double>(d.n) * static_cast<double>(s.n) / n;
  d.mean += delta * static_cast<double>(s.n) / n;
  d.n += s.n;
}

void StepNumeric(NumericMoments& s, const Decimal& v) {
  s.n++;
  s.sum = DecimalAdd(s.sum, v);
  s.sum_sq = DecimalAdd(s.sum_sq, DecimalMul(v, v));
}

void MergeNumeric(NumericMoments& d, const NumericMoments& s) {
  d.n += s.n;
  d.sum = DecimalAdd(d.sum, s.sum);
  d.sum_sq = DecimalAdd(d.sum_sq, s.sum_sq);
}

// PostgreSQL's float8_regr_accum state: N, Sx, Sxx, Sy, Syy, Sxy.
struct RegrState {
  double n = 0, sx = 0, sxx = 0, sy = 0, syy = 0, sxy = 0;
};

void StepRegr(RegrState& s, double y, double x) {
  double n = s.n + 1, sx = s.sx + x, sy = s.sy + y;
  double sxx = s.sxx, syy = s.syy, sxy = s.sxy;
  if (s.n > 0) {
    double tx = x * n - sx, ty = y * n - sy, scale = 1.0 / (n * s.n);
    sxx += tx * tx * scale;
    syy += ty * ty * scale;
    sxy += tx * ty * scale;
    // Infinite sums: NaN when an input was infinite, else an overflow (PostgreSQL).
    auto overflow = [] {
      ThrowError(sqlstate::kNumericValueOutOfRange, "value out of range: overflow");
    };
    if (std::isinf(sx) || std::isinf(sxx)) {
      if (!std::isinf(s.sx) && !std::isinf(x)) overflow();
      sxx = NAN;
    }
    if (std::isinf(sy) || std::isinf(syy)) {
      if (!std::isinf(s.sy) && !std::isinf(y)) overflow();
      syy = NAN;
    }
    if (std::isinf(sxy)) {
      if (!std::isinf(s.sx) && !std::isinf(x) && !std::isinf(s.sy) && !std::isinf(y)) overflow();
      sxy = NAN;
    }
  } else {
    // The first value: the sums of squares are 0, or NaN when the input is not finite.
    if (std::isnan(x) || std::isinf(x)) sxx = sxy = NAN;
    if (std::isnan(y) || std::isinf(y)) syy = sxy = NAN;
  }
  s = RegrState{n, sx, sxx, sy, syy, sxy};
}

void MergeRegr(RegrState& d, const RegrState& s) {
  if (s.n == 0) return;
  if (d.n == 0) {
    d = s;
    return;
  }
  double n = d.n + s.n;
  double tx = d.sx / d.n - s.sx / s.n, ty = d.sy / d.n - s.sy / s.n;
  d.sxx += s.sxx + d.n * s.n * tx * tx / n;
  d.syy += s.syy + d.n * s.n * ty * ty / n;
  d.sxy += s.sxy + d.n * s.n * tx * ty / n;
  d.sx += s.sx;
  d.sy += s.sy;
  d.n = n;
}

// (Y, X) aggregate over double precision; emit returns false for NULL.
template <typename R, typename Emit>
AggregateFunction MakeRegrAggregate(const char* name, LogicalType ret, Emit emit) {
  AggregateFunction f;
  f.name = name;
  f.args = {LogicalType(TypeId::kDouble), LogicalType(TypeId::kDouble)};
  f.return_type = ret;
  f.state_size = sizeof(RegrState);
  f.init = [](uint8_t* state) { StoreState(state, RegrState{}); };
  f.update = [](DataChunk& args, uint8_t** states, idx_t count) {
    UnifiedFormat y = args.column(0).ToUnified(), x = args.column(1).ToUnified();
    for (idx_t i = 0; i < count; i++) {
      if (!y.IsValid(i) || !x.IsValid(i)) continue;
      RegrState s = LoadState<RegrState>(states[i]);
      StepRegr(s, y.Get<double>(i), x.Get<double>(i));
      StoreState(states[i], s);
    }
  };
  f.combine = [](const uint8_t* src, uint8_t* dst) {
    RegrState d = LoadState<RegrState>(dst);
    MergeRegr(d, LoadState<RegrState>(src));
    StoreState(dst, d);
  };
  f.finalize = [emit](uint8_t** states, idx_t count, Vector* result, idx_t offset) {
    for (idx_t i = 0; i < count; i++) {
      R value{};
      if (emit(LoadState<RegrState>(states[i]), &value)) {
        EmitValue(result, offset + i, value);
      } else {
        result->SetNull(offset + i);
      }
    }
  };
  return f;
}

void AddRegressionAggregates(FunctionRegistry& reg) {
  LogicalType f8(TypeId::kDouble), i8(TypeId::kBigInt);
  using S = const RegrState&;
  reg.AddAggregate(MakeRegrAggregate<int64_t>("regr_count", i8, [](S s, int64_t* out) {
    *out = static_cast<int64_t>(s.n);
    return true;
  }));
  auto add = [&](const char* name, auto fn) {
    reg.AddAggregate(MakeRegrAggregate<double>(name, f8, fn));
  };
  add("regr_sxx", [](S s, double* o) { return s.n >= 1 && (*o = s.sxx, true); });
  add("regr_syy", [](S s, double* o) { return s.n >= 1 && (*o = s.syy, true); });
  add("regr_sxy", [](S s, double* o) { return s.n >= 1 && (*o = s.sxy, true); });
  add("regr_avgx", [](S s, double* o) { return s.n >= 1 && (*o = s.sx / s.n, true); });
  add("regr_avgy", [](S s, double* o) { return s.n >= 1 && (*o = s.sy / s.n, true); });
  add("covar_pop", [](S s, double* o) { return s.n >= 1 && (*o = s.sxy / s.n, true); });
  add("covar_samp", [](S s, double* o) { return s.n >= 2 && (*o = s.sxy / (s.n - 1), true); });
  add("corr", [](S s, double* o) {
    if (s.n < 1 || s.sxx == 0 || s.syy == 0) return false;  // horizontal or vertical line
    *o = s.sxy / std::sqrt(s.sxx * s.syy);
    return true;
  });
  add("regr_r2", [](S s, double* o) {
    if (s.n < 1 || s.sxx == 0) return false;
    *o = s.syy == 0 ? 1.0 : (s.sxy * s.sxy) / (s.sxx * s.syy);
    return true;
  });
  add("regr_slope", [](S s, double* o) {
    if (s.n < 1 || s.sxx == 0) return false;
    *o = s.sxy / s.sxx;
    return true;
  });
  add("regr_intercept", [](S s, double* o) {
    if (s.n < 1 || s.sxx == 0) return false;
    *o = (s.sy - s.sx * s.sxy / s.sxx) / s.n;
    return true;
  });
}

}  // namespace

void RegisterStatisticalAggregates(FunctionRegistry& reg) {
  AddRegressionAggregates(reg);
  struct Def {
    const char* name;
    bool sample, root;
  };
  const Def defs[] = {{"stddev", true, true},      {"stddev_samp", true, true},
                      {"stddev_pop", false, true}, {"variance", true, false},
                      {"var_samp", true, false},   {"var_pop", false, false}};
  LogicalType f8(TypeId::kDouble), num = LogicalType::Numeric();
  for (const Def& d : defs) {
    for (TypeId t : {TypeId::kReal, TypeId::kDouble}) {
      reg.AddAggregate(
          MakeAggregate<FloatMoments, double>(d.name, LogicalType(t), f8, StepFloat, MergeFloat,
                                              [d](const FloatMoments& s, Vector* r, idx_t row) {
                                                int64_t den = d.sample ? s.n - 1 : s.n;
                                                if (den <= 0) return r->SetNull(row);
                                                double var = s.m2 / static_cast<double>(den);
                                                if (var < 0) var = 0;
                                                EmitValue(r, row, d.root ? std::sqrt(var) : var);
                                              }));
    }
    auto emit_numeric = [d](const NumericMoments& s, Vector* r, idx_t row) {
      int64_t den = d.sample ? s.n - 1 : s.n;
      if (s.n == 0 || den <= 0) return r->SetNull(row);
      // PostgreSQL: (n * sum(x^2) - sum(x)^2) / (n * (n - 1)) [or n * n].
      Decimal n{s.n, 0};
      Decimal numerator = DecimalSub(DecimalMul(n, s.sum_sq), DecimalMul(s.sum, s.sum));
      // Any NaN or infinite input makes the variance NaN (Infinity - Infinity is NaN).
      if (DecimalIsSpecial(numerator)) return EmitValue(r, row, DecimalNaN());
      if (DecimalSign(numerator) <= 0) {
        return EmitValue(r, row, Decimal{0, std::min(s.sum.scale * 2, kMaxDecimalDigits)});
      }
      Decimal denominator = DecimalMul(n, Decimal{den, 0});
      int32_t scale = DecimalDivResultScale(numerator, denominator);
      Decimal var = DecimalDivScale(numerator, denominator, scale);
      EmitValue(r, row, d.root ? DecimalSqrtScale(var, scale) : var);
    };
    for (TypeId t : {TypeId::kSmallInt, TypeId::kInteger, TypeId::kBigInt}) {
      reg.AddAggregate(MakeAggregate<NumericMoments, int64_t>(
          d.name, LogicalType(t), num,
          [](NumericMoments& s, int64_t v) {
            StepNumeric(s, Decimal{v, 0});
          },
          MergeNumeric, emit_numeric));
    }
    reg.AddAggregate(MakeAggregate<NumericMoments, Decimal>(d.name, num, num, StepNumeric,
                                                            MergeNumeric, emit_numeric));
  }
}

}  // namespace heliosdb
