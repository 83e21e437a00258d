// NUMERIC arithmetic. Every operation computes an exact result in a sign + 256-bit magnitude
// ("Wide") and then fits it back into 38 digits: fraction digits beyond the 38-digit budget
// are rounded half away from zero (PostgreSQL keeps up to 1000 digits; we keep 38), and only an
// integer part that does not fit raises 22003.
#include "common/types/decimal.h"

#include <strings.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "common/exception.h"
#include "common/types/wide_int.h"

namespace heliosdb {

namespace {

constexpr int kMaxPow = 77;  // 10^77 < 2^256

const std::array<U256, kMaxPow + 1>& Pow10Table() {
  static const std::array<U256, kMaxPow + 1> kTable = [] {
    std::array<U256, kMaxPow + 1> t{};
    t[0] = U256::From(1);
    for (int i = 1; i <= kMaxPow; i++) t[i] = t[i - 1].MulSmall(10);
    return t;
  }();
  return kTable;
}

const U256& Pow10(int n) {
  return Pow10Table()[n];
}
// REQUIRES: n <= 38. A constant table: the hot paths (sums, mixed-scale arithmetic) pay no
// guard of a function-local static.
constexpr std::array<u128, 39> kPow10U128 = [] {
  std::array<u128, 39> t{};
  t[0] = 1;
  for (int i = 1; i <= 38; i++) t[i] = t[i - 1] * 10;
  return t;
}();
u128 Pow10U128(int n) { return kPow10U128[n]; }

[[noreturn]] void ThrowOverflow() {
  ThrowError(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
}

struct Wide {
  bool neg = false;
  U256 mag;
  int scale = 0;
};

u128 Abs(i128 v) {
  return v < 0 ? -static_cast<u128>(v) : static_cast<u128>(v);
}

int DigitCount(const U256& v) {
  int n = 1;
  while (n <= kMaxPow && !(v < Pow10(n))) n++;
  return n;
}

int DigitCount128(u128 v) {
  int n = 1;
  while (n <= 38 && v >= Pow10U128(n)) n++;
  return n;
}

// Divides by 10^k rounding half away from zero.
U256 DivPow10Round(const U256& v, int k) {
  if (k == 0) return v;
  if (k > kMaxPow) return U256{};
  U256 q;
  u128 r;
  if (k <= 38) {
    v.DivMod(Pow10U128(k), &q, &r);
    if (r >= Pow10U128(k) - r) q = q + U256::From(1);
    return q;
  }
  // 10^k does not fit in 128 bits: divide in two steps, keeping the rounding digit exact.
  U256 q1;
  u128 r1;
  v.DivMod(Pow10U128(k - 38), &q1, &r1);
  U256 q2;
  u128 r2;
  q1.DivMod(Pow10U128(38), &q2, &r2);
  // Remainder = r2 * 10^(k-38) + r1 >= 5 * 10^(k-1) exactly when r2 >= 5 * 10^37.
  (void)r1;
  bool up = r2 >= Pow10U128(38) / 2;
  if (up) q2 = q2 + U256::From(1);
  return q2;
}

// Fits a wide result into a Decimal: at most 38 digits and scale <= 38.
Decimal Finish(Wide w) {
  if (w.scale > kMaxDecimalDigits) {
    w.mag = DivPow10Round(w.mag, w.scale - kMaxDecimalDigits);
    w.scale = kMaxDecimalDigits;
  }
  int digits = DigitCount(w.mag);
  if (digits > kMaxDecimalDigits) {
    int drop = digits - kMaxDecimalDigits;
    if (drop > w.scale) ThrowOverflow();
    w.mag = DivPow10Round(w.mag, drop);
    w.scale -= drop;
    if (!(w.mag < Pow10(kMaxDecimalDigits))) {  // rounding carried into a 39th digit
      if (w.scale == 0) ThrowOverflow();
      w.mag = DivPow10Round(w.mag, 1);
      w.scale--;
    }
  }
  Decimal d;
  d.coef = static_cast<i128>(w.mag.lo);
  if (w.neg) d.coef = -d.coef;
  d.scale = w.scale;
  return d;
}

Wide ToWide(const Decimal& d) {
  Wide w;
  w.neg = d.coef < 0;
  w.mag = U256::From(Abs(d.coef));
  w.scale = d.scale;
  return w;
}

U256 ScaleUp(const U256& v, int k) {
  if (k == 0) return v;
  if (k <= 38) return v.MulSmall(Pow10U128(k));
  return v.MulSmall(Pow10U128(38)).MulSmall(Pow10U128(k - 38));
}

// Generic shift-subtract division of 256-bit values (modulo of aligned operands).
void DivMod256(const U256& n, const U256& d, U256* q, U256* r) {
  if (d.hi == 0) {
    u128 rr;
    n.DivMod(d.lo, q, &rr);
    *r = U256::From(rr);
    return;
  }
  U256 quot, rem;
  for (int bit = 255; bit >= 0; bit--) {
    rem.hi = (rem.hi << 1) | (rem.lo >> 127);
    rem.lo <<= 1;
    u128 word = bit >= 128 ? n.hi : n.lo;
    rem.lo |= (word >> (bit & 127)) & 1;
    if (!(rem < d)) {
      rem = rem - d;
      if (bit >= 128) {
        quot.hi |= static_cast<u128>(1) << (bit - 128);
      } else {
        quot.lo |= static_cast<u128>(1) << bit;
      }
    }
  }
  *q = quot;
  *r = rem;
}

Decimal AddSigned(const Decimal& a, const Decimal& b, bool negate_b) {
  int scale = std::max(a.scale, b.scale);
  bool bneg = (b.coef < 0) != negate_b;
  if (b.coef == 0) bneg = false;
  // Fast path: both coefficients, aligned to the larger scale, fit in 128 bits (1 - 0.05:
  // the constant's scale 0 meets the column's 2).
  if (scale - std::min(a.scale, b.scale) <= 38) {
    i128 ac = a.coef, bc = negate_b ? -b.coef : b.coef;
    i128 sum;
    if (!__builtin_mul_overflow(ac, static_cast<i128>(Pow10U128(scale - a.scale)), &ac) &&
        !__builtin_mul_overflow(bc, static_cast<i128>(Pow10U128(scale - b.scale)), &bc) &&
        !__builtin_add_overflow(ac, bc, &sum) && Abs(sum) < Pow10U128(38)) {
      return Decimal{sum, scale};
    }
  }
  U256 am = ScaleUp(U256::From(Abs(a.coef)), scale - a.scale);
  U256 bm = ScaleUp(U256::From(Abs(b.coef)), scale - b.scale);
  Wide w;
  w.scale = scale;
  bool aneg = a.coef < 0;
  if (aneg == bneg) {
    w.mag = am + bm;
    w.neg = aneg;
  } else if (bm < am) {
    w.mag = am - bm;
    w.neg = aneg;
  } else {
    w.mag = bm - am;
    w.neg = bneg;
  }
  if (w.mag.IsZero()) w.neg = false;
  return Finish(w);
}

// Base-10000 weight and first digit of |d| as PostgreSQL's NumericVar has them.
void NbaseWeight(const Decimal& d, int* weight, int* first_digit) {
  u128 m = Abs(d.coef);
  if (m == 0) {
    *weight = 0;
    *first_digit = 0;
    return;
  }
  int exp10 = DigitCount128(m) - 1 - d.scale;  // 10^exp10 <= |d| < 10^(exp10+1)
  int w = exp10 >= 0 ? exp10 / 4 : -((-exp10 + 3) / 4);
  *weight = w;
  // first digit = floor(|d| / 10000^w): take the leading (exp10 - 4w + 1) digits.
  int lead = exp10 - 4 * w + 1;
  int total = DigitCount128(m);
  u128 fd = total > lead ? m / Pow10U128(total - lead) : m * Pow10U128(lead - total);
  *first_digit = static_cast<int>(fd);
}

// Long division |a| * 10^k / |b| with one extra digit for rounding, as a Wide.
U256 DivideScaled(u128 a, u128 b, int k) {
  int kk = k + 1;
  U256 num = ScaleUp(U256::From(a), std::min(kk, kMaxPow - 38));
  U256 q;
  U256 quot;
  u128 rem;
  int done = std::min(kk, kMaxPow - 38);
  num.DivMod(b, &quot, &rem);
  // Remaining digits one at a time: rem < b < 10^38, so rem * 10 fits in 256 bits.
  for (int i = done; i < kk; i++) {
    U256 r10 = U256::From(rem).MulSmall(10);
    U256 digit;
    r10.DivMod(b, &digit, &rem);
    quot = quot.MulSmall(10) + digit;
  }
  u128 last;
  quot.DivMod(10, &q, &last);
  if (last >= 5) q = q + U256::From(1);
  return q;
}

// Signs of possibly infinite values (NaN handled by the callers first).
int SpecialSign(const Decimal& d) {
  return d.coef < 0 ? -1 : (d.coef > 0 ? 1 : 0);
}

// a + b when either is special (PostgreSQL's numeric_add).
Decimal AddSpecial(const Decimal& a, const Decimal& b) {
  if (DecimalIsNaN(a) || DecimalIsNaN(b)) return DecimalNaN();
  if (DecimalIsInf(a)) {
    if (DecimalIsInf(b) && b.coef != a.coef) return DecimalNaN();
    return a;
  }
  return b;  // a finite, b infinite
}

Decimal NegateSpecial(const Decimal& d) {
  return DecimalIsNaN(d) ? d : Decimal{-d.coef, kDecimalSpecialScale};
}

Decimal MulSpecial(const Decimal& a, const Decimal& b) {
  if (DecimalIsNaN(a) || DecimalIsNaN(b)) return DecimalNaN();
  int sa = SpecialSign(a), sb = SpecialSign(b);
  if (sa == 0 || sb == 0) return DecimalNaN();  // Infinity * 0
  return DecimalInfinity(sa * sb < 0);
}

[[noreturn]] void DivisionByZero() {
  ThrowError(sqlstate::kDivisionByZero, "division by zero");
}

Decimal DivSpecial(const Decimal& a, const Decimal& b) {
  if (DecimalIsNaN(a) || DecimalIsNaN(b)) return DecimalNaN();
  if (DecimalIsInf(a)) {
    if (DecimalIsInf(b)) return DecimalNaN();
    int sb = SpecialSign(b);
    if (sb == 0) DivisionByZero();
    return DecimalInfinity((a.coef < 0) != (sb < 0));
  }
  return Decimal{0, 0};  // finite / infinity
}

Decimal ModSpecial(const Decimal& a, const Decimal& b) {
  if (DecimalIsNaN(a) || DecimalIsNaN(b)) return DecimalNaN();
  if (DecimalIsInf(a)) {
    if (SpecialSign(b) == 0) DivisionByZero();
    return DecimalNaN();
  }
  return a;  // finite % infinity
}

}  // namespace

Decimal DecimalFromInt64(int64_t v) {
  return Decimal{v, 0};
}

Decimal DecimalFromInt128(i128 v) {
  if (Abs(v) >= Pow10U128(38)) ThrowOverflow();
  return Decimal{v, 0};
}

Decimal DecimalFromString(std::string_view text) {
  auto fail = [&]() -> Decimal {
    ThrowError(sqlstate::kInvalidTextRepresentation,
               "invalid input syntax for type numeric: \"" + std::string(text) + "\"");
  };
  size_t i = 0, n = text.size();
  while (i < n && std::isspace(static_cast<unsigned char>(text[i]))) i++;
  while (n > i && std::isspace(static_cast<unsigned char>(text[n - 1]))) n--;
  {
    // The spellings PostgreSQL's numeric_in accepts (those of float8in): no sign on NaN.
    std::string_view word = text.substr(i, n - i);
    auto eq = [&](const char* w) {
      return word.size() == strlen(w) && strncasecmp(word.data(), w, word.size()) == 0;
    };
    if (eq("nan")) return DecimalNaN();
    if (eq("infinity") || eq("+infinity") || eq("inf") || eq("+inf")) return DecimalInfinity();
    if (eq("-infinity") || eq("-inf")) return DecimalInfinity(true);
  }
  bool neg = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) neg = text[i++] == '-';
  std::string digits;
  int frac = 0;
  bool any = false, dot = false;
  for (; i < n; i++) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      any = true;
      if (!(digits.empty() && c == '0')) digits.push_back(c);
      if (dot) frac++;
    } else if (c == '.' && !dot) {
      dot = true;
    } else if (c == '_' && any && i + 1 < n &&
               std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      continue;  // PostgreSQL 16 digit separators; harmless to accept
    } else {
      break;
    }
  }
  if (!any) fail();
  long exp = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    i++;
    bool eneg = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) eneg = text[i++] == '-';
    if (i >= n || !std::isdigit(static_cast<unsigned char>(text[i]))) fail();
    for (; i < n && std::isdigit(static_cast<unsigned char>(text[i])); i++) {
      exp = exp * 10 + (text[i] - '0');
      if (exp > 100000) ThrowOverflow();
    }
    if (eneg) exp = -exp;
  }
  if (i != n) fail();
  long scale = frac - exp;
  if (digits.empty()) return Decimal{0, static_cast<int32_t>(std::clamp<long>(scale, 0, 38))};
  if (scale < 0) {
    digits.append(static_cast<size_t>(-scale), '0');
    scale = 0;
  }
  long len = static_cast<long>(digits.size());
  long int_digits = len - scale;
  if (int_digits > kMaxDecimalDigits) ThrowOverflow();
  // Round away fraction digits beyond the 38-digit budget (half away from zero).
  long allowed_frac =
      std::min<long>({scale, kMaxDecimalDigits, kMaxDecimalDigits - std::max<long>(int_digits, 0)});
  long keep = len - (scale - allowed_frac);
  bool round_up = false;
  if (keep < len) {
    round_up = keep >= 0 && digits[static_cast<size_t>(keep)] >= '5';
    digits.resize(static_cast<size_t>(std::max<long>(keep, 0)));
    scale = allowed_frac;
  }
  u128 coef = 0;
  for (char c : digits) coef = coef * 10 + static_cast<u128>(c - '0');
  if (round_up) coef++;
  Wide w;
  w.neg = neg && coef != 0;
  w.mag = U256::From(coef);
  w.scale = static_cast<int>(scale);
  return Finish(w);
}

