// Bounds-checked reading of codec payloads. Every read checks the remaining length first, so a
// truncated or corrupted segment throws XX001 "compressed segment is corrupted" instead of reading
// past the buffer. Writing needs no such care and uses the Put* helpers on std::string.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "common/exception.h"

namespace heliosdb::codec {

[[noreturn]] inline void ThrowCorrupt(const char* detail) {
  ThrowError(sqlstate::kDataCorrupted, std::string("compressed segment is corrupted: ") + detail);
}

// Throws XX001 with detail unless cond holds.
inline void CheckFormat(bool cond, const char* detail) {
  if (!cond) ThrowCorrupt(detail);
}

template <typename T>
void PutFixed(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof(T));
}

inline void PutVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

class PayloadReader {
 public:
  explicit PayloadReader(std::string_view in) : in_(in) {}
  template <typename T>
  T Fixed() {
    Need(sizeof(T));
    T v;
    std::memcpy(&v, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return v;
  }
  uint8_t U8() { return Fixed<uint8_t>(); }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = U8();
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    ThrowCorrupt("bad varint");
  }
  // A varint that must be at most limit (counts and lengths that size allocations).
  uint64_t Count(uint64_t limit) {
    uint64_t v = Varint();
    CheckFormat(v <= limit, "count out of range");
    return v;
  }
  std::string_view Bytes(uint64_t n) {
    Need(n);
    std::string_view s = in_.substr(0, n);
    in_.remove_prefix(n);
    return s;
  }
  std::string_view Rest() const { return in_; }
  size_t remaining() const { return in_.size(); }

 private:
  void Need(uint64_t n) const {
    if (in_.size() < n) ThrowCorrupt("truncated");
  }
  std::string_view in_;
};

}  // namespace heliosdb::codec
