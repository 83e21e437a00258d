// Bit-packed integer streams with a frame of reference per block of kBlockSize values: the
// building block of the bit-packing, delta, dictionary-code, FSST-offset and ALP codecs.
//
// Stream layout (the value count n is known to the reader from the enclosing payload):
//
//   +------------------------------------------------------------+
//   | block directory: ceil(n / 1024) x { int64 base, u8 width } |
//   +------------------------------------------------------------+
//   | block 0 bits | block 1 bits | ...   (each byte-aligned)    |
//   +------------------------------------------------------------+
//   | 16 zero bytes of padding (8-byte loads never leave it)     |
//   +------------------------------------------------------------+
//
// Value i of block b is base_b + (unsigned) bits[i*width, (i+1)*width), in modular arithmetic, so
// every int64 (including INT64_MIN next to INT64_MAX) round-trips. Bits are little-endian.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/types.h"
#include "storage/columnar/codec/payload_reader.h"

namespace heliosdb::codec::bitpack {

inline constexpr idx_t kBlockSize = 1024;

void Encode(const int64_t* values, idx_t n, std::string& out);
// The bytes Encode would append.
uint64_t EncodedBytes(const int64_t* values, idx_t n);
// Width in bits of the unsigned range [0, span].
uint8_t BitWidth(uint64_t span);

// Reads a stream in place (the payload must outlive the decoder). The constructor checks the
// directory and the lengths against the payload and consumes the stream from the reader.
class Decoder {
 public:
  Decoder(PayloadReader& in, idx_t n);
  idx_t size() const { return n_; }
  idx_t block_count() const { return bases_.size(); }
  int64_t Get(idx_t i) const;
  // Values [b * kBlockSize, ...) of block b into out (at most kBlockSize values).
  void DecodeBlock(idx_t b, int64_t* out) const;
  void DecodeAll(int64_t* out) const;
  // Every value of block b lies in [block_min(b), block_max(b)] (block_max is the upper bound the
  // width allows, saturated at INT64_MAX).
  int64_t block_min(idx_t b) const { return bases_[b]; }
  int64_t block_max(idx_t b) const;

 private:
  idx_t n_;
  const uint8_t* data_ = nullptr;
  std::vector<int64_t> bases_;
  std::vector<uint8_t> widths_;
  std::vector<uint64_t> offsets_;  // byte offset of each block's bits in data_
};

}  // namespace heliosdb::codec::bitpack
