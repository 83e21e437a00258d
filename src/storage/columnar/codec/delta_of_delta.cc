// 'delta_of_delta': integers as the change of the difference between rows (Gorilla's timestamp
// scheme, bit-packed with a frame of reference instead of variable-length codes): timestamps at
// a regular interval with jitter need a few bits, a fixed interval none.
//
//   +--------------------------------------------------+--------------------------------+
//   | checkpoints: ceil(n/1024) x { int64 v_s,         | bitpack: dd_0 .. dd_{n-1}      |
//   |   int64 d_s } at each block's first row s        | dd_i = d_i - d_{i-1}           |
//   +--------------------------------------------------+--------------------------------+
//
// d_i = v_i - v_{i-1} (d_0 = d_1), all modulo 2^64. Fetch starts at the row's checkpoint.
#include "storage/columnar/codec/bitpack.h"
#include "storage/columnar/codec/codecs.h"
#include "storage/columnar/codec/int_column.h"

namespace heliosdb::codec {

namespace {

int64_t Sub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}
int64_t Add(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}

struct Encoded {
  std::vector<int64_t> deltas;  // d_i
  std::vector<int64_t> dods;    // dd_i
};

Encoded Encode(const std::vector<int64_t>& v) {
  Encoded e{std::vector<int64_t>(v.size()), std::vector<int64_t>(v.size())};
  for (idx_t i = 1; i < v.size(); i++) e.deltas[i] = Sub(v[i], v[i - 1]);
  // The first row has no difference of its own; taking the next one makes dd_1 = 0, so a steady
  // series packs to zero bits from its first block on. dd_0 is never read.
  if (v.size() > 1) e.deltas[0] = e.deltas[1];
  for (idx_t i = 1; i < v.size(); i++) e.dods[i] = Sub(e.deltas[i], e.deltas[i - 1]);
  if (v.size() > 1) e.dods[0] = e.dods[1];
  return e;
}

idx_t Checkpoints(idx_t n) { return (n + bitpack::kBlockSize - 1) / bitpack::kBlockSize; }

uint64_t Analyze(const ColumnView& sample) {
  Encoded e = Encode(LoadInts(sample));
  return Checkpoints(sample.count) * 16 + bitpack::EncodedBytes(e.dods.data(), e.dods.size());
}

bool Compress(const ColumnView& column, std::string& out) {
  std::vector<int64_t> v = LoadInts(column);
  Encoded e = Encode(v);
  for (idx_t i = 0; i < v.size(); i += bitpack::kBlockSize) {
    PutFixed<int64_t>(out, v[i]);
    PutFixed<int64_t>(out, e.deltas[i]);
  }
  bitpack::Encode(e.dods.data(), e.dods.size(), out);
  return true;
}

void Decompress(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out) {
  PayloadReader in(payload);
  std::string_view checkpoints = in.Bytes(Checkpoints(count) * 16);
  bitpack::Decoder dods(in, count);
  std::vector<int64_t> v(count);
  dods.DecodeAll(v.data());
  int64_t value = 0, delta = 0;
  if (count) {
    std::memcpy(&value, checkpoints.data(), 8);
    std::memcpy(&delta, checkpoints.data() + 8, 8);
  }
  for (idx_t i = 0; i < count; i++) {
    if (i > 0) {
      delta = Add(delta, v[i]);
      value = Add(value, delta);
    }
    v[i] = value;
  }
  out.Reset(type, count);
  StoreInts(v.data(), count, out);
}

void Fetch(std::string_view payload, StorageType type, idx_t count, idx_t row, ColumnBuffer& out) {
  PayloadReader in(payload);
  std::string_view checkpoints = in.Bytes(Checkpoints(count) * 16);
  bitpack::Decoder dods(in, count);
  idx_t block = row / bitpack::kBlockSize;
  int64_t value, delta;
  std::memcpy(&value, checkpoints.data() + block * 16, 8);
  std::memcpy(&delta, checkpoints.data() + block * 16 + 8, 8);
  for (idx_t i = block * bitpack::kBlockSize + 1; i <= row; i++) {
    delta = Add(delta, dods.Get(i));
    value = Add(value, delta);
  }
  out.Reset(type, 1);
  out.SetInt(0, value);
}

}  // namespace

const Codec kDeltaOfDeltaCodec = {CodecId::kDeltaOfDelta, "delta_of_delta", SupportsIntegers,
                                  Analyze,                Compress,         Decompress,
                                  Fetch,                  nullptr};

}  // namespace heliosdb::codec
