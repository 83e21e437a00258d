// oltp: HeliosDB Nano side by side with SQLite (WAL) on five OLTP workloads, in two durability
// modes, printing each engine's ops/s and the ratio. See docs/BENCHMARKS.md for results.
//
//   oltp [--rows N] [--autocommit N] [--range-scans N] [--quick] [--repeat R] [--dir PATH]
//        [--only WORKLOAD] [--engine helios|sqlite] [--mode durable|relaxed]
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "bench_engine.h"
#include "workloads.h"

namespace fs = std::filesystem;

namespace oltp {
namespace {

struct Args {
  Sizes sizes;
  int repeat = 1;
  std::string dir;  // empty: a temporary directory under /tmp, removed at the end
  std::array<bool, kWorkloadCount> selected{true, true, true, true, true};
  bool run_helios = true, run_sqlite = true;
  bool run_durable = true, run_relaxed = true;
};

[[noreturn]] void Usage(const char* error) {
  std::fprintf(stderr,
               "error: %s\nusage: oltp [--rows N] [--autocommit N] [--range-scans N] [--quick] "
               "[--repeat R] [--dir PATH]\n            [--only WORKLOAD] [--engine helios|sqlite] "
               "[--mode durable|relaxed]\nworkloads: bulk_insert autocommit_insert point_select "
               "range_scan update\n",
               error);
  std::exit(2);
}

int64_t PositiveNumber(const char* text) {
  char* end = nullptr;
  long long n = std::strtoll(text, &end, 10);
  if (*end != '\0' || n <= 0) Usage("expected a positive number");
  return n;
}

Args ParseArgs(int argc, char** argv) {
  Args a;
  int64_t autocommit = -1;
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) Usage(("missing value for " + arg).c_str());
      return argv[++i];
    };
    if (arg == "--rows") {
      a.sizes.rows = PositiveNumber(value());
    } else if (arg == "--autocommit") {
      autocommit = PositiveNumber(value());
    } else if (arg == "--range-scans") {
      a.sizes.range_scans = PositiveNumber(value());
    } else if (arg == "--quick") {
      quick = true;
    } else if (arg == "--repeat") {
      a.repeat = static_cast<int>(PositiveNumber(value()));
    } else if (arg == "--dir") {
      a.dir = value();
    } else if (arg == "--only") {
      Workload w = WorkloadByName(value());
      if (w == kWorkloadCount) Usage("unknown workload");
      a.selected.fill(false);
      a.selected[w] = true;
    } else if (arg == "--engine") {
      std::string e = value();
      if (e != "helios" && e != "sqlite") Usage("--engine takes helios or sqlite");
      a.run_helios = e == "helios";
      a.run_sqlite = e == "sqlite";
    } else if (arg == "--mode") {
      std::string m = value();
      if (m != "durable" && m != "relaxed") Usage("--mode takes durable or relaxed");
      a.run_durable = m == "durable";
      a.run_relaxed = m == "relaxed";
    } else {
      Usage(("unknown option " + arg).c_str());
    }
  }
  if (quick) a.sizes.rows = std::min<int64_t>(a.sizes.rows, 20000);
  // Scale with --rows: autocommit inserts a tenth of the rows (a hundredth when each commit
  // waits for an fsync), point selects as many as the rows.
  if (autocommit < 0) autocommit = std::max<int64_t>(1, a.sizes.rows / 10);
  a.sizes.autocommit_relaxed = autocommit;
  a.sizes.autocommit_durable = std::max<int64_t>(1, autocommit / 10);
  a.sizes.point_selects = a.sizes.rows;
  return a;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string Human(double ops) {
  char buf[32];
  if (ops >= 1e6) {
    std::snprintf(buf, sizeof(buf), "%.2fM", ops / 1e6);
  } else if (ops >= 1e3) {
    std::snprintf(buf, sizeof(buf), "%.1fk", ops / 1e3);
  } else {
    std::snprintf(buf, sizeof(buf), "%.0f", ops);
  }
  return buf;
}

// samples[mode][engine][workload]: one ops/s figure per repeat.
using Samples = std::map<std::string, std::map<std::string, std::vector<std::vector<double>>>>;

void PrintTable(const Args& args, Samples& samples) {
  std::printf("\n%-18s %-8s %-10s %12s %12s %9s\n", "workload", "mode", "unit", "HeliosDB",
              "SQLite", "ratio");
  for (int w = 0; w < kWorkloadCount; ++w) {
    if (!args.selected[w]) continue;
    for (const char* mode : {"durable", "relaxed"}) {
      auto& by_engine = samples[mode];
      auto median = [&](const char* engine) {
        auto& v = by_engine[engine];
        return v.empty() || v[w].empty() ? -1.0 : Median(v[w]);
      };
      double h = median("HeliosDB"), s = median("SQLite");
      if (h < 0 && s < 0) continue;
      char ratio[16] = "-";
      if (h > 0 && s > 0) std::snprintf(ratio, sizeof(ratio), "%.2fx", h / s);
      std::printf("%-18s %-8s %-10s %12s %12s %9s\n", Info(static_cast<Workload>(w)).name, mode,
                  Info(static_cast<Workload>(w)).unit, h < 0 ? "-" : Human(h).c_str(),
                  s < 0 ? "-" : Human(s).c_str(), ratio);
    }
  }
}

