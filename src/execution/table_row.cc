#include "execution/table_row.h"

#include "storage/key_codec.h"
#include "storage/row_codec.h"

namespace heliosdb {

std::string EncodeTableRow(const TableInfo& table, const std::vector<Value>& row) {
  std::string out;
  // Until a column is dropped or re-typed, slots are the columns in order: no copy needed.
  bool in_order = table.slot_types.size() == table.columns.size();
  for (size_t i = 0; in_order && i < table.columns.size(); i++)
    in_order = table.columns[i].slot == static_cast<int>(i);
  if (in_order) {
    EncodeRow(row, table.slot_types, &out);
    return out;
  }
  std::vector<Value> slots(table.slot_types.size());
  for (size_t i = 0; i < table.columns.size(); i++) slots[table.columns[i].slot] = row[i];
  EncodeRow(slots, table.slot_types, &out);
  return out;
}

std::vector<Value> DecodeTableRow(const TableInfo& table, std::string_view bytes) {
  std::vector<Value> slots = DecodeRow(bytes, table.slot_types);
  std::vector<Value> row;
  row.reserve(table.columns.size());
  for (const auto& c : table.columns) {
    const Value& v = slots[c.slot];
    row.push_back(v.is_null() ? Value::Null(c.type) : v.WithType(c.type));
  }
  return row;
}

std::string PrimaryKeyOf(const TableInfo& table, const std::vector<Value>& row) {
  std::string key;
  for (int c : table.primary_key) EncodeKeyPart(row[c], false, &key);
  return key;
}

std::vector<Value> IndexValuesOf(const IndexInfo& index, const std::vector<Value>& row,
                                 bool* has_null) {
  std::vector<Value> values;
  *has_null = false;
  for (int c : index.columns) {
    values.push_back(row[c]);
    *has_null |= row[c].is_null();
  }
  return values;
}

std::string IndexEntryKey(const IndexInfo& index, const std::vector<Value>& row,
                          const std::string& row_key) {
  bool has_null;
  std::vector<Value> values = IndexValuesOf(index, row, &has_null);
  std::string key;
  for (const auto& v : values) EncodeKeyPart(v, false, &key);
  if (!index.unique || has_null) key += row_key;
  return key;
}

std::string DescribeKey(const TableInfo& table, const std::vector<int>& columns,
                        const std::vector<Value>& row) {
  std::string names, values;
  for (size_t i = 0; i < columns.size(); i++) {
    if (i) {
      names += ", ";
      values += ", ";
    }
    names += table.columns[columns[i]].name;
    values += row[columns[i]].is_null() ? "null" : row[columns[i]].ToString();
  }
  return "(" + names + ")=(" + values + ")";
}

}  // namespace heliosdb