std::string DecimalToString(const Decimal& d) {
  if (DecimalIsSpecial(d)) {
    return DecimalIsNaN(d) ? "NaN" : (d.coef < 0 ? "-Infinity" : "Infinity");
  }
  char buf[48];
  char* end = buf + sizeof(buf);
  char* p = end;
  u128 m = Abs(d.coef);
  int produced = 0;
  do {
    *--p = static_cast<char>('0' + static_cast<int>(m % 10));
    m /= 10;
    produced++;
    if (produced == d.scale) *--p = '.';
  } while (m != 0 || produced < d.scale);
  if (d.scale > 0 && *p == '.') *--p = '0';
  std::string out;
  if (d.coef < 0) out.push_back('-');
  out.append(p, end);
  return out;
}

Decimal DecimalRescale(const Decimal& d, int32_t new_scale) {
  if (new_scale == d.scale || DecimalIsSpecial(d)) return d;
  Wide w = ToWide(d);
  if (new_scale > d.scale) {
    w.mag = ScaleUp(w.mag, new_scale - d.scale);
  } else {
    w.mag = DivPow10Round(w.mag, d.scale - new_scale);
  }
  w.scale = new_scale;
  if (w.mag.IsZero()) w.neg = false;
  if (!(w.mag < Pow10(kMaxDecimalDigits))) ThrowOverflow();
  return Finish(w);
}

