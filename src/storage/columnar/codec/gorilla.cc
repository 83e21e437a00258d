// 'gorilla': floats as the XOR with the previous value (Pelkonen et al., "Gorilla", VLDB 2015),
// for time series whose consecutive values share sign, exponent and high mantissa bits. Each
// block of 1024 values is its own bit stream, so a row decodes from its block's start.
//
//   +--------------------------------------+-----------------------------------------+
//   | per block: u32 byte length           | the blocks' bit streams, concatenated   |
//   +--------------------------------------+-----------------------------------------+
//
// A block's stream: the first value's bits (32 or 64); then per value, with x = bits ^ previous:
//   '0'                                   x == 0
//   '1' '0' <meaningful bits>             x fits the previous window of leading/trailing zeros
//   '1' '1' <lead: L bits> <len-1: L bits> <len meaningful bits>   a new window
// with L = 5 for float4 and 6 for float8 (bits written least significant first).
#include <algorithm>
#include <bit>
#include <vector>

#include "storage/columnar/codec/alp/float_traits.h"
#include "storage/columnar/codec/bit_stream.h"
#include "storage/columnar/codec/codecs.h"

namespace heliosdb::codec {

namespace {

constexpr idx_t kBlock = 1024;

template <typename T>
constexpr int kFieldBits = FloatTraits<T>::kBits == 64 ? 6 : 5;

template <typename T>
void EncodeBlock(const ColumnView& column, idx_t start, idx_t len, std::string& out) {
  using Bits = typename FloatTraits<T>::Bits;
  constexpr int kWidth = FloatTraits<T>::kBits;
  BitWriter w(out);
  Bits prev = ToBits<T>(column.Get<T>(start));
  w.Put(prev, kWidth);
  int lead = -1, trail = 0;  // the current window; none yet
  for (idx_t i = start + 1; i < start + len; i++) {
    Bits cur = ToBits<T>(column.Get<T>(i));
    Bits x = cur ^ prev;
    prev = cur;
    if (x == 0) {
      w.Put(0, 1);
      continue;
    }
    int l = std::countl_zero(x), t = std::countr_zero(x);
    if (lead >= 0 && l >= lead && t >= trail) {
      w.Put(1, 1);
      w.Put(0, 1);
      w.Put(x >> trail, kWidth - lead - trail);
      continue;
    }
    l = std::min(l, (1 << kFieldBits<T>)-1);
    int meaningful = kWidth - l - t;
    w.Put(1, 1);
    w.Put(1, 1);
    w.Put(l, kFieldBits<T>);
    w.Put(meaningful - 1, kFieldBits<T>);
    w.Put(x >> t, meaningful);
    lead = l, trail = t;
  }
  w.Flush();
}

template <typename T>
void CompressTyped(const ColumnView& column, std::string& out) {
  std::vector<std::string> blocks;
  for (idx_t start = 0; start < column.count; start += kBlock) {
    blocks.emplace_back();
    EncodeBlock<T>(column, start, std::min(kBlock, column.count - start), blocks.back());
  }
  for (const std::string& b : blocks) PutFixed<uint32_t>(out, static_cast<uint32_t>(b.size()));
  for (const std::string& b : blocks) out.append(b);
}

// Decodes len values of one block's stream into out[0, len).
template <typename T>
void DecodeBlock(std::string_view stream, idx_t len, T* out) {
  using Bits = typename FloatTraits<T>::Bits;
  constexpr int kWidth = FloatTraits<T>::kBits;
  BitReader r(stream);
  Bits prev = static_cast<Bits>(r.Get(kWidth));
  out[0] = FromBits<T>(prev);
  int lead = -1, trail = 0;
  for (idx_t i = 1; i < len; i++) {
    if (r.Get(1)) {
      if (r.Get(1)) {
        lead = static_cast<int>(r.Get(kFieldBits<T>));
        int meaningful = static_cast<int>(r.Get(kFieldBits<T>)) + 1;
        CheckFormat(lead + meaningful <= kWidth, "Gorilla window out of range");
        trail = kWidth - lead - meaningful;
      } else {
        CheckFormat(lead >= 0, "Gorilla window used before it is set");
      }
      prev ^= static_cast<Bits>(r.Get(kWidth - lead - trail) << trail);
    }
    out[i] = FromBits<T>(prev);
  }
}

uint64_t Analyze(const ColumnView& sample) {
  std::string out;
  sample.type == StorageType::kDouble ? CompressTyped<double>(sample, out)
                                      : CompressTyped<float>(sample, out);
  return out.size();
}

bool Compress(const ColumnView& column, std::string& out) {
  column.type == StorageType::kDouble ? CompressTyped<double>(column, out)
                                      : CompressTyped<float>(column, out);
  return true;
}

// The byte range of each block's stream.
std::vector<std::string_view> Blocks(std::string_view payload, idx_t count) {
  PayloadReader in(payload);
  idx_t n = (count + kBlock - 1) / kBlock;
  CheckFormat(n <= in.remaining() / 4, "Gorilla directory truncated");
  std::vector<uint32_t> sizes(n);
  for (auto& s : sizes) s = in.Fixed<uint32_t>();
  std::vector<std::string_view> blocks;
  for (uint32_t s : sizes) blocks.push_back(in.Bytes(s));
  return blocks;
}

template <typename T>
void DecompressTyped(std::string_view payload, idx_t count, ColumnBuffer& out) {
  std::vector<std::string_view> blocks = Blocks(payload, count);
  auto* values = reinterpret_cast<T*>(out.fixed());
  for (idx_t b = 0; b < blocks.size(); b++) {
    DecodeBlock<T>(blocks[b], std::min(kBlock, count - b * kBlock), values + b * kBlock);
  }
}

void Decompress(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out) {
  out.Reset(type, count);
  if (type == StorageType::kDouble) return DecompressTyped<double>(payload, count, out);
  DecompressTyped<float>(payload, count, out);
}

template <typename T>
void FetchTyped(std::string_view payload, idx_t count, idx_t row, ColumnBuffer& out) {
  std::vector<std::string_view> blocks = Blocks(payload, count);
  T values[kBlock];
  DecodeBlock<T>(blocks[row / kBlock], row % kBlock + 1, values);
  out.Set<T>(0, values[row % kBlock]);
}

void Fetch(std::string_view payload, StorageType type, idx_t count, idx_t row, ColumnBuffer& out) {
  out.Reset(type, 1);
  if (type == StorageType::kDouble) return FetchTyped<double>(payload, count, row, out);
  FetchTyped<float>(payload, count, row, out);
}

}  // namespace

const Codec kGorillaCodec = {CodecId::kGorilla, "gorilla",  SupportsFloats, Analyze,
                             Compress,          Decompress, Fetch,          nullptr};

}  // namespace heliosdb::codec
