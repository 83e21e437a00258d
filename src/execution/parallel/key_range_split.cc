#include "execution/parallel/key_range_split.h"

#include <algorithm>
#include <cstdint>

namespace heliosdb {

namespace {
// The eight bytes of key at offset as a big-endian number, zero-padded past the end.
uint64_t Word(std::string_view key, size_t offset) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; i++) {
    size_t at = offset + i;
    v = (v << 8) | (at < key.size() ? static_cast<uint8_t>(key[at]) : 0);
  }
  return v;
}
}  // namespace

std::vector<std::string> SplitKeyRange(std::string_view first, std::string_view last,
                                       size_t parts) {
  std::vector<std::string> out;
  if (parts < 2 || first >= last) return out;
  size_t shared = 0;
  while (shared < first.size() && shared < last.size() && first[shared] == last[shared]) shared++;
  // Only the bytes the keys have count: 5 and 7 differ by 2, not by 2 << 56.
  size_t significant = std::min<size_t>(8, std::max(first.size(), last.size()) - shared);
  int unused_bits = static_cast<int>(8 * (8 - significant));
  uint64_t lo = Word(first, shared) >> unused_bits, hi = Word(last, shared) >> unused_bits;
  if (hi <= lo || hi - lo < parts) return out;
  for (size_t i = 1; i < parts; i++) {
    uint64_t v = lo + static_cast<uint64_t>(static_cast<unsigned __int128>(hi - lo) * i / parts);
    std::string key(first.substr(0, shared));
    for (int b = static_cast<int>(significant) - 1; b >= 0; b--)
      key.push_back(static_cast<char>((v >> (8 * b)) & 0xff));
    out.push_back(std::move(key));
  }
  return out;
}

}  // namespace heliosdb
