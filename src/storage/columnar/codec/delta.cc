// 'delta': integers as differences from the previous row, bit-packed with a frame of reference
// (sorted keys, dates and timestamps at a steady pace need a few bits or none).
//
//   +----------------------------------------------+-----------------------------------+
//   | checkpoints: ceil(n/1024) x int64 value at   | bitpack: d_0 .. d_{n-1},          |
//   | the first row s of each 1024-row block       | d_i = v_i - v_{i-1}, d_s = d_s+1  |
//   +----------------------------------------------+-----------------------------------+
//
// Differences wrap modulo 2^64, so INT64_MIN after INT64_MAX is exact. Fetch starts at the row's
// checkpoint and adds at most 1023 differences.
#include "storage/columnar/codec/bitpack.h"
#include "storage/columnar/codec/codecs.h"
#include "storage/columnar/codec/int_column.h"

namespace heliosdb::codec {

namespace {

std::vector<int64_t> Deltas(const std::vector<int64_t>& v) {
  std::vector<int64_t> d(v.size());
  for (idx_t i = 1; i < v.size(); i++) {
    d[i] = static_cast<int64_t>(static_cast<uint64_t>(v[i]) - static_cast<uint64_t>(v[i - 1]));
  }
  // A block's first difference is never read (its checkpoint holds the value): the next one
  // keeps the block's frame tight, and a jump between blocks (or between the analysis' sampled
  // stretches) costs nothing.
  for (idx_t s = 0; s + 1 < v.size(); s += bitpack::kBlockSize) d[s] = d[s + 1];
  return d;
}

idx_t Checkpoints(idx_t n) {
  return (n + bitpack::kBlockSize - 1) / bitpack::kBlockSize;
}

uint64_t Analyze(const ColumnView& sample) {
  std::vector<int64_t> d = Deltas(LoadInts(sample));
  return Checkpoints(sample.count) * 8 + bitpack::EncodedBytes(d.data(), d.size());
}

bool Compress(const ColumnView& column, std::string& out) {
  std::vector<int64_t> v = LoadInts(column);
  for (idx_t i = 0; i < v.size(); i += bitpack::kBlockSize) PutFixed<int64_t>(out, v[i]);
  std::vector<int64_t> d = Deltas(v);
  bitpack::Encode(d.data(), d.size(), out);
  return true;
}

int64_t Add(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}

void Decompress(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out) {
  PayloadReader in(payload);
  std::string_view checkpoints = in.Bytes(Checkpoints(count) * 8);
  bitpack::Decoder deltas(in, count);
  std::vector<int64_t> v(count);
  deltas.DecodeAll(v.data());
  for (idx_t i = 0; i < count; i++) {
    if (i % bitpack::kBlockSize == 0) {
      std::memcpy(&v[i], checkpoints.data() + i / bitpack::kBlockSize * 8, 8);
    } else {
      v[i] = Add(v[i - 1], v[i]);
    }
  }
  out.Reset(type, count);
  StoreInts(v.data(), count, out);
}

void Fetch(std::string_view payload, StorageType type, idx_t count, idx_t row, ColumnBuffer& out) {
  PayloadReader in(payload);
  std::string_view checkpoints = in.Bytes(Checkpoints(count) * 8);
  bitpack::Decoder deltas(in, count);
  idx_t block = row / bitpack::kBlockSize;
  int64_t v;
  std::memcpy(&v, checkpoints.data() + block * 8, 8);
  for (idx_t i = block * bitpack::kBlockSize + 1; i <= row; i++) v = Add(v, deltas.Get(i));
  out.Reset(type, 1);
  out.SetInt(0, v);
}

}  // namespace

const Codec kDeltaCodec = {CodecId::kDelta, "delta", SupportsIntegers, Analyze, Compress,
                           Decompress,      Fetch,   nullptr};

}  // namespace heliosdb::codec
