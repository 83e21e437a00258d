// Runs one test file in a child process under a time budget, so a crash or a hanging query in
// the engine costs that file's remaining records, not the whole run.
#pragma once

#include <cstdint>
#include <string>

#include "file_runner.h"

namespace heliosdb::slt {

struct FileTotals {
  int64_t passed = 0;
  int64_t failed = 0;
  int64_t skipped = 0;
  std::string problem;  // "timeout after 60s at x.test:12", "crashed (signal 11) ...", or empty
};

// Creates a temporary directory for the file's database, runs the file (in a forked child
// unless !isolate), removes the directory. Records left undone by a timeout or crash count as
// failed. Returns early, killing the child, when *stop becomes true (SIGTERM to the runner).
FileTotals RunIsolated(const std::string& path, const RunOptions& options, int budget_seconds,
                       bool isolate, const volatile bool* stop);

}  // namespace heliosdb::slt
