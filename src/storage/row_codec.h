// Row encoding of a table row's column values (the value of a row version in the keyspace).
//
//   u8  format (1)
//   varint column count N
//   null bitmap: ceil(N/8) bytes, bit i set = column i is NULL
//   for each non-NULL column, in column order, by physical type:
//     bool 1 byte; int64 zigzag varint; double 8 bytes LE; decimal varint scale + 16 bytes LE;
//     string varint length + bytes; interval 4+4+8 bytes LE; uuid 16 bytes
// Columns past N (added later by ALTER TABLE ADD COLUMN) decode as NULL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/data_chunk.h"
#include "common/value.h"

namespace heliosdb {

// REQUIRES: values[i] has the physical type of types[i] or is NULL.
void EncodeRow(const std::vector<Value>& values, const std::vector<LogicalType>& types,
               std::string* out);
// Decodes all of types.size() columns; missing trailing ones are NULL. Throws XX001 on
// malformed bytes.
std::vector<Value> DecodeRow(std::string_view bytes, const std::vector<LogicalType>& types);
// Decodes the columns listed in `columns` (indexes into types, any order) of one row straight
// into row `row` of out's vectors: out.column(k) receives column columns[k].
void DecodeRowInto(std::string_view bytes, const std::vector<LogicalType>& types,
                   const std::vector<int>& columns, DataChunk* out, idx_t row);
// Row encoding of row `row` of a chunk that has one column per table column.
void EncodeRowFromChunk(const DataChunk& chunk, idx_t row, const std::vector<LogicalType>& types,
                        std::string* out);

}  // namespace heliosdb
