// How a row group stores its row keys (row_group.cc): as the key bytes, or, when every key is
// one non-NULL integer part (key_codec.h: 0x01, then 8 bytes big-endian with the sign bit
// flipped; integer primary keys and hidden row ids), as that integer, which the integer codecs
// (delta, bit-packing) shrink to a few bits per row with random access kept.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/version_key.h"

namespace heliosdb {

enum class RowKeyForm : uint8_t { kBytes = 0, kInt64 = 1 };

inline constexpr size_t kInt64KeySize = 9;
inline constexpr uint64_t kKeySignBit = uint64_t{1} << 63;

inline bool IsInt64Key(std::string_view key) {
  return key.size() == kInt64KeySize && key[0] == 0x01;
}
// REQUIRES: IsInt64Key(key).
inline int64_t Int64FromKey(std::string_view key) {
  return static_cast<int64_t>(GetFixed64BE(key.data() + 1) ^ kKeySignBit);
}
inline std::string KeyFromInt64(int64_t v) {
  std::string key(1, '\x01');
  PutFixed64BE(static_cast<uint64_t>(v) ^ kKeySignBit, &key);
  return key;
}

}  // namespace heliosdb
