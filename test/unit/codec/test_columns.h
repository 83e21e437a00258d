// Columns for the codec tests: random, adversarial and real-shaped data of every storage type,
// each owning its values and validity.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/columnar/codec/column_data.h"

namespace heliosdb::codec::test {

struct TestColumn {
  std::string name;
  StorageType type = StorageType::kInt64;
  idx_t count = 0;
  std::vector<uint8_t> fixed;
  std::vector<std::string> strings;
  std::vector<std::string_view> views;
  std::vector<uint64_t> validity;  // empty: no NULLs

  ColumnView view() const;
  void SetNull(idx_t row);
  // views point into strings: move a TestColumn, never copy it.
  TestColumn() = default;
  TestColumn(TestColumn&&) = default;
  TestColumn& operator=(TestColumn&&) = default;
};

// Every test case of every storage type (a few hundred columns, a few MB in all).
std::vector<TestColumn> AllTestColumns();

// Columns built from values.
TestColumn IntColumn(std::string name, StorageType type, const std::vector<int64_t>& values);
TestColumn DoubleColumn(std::string name, const std::vector<double>& values);
TestColumn FloatColumn(std::string name, const std::vector<float>& values);
TestColumn StringColumn(std::string name, std::vector<std::string> values);

}  // namespace heliosdb::codec::test
