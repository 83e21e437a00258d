// The RLE / bit-packing hybrid of Parquet's Encodings.md, used for repetition and definition
// levels, dictionary indices and booleans in RLE:
//
//   run       := rle-run | bit-packed-run
//   rle-run   := varint(count << 1) | value in ceil(bit_width / 8) bytes, little-endian
//   bit-packed-run := varint(groups << 1 | 1) | groups * 8 values, bit_width bits each,
//                     packed from the least significant bit of each byte
//
// The caller frames the runs: data page v1 levels have a 4-byte length before them,
// dictionary indices a 1-byte bit width, data page v2 levels a length in the page header.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace heliosdb::parquet {

// The bits needed to hold values 0..max_value.
int BitWidth(uint64_t max_value);

class RleEncoder {
 public:
  explicit RleEncoder(int bit_width) : bit_width_(bit_width) {}
  void Put(uint32_t value) { values_.push_back(value); }
  // The runs for every value put; the encoder is then empty.
  std::string Finish();

 private:
  void FlushLiterals(std::string* out, size_t begin, size_t end);
  int bit_width_;
  std::vector<uint32_t> values_;
};

class RleDecoder {
 public:
  // base_offset: the file offset of data[0], for error messages.
  RleDecoder(std::string_view data, int bit_width, uint64_t base_offset)
      : data_(data), bit_width_(bit_width), base_(base_offset) {}
  // Decodes `count` values; throws 22P04 when the runs end before.
  void Get(uint32_t* out, size_t count);

 private:
  void NextRun();
  std::string_view data_;
  int bit_width_;
  uint64_t base_;
  size_t pos_ = 0;
  uint32_t rle_left_ = 0;  // values left in the current RLE run
  uint32_t rle_value_ = 0;
  uint32_t packed_left_ = 0;  // values left in the current bit-packed run
  uint64_t packed_bit_ = 0;   // bit position in data_ of the next packed value
};

// Unpacks `count` values of bit_width bits (0..64) packed LSB-first from data at bit `bit`.
// REQUIRES: the bits lie within data.
uint64_t UnpackBits(std::string_view data, uint64_t bit, int bit_width);

}  // namespace heliosdb::parquet
