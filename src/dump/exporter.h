// Export to the dump format v2: one snapshot of the catalog and every table's rows, streamed
// into zstd-compressed, checksummed blocks (dump_writer.cc draws the layout).
#pragma once

#include <string>

namespace heliosdb::dump {

struct ExportOptions {
  std::string producer;           // "heliosdb-nano 0.1.0", recorded in the dump info
  bool include_indexes = false;   // secondary index definitions (rebuilt on import)
  bool include_config = false;    // the settings the rows were rendered under
  bool include_mvs = false;       // materialized views: an empty section until they exist
  bool include_branches = false;  // branches: an empty section until they exist
};

struct ExportStats {
  int64_t tables = 0;
  int64_t rows = 0;
  uint64_t bytes = 0;
};

// Throws DbException; a failed export removes the partial file.
ExportStats ExportDump(const std::string& db_path, const std::string& file,
                       const ExportOptions& options);
class SnapshotSource;
ExportStats ExportDump(SnapshotSource& source, const std::string& file,
                       const ExportOptions& options);

}  // namespace heliosdb::dump
