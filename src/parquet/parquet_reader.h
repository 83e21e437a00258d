// ParquetReader: a Parquet file's schema (from its footer) and its rows, one row group at a
// time, only the columns asked for. Errors (22P04 corrupted, 0A000 unsupported) name the file
// and the byte offset. Not thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "parquet/file_metadata.h"
#include "parquet/random_access_file.h"
#include "parquet/schema_mapping.h"

namespace heliosdb::parquet {

class ParquetReader {
 public:
  // Reads and checks the footer.
  explicit ParquetReader(std::unique_ptr<RandomAccessFile> file);
  const std::vector<ReadColumn>& columns() const { return columns_; }
  int64_t num_rows() const { return meta_.num_rows; }
  size_t row_groups() const { return meta_.row_groups.size(); }
  int64_t row_group_rows(size_t group) const { return meta_.row_groups[group].num_rows; }
  // The values of the projected columns (indexes into columns()) of one row group: one vector
  // of row values per projected column.
  std::vector<std::vector<Value>> ReadRowGroup(size_t group, const std::vector<size_t>& projection);

 private:
  template <typename F>
  auto WithFileName(F&& body);

  std::unique_ptr<RandomAccessFile> file_;
  FileMetaData meta_;
  std::vector<ReadColumn> columns_;
};

// The SQL types of a file's columns, for binding read_parquet('file').
std::vector<ReadColumn> ReadParquetSchema(const std::string& path);

}  // namespace heliosdb::parquet
