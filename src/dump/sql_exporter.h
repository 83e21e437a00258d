// Export as a plain SQL script for PostgreSQL 15 (and Citus): DDL, one COPY ... FROM stdin
// block per table in COPY text format, then constraints, indexes, sequence states and views,
// all from one snapshot. `psql -v ON_ERROR_STOP=1 -f FILE` loads it.
#pragma once

#include <cstdint>
#include <string>

#include "dump/ddl_script.h"

namespace heliosdb::dump {

struct SqlExportOptions {
  DdlOptions ddl;
  bool pgvector = false;  // map vectors to pgvector (no vector columns exist yet)
};

// The header that makes a session interpret the COPY text as it was written.
std::string SessionSetupSql();

// Throws DbException; a failed export removes the partial file. Returns the rows written.
int64_t ExportSql(const std::string& db_path, const std::string& file,
                  const SqlExportOptions& options);

}  // namespace heliosdb::dump
