// PgConnection: a libpq connection to a PostgreSQL-protocol server (PostgreSQL, Citus, ...),
// for migrate and verify. Errors throw DbException carrying the server's SQLSTATE (08006 when
// the server cannot be reached). Not thread-safe: one connection per thread.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dump/row_checksum.h"

typedef struct pg_conn PGconn;

namespace heliosdb::dump {

class PgConnection {
 public:
  // conninfo: a postgresql:// URL or "key=value" pairs. Sets the session up to render and
  // read values as the dump does (SessionSetupSql).
  explicit PgConnection(const std::string& conninfo);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  void Exec(const std::string& sql);
  std::vector<std::vector<Field>> Query(const std::string& sql);
  // Rows one at a time (libpq's single-row mode), for results too large to hold.
  void QueryEach(const std::string& sql, const std::function<void(const std::vector<Field>&)>& fn);
  // Runs `COPY ... FROM STDIN` and sends what produce() passes to its argument.
  void CopyIn(const std::string& copy_sql,
              const std::function<void(const std::function<void(std::string_view)>&)>& produce);

 private:
  [[noreturn]] void Fail(const std::string& what, const char* sqlstate = nullptr);
  PGconn* conn_ = nullptr;
};

}  // namespace heliosdb::dump
