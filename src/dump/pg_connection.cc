#include "dump/pg_connection.h"

#include <libpq-fe.h>

#include "common/exception.h"
#include "dump/sql_exporter.h"

namespace heliosdb::dump {

namespace {

// Owns a PGresult; throws with the server's SQLSTATE unless the status is one of `ok`.
class PgResult {
 public:
  explicit PgResult(PGresult* r) : r_(r) {}
  ~PgResult() { PQclear(r_); }
  PGresult* get() const { return r_; }
  void Expect(ExecStatusType a, ExecStatusType b = PGRES_COMMAND_OK) const {
    ExecStatusType s = PQresultStatus(r_);
    if (s == a || s == b) return;
    const char* state = PQresultErrorField(r_, PG_DIAG_SQLSTATE);
    std::string message = PQresultErrorMessage(r_);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    ThrowError(state ? state : sqlstate::kConnectionException, "PostgreSQL: " + message);
  }
  std::vector<Field> Row(int row) const {
    std::vector<Field> fields(PQnfields(r_));
    for (int c = 0; c < PQnfields(r_); c++)
      if (!PQgetisnull(r_, row, c))
        fields[c] = std::string(PQgetvalue(r_, row, c), PQgetlength(r_, row, c));
    return fields;
  }

 private:
  PGresult* r_;
};

}  // namespace

PgConnection::PgConnection(const std::string& conninfo) {
  conn_ = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) Fail("could not connect to " + conninfo, "08006");
  PQsetClientEncoding(conn_, "UTF8");
  Exec(SessionSetupSql());
}

PgConnection::~PgConnection() {
  PQfinish(conn_);
}

void PgConnection::Fail(const std::string& what, const char* sqlstate) {
  std::string message = PQerrorMessage(conn_);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  ThrowError(sqlstate ? sqlstate : sqlstate::kConnectionException, what + ": " + message);
}

void PgConnection::Exec(const std::string& sql) {
  PgResult r(PQexec(conn_, sql.c_str()));
  r.Expect(PGRES_COMMAND_OK, PGRES_TUPLES_OK);
}

std::vector<std::vector<Field>> PgConnection::Query(const std::string& sql) {
  PgResult r(PQexec(conn_, sql.c_str()));
  r.Expect(PGRES_TUPLES_OK);
  std::vector<std::vector<Field>> rows;
  for (int i = 0; i < PQntuples(r.get()); i++) rows.push_back(r.Row(i));
  return rows;
}

void PgConnection::QueryEach(const std::string& sql,
                             const std::function<void(const std::vector<Field>&)>& fn) {
  if (!PQsendQuery(conn_, sql.c_str()) || !PQsetSingleRowMode(conn_)) Fail("query failed");
  // Every result must be read before the connection is usable again, even after an error.
  std::exception_ptr error;
  while (PGresult* raw = PQgetResult(conn_)) {
    PgResult r(raw);
    if (error) continue;
    try {
      r.Expect(PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK);
      if (PQntuples(r.get()) == 1) fn(r.Row(0));
    } catch (...) {
      error = std::current_exception();
    }
  }
  if (error) std::rethrow_exception(error);
}

void PgConnection::CopyIn(
    const std::string& copy_sql,
    const std::function<void(const std::function<void(std::string_view)>&)>& produce) {
  {
    PgResult r(PQexec(conn_, copy_sql.c_str()));
    r.Expect(PGRES_COPY_IN, PGRES_COPY_IN);
  }
  try {
    produce([&](std::string_view data) {
      if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1)
        Fail("COPY failed");
    });
  } catch (const std::exception& e) {
    PQputCopyEnd(conn_, e.what());
    while (PGresult* raw = PQgetResult(conn_)) PQclear(raw);
    throw;
  }
  if (PQputCopyEnd(conn_, nullptr) != 1) Fail("COPY failed");
  PgResult r(PQgetResult(conn_));
  r.Expect(PGRES_COMMAND_OK);
  while (PGresult* raw = PQgetResult(conn_)) PQclear(raw);
}

}  // namespace heliosdb::dump
