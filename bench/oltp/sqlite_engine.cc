// The SQLite side of the OLTP benchmark, written as an SQLite user would: WAL journal,
// prepared statements driven by sqlite3_step/sqlite3_reset, an INTEGER PRIMARY KEY (the rowid,
// SQLite's clustered key, as HeliosDB's rows are clustered by primary key) and the same
// transaction boundaries as the HeliosDB side.
//
// Durability: in WAL mode synchronous=FULL fsyncs the log at every commit (HeliosDB's default);
// synchronous=NORMAL fsyncs only at checkpoints, so a crash may lose the newest commits but never
// tears one (HeliosDB's synchronous_commit = off).
#include <sqlite3.h>

#include <memory>
#include <string>

#include "bench_engine.h"

namespace oltp {
namespace {

class SqliteEngine : public BenchEngine {
 public:
  ~SqliteEngine() override { Close(); }
  const char* name() const override { return "SQLite"; }

  void Open(const std::string& dir, bool durable) override {
    std::string path = dir + "/sqlite.db";
    Check(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
          "open");
    Exec("PRAGMA journal_mode = WAL");
    Exec(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    // A 64 MB page cache: about the memory HeliosDB's 64 MB memtable gets, instead of SQLite's
    // 2 MB default that would make the read workloads a test of the OS page cache.
    Exec("PRAGMA cache_size = -65536");
    Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER, v TEXT, f REAL)");
    insert_ = Prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4)");
    point_ = Prepare("SELECT k FROM t WHERE id = ?1");
    range_ = Prepare("SELECT count(*), sum(f) FROM t WHERE id BETWEEN ?1 AND ?2");
  }

  void BulkInsert(int64_t first, int64_t n) override {
    Exec("BEGIN");
    InsertRows(first, n);
    Exec("COMMIT");
  }

  void AutocommitInserts(int64_t first, int64_t n) override { InsertRows(first, n); }

  int64_t PointSelects(const std::vector<int64_t>& ids) override {
    int64_t sum = 0;
    for (int64_t id : ids) {
      sqlite3_bind_int64(point_, 1, id);
      int rc = sqlite3_step(point_);
      if (rc == SQLITE_ROW) {
        sum += sqlite3_column_int64(point_, 0);
      } else if (rc != SQLITE_DONE) {
        Check(rc, "point select");
      }
      sqlite3_reset(point_);
    }
    return sum;
  }

  Aggregate RangeScan(int64_t lo, int64_t hi) override {
    sqlite3_bind_int64(range_, 1, lo);
    sqlite3_bind_int64(range_, 2, hi);
    if (sqlite3_step(range_) != SQLITE_ROW) Check(sqlite3_errcode(db_), "range scan");
    Aggregate a{sqlite3_column_int64(range_, 0), sqlite3_column_double(range_, 1)};
    sqlite3_reset(range_);
    return a;
  }

  int64_t UpdateTenth() override {
    Exec("UPDATE t SET k = k + 1 WHERE id % 10 = 0");
    return sqlite3_changes64(db_);
  }

  Aggregate Totals() override {
    sqlite3_stmt* s = Prepare("SELECT count(*), sum(k) FROM t");
    if (sqlite3_step(s) != SQLITE_ROW) Check(sqlite3_errcode(db_), "totals");
    Aggregate a{sqlite3_column_int64(s, 0), static_cast<double>(sqlite3_column_int64(s, 1))};
    sqlite3_finalize(s);
    return a;
  }

  void Close() override {
    for (sqlite3_stmt** s : {&insert_, &point_, &range_}) {
      sqlite3_finalize(*s);
      *s = nullptr;
    }
    if (db_ != nullptr) sqlite3_close(db_);
    db_ = nullptr;
  }

 private:
  void InsertRows(int64_t first, int64_t n) {
    char v[64];
    for (int64_t id = first; id < first + n; ++id) {
      int len = RowV(id, v, sizeof(v));
      sqlite3_bind_int64(insert_, 1, id);
      sqlite3_bind_int64(insert_, 2, RowK(id));
      sqlite3_bind_text(insert_, 3, v, len, SQLITE_STATIC);  // v outlives the step
      sqlite3_bind_double(insert_, 4, RowF(id));
      int rc = sqlite3_step(insert_);
      sqlite3_reset(insert_);
      if (rc != SQLITE_DONE) Check(rc, "insert");
    }
  }

  void Check(int rc, const char* what) {
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
    throw BenchError(std::string("sqlite: ") + what + ": " +
                     (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)));
  }

  void Exec(const char* sql) { Check(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), sql); }

  sqlite3_stmt* Prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    Check(sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr), sql);
    return s;
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  sqlite3_stmt* point_ = nullptr;
  sqlite3_stmt* range_ = nullptr;
};

}  // namespace

std::unique_ptr<BenchEngine> NewSqliteEngine() {
  return std::make_unique<SqliteEngine>();
}

}  // namespace oltp
