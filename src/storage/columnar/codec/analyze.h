// The analysis pass: samples a column, asks every codec that supports its type for an estimate
// and ranks them, smallest first (DuckDB's analyze phase).
#pragma once

#include <string>
#include <vector>

#include "storage/columnar/codec/codec.h"

namespace heliosdb::codec {

// Rows per sampled stretch and stretches per sample: contiguous stretches keep the runs and
// steps that RLE and delta look for, spread stretches see the whole segment.
inline constexpr idx_t kSampleStretch = 256;
inline constexpr idx_t kSampleStretches = 16;

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

// Every applicable codec's estimate for the column, smallest first.
std::vector<CodecEstimate> RankCodecs(const ColumnView& column);

}  // namespace heliosdb::codec
