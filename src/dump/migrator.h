// migrate: copies a database (one snapshot) straight into a running PostgreSQL-protocol
// server: the SQL export's DDL, then each table by COPY FROM STDIN over libpq, several tables
// at once on `jobs` connections, then constraints, indexes, sequence states and views, and
// last verify. Resumable through MigrateState (migrate_state.h).
#pragma once

#include <string>

#include "dump/ddl_script.h"

namespace heliosdb::dump {

struct MigrateOptions {
  std::string target;      // conninfo / URL
  std::string state_file;  // default: PATH + ".migrate-state"
  int jobs = 2;
  DdlOptions ddl;
  // Rows per transaction on the target: the unit a resumed migration does not repeat.
  int64_t rows_per_transaction = 100000;
  // Tests only: exit the process abruptly (status 3) once this many ranges have committed,
  // leaving the copies in flight cut off, as a kill would.
  int stop_after_ranges = -1;
};

// Returns verify's number of differences. Throws DbException.
int Migrate(const std::string& db_path, const MigrateOptions& options);

}  // namespace heliosdb::dump
