// The analysis pass: samples a column, asks every codec that supports its type for an estimate
// and ranks them, smallest first (DuckDB's analyze phase).
#pragma once

#include <string>
#include <vector>

#include "storage/columnar/codec/codec.h"

namespace heliosdb::codec {

// Rows per sampled stretch and stretches per sample: contiguous stretches keep the runs and
// steps that RLE and delta look for, spread stretches see the whole segment. A stretch is one
// bit-packing block, so the jumps between stretches fall on block starts, which the delta codecs
// do not encode.
inline constexpr idx_t kSampleStretch = 1024;
inline constexpr idx_t kSampleStretches = 8;
// Codecs without random access (zstd, lz4) must beat the others' estimate by this factor: a
// lightweight codec decodes faster, fetches single rows and filters compressed data.
inline constexpr double kNoRandomAccessPenalty = 1.25;

// Owns a copy of the sampled values (strings stay views into the column).
struct ColumnSample {
  std::vector<uint8_t> fixed;
  std::vector<std::string_view> strings;
  ColumnView view;
};

// The whole column when it is no larger than the sample, else evenly spread stretches.
// REQUIRES: column has no NULLs (the segment filled them).
ColumnSample SampleColumn(const ColumnView& column);

struct CodecEstimate {
  const Codec* codec;
  uint64_t bytes;
};

// Every applicable codec's estimate for the column, smallest first (after the penalty).
std::vector<CodecEstimate> RankCodecs(const ColumnView& column);

}  // namespace heliosdb::codec
