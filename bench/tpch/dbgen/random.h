// The generator's only source of randomness. SplitMix64 is written out here because the
// standard library's engines are portable but its distributions are not: the same seed must
// give byte-identical tables on every platform, since the CI compares against stored answers.
#pragma once

#include <cstdint>
#include <string_view>

namespace tpch {

class Random {
 public:
  // Each table column group draws from its own stream, so changing how one table is generated
  // never shifts the values of another.
  Random(uint64_t seed, uint64_t stream) : state_(Mix(seed ^ Mix(stream + 0x51ed27e1))) {}

  uint64_t Next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return Mix(state_);
  }

  // Uniform in [lo, hi]. The modulo bias is below 2^-40 for every range the spec uses.
  int64_t Uniform(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }

  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Next() % N];
  }

 private:
  static uint64_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  uint64_t state_;
};

}  // namespace tpch
