// 'delta_of_delta': integers as the change of the difference between rows (Gorilla's timestamp
// scheme, bit-packed with a frame of reference instead of variable-length codes): timestamps at
// a regular interval with jitter need a few bits, a fixed interval none.
//
//   +--------------------------------------------------+--------------------------------+
//   | checkpoints: ceil(n/1024) x { int64 v_s,         | bitpack: dd_0 .. dd_{n-1}      |
//   |   int64 d_s } at each block's first row s        | dd_i = d_i - d_{i-1}           |
//   +--------------------------------------------------+--------------------------------+
//
// d_i = v_i - v_{i-1}, all modulo 2^64. Fetch starts at the row's checkpoint.
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

// The stream and checkpoints as the decoder walks them: at each block start s the checkpoint
// holds v_s and, as the difference "before" s, d_{s+1}, so dd_{s+1} = 0 and a jump between
// blocks (or between the analysis' sampled stretches) costs nothing. dd_s is never read.
struct Encoded {
  std::vector<int64_t> checkpoints;  // v_s, d_s pairs
  std::vector<int64_t> dods;
};

Encoded Encode(const std::vector<int64_t>& v) {
  Encoded e{{}, std::vector<int64_t>(v.size())};
  int64_t running = 0;
  for (idx_t i = 0; i < v.size(); i++) {
    if (i % bitpack::kBlockSize == 0) {
      bool next = i + 1 < v.size() && (i + 1) % bitpack::kBlockSize != 0;
      running = next ? Sub(v[i + 1], v[i]) : 0;
      e.checkpoints.push_back(v[i]);
      e.checkpoints.push_back(running);
      continue;
    }
    int64_t d = Sub(v[i], v[i - 1]);
    e.dods[i] = Sub(d, running);
    running = d;
  }
  return e;
}

idx_t Checkpoints(idx_t n) {
  return (n + bitpack::kBlockSize - 1) / bitpack::kBlockSize;
}

uint64_t Analyze(const ColumnView& sample) {
  Encoded e = Encode(LoadInts(sample));
  return Checkpoints(sample.count) * 16 + bitpack::EncodedBytes(e.dods.data(), e.dods.size());
}

bool Compress(const ColumnView& column, std::string& out) {
  Encoded e = Encode(LoadInts(column));
  for (int64_t x : e.checkpoints) PutFixed<int64_t>(out, x);
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
  for (idx_t i = 0; i < count; i++) {
    if (i % bitpack::kBlockSize == 0) {
      std::memcpy(&value, checkpoints.data() + i / bitpack::kBlockSize * 16, 8);
      std::memcpy(&delta, checkpoints.data() + i / bitpack::kBlockSize * 16 + 8, 8);
    } else {
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

const Codec kDeltaOfDeltaCodec = {CodecId::kDeltaOfDelta,
                                  "delta_of_delta",
                                  SupportsIntegers,
                                  Analyze,
                                  Compress,
                                  Decompress,
                                  Fetch,
                                  nullptr};

}  // namespace heliosdb::codec
