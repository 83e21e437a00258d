#include "storage/columnar/codec/bitpack.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

namespace heliosdb::codec::bitpack {

namespace {

constexpr size_t kPadding = 16;

uint64_t Mask(uint8_t width) {
  return width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
}

// Reads width bits at bit position pos. REQUIRES: 9 readable bytes at pos / 8.
inline uint64_t ReadBits(const uint8_t* p, uint64_t pos, uint8_t width) {
  uint64_t word;
  std::memcpy(&word, p + (pos >> 3), 8);
  unsigned shift = pos & 7;
  uint64_t v = word >> shift;
  if (shift + width > 64) v |= static_cast<uint64_t>(p[(pos >> 3) + 8]) << (64 - shift);
  return v & Mask(width);
}

struct BlockFrame {
  int64_t base;
  uint8_t width;
};

BlockFrame FrameOf(const int64_t* v, idx_t n) {
  auto [lo, hi] = std::minmax_element(v, v + n);
  return {*lo, BitWidth(static_cast<uint64_t>(*hi) - static_cast<uint64_t>(*lo))};
}

uint64_t BlockBytes(idx_t n, uint8_t width) {
  return (n * width + 7) / 8;
}

}  // namespace

uint8_t BitWidth(uint64_t span) {
  return static_cast<uint8_t>(64 - std::countl_zero(span));
}

uint64_t EncodedBytes(const int64_t* values, idx_t n) {
  uint64_t bytes = kPadding;
  for (idx_t start = 0; start < n; start += kBlockSize) {
    idx_t len = std::min(kBlockSize, n - start);
    bytes += 9 + BlockBytes(len, FrameOf(values + start, len).width);
  }
  return bytes;
}

void Encode(const int64_t* values, idx_t n, std::string& out) {
  std::vector<BlockFrame> frames;
  for (idx_t start = 0; start < n; start += kBlockSize) {
    frames.push_back(FrameOf(values + start, std::min(kBlockSize, n - start)));
    PutFixed<int64_t>(out, frames.back().base);
    PutFixed<uint8_t>(out, frames.back().width);
  }
  for (idx_t b = 0; b < frames.size(); b++) {
    idx_t start = b * kBlockSize, len = std::min(kBlockSize, n - start);
    uint8_t width = frames[b].width;
    uint64_t base = static_cast<uint64_t>(frames[b].base);
    size_t at = out.size();
    out.resize(at + BlockBytes(len, width) + 8, '\0');  // 8 spare bytes for the word writes
    auto* p = reinterpret_cast<uint8_t*>(out.data() + at);
    if (width > 0) {
      for (idx_t i = 0; i < len; i++) {
        uint64_t v = static_cast<uint64_t>(values[start + i]) - base;
        uint64_t pos = i * width;
        unsigned shift = pos & 7;
        uint64_t word;
        std::memcpy(&word, p + (pos >> 3), 8);
        word |= v << shift;
        std::memcpy(p + (pos >> 3), &word, 8);
        if (shift + width > 64) p[(pos >> 3) + 8] |= static_cast<uint8_t>(v >> (64 - shift));
      }
    }
    out.resize(at + BlockBytes(len, width));
  }
  out.append(kPadding, '\0');
}

Decoder::Decoder(PayloadReader& in, idx_t n) : n_(n) {
  idx_t blocks = (n + kBlockSize - 1) / kBlockSize;
  CheckFormat(blocks <= in.remaining() / 9, "bit-packed directory truncated");
  bases_.resize(blocks);
  widths_.resize(blocks);
  offsets_.resize(blocks);
  uint64_t total = 0;
  for (idx_t b = 0; b < blocks; b++) {
    bases_[b] = in.Fixed<int64_t>();
    widths_[b] = in.U8();
    CheckFormat(widths_[b] <= 64, "bit width out of range");
    offsets_[b] = total;
    total += BlockBytes(std::min(kBlockSize, n - b * kBlockSize), widths_[b]);
  }
  data_ = reinterpret_cast<const uint8_t*>(in.Bytes(total + kPadding).data());
}

int64_t Decoder::block_max(idx_t b) const {
  uint64_t span = Mask(widths_[b]);
  // INT64_MAX - base, exact in unsigned arithmetic for every base.
  uint64_t room =
      static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) - static_cast<uint64_t>(bases_[b]);
  if (room <= span) return std::numeric_limits<int64_t>::max();
  return static_cast<int64_t>(static_cast<uint64_t>(bases_[b]) + span);
}

int64_t Decoder::Get(idx_t i) const {
  idx_t b = i / kBlockSize;
  uint8_t width = widths_[b];
  uint64_t v = width ? ReadBits(data_ + offsets_[b], (i % kBlockSize) * width, width) : 0;
  return static_cast<int64_t>(static_cast<uint64_t>(bases_[b]) + v);
}

void Decoder::DecodeBlock(idx_t b, int64_t* out) const {
  idx_t len = std::min(kBlockSize, n_ - b * kBlockSize);
  uint8_t width = widths_[b];
  uint64_t base = static_cast<uint64_t>(bases_[b]);
  const uint8_t* p = data_ + offsets_[b];
  if (width == 0) {
    std::fill(out, out + len, bases_[b]);
    return;
  }
  for (idx_t i = 0; i < len; i++) {
    out[i] = static_cast<int64_t>(base + ReadBits(p, i * width, width));
  }
}

void Decoder::DecodeAll(int64_t* out) const {
  for (idx_t b = 0; b < bases_.size(); b++) DecodeBlock(b, out + b * kBlockSize);
}

}  // namespace heliosdb::codec::bitpack