Decimal DecimalApplyTypmod(const Decimal& d, int32_t precision, int32_t scale) {
  if (precision < 0 || DecimalIsNaN(d)) return d;
  if (scale < 0) scale = 0;
  if (DecimalIsInf(d)) {
    Status st = Status::Error(sqlstate::kNumericValueOutOfRange, "numeric field overflow");
    st.WithDetail("A field with precision " + std::to_string(precision) + ", scale " +
                  std::to_string(scale) + " cannot hold an infinite value.");
    throw DbException(std::move(st));
  }
  Decimal r = DecimalRescale(d, scale);
  int max_int_digits = precision - scale;
  if (r.coef != 0 && DigitCount128(Abs(r.coef)) - scale > max_int_digits) {
    std::string detail = "A field with precision " + std::to_string(precision) + ", scale " +
                         std::to_string(scale) + " must round to an absolute value less than " +
                         (max_int_digits ? "10^" + std::to_string(max_int_digits) : "1") + ".";
    Status st = Status::Error(sqlstate::kNumericValueOutOfRange, "numeric field overflow");
    st.WithDetail(detail);
    throw DbException(std::move(st));
  }
  return r;
}

int DecimalCompare(const Decimal& a, const Decimal& b) {
  // Equal scales include two specials: their coefficients (-1, 1, 2) are in sort order.
  if (a.scale == b.scale) return a.coef < b.coef ? -1 : (a.coef > b.coef ? 1 : 0);
  if (DecimalIsSpecial(a)) return a.coef < 0 ? -1 : 1;  // b is finite
  if (DecimalIsSpecial(b)) return b.coef < 0 ? 1 : -1;
  int sa = DecimalSign(a), sb = DecimalSign(b);
  if (sa != sb) return sa < sb ? -1 : 1;
  int scale = std::max(a.scale, b.scale);
  U256 am = ScaleUp(U256::From(Abs(a.coef)), scale - a.scale);
  U256 bm = ScaleUp(U256::From(Abs(b.coef)), scale - b.scale);
  int c = am < bm ? -1 : (bm < am ? 1 : 0);
  return sa < 0 ? -c : c;
}

