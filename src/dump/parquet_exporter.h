// Export as Parquet files, one per table (`heliosdb-nano export PATH --format parquet -o DIR`):
// DIR/<schema>.<table>.parquet, written by COPY ... TO (FORMAT parquet) inside one REPEATABLE
// READ, READ ONLY transaction, so every file comes from the same snapshot. Parquet carries
// rows and column types only (no keys, indexes or views): an exchange format for DuckDB,
// Spark and pandas, not a dump (docs/UPGRADE.md).
#pragma once

#include <cstdint>
#include <string>

namespace heliosdb::dump {

struct ParquetExportStats {
  int64_t tables = 0;
  int64_t rows = 0;
};

// Creates DIR when missing. Throws DbException (58030 when DIR cannot be made).
ParquetExportStats ExportParquet(const std::string& db_path, const std::string& dir,
                                 bool compress = true);

}  // namespace heliosdb::dump
