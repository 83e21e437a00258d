// 'bitpacking': integers as a frame of reference per block of 1024 plus the fewest bits that hold
// the block's range (the stream of bitpack.h is the whole payload). A filter skips or takes whole
// blocks by their bounds and decodes only the blocks that straddle the constant.
#include "storage/columnar/codec/bitpack.h"
#include "storage/columnar/codec/codecs.h"
#include "storage/columnar/codec/compare.h"
#include "storage/columnar/codec/int_column.h"

namespace heliosdb::codec {

namespace {

uint64_t Analyze(const ColumnView& sample) {
  std::vector<int64_t> values = LoadInts(sample);
  return bitpack::EncodedBytes(values.data(), values.size());
}

bool Compress(const ColumnView& column, std::string& out) {
  std::vector<int64_t> values = LoadInts(column);
  bitpack::Encode(values.data(), values.size(), out);
  return true;
}

void Decompress(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out) {
  PayloadReader in(payload);
  bitpack::Decoder decoder(in, count);
  std::vector<int64_t> values(count);
  decoder.DecodeAll(values.data());
  out.Reset(type, count);
  StoreInts(values.data(), count, out);
}

void Fetch(std::string_view payload, StorageType type, idx_t count, idx_t row, ColumnBuffer& out) {
  PayloadReader in(payload);
  bitpack::Decoder decoder(in, count);
  out.Reset(type, 1);
  out.SetInt(0, decoder.Get(row));
}

// Whether `v op c` holds for every v in [lo, hi] (all), or for none of them (none).
struct RangeVerdict {
  bool all;
  bool none;
};

RangeVerdict Judge(CompareOp op, int64_t lo, int64_t hi, int64_t c) {
  switch (op) {
    case CompareOp::kEq:
      return {lo == c && hi == c, c < lo || c > hi};
    case CompareOp::kNe:
      return {c < lo || c > hi, lo == c && hi == c};
    case CompareOp::kLt:
      return {hi < c, lo >= c};
    case CompareOp::kLe:
      return {hi <= c, lo > c};
    case CompareOp::kGt:
      return {lo > c, hi <= c};
    case CompareOp::kGe:
      return {lo >= c, hi < c};
  }
  return {false, false};
}

void Filter(std::string_view payload, StorageType, idx_t count, CompareOp op,
            const CompareConstant& constant, Selection& sel) {
  PayloadReader in(payload);
  bitpack::Decoder decoder(in, count);
  int64_t block[bitpack::kBlockSize];
  for (idx_t b = 0; b < decoder.block_count(); b++) {
    idx_t start = b * bitpack::kBlockSize;
    idx_t len = std::min(bitpack::kBlockSize, count - start);
    RangeVerdict verdict = Judge(op, decoder.block_min(b), decoder.block_max(b), constant.i);
    if (verdict.none) continue;
    if (verdict.all) {
      for (idx_t i = 0; i < len; i++) sel.push_back(static_cast<uint32_t>(start + i));
      continue;
    }
    decoder.DecodeBlock(b, block);
    for (idx_t i = 0; i < len; i++) {
      if (Satisfies(op, CompareInt(block[i], constant.i))) {
        sel.push_back(static_cast<uint32_t>(start + i));
      }
    }
  }
}

}  // namespace

const Codec kBitPackingCodec = {CodecId::kBitPacking,
                                "bitpacking",
                                SupportsIntegers,
                                Analyze,
                                Compress,
                                Decompress,
                                Fetch,
                                Filter};

}  // namespace heliosdb::codec
