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
  // Tests only: exit the process abruptly (status 3) once this many tables have committed,
  // leaving the copies in flight cut off, as a kill would.
  int stop_after_tables = -1;
};

// Returns verify's number of differences. Throws DbException.
int Migrate(const std::string& db_path, const MigrateOptions& options);

}  // namespace heliosdb::dump
