// The structs behind the C API's opaque handles, shared by c_api.cc (databases, exec, errors)
// and c_api_stmt.cc (prepared statements). Built on the public C++ API only.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "heliosdb.h"
#include "heliosdb/database.h"

struct helios_stmt;

struct helios_db {
  std::unique_ptr<heliosdb::Database> database;
  std::unique_ptr<heliosdb::Connection> connection;
  std::set<helios_stmt*> statements;  // finalized by helios_close
  int errcode = HELIOS_OK;
  std::string errmsg = "not an error";
  std::string sqlstate = "00000";
  int64_t changes = 0;
};

struct helios_stmt {
  helios_db* db = nullptr;
  std::unique_ptr<heliosdb::PreparedStatement> prepared;
  std::optional<heliosdb::QueryResult> result;  // set by the first helios_step
  int64_t row = -1;                             // the current row; -1 before the first
  std::vector<std::string> decltypes;           // PostgreSQL type names of the columns
  // Values of the current row, converted on demand (the pointers handed out stay valid
  // until the row changes).
  std::vector<std::optional<std::string>> text_cache;
  std::vector<std::optional<std::string>> blob_cache;
};

namespace heliosdb::capi {

// Records a failed Status on db and returns the C error code for it.
int SetError(helios_db* db, const Status& status);
// Records an error that is not an SQL error (misuse, range, out of memory).
int SetError(helios_db* db, int code, const std::string& sqlstate, const std::string& message);
void ClearError(helios_db* db);
// The code for a SQLSTATE: class 23 is HELIOS_CONSTRAINT, 25006 HELIOS_READONLY, ...
int CodeForSqlstate(const std::string& sqlstate);

}  // namespace heliosdb::capi
