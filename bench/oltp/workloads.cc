#include "workloads.h"

#include <chrono>
#include <cmath>
#include <random>

namespace oltp {
namespace {

constexpr WorkloadInfo kInfo[kWorkloadCount] = {
    {"bulk_insert", "rows/s"},     {"autocommit_insert", "commits/s"},
    {"point_select", "selects/s"}, {"range_scan", "rows/s"},
    {"update", "rows/s"},
};

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

void Record(Measurement* m, double ops, double seconds, std::vector<double> fingerprint) {
  m->ran = true;
  m->ops_per_sec = seconds > 0 ? ops / seconds : 0;
  m->fingerprint = std::move(fingerprint);
}

std::vector<double> TotalsFingerprint(BenchEngine* engine) {
  Aggregate a = engine->Totals();
  return {static_cast<double>(a.count), a.sum};
}

}  // namespace

const WorkloadInfo& Info(Workload w) {
  return kInfo[w];
}

Workload WorkloadByName(const std::string& name) {
  for (int w = 0; w < kWorkloadCount; ++w) {
    if (name == kInfo[w].name) return static_cast<Workload>(w);
  }
  return kWorkloadCount;
}

RunResult RunSequence(BenchEngine* engine, const Sizes& sizes, bool durable,
                      const std::array<bool, kWorkloadCount>& selected) {
  RunResult result;
  std::mt19937_64 rng(sizes.seed);  // same seed, same ids for every engine
  {
    Stopwatch sw;
    engine->BulkInsert(1, sizes.rows);
    double s = sw.Seconds();
    if (selected[kBulkInsert])
      Record(&result[kBulkInsert], sizes.rows, s, TotalsFingerprint(engine));
  }
  int64_t next_id = sizes.rows + 1;
  if (selected[kAutocommitInsert]) {
    int64_t n = durable ? sizes.autocommit_durable : sizes.autocommit_relaxed;
    Stopwatch sw;
    engine->AutocommitInserts(next_id, n);
    double s = sw.Seconds();
    next_id += n;
    Record(&result[kAutocommitInsert], n, s, TotalsFingerprint(engine));
  }
  if (selected[kPointSelect]) {
    std::uniform_int_distribution<int64_t> pick(1, sizes.rows);
    std::vector<int64_t> ids(sizes.point_selects);
    for (int64_t& id : ids) id = pick(rng);
    Stopwatch sw;
    int64_t sum = engine->PointSelects(ids);
    Record(&result[kPointSelect], ids.size(), sw.Seconds(), {static_cast<double>(sum)});
  }
  if (selected[kRangeScan]) {
    int64_t width = std::max<int64_t>(1, sizes.rows / 10);
    std::uniform_int_distribution<int64_t> pick(1, std::max<int64_t>(1, sizes.rows - width));
    std::vector<double> fingerprint;
    double rows = 0, seconds = 0;
    for (int64_t i = 0; i < sizes.range_scans; ++i) {
      int64_t lo = pick(rng);
      Stopwatch sw;
      Aggregate a = engine->RangeScan(lo, lo + width - 1);
      seconds += sw.Seconds();
      rows += a.count;
      fingerprint.push_back(a.count);
      fingerprint.push_back(a.sum);
    }
    Record(&result[kRangeScan], rows, seconds, std::move(fingerprint));
  }
  if (selected[kUpdate]) {
    Stopwatch sw;
    int64_t updated = engine->UpdateTenth();
    double s = sw.Seconds();
    std::vector<double> fingerprint = TotalsFingerprint(engine);
    fingerprint.push_back(updated);
    Record(&result[kUpdate], updated, s, std::move(fingerprint));
  }
  return result;
}

bool SameAnswers(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    double tolerance = 1e-9 * std::max(std::fabs(a[i]), std::fabs(b[i]));
    if (std::fabs(a[i] - b[i]) > tolerance) return false;
  }
  return true;
}

}  // namespace oltp
