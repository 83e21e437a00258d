// Between execution's vectors (common/vector.h) and the cold tier's columns: which storage type
// a SQL type is kept in, a builder that gathers vectors into a column for WriteSegment, and a
// scan step that hands a segment's rows to execution as CONSTANT, DICTIONARY or flat vectors, so
// filters and aggregates run once per value instead of once per row (STYLE.md, after DuckDB).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/vector.h"
#include "storage/columnar/codec/segment.h"

namespace heliosdb::codec {

// The storage type of a column of type t: BOOLEAN kBool, SMALLINT kInt16, INTEGER and DATE
// kInt32, BIGINT, TIME and TIMESTAMP[TZ] kInt64, NUMERIC(p <= 18, s) kInt64 (the value scaled by
// 10^s), REAL kFloat, DOUBLE kDouble, TEXT, VARCHAR, CHAR and BYTEA kString. nullopt for the
// others (unconstrained or wide NUMERIC, INTERVAL, UUID, arrays): the segment writer stores their
// encoded bytes as kString instead.
std::optional<StorageType> StorageTypeFor(const LogicalType& t);

// Gathers rows of vectors (any kind) into one column. Thread safety: none.
class ColumnBuilder {
 public:
  // REQUIRES: StorageTypeFor(type) has a value.
  explicit ColumnBuilder(const LogicalType& type);
  // Appends rows [0, count) of v. Returns false, appending nothing, when a value has no place
  // in the storage type (NUMERIC 'NaN' in a scaled-integer column): the caller keeps this
  // segment in the fallback form.
  bool Append(const Vector& v, idx_t count);
  ColumnView view() const;
  idx_t count() const { return count_; }

 private:
  LogicalType type_;
  StorageType storage_;
  idx_t count_ = 0;
  std::vector<uint8_t> fixed_;
  std::vector<std::string> strings_;  // one string per row; views_ rebuilt by view()
  mutable std::vector<std::string_view> views_;
  std::vector<uint64_t> validity_;
  bool has_nulls_ = false;
};

// What ScanVector decodes once per segment and reuses for the segment's later vectors. A cache
// belongs to one reader (it remembers its address): use one cache per segment being scanned.
struct ScanCache {
  const SegmentReader* reader = nullptr;
  ColumnBuffer values;          // flat segments: all values
  Vector dictionary;            // dictionary segments: entries, plus a NULL entry at the end
  std::vector<uint32_t> codes;  // dictionary segments: row codes
  bool loaded = false;
};

// Rows [offset, offset + count) of a segment as a vector of type. A constant segment without
// NULLs yields a CONSTANT vector, a dictionary segment a DICTIONARY vector over its entries,
// anything else a flat vector. REQUIRES: count <= kVectorSize, offset + count <= reader.count(),
// and the segment's storage type is StorageTypeFor(type).
void ScanVector(const SegmentReader& reader, const LogicalType& type, idx_t offset, idx_t count,
                ScanCache& cache, Vector& out);

// Row `row` of a segment as a one-row flat vector of type, read with the codec's random access
// (point reads of the cold tier decode one value, not the segment). REQUIRES: as ScanVector.
void FetchVector(const SegmentReader& reader, const LogicalType& type, idx_t row, Vector& out);

}  // namespace heliosdb::codec
