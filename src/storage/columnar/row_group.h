// RowGroup: an immutable group of up to kRowGroupRows row versions of one table in the cold tier,
// one compressed segment (codec/segment.h) per stored column plus the rows' keys and SCNs, and a
// header with the slot types and min/max zone maps. row_group.cc draws the bytes;
// docs/format/row-group.md describes them.
//
// Rows are stored in key order, one version per key: a row is the version that was the newest
// committed one when the tiering mover froze it, with the SCN it was committed at (begin). Its
// end (the SCN of a later update or delete) is not known when the group is written: it lives in
// the versioned keyspace (cold_tier.h), so the group never changes after it is written.
//
// Thread safety: a RowGroup is immutable and may be read from any thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/data_chunk.h"
#include "common/value.h"
#include "storage/columnar/codec/vector_bridge.h"
#include "storage/columnar/row_key_form.h"
#include "txn/transaction.h"

namespace heliosdb {

inline constexpr uint8_t kRowGroupFormatVersion = 1;
inline constexpr idx_t kRowGroupRows = 122880;  // 60 vectors of 2048, DuckDB's row group size

// The fixed segments that precede the table's columns in a row group.
enum RowGroupSegment : uint32_t { kKeySegment = 0, kBeginScnSegment = 1, kEndScnSegment = 2 };
inline constexpr uint32_t kFirstColumnSegment = 3;

// Min and max of one column's non-NULL values; has_values false when all are NULL.
struct ZoneMap {
  bool has_values = false;
  Value min, max;
};

// What one segment holds, for pg_column_compression and pg_storage_tiers.
struct SegmentInfo {
  std::string codec;
  uint64_t raw_bytes = 0;
  uint64_t stored_bytes = 0;
};

// The bytes of a written row group: the header and one string per segment (key, begin SCN,
// end SCN, then one per slot), stored as separate values so a point read loads only the
// segments it needs.
struct EncodedRowGroup {
  std::string header;
  std::vector<std::string> segments;
};

// Gathers row versions in key order and writes them as one row group. Thread safety: none.
class RowGroupWriter {
 public:
  // types: the table's storage slots (row_codec.h), in slot order. forced: one codec per slot
  // from a `compression` setting (nullptr entries, or an empty vector: the analysis picks).
  explicit RowGroupWriter(std::vector<LogicalType> types,
                          std::vector<const codec::Codec*> forced = {});
  // REQUIRES: key greater than every key added before; count() < kRowGroupRows.
  void Add(std::string_view key, Scn begin, std::string_view row);
  idx_t count() const { return count_; }
  // Compresses everything added into a row group. REQUIRES: count() > 0.
  EncodedRowGroup Finish();

 private:
  void FlushChunk();

  std::vector<LogicalType> types_;
  std::vector<const codec::Codec*> forced_;
  std::vector<ZoneMap> zones_;
  std::vector<std::string> keys_;
  std::vector<int64_t> begins_;
  DataChunk chunk_;                // the rows being decoded
  std::vector<DataChunk> chunks_;  // full chunks, compressed column by column at Finish
  std::vector<int> all_slots_;
  idx_t count_ = 0;
};

// A row group read back. The constructor checks the header's version and checksum and every
// segment's (XX001 "row group is corrupted: ..." on any mismatch).
class RowGroup {
 public:
  RowGroup(std::string header, std::vector<std::string> segments);

  idx_t count() const { return count_; }
  const std::vector<LogicalType>& types() const { return types_; }
  const std::vector<ZoneMap>& zone_maps() const { return zones_; }
  std::string_view min_key() const { return min_key_; }
  std::string_view max_key() const { return max_key_; }
  Scn min_begin() const { return min_begin_; }
  uint64_t stored_bytes() const;
  // Per segment (key, begin SCN, end SCN, then slots).
  std::vector<SegmentInfo> Segments() const;

  // The row number holding key, found by binary search over single-row fetches.
  std::optional<idx_t> Find(std::string_view key) const;
  // The first row whose key is >= key (count() when none).
  idx_t LowerBound(std::string_view key) const;
  std::string KeyAt(idx_t row) const;
  Scn BeginAt(idx_t row) const;
  // The row's value in the row encoding, from single-row fetches of each column segment.
  std::string FetchRow(idx_t row) const;

  // Rows [from, to) decoded at once, for scans: keys, begin SCNs and row encodings, in key
  // order. REQUIRES: from <= to <= count().
  struct Decoded {
    std::vector<std::string> keys;
    std::vector<Scn> begins;
    std::vector<std::string> rows;
  };
  // with_rows false: keys and begin SCNs only (the column segments are not read).
  Decoded Decode(idx_t from, idx_t to, bool with_rows = true) const;
  Decoded DecodeAll() const { return Decode(0, count_); }

 private:
  // Row `row` of the decoded key segment as key bytes.
  std::string KeyOf(const codec::ColumnBuffer& keys, idx_t row) const;
  // Slot s of row `row`, from one single-row fetch.
  Value FetchValue(size_t s, idx_t row) const;
  // Rows [offset, offset + n) of slot s into column s of out.
  void ScanSlot(size_t s, idx_t offset, idx_t n, codec::ScanCache& cache, DataChunk& out) const;

  std::string header_;
  std::vector<std::string> bytes_;
  std::vector<codec::SegmentReader> segments_;
  std::vector<uint64_t> raw_bytes_;  // per segment: the uncompressed size (ColumnView::RawBytes)
  std::vector<LogicalType> types_;
  std::vector<uint8_t> encodings_;  // per slot: row_group.cc's slot encoding
  std::vector<ZoneMap> zones_;
  std::string min_key_, max_key_;
  RowKeyForm key_form_ = RowKeyForm::kBytes;
  Scn min_begin_ = 0;
  idx_t count_ = 0;
};

}  // namespace heliosdb
