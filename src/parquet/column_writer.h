// ColumnWriter: one column of the row group being written. It buffers the row group's values
// with their definition and repetition levels, then writes the column chunk: a dictionary page
// and RLE_DICTIONARY data pages when the column has few distinct values (the dictionary stays
// under 1 MB and under half the values), PLAIN data pages otherwise; data page v1, each
// compressed by the chosen codec; min / max / null count statistics in the chunk's metadata
// (no min / max for intervals, which Parquet leaves unordered, or strings over 64 bytes).
// Not thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/value.h"
#include "parquet/file_metadata.h"
#include "parquet/schema_mapping.h"

namespace heliosdb::parquet {

class ColumnWriter {
 public:
  ColumnWriter(const WriteColumn& column, Codec codec);
  const LeafType& leaf() const { return leaf_; }
  // One row's value (NULL, a scalar, or for array columns an array).
  void Append(const Value& v);
  size_t buffered_bytes() const { return buffered_bytes_; }
  // Writes the buffered rows as a column chunk starting at file offset `offset`, appending its
  // bytes to out; returns its metadata and clears the buffer.
  ColumnChunk Flush(int64_t offset, std::string* out);

 private:
  void AddValue(const Value& v);
  void WritePage(PageHeader header, const std::string& body, std::string* out);
  // The level where the page starting at `level` (and value `value`) ends.
  size_t PageEnd(size_t level, size_t value) const;
  // indices: the dictionary index of each value, or null for PLAIN pages.
  void WriteDataPages(const std::vector<uint32_t>* indices, std::string* out);
  std::string Levels(size_t begin, size_t end, bool repetition) const;
  std::optional<std::vector<uint32_t>> BuildDictionary(std::string* dictionary) const;

  WriteColumn column_;
  LeafType leaf_;
  Codec codec_;
  int max_def_ = 1;
  int max_rep_ = 0;
  std::vector<uint8_t> def_;
  std::vector<uint8_t> rep_;
  std::vector<Value> values_;  // physical, non-NULL only
  size_t buffered_bytes_ = 0;
  int64_t nulls_ = 0;
  std::optional<Value> min_, max_;  // logical values
  bool wide_values_ = false;        // a value too long for statistics
  int64_t uncompressed_ = 0, compressed_ = 0;
};

}  // namespace heliosdb::parquet
