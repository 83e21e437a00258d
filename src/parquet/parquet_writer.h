// ParquetWriter: writes rows to a Parquet file through a byte sink, one row group per
// `row_group_rows` rows (122,880 by default, DuckDB's row group size) or earlier when the
// buffered values pass 256 MB. The footer is written by Finish; a writer destroyed before
// Finish leaves an incomplete file that readers refuse (no footer magic).
// Not thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/data_chunk.h"
#include "parquet/column_writer.h"

namespace heliosdb::parquet {

struct WriterOptions {
  Codec codec = Codec::kZstd;
  size_t row_group_rows = 122880;
};

class ParquetWriter {
 public:
  using Sink = std::function<void(std::string_view)>;
  // Writes the leading magic at once. Throws 0A000 for a column type without a mapping.
  ParquetWriter(std::vector<WriteColumn> columns, WriterOptions options, Sink sink);
  ~ParquetWriter();
  // REQUIRES: the chunk's columns are the writer's columns, in order, of the same types.
  void Append(const DataChunk& chunk);
  void AppendRow(const std::vector<Value>& row);
  void Finish();
  int64_t rows() const { return meta_.num_rows; }

 private:
  void RowDone();
  void FlushRowGroup();
  void Emit(std::string_view bytes);

  std::vector<WriteColumn> columns_;
  WriterOptions options_;
  Sink sink_;
  std::vector<std::unique_ptr<ColumnWriter>> writers_;
  FileMetaData meta_;
  int64_t offset_ = 0;
  size_t group_rows_ = 0;
};

}  // namespace heliosdb::parquet
