// The OLTP benchmark's workload sequence: load, autocommit inserts, point selects, range
// scans, a 10% update; each timed on its own and fingerprinted so the engines' answers can be
// compared.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "bench_engine.h"

namespace oltp {

enum Workload { kBulkInsert, kAutocommitInsert, kPointSelect, kRangeScan, kUpdate, kWorkloadCount };

struct WorkloadInfo {
  const char* name;  // the --only spelling and the table's first column
  const char* unit;  // what one "op" is
};
const WorkloadInfo& Info(Workload w);
// Returns kWorkloadCount when name is not a workload.
Workload WorkloadByName(const std::string& name);

struct Sizes {
  int64_t rows = 1000000;               // (a) bulk-loaded rows
  int64_t autocommit_relaxed = 100000;  // (b) in relaxed mode
  int64_t autocommit_durable = 10000;   // (b) in durable mode: each commit waits for an fsync
  int64_t point_selects = 1000000;      // (c)
  int64_t range_scans = 5;              // (d) each over rows / 10 ids
  uint64_t seed = 42;
};

struct Measurement {
  bool ran = false;
  double ops_per_sec = 0;
  std::vector<double> fingerprint;  // answers that must match across engines
};
using RunResult = std::array<Measurement, kWorkloadCount>;

// Runs the sequence on freshly opened, empty engines, each workload on every engine in turn;
// returns one result per engine. selected[w] false skips timing w; the bulk load still runs
// (untimed) because the later workloads read its rows.
std::vector<RunResult> RunSequence(const std::vector<BenchEngine*>& engines, const Sizes& sizes,
                                   bool durable, const std::array<bool, kWorkloadCount>& selected);

// Whether two fingerprints agree (integers exactly, float sums to a relative 1e-9).
bool SameAnswers(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace oltp
