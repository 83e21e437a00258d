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

namespace {

// Each workload runs on every engine before the next workload starts, so a noisy neighbour on
// the shared machine hits both engines alike instead of whichever ran at the time.
using Engines = std::vector<BenchEngine*>;

void TimeBulkInsert(const Engines& engines, const Sizes& sizes, bool record,
                    std::vector<RunResult>* out) {
  for (size_t e = 0; e < engines.size(); ++e) {
    Stopwatch sw;
    engines[e]->BulkInsert(1, sizes.rows);
    double s = sw.Seconds();
    if (record) Record(&(*out)[e][kBulkInsert], sizes.rows, s, TotalsFingerprint(engines[e]));
  }
}

// Interleaved in chunks: durable commits wait for fsyncs whose latency on a shared virtual
// disk drifts by 10x within minutes.
void TimeAutocommit(const Engines& engines, int64_t first, int64_t n, std::vector<RunResult>* out) {
  constexpr int64_t kChunk = 500;
  std::vector<double> seconds(engines.size());
  for (int64_t done = 0; done < n; done += kChunk) {
    int64_t m = std::min(kChunk, n - done);
    for (size_t e = 0; e < engines.size(); ++e) {
      Stopwatch sw;
      engines[e]->AutocommitInserts(first + done, m);
      seconds[e] += sw.Seconds();
    }
  }
  for (size_t e = 0; e < engines.size(); ++e) {
    Record(&(*out)[e][kAutocommitInsert], n, seconds[e], TotalsFingerprint(engines[e]));
  }
}

void TimePointSelects(const Engines& engines, const Sizes& sizes, std::mt19937_64* rng,
                      std::vector<RunResult>* out) {
  std::uniform_int_distribution<int64_t> pick(1, sizes.rows);
  std::vector<int64_t> ids(sizes.point_selects);
  for (int64_t& id : ids) id = pick(*rng);
  for (size_t e = 0; e < engines.size(); ++e) {
    Stopwatch sw;
    int64_t sum = engines[e]->PointSelects(ids);
    Record(&(*out)[e][kPointSelect], ids.size(), sw.Seconds(), {static_cast<double>(sum)});
  }
}

void TimeRangeScans(const Engines& engines, const Sizes& sizes, std::mt19937_64* rng,
                    std::vector<RunResult>* out) {
  int64_t width = std::max<int64_t>(1, sizes.rows / 10);
  std::uniform_int_distribution<int64_t> pick(1, std::max<int64_t>(1, sizes.rows - width));
  std::vector<std::vector<double>> fingerprints(engines.size());
  std::vector<double> rows(engines.size()), seconds(engines.size());
  for (int64_t i = 0; i < sizes.range_scans; ++i) {
    int64_t lo = pick(*rng);
    for (size_t e = 0; e < engines.size(); ++e) {
      Stopwatch sw;
      Aggregate a = engines[e]->RangeScan(lo, lo + width - 1);
      seconds[e] += sw.Seconds();
      rows[e] += a.count;
      fingerprints[e].push_back(a.count);
      fingerprints[e].push_back(a.sum);
    }
  }
  for (size_t e = 0; e < engines.size(); ++e) {
    Record(&(*out)[e][kRangeScan], rows[e], seconds[e], std::move(fingerprints[e]));
  }
}

void TimeUpdate(const Engines& engines, std::vector<RunResult>* out) {
  for (size_t e = 0; e < engines.size(); ++e) {
    Stopwatch sw;
    int64_t updated = engines[e]->UpdateTenth();
    double s = sw.Seconds();
    std::vector<double> fingerprint = TotalsFingerprint(engines[e]);
    fingerprint.push_back(updated);
    Record(&(*out)[e][kUpdate], updated, s, std::move(fingerprint));
  }
}

}  // namespace

std::vector<RunResult> RunSequence(const std::vector<BenchEngine*>& engines, const Sizes& sizes,
                                   bool durable, const std::array<bool, kWorkloadCount>& selected) {
  std::vector<RunResult> results(engines.size());
  std::mt19937_64 rng(sizes.seed);
  TimeBulkInsert(engines, sizes, selected[kBulkInsert], &results);
  if (selected[kAutocommitInsert]) {
    int64_t n = durable ? sizes.autocommit_durable : sizes.autocommit_relaxed;
    TimeAutocommit(engines, sizes.rows + 1, n, &results);
  }
  if (selected[kPointSelect]) TimePointSelects(engines, sizes, &rng, &results);
  if (selected[kRangeScan]) TimeRangeScans(engines, sizes, &rng, &results);
  if (selected[kUpdate]) TimeUpdate(engines, &results);
  return results;
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
