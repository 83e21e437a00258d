// HeliosDB Nano through its public C++ API only (include/heliosdb/database.h).
#include <memory>
#include <string>

#include "engine.h"
#include "heliosdb/database.h"
#include "table_files.h"

namespace tpch {

namespace {

// Rows per load transaction: large enough that commits cost nothing, small enough that the
// write set of lineitem at SF 1 is never held in memory at once.
constexpr int64_t kLoadBatchRows = 100000;

template <typename T>
T Check(heliosdb::Result<T> r, const std::string& what) {
  if (!r.ok()) throw EngineError("heliosdb: " + what + ": " + r.status().message());
  return std::move(r.value());
}

void Check(const heliosdb::Status& s, const std::string& what) {
  if (!s.ok()) throw EngineError("heliosdb: " + what + ": " + s.message());
}

class HeliosEngine : public Engine {
 public:
  HeliosEngine(const std::string& path, int threads, const std::string& memory_limit) {
    heliosdb::Options options;
    options.synchronous_commit = false;  // the load is redone from the files after a crash
    db_ = Check(heliosdb::Database::Open(path, options), "open " + path);
    conn_ = db_->Connect();
    if (threads > 0) Check(conn_->Execute("SET threads = " + std::to_string(threads)), "threads");
    if (!memory_limit.empty())
      Check(conn_->Execute("SET memory_limit = '" + memory_limit + "'"), "memory_limit");
  }

  void Load(const std::string& schema_sql, const std::string& data_dir) override {
    Check(conn_->Execute(schema_sql), "schema");
    for (const char* table : kTables) LoadTable(table, data_dir + "/" + table + ".csv");
    // Statistics for the optimizer, as SQLite gets ANALYZE; an engine without them ignores it.
    (void)conn_->Execute("ANALYZE");
  }

  std::vector<Row> Run(const std::vector<std::string>& statements) override {
    std::vector<Row> rows;
    for (const std::string& sql : statements) {
      heliosdb::QueryResult r = Check(conn_->Execute(sql), "query");
      if (!r.returns_rows()) continue;
      rows.assign(r.row_count(), Row(r.column_count()));
      for (size_t i = 0; i < r.row_count(); ++i)
        for (size_t c = 0; c < r.column_count(); ++c)
          rows[i][c] = r.IsNull(i, c) ? "NULL" : r.GetText(i, c);
    }
    return rows;
  }

 private:
  void LoadTable(const std::string& table, const std::string& path) {
    std::unique_ptr<heliosdb::PreparedStatement> insert;
    int64_t in_batch = 0;
    Check(conn_->Execute("BEGIN"), "begin");
    ForEachCsvRow(path, [&](const std::vector<std::string_view>& fields) {
      if (!insert) {
        std::string sql = "INSERT INTO " + table + " VALUES (";
        for (size_t i = 1; i <= fields.size(); ++i)
          sql += (i > 1 ? ", $" : "$") + std::to_string(i);
        insert = Check(conn_->Prepare(sql + ")"), "prepare insert into " + table);
      }
      // Text parameters are converted to each column's type as untyped literals would be.
      for (size_t i = 0; i < fields.size(); ++i)
        Check(insert->Bind(i + 1, std::string(fields[i])), "bind");
      Check(insert->Execute(), "insert into " + table);
      if (++in_batch == kLoadBatchRows) {
        Check(conn_->Execute("COMMIT"), "commit");
        Check(conn_->Execute("BEGIN"), "begin");
        in_batch = 0;
      }
    });
    Check(conn_->Execute("COMMIT"), "commit");
  }

  std::unique_ptr<heliosdb::Database> db_;
  std::unique_ptr<heliosdb::Connection> conn_;
};

}  // namespace

std::unique_ptr<Engine> OpenHelios(const std::string& path, int threads,
                                   const std::string& memory_limit) {
  return std::make_unique<HeliosEngine>(path, threads, memory_limit);
}

}  // namespace tpch
