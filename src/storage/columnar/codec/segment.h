// A compressed column segment: what the cold tier's row-group writer stores per column, and how
// its reader gets values, single rows and filter selections back.
//
//   +-------+----------+---------+--------------+-------------+------------------------------+
//   | u8    | u8 codec | u8 type | varint count | varint nulls| validity: ceil(count/64) x   |
//   | ver 1 | id       |         |              |             | u64 (only when nulls > 0)    |
//   +-------+----------+---------+--------------+-------------+------------------------------+
//   | codec payload (codec.h; NULL rows hold the previous valid value)  | u64 XXH64 of all  |
//   |                                                                   | bytes before it   |
//   +-------------------------------------------------------------------+-------------------+
//
// Validity bit i (word i / 64, bit i % 64) is 1 for a non-NULL row. The version byte is checked
// on read; a reader refuses versions it does not know.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/columnar/codec/codec.h"

namespace heliosdb::codec {

inline constexpr uint8_t kSegmentFormatVersion = 1;
// Row groups hold ~120k rows; a count past this is corruption (and would not fit a Selection).
inline constexpr idx_t kMaxSegmentRows = idx_t{1} << 24;

struct EncodedSegment {
  std::string bytes;
  const Codec* codec = nullptr;
  uint64_t raw_bytes = 0;  // ColumnView::RawBytes of the input, for ratios
};

// Compresses column (with its NULLs) into a segment. forced: the codec a `compression` setting
// names, or nullptr for the analysis' choice. A forced codec that cannot take this data (a
// constant codec on varied values) yields to the analysis' choice, as DuckDB's forced methods do.
// Throws 22023 when forced does not support the column's type, 54000 past kMaxSegmentRows.
EncodedSegment WriteSegment(const ColumnView& column, const Codec* forced = nullptr);

// Reads a segment in place (bytes must outlive the reader). The constructor checks the version,
// codec id, type, counts and checksum and throws XX001 on any mismatch; decoding throws XX001 on
// a payload that the checksum let through but the codec cannot parse.
class SegmentReader {
 public:
  explicit SegmentReader(std::string_view bytes);

  const Codec& codec() const { return *codec_; }
  StorageType type() const { return type_; }
  idx_t count() const { return count_; }
  idx_t null_count() const { return null_count_; }
  bool IsValid(idx_t row) const {
    return validity_.empty() || ((validity_[row >> 6] >> (row & 63)) & 1);
  }
  // nullptr when the segment has no NULLs.
  const uint64_t* validity() const { return validity_.empty() ? nullptr : validity_.data(); }
  std::string_view payload() const { return payload_; }

  // All values (NULL rows hold a filler value; check IsValid).
  void Decompress(ColumnBuffer& out) const;
  // Row `row` into row 0 of out. REQUIRES: row < count().
  void Fetch(idx_t row, ColumnBuffer& out) const;
  // Appends the non-NULL rows with `value op constant`, ascending.
  void Filter(CompareOp op, const CompareConstant& constant, Selection& sel) const;

 private:
  const Codec* codec_ = nullptr;
  StorageType type_ = StorageType::kInt64;
  idx_t count_ = 0;
  idx_t null_count_ = 0;
  std::vector<uint64_t> validity_;
  std::string_view payload_;
};

}  // namespace heliosdb::codec
