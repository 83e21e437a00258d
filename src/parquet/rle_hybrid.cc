#include "parquet/rle_hybrid.h"

#include "parquet/parquet_error.h"

namespace heliosdb::parquet {

namespace {
constexpr size_t kMinRleRun = 8;

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}
}  // namespace

int BitWidth(uint64_t max_value) {
  int width = 0;
  while (max_value) {
    width++;
    max_value >>= 1;
  }
  return width;
}

uint64_t UnpackBits(std::string_view data, uint64_t bit, int bit_width) {
  uint64_t v = 0;
  for (int i = 0; i < bit_width; i++, bit++) {
    uint64_t b = (static_cast<uint8_t>(data[bit >> 3]) >> (bit & 7)) & 1;
    v |= b << i;
  }
  return v;
}

void RleEncoder::FlushLiterals(std::string* out, size_t begin, size_t end) {
  if (begin == end) return;
  size_t groups = (end - begin + 7) / 8;
  PutVarint(out, (groups << 1) | 1);
  std::string packed(groups * bit_width_, '\0');
  uint64_t bit = 0;
  for (size_t i = begin; i < begin + groups * 8; i++) {
    uint32_t v = i < end ? values_[i] : 0;
    for (int b = 0; b < bit_width_; b++, bit++)
      if ((v >> b) & 1) packed[bit >> 3] |= static_cast<char>(1 << (bit & 7));
  }
  out->append(packed);
}

std::string RleEncoder::Finish() {
  std::string out;
  const size_t n = values_.size();
  const int value_bytes = (bit_width_ + 7) / 8;
  size_t literal_begin = 0;
  size_t i = 0;
  while (i < n) {
    size_t run = 1;
    while (i + run < n && values_[i + run] == values_[i]) run++;
    // A literal group holds 8 values: finish the pending group with the run's first values.
    size_t pending = (i - literal_begin) % 8;
    size_t fill = pending ? 8 - pending : 0;
    if (run >= kMinRleRun + fill) {
      i += fill;
      run -= fill;
      FlushLiterals(&out, literal_begin, i);
      PutVarint(&out, run << 1);
      for (int b = 0; b < value_bytes; b++) out.push_back(static_cast<char>(values_[i] >> (8 * b)));
      i += run;
      literal_begin = i;
    } else {
      i += run;
    }
  }
  FlushLiterals(&out, literal_begin, n);
  values_.clear();
  return out;
}

void RleDecoder::NextRun() {
  uint64_t header = 0;
  for (int shift = 0;; shift += 7) {
    if (pos_ >= data_.size()) ThrowCorrupt(base_ + pos_, "RLE / bit-packed run truncated");
    if (shift > 35) ThrowCorrupt(base_ + pos_, "RLE run header too long");
    uint8_t b = static_cast<uint8_t>(data_[pos_++]);
    header |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) break;
  }
  if (header & 1) {
    uint64_t groups = header >> 1;
    uint64_t bytes = groups * static_cast<uint64_t>(bit_width_);
    if (groups == 0 || bytes > data_.size() - pos_) {
      // Writers may end the last run early when its values are not needed: keep what fits.
      groups = bit_width_ ? (data_.size() - pos_) / bit_width_ : groups;
      bytes = groups * bit_width_;
      if (groups == 0) ThrowCorrupt(base_ + pos_, "bit-packed run truncated");
    }
    packed_left_ = static_cast<uint32_t>(groups * 8);
    packed_bit_ = pos_ * 8;
    pos_ += bytes;
  } else {
    rle_left_ = static_cast<uint32_t>(header >> 1);
    int value_bytes = (bit_width_ + 7) / 8;
    if (static_cast<size_t>(value_bytes) > data_.size() - pos_)
      ThrowCorrupt(base_ + pos_, "RLE run truncated");
    rle_value_ = 0;
    for (int b = 0; b < value_bytes; b++)
      rle_value_ |= static_cast<uint32_t>(static_cast<uint8_t>(data_[pos_ + b])) << (8 * b);
    pos_ += value_bytes;
  }
}

void RleDecoder::Get(uint32_t* out, size_t count) {
  size_t i = 0;
  while (i < count) {
    if (rle_left_ == 0 && packed_left_ == 0) NextRun();
    while (rle_left_ > 0 && i < count) {
      out[i++] = rle_value_;
      rle_left_--;
    }
    while (packed_left_ > 0 && i < count) {
      out[i++] = static_cast<uint32_t>(UnpackBits(data_, packed_bit_, bit_width_));
      packed_bit_ += bit_width_;
      packed_left_--;
    }
  }
}

}  // namespace heliosdb::parquet
