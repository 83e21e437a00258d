// Runs the records of one sqllogictest file against a fresh database.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "slt/skip_list.h"

namespace heliosdb::slt {

// What a file run has done so far. It lives in memory shared with the parent process when the
// file runs in a child, so the parent can count what a hanging or crashed child left undone.
struct RunCounters {
  std::atomic<int64_t> total{-1};  // records the file will report; -1 until parsed
  std::atomic<int64_t> passed{0};
  std::atomic<int64_t> failed{0};
  std::atomic<int64_t> skipped{0};
  std::atomic<int> current_line{0};  // the record running now
  std::atomic<bool> done{false};
  char current_file[512] = {};  // the file of that record (differs for included files)
};

struct RunOptions {
  bool quiet = false;                 // no per-record failure lines
  const SkipList* skips = nullptr;    // records to count as skipped
  std::string engine = "postgresql";  // the name skipif/onlyif compare with
};

// Runs `path` on a new database created at `db_path` (which must not exist). Failure lines go to
// stdout (flushed one by one) unless options.quiet.
void RunFile(const std::string& path, const std::string& db_path, const RunOptions& options,
             RunCounters* counters);

}  // namespace heliosdb::slt
