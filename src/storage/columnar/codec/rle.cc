// 'rle': runs of equal values (bit for bit), for fixed-width types.
//
//   +----------+----------------------------+-----------------------------------+
//   | varint R | R run values, width bytes  | bitpack: run ends end_0..end_R-1   |
//   +----------+----------------------------+-----------------------------------+
//
// Run r covers rows [end_{r-1}, end_r); the ends rise strictly to count. Fetch binary-searches the
// ends; a filter compares each run's value once.
#include <cstring>
#include <vector>

#include "storage/columnar/codec/bitpack.h"
#include "storage/columnar/codec/codecs.h"
#include "storage/columnar/codec/compare.h"

namespace heliosdb::codec {

namespace {

// Run ends of column (values compared by bytes).
std::vector<int64_t> RunEnds(const ColumnView& c) {
  std::vector<int64_t> ends;
  size_t width = StorageTypeWidth(c.type);
  for (idx_t i = 1; i <= c.count; i++) {
    if (i == c.count || std::memcmp(c.fixed + (i - 1) * width, c.fixed + i * width, width) != 0) {
      ends.push_back(static_cast<int64_t>(i));
    }
  }
  return ends;
}

uint64_t Analyze(const ColumnView& sample) {
  std::vector<int64_t> ends = RunEnds(sample);
  return 2 + ends.size() * StorageTypeWidth(sample.type) +
         bitpack::EncodedBytes(ends.data(), ends.size());
}

bool Compress(const ColumnView& column, std::string& out) {
  std::vector<int64_t> ends = RunEnds(column);
  size_t width = StorageTypeWidth(column.type);
  PutVarint(out, ends.size());
  for (int64_t end : ends)
    out.append(reinterpret_cast<const char*>(column.fixed + (end - 1) * width), width);
  bitpack::Encode(ends.data(), ends.size(), out);
  return true;
}

struct Runs {
  std::string_view values;
  bitpack::Decoder ends;
};

Runs Open(std::string_view payload, StorageType type, idx_t count) {
  PayloadReader in(payload);
  uint64_t runs = in.Count(count);
  std::string_view values = in.Bytes(runs * StorageTypeWidth(type));
  return Runs{values, bitpack::Decoder(in, runs)};
}

void Decompress(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out) {
  Runs runs = Open(payload, type, count);
  std::vector<int64_t> ends(runs.ends.size());
  runs.ends.DecodeAll(ends.data());
  CheckFormat(ends.empty() ? count == 0 : static_cast<uint64_t>(ends.back()) == count,
              "run lengths do not add up");
  out.Reset(type, count);
  size_t width = StorageTypeWidth(type);
  uint64_t begin = 0;
  for (idx_t r = 0; r < ends.size(); r++) {
    uint64_t end = static_cast<uint64_t>(ends[r]);
    CheckFormat(begin < end && end <= count, "run ends out of order");
    const char* value = runs.values.data() + r * width;
    for (uint64_t i = begin; i < end; i++) std::memcpy(out.fixed() + i * width, value, width);
    begin = end;
  }
}

// The run holding row (first end greater than row). Throws on ends that cannot hold it.
idx_t FindRun(const bitpack::Decoder& ends, idx_t row) {
  idx_t lo = 0, hi = ends.size();
  while (lo < hi) {
    idx_t mid = (lo + hi) / 2;
    if (static_cast<uint64_t>(ends.Get(mid)) > row) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  CheckFormat(lo < ends.size(), "row past the last run");
  return lo;
}

void Fetch(std::string_view payload, StorageType type, idx_t count, idx_t row, ColumnBuffer& out) {
  Runs runs = Open(payload, type, count);
  idx_t r = FindRun(runs.ends, row);
  size_t width = StorageTypeWidth(type);
  out.Reset(type, 1);
  std::memcpy(out.fixed(), runs.values.data() + r * width, width);
}

void Filter(std::string_view payload, StorageType type, idx_t count, CompareOp op,
            const CompareConstant& constant, Selection& sel) {
  Runs runs = Open(payload, type, count);
  size_t width = StorageTypeWidth(type);
  uint64_t begin = 0;
  for (idx_t r = 0; r < runs.ends.size(); r++) {
    uint64_t end = static_cast<uint64_t>(runs.ends.Get(r));
    CheckFormat(begin < end && end <= count, "run ends out of order");
    const auto* value = reinterpret_cast<const uint8_t*>(runs.values.data() + r * width);
    if (Satisfies(op, CompareFixed(type, value, constant))) {
      for (uint64_t i = begin; i < end; i++) sel.push_back(static_cast<uint32_t>(i));
    }
    begin = end;
  }
}

}  // namespace

const Codec kRleCodec = {CodecId::kRle, "rle", SupportsFixedWidth, Analyze, Compress, Decompress,
                         Fetch,         Filter};

}  // namespace heliosdb::codec