Decimal DecimalAdd(const Decimal& a, const Decimal& b) {
  if (DecimalIsSpecial(a) || DecimalIsSpecial(b)) [[unlikely]] return AddSpecial(a, b);
  return AddSigned(a, b, false);
}
Decimal DecimalSub(const Decimal& a, const Decimal& b) {
  if (DecimalIsSpecial(a) || DecimalIsSpecial(b)) [[unlikely]] {
    return AddSpecial(a, DecimalIsSpecial(b) ? NegateSpecial(b) : b);
  }
  return AddSigned(a, b, true);
}

Decimal DecimalMul(const Decimal& a, const Decimal& b) {
  if (DecimalIsSpecial(a) || DecimalIsSpecial(b)) [[unlikely]] return MulSpecial(a, b);
  i128 prod;
  int scale = a.scale + b.scale;
  if (scale <= kMaxDecimalDigits && !__builtin_mul_overflow(a.coef, b.coef, &prod) &&
      Abs(prod) < Pow10U128(38)) {
    return Decimal{prod, scale};
  }
  Wide w;
  w.neg = (a.coef < 0) != (b.coef < 0);
  w.mag = U256::Mul(Abs(a.coef), Abs(b.coef));
  w.scale = scale;
  if (w.mag.IsZero()) w.neg = false;
  return Finish(w);
}

