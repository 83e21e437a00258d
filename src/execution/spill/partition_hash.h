// Which spill partition a key's bytes belong to: one 64-bit hash, four bits per level, so a
// partition that is still too big splits again on other bits.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace heliosdb {

inline uint64_t SpillHash(std::string_view key) {
  uint64_t h = std::hash<std::string_view>{}(key);
  h ^= h >> 30;  // splitmix64's finalizer spreads std::hash's bits
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

// REQUIRES: partitions is a power of two no larger than 16; level < 16.
inline size_t SpillPartition(std::string_view key, int level, size_t partitions) {
  return (SpillHash(key) >> (4 * level)) & (partitions - 1);
}

}  // namespace heliosdb
