// The public C++ API of HeliosDB Nano: open a database from a path, connect, run SQL.
//
//   auto db = heliosdb::Database::Open("app.heliosdb");
//   auto conn = db.value()->Connect();
//   auto r = conn->Execute("SELECT 1 + 1");
//   if (r.ok()) std::cout << r->GetText(0, 0);
//
// Thread safety: a Database may be shared by many threads; each thread uses its own
// Connection (a Connection, its results and prepared statements are not thread-safe).
// A Database must outlive its Connections.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "heliosdb/status.h"

namespace heliosdb {

struct Options {
  bool create_if_missing = true;   // create the database when the path does not exist
  bool read_only = false;          // refuse writes (the path must exist)
  std::string branch = "main";     // the branch new connections start on
  bool synchronous_commit = true;  // fsync the log at every commit (PostgreSQL's default)
};

// A materialized statement result: rows of typed columns plus the command tag.
class QueryResult {
 public:
  QueryResult();
  QueryResult(QueryResult&&) noexcept;
  QueryResult& operator=(QueryResult&&) noexcept;
  ~QueryResult();

  size_t column_count() const;
  const std::string& column_name(size_t col) const;
  std::string column_type_name(size_t col) const;  // PostgreSQL's name: "integer", "text", ...
  uint32_t column_type_oid(size_t col) const;      // PostgreSQL's type OID
  int32_t column_type_modifier(size_t col) const;  // atttypmod, -1 when none
  size_t row_count() const;

  bool IsNull(size_t row, size_t col) const;
  bool GetBool(size_t row, size_t col) const;
  int64_t GetInt64(size_t row, size_t col) const;  // integer types, date (days), time/timestamp (us)
  double GetDouble(size_t row, size_t col) const;
  std::string GetText(size_t row, size_t col) const;  // PostgreSQL's text output; "" for NULL

  const std::string& command_tag() const;  // "SELECT 3", "INSERT 0 1", "CREATE TABLE", ...
  int64_t rows_affected() const;           // rows returned, inserted, updated or deleted
  bool returns_rows() const;               // a statement with a result set (SELECT, RETURNING)

  struct Impl;
  Impl* impl() const { return impl_.get(); }

 private:
  std::unique_ptr<Impl> impl_;
};

// A parameter bound to $n: NULL, boolean, integer, double or text (text is converted to the
// parameter's inferred type as PostgreSQL converts an untyped literal).
using ParamValue = std::variant<std::monostate, bool, int64_t, double, std::string>;

class PreparedStatement {
 public:
  ~PreparedStatement();
  size_t parameter_count() const;
  std::string parameter_type_name(size_t index) const;  // 0-based; inferred from the statement
  // index is 1-based ($1). Binding past parameter_count() fails with 08P01-like 42P02.
  Status Bind(size_t index, ParamValue value);
  void ClearBindings();
  Result<QueryResult> Execute();

  struct Impl;
  explicit PreparedStatement(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

class Connection {
 public:
  ~Connection();
  // Runs every statement in sql and returns the last one's result; stops at the first error
  // (inside an explicit transaction block that error aborts the transaction, as in PostgreSQL).
  Result<QueryResult> Execute(const std::string& sql);
  // Runs the statements one by one, handing each result to on_result; stops when it returns
  // false. Used by the shell and the wire protocol's simple query.
  void ExecuteEach(const std::string& sql,
                   const std::function<bool(Result<QueryResult>&&)>& on_result);
  Result<std::unique_ptr<PreparedStatement>> Prepare(const std::string& sql);
  // 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block.
  char transaction_status() const;

  struct Impl;
  explicit Connection(std::unique_ptr<Impl> impl);
  Impl* impl() const { return impl_.get(); }

 private:
  std::unique_ptr<Impl> impl_;
};

class Database {
 public:
  // Opens (or creates) the database at path. Fails with a clear Status when the path is not a
  // HeliosDB database or was written by an incompatible format version; nothing is changed then.
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                const Options& options = Options());
  ~Database();
  std::unique_ptr<Connection> Connect();
  // An online backup: a consistent copy of the whole database (every branch and its history)
  // in directory dest, which must not exist; it opens as a database. Connections may keep
  // writing meanwhile (commits after the copy's point are not in it). Table files are hard
  // links where dest is on the same file system, so the copy is cheap.
  Status Backup(const std::string& dest);

  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  Impl* impl() const { return impl_.get(); }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace heliosdb