int32_t DecimalDivResultScale(const Decimal& a, const Decimal& b) {
  if (DecimalIsSpecial(a) || DecimalIsSpecial(b)) return 0;
  int w1, f1, w2, f2;
  NbaseWeight(a, &w1, &f1);
  NbaseWeight(b, &w2, &f2);
  int qweight = w1 - w2;
  if (f1 <= f2) qweight--;
  int rscale = 16 - qweight * 4;
  rscale = std::max(rscale, a.scale);
  rscale = std::max(rscale, b.scale);
  rscale = std::max(rscale, 0);
  return std::min(rscale, 1000);
}

Decimal DecimalDivScale(const Decimal& a, const Decimal& b, int32_t result_scale) {
  if (DecimalIsSpecial(a) || DecimalIsSpecial(b)) [[unlikely]] return DivSpecial(a, b);
  if (b.coef == 0) ThrowError(sqlstate::kDivisionByZero, "division by zero");
  int rs = std::min(result_scale, kMaxDecimalDigits);
  // |a| / |b| * 10^rs = |a.coef| * 10^(rs - sa + sb) / |b.coef|.
  int k = rs - a.scale + b.scale;
  Wide w;
  w.neg = (a.coef < 0) != (b.coef < 0);
  if (k >= 0) {
    w.mag = DivideScaled(Abs(a.coef), Abs(b.coef), k);
  } else {
    // Result scale below the dividend's: divide, then round away the extra digits.
    U256 q = DivideScaled(Abs(a.coef), Abs(b.coef), 0);
    w.mag = DivPow10Round(q, -k);
  }
  w.scale = rs;
  if (w.mag.IsZero()) w.neg = false;
  return Finish(w);
}

Decimal DecimalDiv(const Decimal& a, const Decimal& b) {
  if (DecimalIsSpecial(a) || DecimalIsSpecial(b)) [[unlikely]] return DivSpecial(a, b);
  if (b.coef == 0) ThrowError(sqlstate::kDivisionByZero, "division by zero");
  return DecimalDivScale(a, b, DecimalDivResultScale(a, b));
}

