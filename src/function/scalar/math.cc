// Mathematical functions (PostgreSQL 9.3): abs, ceil/floor, round/trunc (float8 rounds half to
// even like rint; numeric half away from zero), mod, div, power, sqrt, cbrt, exp, ln, log,
// sign, pi, degrees/radians, trigonometry, width_bucket, gcd/lcm, scale, random and setseed.
// Numeric results of transcendental functions take PostgreSQL's result scales.
#include <cmath>
#include <cstdio>

#include "common/exception.h"
#include "common/types/decimal.h"
#include "common/types/number_text.h"
#include "function/builtin_functions.h"
#include "function/kernel_util.h"
#include "function/scalar/scalar_internal.h"

namespace heliosdb {

namespace {

using D = const Decimal&;

long double ToLongDouble(D d) {
  return std::strtold(DecimalToString(d).c_str(), nullptr);
}

Decimal FromLongDouble(long double v, int rscale) {
  rscale = std::clamp(rscale, 0, kMaxDecimalDigits);
  char buf[160];
  std::snprintf(buf, sizeof(buf), "%.*Lf", rscale, v);
  return DecimalFromString(buf);
}

// PostgreSQL's estimate_ln_dweight, close enough: the decimal weight of ln(x).
int LnWeight(long double x) {
  long double l = std::log(x);
  if (l == 0) return 0;
  return static_cast<int>(std::log10(std::fabs(static_cast<double>(l))));
}

[[noreturn]] void LogOfZero() {
  ThrowError("2201E", "cannot take logarithm of zero");
}
[[noreturn]] void LogOfNegative() {
  ThrowError("2201E", "cannot take logarithm of a negative number");
}

double CheckedLn(double x) {
  if (x == 0) LogOfZero();
  if (x < 0) LogOfNegative();
  return std::log(x);
}

Decimal NumericLn(D d) {
  if (d.coef == 0) LogOfZero();
  if (d.coef < 0) LogOfNegative();
  if (DecimalIsSpecial(d)) return d;  // NaN, Infinity
  long double x = ToLongDouble(d);
  int rscale = std::max({16 - LnWeight(x), static_cast<int>(d.scale), 0});
  return FromLongDouble(std::log(x), rscale);
}

Decimal NumericLog(D base, D num) {
  if (base.coef == 0 || num.coef == 0) LogOfZero();
  if (base.coef < 0 || num.coef < 0) LogOfNegative();
  if (DecimalIsSpecial(base) || DecimalIsSpecial(num)) {
    // PostgreSQL: NaN in, NaN out; log(Inf, Inf) is NaN; log(Inf, x) 0; log(b, Inf) Infinity.
    if (DecimalIsNaN(base) || DecimalIsNaN(num)) return DecimalNaN();
    if (DecimalIsInf(base)) return DecimalIsInf(num) ? DecimalNaN() : Decimal{0, 0};
    if (DecimalCompare(base, Decimal{1, 0}) == 0) {
      ThrowError(sqlstate::kDivisionByZero, "division by zero");
    }
    return DecimalInfinity(DecimalCompare(base, Decimal{1, 0}) < 0);
  }
  long double b = ToLongDouble(base), x = ToLongDouble(num);
  if (b == 1) ThrowError(sqlstate::kDivisionByZero, "division by zero");
  int rscale = 16 - (LnWeight(x) - LnWeight(b));
  rscale = std::max({rscale, static_cast<int>(base.scale), static_cast<int>(num.scale), 0});
  return FromLongDouble(std::log(x) / std::log(b), rscale);
}

Decimal NumericExp(D d) {
  if (DecimalIsSpecial(d)) return DecimalIsInf(d) && d.coef < 0 ? Decimal{0, 0} : d;
  long double x = ToLongDouble(d);
  double val = std::clamp(static_cast<double>(x) * 0.434294481903252, -1000.0, 1000.0);
  if (val > 38) ThrowError(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
  int rscale = std::max({16 - static_cast<int>(val), static_cast<int>(d.scale), 0});
  return FromLongDouble(std::exp(x), rscale);
}

double CheckFloatResult(double r, double in) {
  if (std::isinf(r) && std::isfinite(in)) {
    ThrowError(sqlstate::kNumericValueOutOfRange, "value out of range: overflow");
  }
  return r;
}

int64_t WidthBucket(double op, double low, double high, int64_t count) {
  if (count <= 0) ThrowError("2201G", "count must be greater than zero");
  if (std::isnan(op) || std::isnan(low) || std::isnan(high)) {
    ThrowError("2201G", "operand, lower bound, and upper bound cannot be NaN");
  }
  if (!std::isfinite(low) || !std::isfinite(high)) {
    ThrowError("2201G", "lower and upper bounds must be finite");
  }
  if (low == high) ThrowError("2201G", "lower bound cannot equal upper bound");
  if (low < high) {
    if (op < low) return 0;
    if (op >= high) return count + 1;
    return static_cast<int64_t>(std::floor((op - low) / (high - low) * count)) + 1;
  }
  if (op > low) return 0;
  if (op <= high) return count + 1;
  return static_cast<int64_t>(std::floor((low - op) / (low - high) * count)) + 1;
}

// splitmix64: random() draws 53 bits from the per-session state.
double NextRandom(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * 0x1.0p-53;
}

template <typename Op>
void AddDoubleUnary(FunctionRegistry& reg, const char* name, Op op) {
  LogicalType f8(TypeId::kDouble);
  reg.AddScalar(Scalar(name, {f8}, f8, MakeUnary<double>(op)));
}

template <TypeId T>
void AddIntegerMath(FunctionRegistry& reg) {
  LogicalType t(T);
  for (const char* name : {"abs", "@"}) {  // @ is the prefix absolute-value operator
    reg.AddScalar(Scalar(name, {t}, t, MakeUnary<int64_t>([](int64_t v) {
                           if (v == INT64_MIN) ThrowIntegerOutOfRange(T);
                           return CheckIntegerRange(v < 0 ? -v : v, T);
                         })));
  }
  reg.AddScalar(Scalar("mod", {t, t}, t, MakeBinary<int64_t, int64_t>([](int64_t a, int64_t b) {
                         if (b == 0) ThrowError(sqlstate::kDivisionByZero, "division by zero");
                         return b == -1 ? int64_t{0} : a % b;
                       })));
  auto gcd = [](int64_t a, int64_t b) {
    __int128 x = a < 0 ? -static_cast<__int128>(a) : a, y = b < 0 ? -static_cast<__int128>(b) : b;
    while (y != 0) {
      __int128 r = x % y;
      x = y;
      y = r;
    }
    if (x > INT64_MAX) ThrowIntegerOutOfRange(T);
    return CheckIntegerRange(static_cast<int64_t>(x), T);
  };
  if (T != TypeId::kSmallInt) {
    reg.AddScalar(Scalar("gcd", {t, t}, t, MakeBinary<int64_t, int64_t>(gcd)));
    reg.AddScalar(
        Scalar("lcm", {t, t}, t, MakeBinary<int64_t, int64_t>([gcd](int64_t a, int64_t b) {
                 if (a == 0 || b == 0) return int64_t{0};
                 __int128 l = static_cast<__int128>(a) / gcd(a, b) * b;
                 if (l < 0) l = -l;
                 if (l > INT64_MAX) ThrowIntegerOutOfRange(T);
                 return CheckIntegerRange(static_cast<int64_t>(l), T);
               })));
  }
}

}  // namespace

void RegisterMathFunctions(FunctionRegistry& reg) {
  LogicalType f8(TypeId::kDouble), f4(TypeId::kReal), num = LogicalType::Numeric(),
                                                      i4(TypeId::kInteger);
  AddIntegerMath<TypeId::kSmallInt>(reg);
  AddIntegerMath<TypeId::kInteger>(reg);
  AddIntegerMath<TypeId::kBigInt>(reg);
  for (const char* name : {"abs", "@"}) {
    reg.AddScalar(Scalar(name, {f4}, f4, MakeUnary<double>([](double v) { return std::fabs(v); })));
    AddDoubleUnary(reg, name, [](double v) { return std::fabs(v); });
    reg.AddScalar(Scalar(name, {num}, num, MakeUnary<Decimal>(DecimalAbs)));
  }
  for (const char* name : {"ceil", "ceiling"}) {
    AddDoubleUnary(reg, name, [](double v) { return std::ceil(v); });
    reg.AddScalar(Scalar(name, {num}, num, MakeUnary<Decimal>(DecimalCeil)));
  }
  AddDoubleUnary(reg, "floor", [](double v) { return std::floor(v); });
  reg.AddScalar(Scalar("floor", {num}, num, MakeUnary<Decimal>(DecimalFloor)));
  AddDoubleUnary(reg, "round", [](double v) { return std::rint(v); });
  reg.AddScalar(
      Scalar("round", {num}, num, MakeUnary<Decimal>([](D d) { return DecimalRound(d, 0); })));
  reg.AddScalar(Scalar("round", {num, i4}, num, MakeBinary<Decimal, int64_t>([](D d, int64_t s) {
                         return DecimalRound(
                             d, static_cast<int32_t>(std::clamp<int64_t>(s, -1000, 1000)));
                       })));
  AddDoubleUnary(reg, "trunc", [](double v) { return std::trunc(v); });
  reg.AddScalar(
      Scalar("trunc", {num}, num, MakeUnary<Decimal>([](D d) { return DecimalTrunc(d, 0); })));
  reg.AddScalar(Scalar("trunc", {num, i4}, num, MakeBinary<Decimal, int64_t>([](D d, int64_t s) {
                         return DecimalTrunc(
                             d, static_cast<int32_t>(std::clamp<int64_t>(s, -1000, 1000)));
                       })));
  reg.AddScalar(Scalar("mod", {num, num}, num, MakeBinary<Decimal, Decimal>(DecimalMod)));
  reg.AddScalar(Scalar("div", {num, num}, num, MakeBinary<Decimal, Decimal>([](D a, D b) {
                         if (DecimalIsSpecial(a) || DecimalIsSpecial(b)) {
                           return DecimalTrunc(DecimalDiv(a, b), 0);
                         }
                         if (b.coef == 0) ThrowError(sqlstate::kDivisionByZero, "division by zero");
                         return DecimalTrunc(DecimalDivScale(a, b, std::max(a.scale, b.scale) + 1),
                                             0);
                       })));
  for (const char* name : {"power", "pow"}) {
    reg.AddScalar(Scalar(name, {f8, f8}, f8, MakeBinary<double, double>(FloatPowerForFunctions)));
    reg.AddScalar(
        Scalar(name, {num, num}, num, MakeBinary<Decimal, Decimal>(NumericPowerForFunctions)));
  }
  for (const char* name : {"sqrt", "|/"}) {  // |/ is the prefix square-root operator
    AddDoubleUnary(reg, name, [](double v) {
      if (v < 0) ThrowError("2201F", "cannot take square root of a negative number");
      return std::sqrt(v);
    });
  }
  reg.AddScalar(Scalar("sqrt", {num}, num, MakeUnary<Decimal>(DecimalSqrt)));
  for (const char* name : {"cbrt", "||/"}) {  // ||/ is the prefix cube-root operator
    AddDoubleUnary(reg, name, [](double v) {
      // libm's cbrt can miss perfect cubes by an ulp; snap when the rounded root is exact.
      double r = std::cbrt(v), n = std::nearbyint(r);
      return n * n * n == v ? n : r;
    });
  }
  AddDoubleUnary(reg, "exp", [](double v) {
    double r = CheckFloatResult(std::exp(v), v);
    if (r == 0.0 && std::isfinite(v))
      ThrowError(sqlstate::kNumericValueOutOfRange, "value out of range: underflow");
    return r;
  });
  reg.AddScalar(Scalar("exp", {num}, num, MakeUnary<Decimal>(NumericExp)));
  AddDoubleUnary(reg, "ln", CheckedLn);
  reg.AddScalar(Scalar("ln", {num}, num, MakeUnary<Decimal>(NumericLn)));
  for (const char* name : {"log", "log10"}) {
    AddDoubleUnary(reg, name, [](double v) {
      if (v == 0) LogOfZero();
      if (v < 0) LogOfNegative();
      return std::log10(v);
    });
    reg.AddScalar(Scalar(name, {num}, num, MakeUnary<Decimal>([](D d) {
                           return NumericLog(Decimal{10, 0}, d);
                         })));
  }
  reg.AddScalar(Scalar("log", {num, num}, num, MakeBinary<Decimal, Decimal>(NumericLog)));
  AddDoubleUnary(reg, "sign", [](double v) { return v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0); });
  reg.AddScalar(Scalar("sign", {num}, num, MakeUnary<Decimal>([](D d) {
                         return DecimalIsNaN(d) ? d : Decimal{DecimalSign(d), 0};
                       })));
  reg.AddScalar(
      Scalar("scale", {num}, i4, [](DataChunk& args, idx_t count, Vector* result, FunctionContext&) {
        UnifiedFormat u = args.column(0).ToUnified();
        for (idx_t i = 0; i < count; i++) {
          if (!u.IsValid(i) || DecimalIsSpecial(u.Get<Decimal>(i))) {  // scale(NaN) is NULL
            result->SetNull(i);
            continue;
          }
          result->validity().SetValid(i);
          result->data<int64_t>()[i] = u.Get<Decimal>(i).scale;
        }
      }));
  reg.AddScalar(Scalar("trim_scale", {num}, num, MakeUnary<Decimal>(DecimalNormalize)));
  reg.AddScalar(Scalar("pi", {}, f8, [](DataChunk&, idx_t count, Vector* result, FunctionContext&) {
    result->validity().Reset();
    for (idx_t i = 0; i < count; i++) result->data<double>()[i] = M_PI;
  }));
  AddDoubleUnary(reg, "degrees", [](double v) { return v * (180.0 / M_PI); });
  AddDoubleUnary(reg, "radians", [](double v) { return v * (M_PI / 180.0); });
  AddDoubleUnary(reg, "sin", [](double v) { return std::sin(v); });
  AddDoubleUnary(reg, "cos", [](double v) { return std::cos(v); });
  AddDoubleUnary(reg, "tan", [](double v) { return std::tan(v); });
  AddDoubleUnary(reg, "cot", [](double v) { return 1.0 / std::tan(v); });
  auto checked_arc = [](double (*fn)(double)) {
    return [fn](double v) {
      if (v < -1 || v > 1) ThrowError("22003", "input is out of range");
      return fn(v);
    };
  };
  AddDoubleUnary(reg, "asin", checked_arc(static_cast<double (*)(double)>(std::asin)));
  AddDoubleUnary(reg, "acos", checked_arc(static_cast<double (*)(double)>(std::acos)));
  AddDoubleUnary(reg, "atan", [](double v) { return std::atan(v); });
  reg.AddScalar(Scalar("atan2", {f8, f8}, f8, MakeBinary<double, double>([](double y, double x) {
                         return std::atan2(y, x);
                       })));
  reg.AddScalar(Scalar("width_bucket", {f8, f8, f8, i4}, i4,
                       [](DataChunk& args, idx_t count, Vector* result, FunctionContext&) {
                         NaryExecute(
                             args, count, result, [](idx_t i, const std::vector<UnifiedFormat>& f) {
                               return WidthBucket(f[0].Get<double>(i), f[1].Get<double>(i),
                                                  f[2].Get<double>(i), f[3].Get<int64_t>(i));
                             });
                       }));
  ScalarFunction random =
      Scalar("random", {}, f8, [](DataChunk&, idx_t count, Vector* result, FunctionContext& ctx) {
        result->validity().Reset();
        for (idx_t i = 0; i < count; i++) {
          result->data<double>()[i] = NextRandom(&ctx.random_state);
        }
      });
  random.volatile_ = true;
  reg.AddScalar(random);
  ScalarFunction setseed = Scalar(
      "setseed", {f8}, LogicalType(TypeId::kText),
      [](DataChunk& args, idx_t count, Vector* result, FunctionContext& ctx) {
        UnifiedFormat u = args.column(0).ToUnified();
        for (idx_t i = 0; i < count; i++) {
          result->SetNull(i);  // void
          if (!u.IsValid(i)) continue;
          double seed = u.Get<double>(i);
          if (seed < -1 || seed > 1 || std::isnan(seed)) {
            ThrowError(sqlstate::kInvalidParameterValue, "setseed parameter " + FormatDouble(seed) +
                                                             " is out of allowed range [-1,1]");
          }
          ctx.random_state =
              static_cast<uint64_t>(static_cast<int64_t>(seed * 0x7FFFFFFFFFFFFFFFLL));
        }
      });
  setseed.volatile_ = true;
  reg.AddScalar(setseed);
}

}  // namespace heliosdb
