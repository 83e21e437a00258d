// QueryResult::Impl: a statement's materialized result: column names and types, the rows as
// flat DataChunks, and the command tag.
#pragma once

#include <string>
#include <vector>

#include "common/data_chunk.h"
#include "common/types/value_text.h"
#include "heliosdb/database.h"

namespace heliosdb {

struct QueryResult::Impl {
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  std::vector<DataChunk> chunks;
  std::vector<size_t> chunk_start;  // first row of each chunk
  size_t rows = 0;
  std::string tag;
  int64_t affected = 0;
  bool returns_rows = false;
  TextFormatOptions format;

  void Append(DataChunk chunk);
  // The chunk and row within it holding row `row`. REQUIRES: row < rows.
  std::pair<const DataChunk*, idx_t> Locate(size_t row) const;
};

}  // namespace heliosdb