Decimal DecimalMod(const Decimal& a, const Decimal& b) {
  if (DecimalIsSpecial(a) || DecimalIsSpecial(b)) [[unlikely]] return ModSpecial(a, b);
  if (b.coef == 0) ThrowError(sqlstate::kDivisionByZero, "division by zero");
  int scale = std::max(a.scale, b.scale);
  U256 am = ScaleUp(U256::From(Abs(a.coef)), scale - a.scale);
  U256 bm = ScaleUp(U256::From(Abs(b.coef)), scale - b.scale);
  U256 q, r;
  DivMod256(am, bm, &q, &r);
  Wide w;
  w.neg = a.coef < 0 && !r.IsZero();
  w.mag = r;
  w.scale = scale;
  return Finish(w);
}

Decimal DecimalNegate(const Decimal& a) {
  if (DecimalIsNaN(a)) return a;
  return Decimal{-a.coef, a.scale};
}
Decimal DecimalAbs(const Decimal& a) {
  return Decimal{a.coef < 0 ? -a.coef : a.coef, a.scale};  // NaN's coefficient is positive
}
int DecimalSign(const Decimal& d) {
  if (DecimalIsNaN(d)) return 0;
  return d.coef < 0 ? -1 : (d.coef > 0 ? 1 : 0);
}

void DecimalCheckConvertible(const Decimal& d, const char* type_name) {
  if (!DecimalIsSpecial(d)) return;
  ThrowError(sqlstate::kFeatureNotSupported,
             std::string("cannot convert ") + (DecimalIsNaN(d) ? "NaN" : "infinity") + " to " +
                 type_name);
}

Decimal DecimalFromDouble(double v) {
  if (std::isnan(v)) return DecimalNaN();
  if (std::isinf(v)) return DecimalInfinity(v < 0);
  // PostgreSQL's float8_numeric: print with DBL_DIG significant digits, then parse.
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.15g", v);
  return DecimalFromString(buf);
}

Decimal DecimalFromFloat(float v) {
  if (std::isnan(v)) return DecimalNaN();
  if (std::isinf(v)) return DecimalInfinity(v < 0);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.6g", static_cast<double>(v));
  return DecimalFromString(buf);
}

double DecimalToDouble(const Decimal& d) {
  static constexpr double kExact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  if (DecimalIsSpecial(d)) [[unlikely]] {
    if (DecimalIsNaN(d)) return std::nan("");
    return d.coef < 0 ? -HUGE_VAL : HUGE_VAL;
  }
  u128 m = Abs(d.coef);
  if (m < (static_cast<u128>(1) << 53) && d.scale <= 22) {
    // Both operands are exact doubles, so one IEEE division is correctly rounded.
    double r = static_cast<double>(static_cast<uint64_t>(m)) / kExact[d.scale];
    return d.coef < 0 ? -r : r;
  }
  std::string s = DecimalToString(d);
  return std::strtod(s.c_str(), nullptr);
}

int64_t DecimalToInt64(const Decimal& d) {
  DecimalCheckConvertible(d, "bigint");
  Decimal r = DecimalRescale(d, 0);
  if (r.coef > INT64_MAX || r.coef < INT64_MIN) {
    ThrowError(sqlstate::kNumericValueOutOfRange, "bigint out of range");
  }
  return static_cast<int64_t>(r.coef);
}

uint64_t DecimalHash(const Decimal& d) {
  if (DecimalIsSpecial(d)) return 0x7ff8000000000000ULL ^ static_cast<uint64_t>(d.coef + 7);
  Decimal n = DecimalNormalize(d);
  u128 c = static_cast<u128>(n.coef);
  uint64_t h = static_cast<uint64_t>(c) * 0x9e3779b97f4a7c15ULL;
  h ^= static_cast<uint64_t>(c >> 64) + 0x632be59bd9b4e019ULL + (h << 6) + (h >> 2);
  h ^= static_cast<uint64_t>(n.scale) * 0xff51afd7ed558ccdULL;
  return h ^ (h >> 33);
}

Decimal DecimalNormalize(const Decimal& d) {
  Decimal n = d;
  if (DecimalIsSpecial(d)) return d;
  while (n.scale > 0 && n.coef % 10 == 0) {
    n.coef /= 10;
    n.scale--;
  }
  return n;
}

