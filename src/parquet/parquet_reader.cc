#include "parquet/parquet_reader.h"

#include <cstring>

#include "parquet/column_reader.h"
#include "parquet/parquet_error.h"

namespace heliosdb::parquet {

namespace {
constexpr size_t kTail = 8;  // footer length + magic
}  // namespace

// Errors about the bytes name the file they come from.
template <typename F>
auto ParquetReader::WithFileName(F&& body) {
  try {
    return body();
  } catch (DbException& e) {
    if (e.status().sqlstate() == kBadFileFormat)
      throw DbException(Status::Error(e.status().sqlstate(),
                                      "file \"" + file_->name() + "\": " + e.status().message()));
    throw;
  }
}

ParquetReader::ParquetReader(std::unique_ptr<RandomAccessFile> file) : file_(std::move(file)) {
  WithFileName([&] {
    uint64_t size = file_->size();
    if (size < 12 || file_->Read(0, 4) != "PAR1")
      ThrowCorrupt(0, "not a Parquet file (no PAR1 magic at the start)");
    std::string tail = file_->Read(size - kTail, kTail);
    if (tail.substr(4) == "PARE") ThrowUnsupported("encrypted footer");
    if (tail.substr(4) != "PAR1")
      ThrowCorrupt(size - 4, "not a Parquet file (no PAR1 magic at the end)");
    uint32_t length;
    std::memcpy(&length, tail.data(), 4);
    if (length > size - 12)
      ThrowCorrupt(size - kTail, "footer length " + std::to_string(length) + " exceeds the file");
    uint64_t footer_offset = size - kTail - length;
    meta_ = ParseFileMetaData(file_->Read(footer_offset, length), footer_offset);
    columns_ = ColumnsOfSchema(meta_.schema, footer_offset);
    if (columns_.empty()) ThrowCorrupt(footer_offset, "footer has no columns");
    size_t leaves = 0;
    for (const SchemaElement& e : meta_.schema) leaves += e.type ? 1 : 0;
    for (const RowGroup& g : meta_.row_groups) {
      if (g.columns.size() != leaves)
        ThrowCorrupt(footer_offset, "row group has " + std::to_string(g.columns.size()) +
                                        " column chunks for " + std::to_string(leaves) +
                                        " columns");
      if (g.num_rows < 0) ThrowCorrupt(footer_offset, "row group with a negative row count");
      for (const ColumnChunk& c : g.columns)
        if (!c.meta_data) ThrowUnsupported("column chunk in another file");
    }
    return 0;
  });
}

std::vector<std::vector<Value>> ParquetReader::ReadRowGroup(size_t group,
                                                            const std::vector<size_t>& projection) {
  return WithFileName([&] {
    const RowGroup& g = meta_.row_groups[group];
    std::vector<std::vector<Value>> out;
    for (size_t c : projection) {
      const ReadColumn& column = columns_[c];
      out.push_back(
          ReadColumnChunk(*file_, *g.columns[column.leaf_index].meta_data, column, g.num_rows));
    }
    return out;
  });
}

std::vector<ReadColumn> ReadParquetSchema(const std::string& path) {
  return ParquetReader(OpenFile(path)).columns();
}

}  // namespace heliosdb::parquet
