// Variable-width bit writing and bounds-checked reading, least significant bit first, for the
// codecs whose codes are not of one width (Gorilla).
#pragma once

#include <algorithm>
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
    size_t byte = pos_ >> 3;
    int shift = pos_ & 7;
    uint64_t v;
    if (byte + 9 <= in_.size()) {  // fast path: one word and, past bit 57, one more byte
      std::memcpy(&v, in_.data() + byte, 8);
      v >>= shift;
      if (shift + bits > 64) {
        v |= static_cast<uint64_t>(static_cast<uint8_t>(in_[byte + 8])) << (64 - shift);
      }
    } else {  // the stream's last bytes, one at a time
      v = 0;
      for (int got = -shift; got < bits; got += 8, byte++) {
        uint64_t b = static_cast<uint8_t>(in_[byte]);
        v |= got < 0 ? b >> -got : b << got;
      }
    }
    pos_ += bits;
    return bits == 64 ? v : v & ((uint64_t{1} << bits) - 1);
  }

 private:
  std::string_view in_;
  uint64_t pos_ = 0;
};

}  // namespace heliosdb::codec
