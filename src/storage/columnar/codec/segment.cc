#include "storage/columnar/codec/segment.h"

#include <xxhash.h>

#include <bit>
#include <cstring>

#include "common/exception.h"
#include "storage/columnar/codec/analyze.h"
#include "storage/columnar/codec/codec_registry.h"
#include "storage/columnar/codec/compare.h"
#include "storage/columnar/codec/payload_reader.h"

namespace heliosdb::codec {

namespace {

// The column with each NULL row holding the previous valid value (the first valid value before
// any): runs, deltas and dictionaries pass over NULLs unbroken.
struct FilledColumn {
  std::vector<uint8_t> fixed;
  std::vector<std::string_view> strings;
  ColumnView view;
};

FilledColumn Fill(const ColumnView& column) {
  FilledColumn f;
  f.view = column;
  f.view.validity = nullptr;
  if (!column.validity) return f;
  idx_t first = 0;
  while (first < column.count && !column.IsValid(first)) first++;
  if (column.type == StorageType::kString) {
    f.strings.assign(column.strings, column.strings + column.count);
    std::string_view last = first < column.count ? column.strings[first] : std::string_view();
    for (idx_t i = 0; i < column.count; i++) {
      if (column.IsValid(i)) {
        last = f.strings[i];
      } else {
        f.strings[i] = last;
      }
    }
    f.view.strings = f.strings.data();
    return f;
  }
  size_t width = StorageTypeWidth(column.type);
  f.fixed.assign(column.fixed, column.fixed + column.count * width);
  std::vector<uint8_t> last(width, 0);
  if (first < column.count) std::memcpy(last.data(), column.fixed + first * width, width);
  for (idx_t i = 0; i < column.count; i++) {
    if (column.IsValid(i)) {
      std::memcpy(last.data(), column.fixed + i * width, width);
    } else {
      std::memcpy(f.fixed.data() + i * width, last.data(), width);
    }
  }
  f.view.fixed = f.fixed.data();
  return f;
}

idx_t WordCount(idx_t count) {
  return (count + 63) / 64;
}

}  // namespace

EncodedSegment WriteSegment(const ColumnView& column, const Codec* forced) {
  if (column.count > kMaxSegmentRows) {
    ThrowError(sqlstate::kProgramLimitExceeded,
               "column segment of " + std::to_string(column.count) + " rows exceeds the limit");
  }
  if (forced && !forced->supports(column.type)) {
    ThrowError(sqlstate::kInvalidParameterValue,
               std::string("compression method \"") + forced->name +
                   "\" does not support values of type " + StorageTypeName(column.type));
  }
  idx_t nulls = 0;
  if (column.validity) {
    for (idx_t i = 0; i < column.count; i++) nulls += !column.IsValid(i);
  }
  FilledColumn filled = Fill(column);

  EncodedSegment seg;
  seg.raw_bytes = column.RawBytes();
  std::string& out = seg.bytes;
  out.push_back(static_cast<char>(kSegmentFormatVersion));
  out.push_back(0);  // codec id, set below
  out.push_back(static_cast<char>(column.type));
  PutVarint(out, column.count);
  PutVarint(out, nulls);
  if (nulls) {
    for (idx_t w = 0; w < WordCount(column.count); w++) {
      uint64_t word = column.validity[w];
      // Bits past the last row are not the column's: store them as 0.
      if (w == WordCount(column.count) - 1 && column.count % 64) {
        word &= (uint64_t{1} << (column.count % 64)) - 1;
      }
      PutFixed<uint64_t>(out, word);
    }
  }
  size_t header = out.size();
  std::vector<const Codec*> order;
  if (forced) order.push_back(forced);
  for (const CodecEstimate& e : RankCodecs(filled.view)) order.push_back(e.codec);
  for (const Codec* codec : order) {
    if (codec->compress(filled.view, out)) {
      seg.codec = codec;
      break;
    }
    out.resize(header);
  }
  HELIOS_ASSERT(seg.codec);  // 'none' takes any data
  out[1] = static_cast<char>(seg.codec->id);
  PutFixed<uint64_t>(out, XXH64(out.data(), out.size(), 0));
  return seg;
}

SegmentReader::SegmentReader(std::string_view bytes) {
  CheckFormat(bytes.size() >= 8, "truncated");
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  uint64_t checksum;
  std::memcpy(&checksum, bytes.data() + body.size(), 8);
  CheckFormat(XXH64(body.data(), body.size(), 0) == checksum, "checksum mismatch");
  PayloadReader in(body);
  uint8_t version = in.U8();
  if (version != kSegmentFormatVersion) {
    ThrowError(sqlstate::kDataCorrupted, "segment format version " + std::to_string(version) +
                                             " is not supported (this build reads version " +
                                             std::to_string(kSegmentFormatVersion) + ")");
  }
  codec_ = FindCodec(static_cast<CodecId>(in.U8()));
  CheckFormat(codec_ != nullptr, "unknown codec id");
  uint8_t type = in.U8();
  CheckFormat(type < kStorageTypeCount, "unknown storage type");
  type_ = static_cast<StorageType>(type);
  CheckFormat(codec_->supports(type_), "codec does not support the storage type");
  count_ = in.Count(kMaxSegmentRows);
  null_count_ = in.Count(count_);
  if (null_count_) {
    std::string_view words = in.Bytes(WordCount(count_) * 8);
    validity_.resize(WordCount(count_));
    std::memcpy(validity_.data(), words.data(), words.size());
    idx_t valid = 0;
    for (uint64_t w : validity_) valid += std::popcount(w);
    CheckFormat(valid == count_ - null_count_, "validity does not match the null count");
  }
  payload_ = in.Rest();
}

void SegmentReader::Decompress(ColumnBuffer& out) const {
  codec_->decompress(payload_, type_, count_, out);
  CheckFormat(out.count() == count_ && out.type() == type_, "codec decoded a different shape");
}

void SegmentReader::Fetch(idx_t row, ColumnBuffer& out) const {
  HELIOS_ASSERT(row < count_);
  if (codec_->fetch) return codec_->fetch(payload_, type_, count_, row, out);
  ColumnBuffer all;
  Decompress(all);
  out.SetToRow(all.view(), row);
}

void SegmentReader::Filter(CompareOp op, const CompareConstant& constant, Selection& sel) const {
  size_t start = sel.size();
  if (codec_->filter) {
    codec_->filter(payload_, type_, count_, op, constant, sel);
  } else {
    ColumnBuffer all;
    Decompress(all);
    FilterDecoded(all.view(), op, constant, sel);
  }
  if (validity_.empty()) return;
  size_t kept = start;
  for (size_t i = start; i < sel.size(); i++) {
    if (IsValid(sel[i])) sel[kept++] = sel[i];
  }
  sel.resize(kept);
}

}  // namespace heliosdb::codec
