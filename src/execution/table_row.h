// Conversions between a table's rows as the SQL layer sees them (one Value per column, in
// column order) and as they are stored (row_codec.h: one value per slot; dropped columns
// keep their slot as NULL), and the storage keys of rows and index entries:
//   row key          EncodeKey(primary key values), or EncodeKey({hidden row id})
//   index entry key  EncodeKey(index values) for a unique index whose values have no NULL;
//                    EncodeKey(index values) ++ row key otherwise
//   index entry value  the row key
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog_entry.h"
#include "common/value.h"

namespace heliosdb {

std::string EncodeTableRow(const TableInfo& table, const std::vector<Value>& row);
std::vector<Value> DecodeTableRow(const TableInfo& table, std::string_view bytes);
// REQUIRES: table.has_primary_key().
std::string PrimaryKeyOf(const TableInfo& table, const std::vector<Value>& row);
// The index values of a row; `has_null` tells whether any is NULL.
std::vector<Value> IndexValuesOf(const IndexInfo& index, const std::vector<Value>& row,
                                 bool* has_null);
std::string IndexEntryKey(const IndexInfo& index, const std::vector<Value>& row,
                          const std::string& row_key);
// "(a, b)=(1, x)" for DETAIL lines of constraint violations.
std::string DescribeKey(const TableInfo& table, const std::vector<int>& columns,
                        const std::vector<Value>& row);

}  // namespace heliosdb
