// How one query ended on one engine, and the status file that carries it from the process
// that ran the query (the worker, or duckdb/run.mjs) to the driver. Each query leaves
// <prefix>.csv (its answer, see answer.h) and <prefix>.status, whose one line is one of
//   ok <median milliseconds>
//   timeout
//   error <message>
#pragma once

#include <string>

namespace tpch {

struct Outcome {
  enum Kind { kOk, kTimeout, kError, kNotRun };
  Kind kind = kNotRun;
  double median_ms = 0;
  std::string message;  // for kError
};

// Throws std::runtime_error when the file cannot be written.
void WriteStatus(const std::string& prefix, const Outcome& outcome);
// A missing or unreadable status file reads as an error saying so.
Outcome ReadStatus(const std::string& prefix);

}  // namespace tpch
