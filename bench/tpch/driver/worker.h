// Every HeliosDB and SQLite query runs in a child process: this executable started again with
// --worker. The child arms alarm(timeout) around each execution, so a query that runs too long
// is ended by the kernel with no cancellation support needed in the engine, and an engine crash
// fails one query instead of the whole run.
#pragma once

#include <string>

#include "outcome.h"

namespace tpch {

struct WorkerRequest {
  std::string engine;   // "helios" or "sqlite"
  std::string db_path;  // a database Engine::Load filled
  std::string sql_path;
  std::string out_prefix;  // writes <prefix>.csv, <prefix>.status; stderr goes to <prefix>.err
  int repeat = 1;
  int threads = 0;
  std::string memory_limit;  // HeliosDB's memory_limit; empty: its default
  int timeout_s = 600;  // per execution
};

// Parent side: runs one query in a worker, waits for it and returns its outcome.
Outcome RunInWorker(const WorkerRequest& request);

// Child side: the body of `tpch_run --worker ...`; returns the process exit code.
int WorkerMain(const WorkerRequest& request);

}  // namespace tpch
