// U256: the unsigned 256-bit integer that exact NUMERIC arithmetic needs for intermediate
// results (a 38-digit coefficient times 10^38 does not fit in 128 bits, but fits in 256).
// Only the operations decimal.cc uses; values never exceed 2^256.
#pragma once

#include <cstdint>

namespace heliosdb {

using u128 = unsigned __int128;
using i128 = __int128;

struct U256 {
  u128 hi = 0;
  u128 lo = 0;

  static U256 From(u128 v) { return U256{0, v}; }
  bool IsZero() const { return hi == 0 && lo == 0; }
  bool FitsU128() const { return hi == 0; }

  friend bool operator<(const U256& a, const U256& b) {
    return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo;
  }
  friend bool operator==(const U256& a, const U256& b) = default;

  friend U256 operator+(const U256& a, const U256& b) {
    U256 r;
    r.lo = a.lo + b.lo;
    r.hi = a.hi + b.hi + (r.lo < a.lo ? 1 : 0);
    return r;
  }
  // REQUIRES: b <= a.
  friend U256 operator-(const U256& a, const U256& b) {
    U256 r;
    r.lo = a.lo - b.lo;
    r.hi = a.hi - b.hi - (a.lo < b.lo ? 1 : 0);
    return r;
  }

  // Full 128 x 128 -> 256 product.
  static U256 Mul(u128 a, u128 b) {
    uint64_t a0 = static_cast<uint64_t>(a), a1 = static_cast<uint64_t>(a >> 64);
    uint64_t b0 = static_cast<uint64_t>(b), b1 = static_cast<uint64_t>(b >> 64);
    u128 p00 = static_cast<u128>(a0) * b0, p01 = static_cast<u128>(a0) * b1;
    u128 p10 = static_cast<u128>(a1) * b0, p11 = static_cast<u128>(a1) * b1;
    u128 mid = (p00 >> 64) + static_cast<uint64_t>(p01) + static_cast<uint64_t>(p10);
    U256 r;
    r.lo = (mid << 64) | static_cast<uint64_t>(p00);
    r.hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    return r;
  }
  // this * b, truncated to 256 bits (callers keep products below 2^256).
  U256 MulSmall(u128 b) const {
    U256 low = Mul(lo, b);
    low.hi += hi * b;
    return low;
  }

  // Quotient and remainder by a non-zero 128-bit divisor.
  void DivMod(u128 d, U256* q, u128* r) const {
    if (hi == 0) {
      *q = From(lo / d);
      *r = lo % d;
      return;
    }
    // Shift-subtract long division; only reached for results wider than 128 bits.
    U256 quot;
    U256 rem;
    for (int bit = 255; bit >= 0; bit--) {
      rem.hi = (rem.hi << 1) | (rem.lo >> 127);
      rem.lo <<= 1;
      u128 word = bit >= 128 ? hi : lo;
      rem.lo |= (word >> (bit & 127)) & 1;
      if (!(rem < From(d))) {
        rem = rem - From(d);
        if (bit >= 128) {
          quot.hi |= static_cast<u128>(1) << (bit - 128);
        } else {
          quot.lo |= static_cast<u128>(1) << bit;
        }
      }
    }
    *q = quot;
    *r = rem.lo;
  }
};

}  // namespace heliosdb
