// Arithmetic operators + - * / % ^ and unary - / + on smallint, integer, bigint, real, double
// precision and numeric, with PostgreSQL's overflow checks ("integer out of range" 22003,
// "division by zero" 22012, float "value out of range: overflow"). Integer division
// truncates toward zero. Mixed-type expressions resolve to one of these through implicit casts
// (1 + 2.5 is numeric + numeric).
#include <cmath>
#include <cstdio>

#include "common/exception.h"
#include "common/types/decimal.h"
#include "common/types/number_text.h"
#include "function/builtin_functions.h"
#include "function/kernel_util.h"

namespace heliosdb {

namespace {

[[noreturn]] void DivisionByZero() {
  ThrowError(sqlstate::kDivisionByZero, "division by zero");
}

template <TypeId T>
int64_t Checked(__int128 v) {
  if (T == TypeId::kBigInt) {
    if (v > INT64_MAX || v < INT64_MIN) ThrowIntegerOutOfRange(T);
    return static_cast<int64_t>(v);
  }
  return CheckIntegerRange(static_cast<int64_t>(v), T);
}

template <TypeId T>
void AddIntegerOps(FunctionRegistry& reg) {
  LogicalType t(T);
  reg.AddScalar(Scalar("+", {t, t}, t, MakeBinary<int64_t, int64_t>([](int64_t a, int64_t b) {
                         return Checked<T>(static_cast<__int128>(a) + b);
                       })));
  reg.AddScalar(Scalar("-", {t, t}, t, MakeBinary<int64_t, int64_t>([](int64_t a, int64_t b) {
                         return Checked<T>(static_cast<__int128>(a) - b);
                       })));
  reg.AddScalar(Scalar("*", {t, t}, t, MakeBinary<int64_t, int64_t>([](int64_t a, int64_t b) {
                         return Checked<T>(static_cast<__int128>(a) * b);
                       })));
  reg.AddScalar(Scalar("/", {t, t}, t, MakeBinary<int64_t, int64_t>([](int64_t a, int64_t b) {
                         if (b == 0) DivisionByZero();
                         return Checked<T>(static_cast<__int128>(a) / b);  // MIN / -1 overflows
                       })));
  reg.AddScalar(Scalar("%", {t, t}, t, MakeBinary<int64_t, int64_t>([](int64_t a, int64_t b) {
                         if (b == 0) DivisionByZero();
                         return b == -1 ? int64_t{0} : a % b;
                       })));
  reg.AddScalar(Scalar("-", {t}, t, MakeUnary<int64_t>([](int64_t a) {
                         return Checked<T>(-static_cast<__int128>(a));
                       })));
  reg.AddScalar(Scalar("+", {t}, t, MakeUnary<int64_t>([](int64_t a) { return a; })));
  // Bitwise operators: & | # (xor), prefix ~, and shifts by an integer count. The count is
  // taken modulo the width of the C operand, as PostgreSQL's int4shl / int8shl do on x86
  // (smallint is shifted as a 32-bit int and truncated).
  reg.AddScalar(Scalar("&", {t, t}, t, MakeBinary<int64_t, int64_t>([](int64_t a, int64_t b) {
                         return a & b;
                       })));
  reg.AddScalar(Scalar("|", {t, t}, t, MakeBinary<int64_t, int64_t>([](int64_t a, int64_t b) {
                         return a | b;
                       })));
  reg.AddScalar(Scalar("#", {t, t}, t, MakeBinary<int64_t, int64_t>([](int64_t a, int64_t b) {
                         return a ^ b;
                       })));
  reg.AddScalar(Scalar("~", {t}, t, MakeUnary<int64_t>([](int64_t a) { return ~a; })));
  LogicalType i4(TypeId::kInteger);
  for (bool left : {true, false}) {
    reg.AddScalar(Scalar(left ? "<<" : ">>", {t, i4}, t,
                         MakeBinary<int64_t, int64_t>([left](int64_t a, int64_t n) -> int64_t {
                           if (T == TypeId::kBigInt) {
                             uint64_t k = static_cast<uint64_t>(n) & 63;
                             return left ? static_cast<int64_t>(static_cast<uint64_t>(a) << k)
                                         : a >> k;
                           }
                           uint32_t k = static_cast<uint32_t>(n) & 31;
                           int32_t v = static_cast<int32_t>(a);
                           int32_t r = left ? static_cast<int32_t>(static_cast<uint32_t>(v) << k)
                                            : v >> k;
                           return T == TypeId::kSmallInt ? static_cast<int16_t>(r) : r;
                         })));
  }
}

[[noreturn]] void FloatOverflow() {
  ThrowError(sqlstate::kNumericValueOutOfRange, "value out of range: overflow");
}
[[noreturn]] void FloatUnderflow() {
  ThrowError(sqlstate::kNumericValueOutOfRange, "value out of range: underflow");
}

// PostgreSQL's float_overflow / float_underflow checks (float.h).
template <typename F>
F CheckFloat(F r, bool inf_ok, bool zero_ok) {
  if (std::isinf(r) && !inf_ok) FloatOverflow();
  if (r == 0 && !zero_ok) FloatUnderflow();
  return r;
}

template <typename F>
void AddFloatOps(FunctionRegistry& reg, TypeId id) {
  LogicalType t(id);
  auto bin = [&](const char* name, auto op) {
    reg.AddScalar(Scalar(name, {t, t}, t, MakeBinary<double, double>([op](double a, double b) {
                           return static_cast<double>(op(static_cast<F>(a), static_cast<F>(b)));
                         })));
  };
  bin("+", [](F a, F b) { return CheckFloat<F>(a + b, std::isinf(a) || std::isinf(b), true); });
  bin("-", [](F a, F b) { return CheckFloat<F>(a - b, std::isinf(a) || std::isinf(b), true); });
  bin("*", [](F a, F b) {
    return CheckFloat<F>(a * b, std::isinf(a) || std::isinf(b), a == 0 || b == 0);
  });
  bin("/", [](F a, F b) {
    if (b == 0 && !std::isnan(a)) DivisionByZero();
    return CheckFloat<F>(a / b, std::isinf(a), a == 0 || std::isinf(b));
  });
  reg.AddScalar(Scalar("-", {t}, t, MakeUnary<double>([](double a) { return -a; })));
  reg.AddScalar(Scalar("+", {t}, t, MakeUnary<double>([](double a) { return a; })));
}

// PostgreSQL's float48 and float84 operators: real with double precision computes in double
// precision. They also decide real with an integer or numeric: of the candidates with one
// exact argument, the one whose other parameter is the preferred type (double precision)
// wins, so 1::int4 + 1::float4 is double precision, as in PostgreSQL.
void AddMixedFloatOps(FunctionRegistry& reg) {
  LogicalType r(TypeId::kReal), d(TypeId::kDouble);
  for (const auto& params : {std::vector<LogicalType>{r, d}, std::vector<LogicalType>{d, r}}) {
    auto bin = [&](const char* name, auto op) {
      reg.AddScalar(Scalar(name, params, d, MakeBinary<double, double>(op)));
    };
    bin("+", [](double a, double b) {
      return CheckFloat<double>(a + b, std::isinf(a) || std::isinf(b), true);
    });
    bin("-", [](double a, double b) {
      return CheckFloat<double>(a - b, std::isinf(a) || std::isinf(b), true);
    });
    bin("*", [](double a, double b) {
      return CheckFloat<double>(a * b, std::isinf(a) || std::isinf(b), a == 0 || b == 0);
    });
    bin("/", [](double a, double b) {
      if (b == 0 && !std::isnan(a)) DivisionByZero();
      return CheckFloat<double>(a / b, std::isinf(a), a == 0 || std::isinf(b));
    });
  }
}

// float8 ^ float8 with PostgreSQL's error cases (dpow).
double FloatPower(double a, double b) {
  if (a == 0 && b < 0) {
    ThrowError("2201F", "zero raised to a negative power is undefined");
  }
  if (a < 0 && std::floor(b) != b && std::isfinite(b)) {
    ThrowError("2201F", "a negative number raised to a non-integer power yields a complex result");
  }
  if (std::isnan(a)) return b == 0 ? 1.0 : a;
  if (std::isnan(b)) return a == 1 ? 1.0 : b;
  double r = std::pow(a, b);
  if (std::isinf(r) && std::isfinite(a) && std::isfinite(b)) FloatOverflow();
  if (r == 0 && a != 0 && std::isfinite(a) && std::isfinite(b) && b > 0 && std::fabs(a) >= 1) {
    FloatUnderflow();
  }
  return r;
}

// numeric ^ numeric: integer exponents are exact (scale max(16, base scale), as PostgreSQL's
// power_var_int); others through long double with PostgreSQL's result scale rule.
// PostgreSQL's numeric_power rules when an input is NaN or infinite.
Decimal NumericPowerSpecial(const Decimal& x, const Decimal& y) {
  if (DecimalIsNaN(x)) return !DecimalIsSpecial(y) && DecimalSign(y) == 0 ? Decimal{1, 0} : x;
  if (DecimalIsNaN(y)) {
    return !DecimalIsSpecial(x) && DecimalCompare(x, Decimal{1, 0}) == 0 ? Decimal{1, 0} : y;
  }
  int sx = DecimalSign(x), sy = DecimalSign(y);
  if (sx == 0 && sy < 0) ThrowError("2201F", "zero raised to a negative power is undefined");
  bool y_integral = DecimalIsInf(y) || DecimalCompare(DecimalTrunc(y, 0), y) == 0;
  if (sx < 0 && !y_integral) {
    ThrowError("2201F", "a negative number raised to a non-integer power yields a complex result");
  }
  if (DecimalIsInf(y)) {
    if (sx == 0) return Decimal{0, 0};  // 0 ^ Infinity
    int cmp = DecimalCompare(DecimalAbs(x), Decimal{1, 0});
    if (cmp == 0) return Decimal{1, 0};
    bool grows = (cmp > 0) == (sy > 0);
    return grows ? DecimalInfinity() : Decimal{0, 0};
  }
  // x is infinite, y finite.
  if (sy == 0) return Decimal{1, 0};
  if (sy < 0) return Decimal{0, 0};
  if (sx > 0) return DecimalInfinity();
  // -Infinity ^ y: negative for odd integer y.
  Decimal half = DecimalDiv(y, Decimal{2, 0});
  bool odd = DecimalCompare(DecimalTrunc(half, 0), half) != 0;
  return DecimalInfinity(odd);
}

Decimal NumericPower(const Decimal& base, const Decimal& exp) {
  if (DecimalIsSpecial(base) || DecimalIsSpecial(exp)) [[unlikely]] {
    return NumericPowerSpecial(base, exp);
  }
  if (base.coef == 0 && exp.coef < 0) {
    ThrowError("2201F", "zero raised to a negative power is undefined");
  }
  Decimal exp_int = DecimalTrunc(exp, 0);
  bool integral = DecimalCompare(exp_int, exp) == 0;
  if (base.coef < 0 && !integral) {
    ThrowError("2201F", "a negative number raised to a non-integer power yields a complex result");
  }
  if (integral && exp_int.coef >= -1000 && exp_int.coef <= 1000) {
    int64_t n = static_cast<int64_t>(exp_int.coef);
    int rscale = std::max<int>(16, base.scale);
    Decimal result{1, 0};
    Decimal b = base;
    int64_t m = n < 0 ? -n : n;
    while (m > 0) {  // square-and-multiply
      if (m & 1) result = DecimalMul(result, b);
      m >>= 1;
      if (m > 0) b = DecimalMul(b, b);
    }
    if (n < 0) return DecimalDivScale(Decimal{1, 0}, result, rscale);
    return DecimalRescale(result,
                          std::min(rscale, kMaxDecimalDigits - DecimalIntegerDigits(result)));
  }
  long double a = std::strtold(DecimalToString(base).c_str(), nullptr);
  long double e = std::strtold(DecimalToString(exp).c_str(), nullptr);
  long double r = std::pow(a, e);
  if (!std::isfinite(static_cast<double>(r))) {
    ThrowError(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
  }
  int est =
      r == 0 ? 0 : static_cast<int>(std::floor(std::log10(std::fabs(static_cast<double>(r)))));
  int rscale = std::max({16 - est, static_cast<int>(base.scale), static_cast<int>(exp.scale), 0});
  rscale = std::min(rscale, kMaxDecimalDigits);
  char buf[128];
  std::snprintf(buf, sizeof(buf), "%.*Lf", rscale, r);
  return DecimalFromString(buf);
}

void AddNumericOps(FunctionRegistry& reg) {
  LogicalType n = LogicalType::Numeric();
  using D = const Decimal&;
  reg.AddScalar(Scalar("+", {n, n}, n,
                       MakeBinary<Decimal, Decimal>([](D a, D b) { return DecimalAdd(a, b); })));
  reg.AddScalar(Scalar("-", {n, n}, n,
                       MakeBinary<Decimal, Decimal>([](D a, D b) { return DecimalSub(a, b); })));
  reg.AddScalar(Scalar("*", {n, n}, n,
                       MakeBinary<Decimal, Decimal>([](D a, D b) { return DecimalMul(a, b); })));
  reg.AddScalar(Scalar("/", {n, n}, n,
                       MakeBinary<Decimal, Decimal>([](D a, D b) { return DecimalDiv(a, b); })));
  reg.AddScalar(Scalar("%", {n, n}, n,
                       MakeBinary<Decimal, Decimal>([](D a, D b) { return DecimalMod(a, b); })));
  reg.AddScalar(Scalar("^", {n, n}, n, MakeBinary<Decimal, Decimal>(NumericPower)));
  reg.AddScalar(Scalar("-", {n}, n, MakeUnary<Decimal>([](D a) { return DecimalNegate(a); })));
  reg.AddScalar(Scalar("+", {n}, n, MakeUnary<Decimal>([](D a) { return a; })));
}

}  // namespace

Decimal NumericPowerForFunctions(const Decimal& a, const Decimal& b) {
  return NumericPower(a, b);
}
double FloatPowerForFunctions(double a, double b) {
  return FloatPower(a, b);
}

void RegisterArithmeticOperators(FunctionRegistry& reg) {
  AddIntegerOps<TypeId::kSmallInt>(reg);
  AddIntegerOps<TypeId::kInteger>(reg);
  AddIntegerOps<TypeId::kBigInt>(reg);
  AddFloatOps<float>(reg, TypeId::kReal);
  AddFloatOps<double>(reg, TypeId::kDouble);
  AddMixedFloatOps(reg);
  LogicalType d(TypeId::kDouble);
  reg.AddScalar(Scalar("^", {d, d}, d, MakeBinary<double, double>(FloatPower)));
  AddNumericOps(reg);
}

}  // namespace heliosdb
