// Variable-width bit writing and bounds-checked reading, least significant bit first, for the
// codecs whose codes are not of one width (Gorilla).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "storage/columnar/codec/payload_reader.h"

namespace heliosdb::codec {

class BitWriter {
 public:
  explicit BitWriter(std::string& out) : out_(out) {}
  // Appends the low `bits` bits of v. REQUIRES: bits <= 64.
  void Put(uint64_t v, int bits) {
    if (bits == 0) return;
    if (bits < 64) v &= (uint64_t{1} << bits) - 1;
    acc_ |= v << used_;
    int room = 64 - used_;
    if (bits < room) {
      used_ += bits;
      return;
    }
    PutFixed<uint64_t>(out_, acc_);
    acc_ = room == 64 ? 0 : v >> room;
    used_ = bits - room;
  }
  // Writes the last partial word (only its used bytes).
  void Flush() {
    out_.append(reinterpret_cast<const char*>(&acc_), (used_ + 7) / 8);
    acc_ = 0;
    used_ = 0;
  }

 private:
  std::string& out_;
  uint64_t acc_ = 0;
  int used_ = 0;
};

class BitReader {
 public:
  explicit BitReader(std::string_view in) : in_(in) {}
  // The next `bits` bits. Throws XX001 past the end. REQUIRES: bits <= 64.
  uint64_t Get(int bits) {
    if (bits == 0) return 0;
    CheckFormat(pos_ + bits <= in_.size() * 8, "bit stream truncated");
    uint64_t v = 0;
    int got = 0;
    while (got < bits) {
      size_t byte = pos_ >> 3;
      int shift = pos_ & 7;
      int take = std::min(8 - shift, bits - got);
      uint64_t part = (static_cast<uint8_t>(in_[byte]) >> shift) & ((1u << take) - 1);
      v |= part << got;
      got += take;
      pos_ += take;
    }
    return v;
  }

 private:
  std::string_view in_;
  uint64_t pos_ = 0;
};

}  // namespace heliosdb::codec
