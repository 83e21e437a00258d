// The HeliosDB Nano side of the OLTP benchmark, through the public C++ API only.
#include <memory>
#include <string>

#include "bench_engine.h"
#include "heliosdb/database.h"

namespace oltp {
namespace {

using heliosdb::Connection;
using heliosdb::Database;
using heliosdb::PreparedStatement;
using heliosdb::QueryResult;

template <typename T>
T Check(heliosdb::Result<T> r, const char* what) {
  if (!r.ok()) throw BenchError(std::string("heliosdb: ") + what + ": " + r.status().message());
  return std::move(r.value());
}

void Check(const heliosdb::Status& s, const char* what) {
  if (!s.ok()) throw BenchError(std::string("heliosdb: ") + what + ": " + s.message());
}

class HeliosEngine : public BenchEngine {
 public:
  const char* name() const override { return "HeliosDB"; }

  void Open(const std::string& dir, bool durable) override {
    heliosdb::Options options;
    options.synchronous_commit = durable;
    db_ = Check(Database::Open(dir + "/helios.db", options), "open");
    conn_ = db_->Connect();
    Check(conn_->Execute("CREATE TABLE t (id BIGINT PRIMARY KEY, k INTEGER, v TEXT, "
                         "f DOUBLE PRECISION)"),
          "create table");
    insert_ = Check(conn_->Prepare("INSERT INTO t VALUES ($1, $2, $3, $4)"), "prepare insert");
    point_ = Check(conn_->Prepare("SELECT k FROM t WHERE id = $1"), "prepare point select");
    range_ = Check(conn_->Prepare("SELECT count(*), sum(f) FROM t WHERE id BETWEEN $1 AND $2"),
                   "prepare range scan");
  }

  void BulkInsert(int64_t first, int64_t n) override {
    Check(conn_->Execute("BEGIN"), "begin");
    InsertRows(first, n);
    Check(conn_->Execute("COMMIT"), "commit");
  }

  void AutocommitInserts(int64_t first, int64_t n) override { InsertRows(first, n); }

  int64_t PointSelects(const std::vector<int64_t>& ids) override {
    int64_t sum = 0;
    for (int64_t id : ids) {
      Check(point_->Bind(1, id), "bind");
      QueryResult r = Check(point_->Execute(), "point select");
      if (r.row_count() == 1) sum += r.GetInt64(0, 0);
    }
    return sum;
  }

  Aggregate RangeScan(int64_t lo, int64_t hi) override {
    Check(range_->Bind(1, lo), "bind");
    Check(range_->Bind(2, hi), "bind");
    QueryResult r = Check(range_->Execute(), "range scan");
    return {r.GetInt64(0, 0), r.IsNull(0, 1) ? 0.0 : r.GetDouble(0, 1)};
  }

  int64_t UpdateTenth() override {
    return Check(conn_->Execute("UPDATE t SET k = k + 1 WHERE id % 10 = 0"), "update")
        .rows_affected();
  }

  Aggregate Totals() override {
    QueryResult r = Check(conn_->Execute("SELECT count(*), sum(k) FROM t"), "totals");
    return {r.GetInt64(0, 0), r.IsNull(0, 1) ? 0.0 : static_cast<double>(r.GetInt64(0, 1))};
  }

  void Close() override {
    insert_.reset();
    point_.reset();
    range_.reset();
    conn_.reset();
    db_.reset();
  }

 private:
  void InsertRows(int64_t first, int64_t n) {
    char v[64];
    for (int64_t id = first; id < first + n; ++id) {
      int len = RowV(id, v, sizeof(v));
      Check(insert_->Bind(1, id), "bind");
      Check(insert_->Bind(2, RowK(id)), "bind");
      Check(insert_->Bind(3, std::string(v, len)), "bind");
      Check(insert_->Bind(4, RowF(id)), "bind");
      Check(insert_->Execute(), "insert");
    }
  }

  std::unique_ptr<Database> db_;
  std::unique_ptr<Connection> conn_;
  std::unique_ptr<PreparedStatement> insert_, point_, range_;
};

}  // namespace

std::unique_ptr<BenchEngine> NewHeliosEngine() {
  return std::make_unique<HeliosEngine>();
}

}  // namespace oltp
