// Little-endian fixed-width integers for the dump's headers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace heliosdb::dump {

inline void PutFixed(std::string* out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; i++) out->push_back(static_cast<char>(v >> (8 * i)));
}
inline void PutU16(std::string* out, uint16_t v) {
  PutFixed(out, v, 2);
}
inline void PutU32(std::string* out, uint32_t v) {
  PutFixed(out, v, 4);
}
inline void PutU64(std::string* out, uint64_t v) {
  PutFixed(out, v, 8);
}

// REQUIRES: bytes.size() >= pos + width.
inline uint64_t GetFixed(std::string_view bytes, size_t pos, int width) {
  uint64_t v = 0;
  for (int i = 0; i < width; i++)
    v |= static_cast<uint64_t>(static_cast<uint8_t>(bytes[pos + i])) << (8 * i);
  return v;
}

}  // namespace heliosdb::dump
