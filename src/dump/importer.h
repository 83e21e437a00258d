// Import of a dump format v2 file into a database: the whole file is checked first (every
// block checksum and the trailer), so a damaged dump changes nothing; then tables are created,
// rows loaded through COPY, and constraints, indexes, sequence states and views follow.
#pragma once

#include <cstdint>
#include <string>

namespace heliosdb::dump {

struct ImportOptions {
  bool force = false;  // load into a database that already holds objects
};

struct ImportStats {
  int64_t tables = 0;
  int64_t rows = 0;
  int64_t branches = 0;
};

// Throws DbException. Refuses (55000) a target holding objects unless force. When the import
// fails and the target did not exist before, the partial database is removed.
ImportStats ImportDump(const std::string& file, const std::string& db_path,
                       const ImportOptions& options);

}  // namespace heliosdb::dump