void WarnOnDifferentAnswers(const RunResult& helios, const RunResult& sqlite, const char* mode) {
  for (int w = 0; w < kWorkloadCount; ++w) {
    if (!helios[w].ran || !sqlite[w].ran) continue;
    if (SameAnswers(helios[w].fingerprint, sqlite[w].fingerprint)) continue;
    std::fprintf(stderr, "WARNING: %s (%s): HeliosDB and SQLite returned different answers:",
                 Info(static_cast<Workload>(w)).name, mode);
    for (double x : helios[w].fingerprint) std::fprintf(stderr, " %.17g", x);
    std::fprintf(stderr, " vs");
    for (double x : sqlite[w].fingerprint) std::fprintf(stderr, " %.17g", x);
    std::fprintf(stderr, "\n");
  }
}

// One repeat in one mode: opens every engine in its own directory, runs the sequence, records
// the samples and compares the answers.
void RunMode(const Args& args, int repeat, bool durable, Samples* samples) {
  const char* mode = durable ? "durable" : "relaxed";
  std::vector<std::unique_ptr<BenchEngine>> owned;
  if (args.run_helios) owned.push_back(NewHeliosEngine());
  if (args.run_sqlite) owned.push_back(NewSqliteEngine());
  // Alternate which engine goes first, so neither always meets a warmer machine.
  if (repeat % 2 == 1) std::reverse(owned.begin(), owned.end());
  std::vector<BenchEngine*> engines;
  for (auto& engine : owned) {
    fs::path dir = fs::path(args.dir) / engine->name();
    fs::remove_all(dir);
    fs::create_directories(dir);
    engine->Open(dir.string(), durable);
    engines.push_back(engine.get());
  }
  std::fprintf(stderr, "run %d/%d %s ...\n", repeat + 1, args.repeat, mode);
  std::vector<RunResult> results = RunSequence(engines, args.sizes, durable, args.selected);
  std::map<std::string, RunResult> by_name;
  for (size_t e = 0; e < engines.size(); ++e) {
    auto& per_workload = (*samples)[mode][engines[e]->name()];
    per_workload.resize(kWorkloadCount);
    for (int w = 0; w < kWorkloadCount; ++w) {
      if (!results[e][w].ran) continue;
      per_workload[w].push_back(results[e][w].ops_per_sec);
      std::fprintf(stderr, "  %-8s %-18s %12s %s\n", engines[e]->name(),
                   Info(static_cast<Workload>(w)).name, Human(results[e][w].ops_per_sec).c_str(),
                   Info(static_cast<Workload>(w)).unit);
    }
    by_name[engines[e]->name()] = results[e];
    engines[e]->Close();
    fs::remove_all(fs::path(args.dir) / engines[e]->name());  // one run's files at a time
  }
  if (by_name.size() == 2) WarnOnDifferentAnswers(by_name["HeliosDB"], by_name["SQLite"], mode);
}

int Main(int argc, char** argv) {
  Args args = ParseArgs(argc, argv);
  bool own_dir = args.dir.empty();
  if (own_dir) {
    char tmpl[] = "/tmp/heliosdb-oltp-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) Usage("cannot create a temporary directory");
    args.dir = tmpl;
  }
  std::fprintf(stderr,
               "rows=%lld autocommit=%lld/%lld (relaxed/durable) point_selects=%lld "
               "range_scans=%lld repeat=%d dir=%s\n",
               static_cast<long long>(args.sizes.rows),
               static_cast<long long>(args.sizes.autocommit_relaxed),
               static_cast<long long>(args.sizes.autocommit_durable),
               static_cast<long long>(args.sizes.point_selects),
               static_cast<long long>(args.sizes.range_scans), args.repeat, args.dir.c_str());
  Samples samples;
  int status = 0;
  try {
    for (int r = 0; r < args.repeat; ++r) {
      for (bool durable : {true, false}) {
        if (!(durable ? args.run_durable : args.run_relaxed)) continue;
        RunMode(args, r, durable, &samples);
      }
    }
    PrintTable(args, samples);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    status = 1;
  }
  if (own_dir) fs::remove_all(args.dir);
  return status;
}

}  // namespace
}  // namespace oltp

int main(int argc, char** argv) {
  return oltp::Main(argc, argv);
}
