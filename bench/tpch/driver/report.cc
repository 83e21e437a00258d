#include "report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tpch {

namespace {

std::string TimeCell(const Outcome& o) {
  char buf[32];
  switch (o.kind) {
    case Outcome::kOk:
      std::snprintf(buf, sizeof(buf), "%.1f", o.median_ms);
      return buf;
    case Outcome::kTimeout:
      return "timeout";
    case Outcome::kError:
      return "error";
    default:
      return "-";
  }
}

std::string RatioCell(double helios_ms, double peer_ms) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2fx", peer_ms / std::max(helios_ms, 1e-3));
  return buf;
}

const char* Label(const std::string& engine) {
  return engine == "helios" ? "HeliosDB ms" : engine == "sqlite" ? "SQLite ms" : "DuckDB ms";
}

}  // namespace

void PrintReport(const std::vector<std::string>& engines, const std::vector<QueryReport>& rows) {
  const bool ratios = !engines.empty() && engines[0] == "helios";
  std::printf("\n%-6s", "query");
  for (const std::string& e : engines) std::printf(" %12s", Label(e));
  if (ratios)
    for (size_t i = 1; i < engines.size(); ++i) std::printf(" %10s", ("vs " + engines[i]).c_str());
  std::printf("  answers\n");

  // The geometric means cover the queries every engine finished, so they compare like with like.
  std::vector<double> log_sum(engines.size(), 0);
  int complete = 0;
  for (const QueryReport& row : rows) {
    std::printf("%-6s", row.name.c_str());
    bool all_ok = true;
    for (const std::string& e : engines) {
      const Outcome& o = row.outcomes.at(e);
      std::printf(" %12s", TimeCell(o).c_str());
      all_ok &= o.kind == Outcome::kOk;
    }
    if (ratios) {
      const Outcome& h = row.outcomes.at(engines[0]);
      for (size_t i = 1; i < engines.size(); ++i) {
        const Outcome& p = row.outcomes.at(engines[i]);
        bool both = h.kind == Outcome::kOk && p.kind == Outcome::kOk;
        std::printf(" %10s", both ? RatioCell(h.median_ms, p.median_ms).c_str() : "-");
      }
    }
    std::printf("  %s\n", row.check.c_str());
    if (!all_ok) continue;
    ++complete;
    for (size_t i = 0; i < engines.size(); ++i)
      log_sum[i] += std::log(std::max(row.outcomes.at(engines[i]).median_ms, 1e-3));
  }
  if (complete == 0) return;
  std::vector<double> geo(engines.size());
  std::printf("%-6s", "geomean");
  for (size_t i = 0; i < engines.size(); ++i) {
    geo[i] = std::exp(log_sum[i] / complete);
    std::printf(" %12.1f", geo[i]);
  }
  if (ratios)
    for (size_t i = 1; i < engines.size(); ++i)
      std::printf(" %10s", RatioCell(geo[0], geo[i]).c_str());
  std::printf("  (%d queries every engine finished)\n", complete);
  if (ratios && engines.size() > 1)
    std::printf("vs X = X's time / HeliosDB's time: below 1, HeliosDB is slower.\n");
}

}  // namespace tpch
