// The benchmark's table: per query, each engine's median time, HeliosDB's speed relative to
// each peer, and whether the answers agree; then the geometric means.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "outcome.h"

namespace tpch {

struct QueryReport {
  std::string name;                         // "q01"
  std::map<std::string, Outcome> outcomes;  // by engine name
  std::string check;                        // "same", "DIFF ..." or "-" when nothing to compare
};

// engines: in column order, "helios" first when it ran (the ratios are relative to it).
void PrintReport(const std::vector<std::string>& engines, const std::vector<QueryReport>& rows);

}  // namespace tpch
