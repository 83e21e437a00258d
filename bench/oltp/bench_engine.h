// The interface the OLTP benchmark drives: one implementation per engine (HeliosDB Nano,
// SQLite), each running the same workload loops with the same transaction boundaries, so the
// timings differ only by engine. Every method throws BenchError on an engine error.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace oltp {

struct BenchError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The table's rows are a pure function of the id, so both engines load identical data and
// their answers can be compared.
inline int64_t RowK(int64_t id) {
  return (id * 7919) % 1000;
}
inline double RowF(int64_t id) {
  return static_cast<double>(id) * 0.25;
}
// Writes the text column (about 30 bytes) into buf and returns its length.
inline int RowV(int64_t id, char* buf, size_t size) {
  return std::snprintf(buf, size, "row-%012lld-payload-text", static_cast<long long>(id));
}

// count(*) plus a sum, the fingerprint used to compare the engines' answers.
struct Aggregate {
  int64_t count = 0;
  double sum = 0;
};

class BenchEngine {
 public:
  virtual ~BenchEngine() = default;
  virtual const char* name() const = 0;

  // Creates the database in dir (empty) and the table t(id, k, v, f). durable: every commit
  // waits for its log fsync; otherwise the commit may be lost on a crash but never torn.
  virtual void Open(const std::string& dir, bool durable) = 0;
  // Inserts ids [first, first + n) with one prepared INSERT inside BEGIN ... COMMIT.
  virtual void BulkInsert(int64_t first, int64_t n) = 0;
  // Inserts ids [first, first + n), one autocommit transaction per row.
  virtual void AutocommitInserts(int64_t first, int64_t n) = 0;
  // SELECT k FROM t WHERE id = ? for each id; returns the sum of k (missing rows add 0).
  virtual int64_t PointSelects(const std::vector<int64_t>& ids) = 0;
  // SELECT count(*), sum(f) FROM t WHERE id BETWEEN lo AND hi.
  virtual Aggregate RangeScan(int64_t lo, int64_t hi) = 0;
  // UPDATE t SET k = k + 1 WHERE id % 10 = 0 as one autocommit statement; returns rows updated.
  virtual int64_t UpdateTenth() = 0;
  // SELECT count(*), sum(k) FROM t: the whole-table fingerprint after each write workload.
  virtual Aggregate Totals() = 0;
  virtual void Close() = 0;
};

std::unique_ptr<BenchEngine> NewHeliosEngine();
std::unique_ptr<BenchEngine> NewSqliteEngine();

}  // namespace oltp
