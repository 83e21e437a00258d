// stddev / stddev_samp / stddev_pop / variance / var_samp / var_pop. Float inputs give double
// precision (Welford's running mean and squared deviations); integer and numeric inputs give
// numeric computed exactly from n, sum(x) and sum(x^2) with PostgreSQL's result scale.
#include <cmath>

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

}  // namespace

void RegisterStatisticalAggregates(FunctionRegistry& reg) {
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
