// A connection to a HeliosDB database used by the dump verbs: statements that throw
// DbException on error, and COPY through a CopyStream of the caller's (the embedded
// connection has no client to exchange COPY data with otherwise).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "heliosdb/database.h"

namespace heliosdb {
class CopyStream;
}

namespace heliosdb::dump {

class LocalSession {
 public:
  // Opens the database at path (created when create_if_missing). Throws DbException.
  LocalSession(const std::string& path, bool create_if_missing, bool read_only);
  // A new connection to a database the caller keeps open (and must outlive this).
  explicit LocalSession(Database& database);
  ~LocalSession();

  QueryResult Exec(const std::string& sql);
  // Runs a COPY statement with `stream` as its STDIN / STDOUT.
  QueryResult Copy(const std::string& sql, CopyStream* stream);
  Connection& connection() { return *conn_; }
  Database& database() { return *db_; }

 private:
  std::unique_ptr<Database> owned_db_;
  Database* db_ = nullptr;  // owned_db_ or the caller's
  std::unique_ptr<Connection> conn_;
};

}  // namespace heliosdb::dump
