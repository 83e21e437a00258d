// Columns for the codec benchmarks: TPC-H columns read from the generator's CSV files
// (bench/tpch/dbgen) and generated float time series, in the cold tier's storage types.
#pragma once

#include <string>
#include <vector>

#include "storage/columnar/codec/column_data.h"

namespace heliosdb::codec::bench {

struct BenchColumn {
  std::string name;
  StorageType type = StorageType::kInt64;
  idx_t count = 0;
  std::vector<uint8_t> fixed;
  std::string arena;  // string bytes; views point into it
  std::vector<std::string_view> views;

  ColumnView view() const;
  // Rows [offset, offset + n).
  ColumnView Slice(idx_t offset, idx_t n) const { return view().Slice(offset, n); }
};

// How a CSV field becomes a column.
enum class FieldKind { kInt32, kInt64, kDecimal2AsInt64, kDecimalAsDouble, kDate, kString };

struct FieldSpec {
  std::string table;  // "lineitem" reads <dir>/lineitem.csv
  int field;          // 0-based, fields separated by '|'
  FieldKind kind;
  std::string name;
};

// Reads the field of up to max_rows rows. Throws std::runtime_error when the file is missing.
BenchColumn LoadField(const std::string& dir, const FieldSpec& spec, idx_t max_rows);
// Reads several fields of one table in one pass.
std::vector<BenchColumn> LoadFields(const std::string& dir, const std::vector<FieldSpec>& specs,
                                    idx_t max_rows);

// A temperature sensor sampled every second: daily and slow cycles plus Gaussian noise, read
// with 0.01 resolution (so values are decimals with two digits).
BenchColumn SensorSeries(idx_t n, unsigned seed);
// The same signal without the rounding: full-precision doubles (ALP-RD territory).
BenchColumn SensorSeriesRaw(idx_t n, unsigned seed);
// A stock price: a random walk in cents, written as a double with two decimals.
BenchColumn StockWalk(idx_t n, unsigned seed);

}  // namespace heliosdb::codec::bench