int DecimalIntegerDigits(const Decimal& d) {
  if (DecimalIsSpecial(d)) return 0;
  u128 m = Abs(d.coef);
  if (m == 0) return 0;
  return std::max(0, DigitCount128(m) - d.scale);
}

Decimal DecimalRound(const Decimal& d, int32_t digits) {
  if (DecimalIsSpecial(d)) return d;
  int target = std::clamp(digits, -kMaxDecimalDigits, kMaxDecimalDigits);
  if (target >= d.scale) return DecimalRescale(d, std::max(target, 0));
  // Round to 10^-target, then express with scale max(target, 0).
  Wide w = ToWide(d);
  int drop = d.scale - target;
  w.mag = drop > kMaxPow ? U256{} : DivPow10Round(w.mag, drop);
  if (target < 0) {
    w.mag = ScaleUp(w.mag, -target);
    w.scale = 0;
  } else {
    w.scale = target;
  }
  if (w.mag.IsZero()) w.neg = false;
  return Finish(w);
}

Decimal DecimalTrunc(const Decimal& d, int32_t digits) {
  if (DecimalIsSpecial(d)) return d;
  int target = std::clamp(digits, -kMaxDecimalDigits, kMaxDecimalDigits);
  if (target >= d.scale) return DecimalRescale(d, std::max(target, 0));
  int drop = d.scale - target;
  u128 m = Abs(d.coef);
  m = drop > 38 ? 0 : m / Pow10U128(drop);
  Wide w;
  w.neg = d.coef < 0 && m != 0;
  w.mag = U256::From(m);
  if (target < 0) {
    w.mag = ScaleUp(w.mag, -target);
    w.scale = 0;
  } else {
    w.scale = target;
  }
  return Finish(w);
}

Decimal DecimalCeil(const Decimal& d) {
  if (DecimalIsSpecial(d)) return d;
  Decimal t = DecimalTrunc(d, 0);
  if (DecimalCompare(t, d) < 0) t = DecimalAdd(t, Decimal{1, 0});
  return t;
}

Decimal DecimalFloor(const Decimal& d) {
  if (DecimalIsSpecial(d)) return d;
  Decimal t = DecimalTrunc(d, 0);
  if (DecimalCompare(t, d) > 0) t = DecimalSub(t, Decimal{1, 0});
  return t;
}

Decimal DecimalSqrt(const Decimal& d) {
  if (DecimalIsNaN(d)) return d;
  if (d.coef < 0) {
    ThrowError("2201F", "cannot take square root of a negative number");
  }
  if (DecimalIsSpecial(d)) return d;  // Infinity
  int w, f;
  NbaseWeight(d, &w, &f);
  int sweight = (w + 1) * 4 / 2 - 1;
  int rscale = std::max({16 - sweight, static_cast<int>(d.scale), 0});
  rscale = std::min(rscale, kMaxDecimalDigits);
  return DecimalSqrtScale(d, rscale);
}

Decimal DecimalSqrtScale(const Decimal& d, int32_t rscale) {
  if (d.coef < 0) {
    ThrowError("2201F", "cannot take square root of a negative number");
  }
  if (DecimalIsSpecial(d)) return d;  // NaN or Infinity
  rscale = std::clamp(rscale, 0, kMaxDecimalDigits);
  if (d.coef == 0) return Decimal{0, rscale};
  // Integer square root of coef * 10^(2*rscale - scale), rounded; exact when it fits.
  int k = 2 * rscale - d.scale;
  if (k >= 0 && k <= 38) {
    U256 n = ScaleUp(U256::From(Abs(d.coef)), k);
    if (n.FitsU128()) {
      u128 x = n.lo;
      u128 r = static_cast<u128>(std::sqrt(static_cast<long double>(x)));
      while (r * r > x) r--;
      while ((r + 1) * (r + 1) <= x) r++;
      // Round half up: compare x with (r + 0.5)^2 = r^2 + r + 0.25.
      if (x - r * r > r) r++;
      return Decimal{static_cast<i128>(r), rscale};
    }
  }
  long double v = std::sqrt(std::strtold(DecimalToString(d).c_str(), nullptr));
  char buf[80];
  std::snprintf(buf, sizeof(buf), "%.*Lf", rscale, v);
  return DecimalFromString(buf);
}

}  // namespace heliosdb
