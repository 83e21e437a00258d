#include "storage/columnar/codec/analyze.h"

#include <algorithm>
#include <cstring>

#include "storage/columnar/codec/codec_registry.h"

namespace heliosdb::codec {

ColumnSample SampleColumn(const ColumnView& column) {
  ColumnSample sample;
  if (column.count <= kSampleStretch * kSampleStretches) {
    sample.view = column;
    return sample;
  }
  size_t width = StorageTypeWidth(column.type);
  idx_t gap = column.count / kSampleStretches;
  for (idx_t s = 0; s < kSampleStretches; s++) {
    idx_t start = s * gap;
    if (column.type == StorageType::kString) {
      sample.strings.insert(sample.strings.end(), column.strings + start,
                            column.strings + start + kSampleStretch);
    } else {
      const uint8_t* from = column.fixed + start * width;
      sample.fixed.insert(sample.fixed.end(), from, from + kSampleStretch * width);
    }
  }
  sample.view.type = column.type;
  sample.view.count = kSampleStretch * kSampleStretches;
  sample.view.fixed = sample.fixed.data();
  sample.view.strings = sample.strings.data();
  return sample;
}

std::vector<CodecEstimate> RankCodecs(const ColumnView& column) {
  ColumnSample sample = SampleColumn(column);
  std::vector<CodecEstimate> ranked;
  for (const Codec* codec : AllCodecs()) {
    if (!codec->supports(column.type)) continue;
    uint64_t bytes = codec->analyze(sample.view);
    if (bytes == kNotApplicable) continue;
    if (!codec->fetch)
      bytes = static_cast<uint64_t>(static_cast<double>(bytes) * kNoRandomAccessPenalty);
    ranked.push_back({codec, bytes});
  }
  std::stable_sort(
      ranked.begin(), ranked.end(),
      [](const CodecEstimate& a, const CodecEstimate& b) { return a.bytes < b.bytes; });
  return ranked;
}

}  // namespace heliosdb::codec
