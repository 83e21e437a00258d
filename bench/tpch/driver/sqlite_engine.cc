// SQLite, the row-store peer, through libsqlite3. Values keep SQLite's own types (NUMERIC
// affinity turns the decimal text into numbers, dates stay 'YYYY-MM-DD' text), which is why
// some queries have SQLite variants in queries/sqlite/.
#include <sqlite3.h>

#include <memory>
#include <string>

#include "engine.h"
#include "table_files.h"

namespace tpch {

namespace {

class SqliteEngine : public Engine {
 public:
  explicit SqliteEngine(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) Fail("open " + path);
    // A 256 MB page cache: the data set at SF 1 is about 1 GB, and SQLite's default of 2 MB
    // would measure the OS page cache instead of the engine.
    Exec("PRAGMA cache_size = -262144");
  }
  ~SqliteEngine() override { sqlite3_close(db_); }

  void Load(const std::string& schema_sql, const std::string& data_dir) override {
    // The load is redone from the files after a crash, so it need not be durable.
    Exec("PRAGMA journal_mode = OFF");
    Exec("PRAGMA synchronous = OFF");
    Exec(schema_sql);
    for (const char* table : kTables) LoadTable(table, data_dir + "/" + table + ".csv");
    Exec("ANALYZE");
  }

  std::vector<Row> Run(const std::vector<std::string>& statements) override {
    std::vector<Row> rows;
    for (const std::string& sql : statements) {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) Fail("prepare");
      std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(stmt, &sqlite3_finalize);
      const int columns = sqlite3_column_count(stmt);
      if (columns > 0) rows.clear();
      int rc;
      while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        Row row(columns);
        for (int c = 0; c < columns; ++c) {
          const unsigned char* text = sqlite3_column_text(stmt, c);
          row[c] = text ? reinterpret_cast<const char*>(text) : "NULL";
        }
        rows.push_back(std::move(row));
      }
      if (rc != SQLITE_DONE) Fail("query");
    }
    return rows;
  }

 private:
  [[noreturn]] void Fail(const std::string& what) {
    throw EngineError("sqlite: " + what + ": " + sqlite3_errmsg(db_));
  }

  void Exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) Fail(sql);
  }

  void LoadTable(const std::string& table, const std::string& path) {
    sqlite3_stmt* insert = nullptr;
    Exec("BEGIN");
    ForEachCsvRow(path, [&](const std::vector<std::string_view>& fields) {
      if (!insert) {
        std::string sql = "INSERT INTO " + table + " VALUES (";
        for (size_t i = 1; i <= fields.size(); ++i) sql += i > 1 ? ", ?" : "?";
        if (sqlite3_prepare_v2(db_, (sql + ")").c_str(), -1, &insert, nullptr) != SQLITE_OK)
          Fail("prepare insert into " + table);
      }
      for (size_t i = 0; i < fields.size(); ++i)
        sqlite3_bind_text(insert, static_cast<int>(i + 1), fields[i].data(),
                          static_cast<int>(fields[i].size()), SQLITE_TRANSIENT);
      int rc = sqlite3_step(insert);
      sqlite3_reset(insert);
      if (rc != SQLITE_DONE) Fail("insert into " + table);
    });
    sqlite3_finalize(insert);
    Exec("COMMIT");
  }

  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<Engine> OpenSqlite(const std::string& path) {
  return std::make_unique<SqliteEngine>(path);
}

}  // namespace tpch
