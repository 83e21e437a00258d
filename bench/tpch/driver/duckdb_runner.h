// DuckDB runs in node (duckdb/run.mjs, using the npm package @duckdb/node-api that setup.sh
// installs): this starts it on the same files and queries and waits for it. Its per-query
// answers and status files are then read like a worker's (outcome.h).
#pragma once

#include <string>
#include <vector>

namespace tpch {

struct DuckdbRequest {
  std::string script;  // duckdb/run.mjs
  std::string data_dir;
  std::string queries_dir;  // the PostgreSQL-dialect queries, which DuckDB runs unchanged
  std::string schema;
  std::string db_path;
  std::string out_dir;               // receives qNN.csv and qNN.status
  std::vector<std::string> queries;  // "q01", ...
  int repeat = 1;
  int threads = 0;
  int timeout_s = 600;
};

// Returns "" when node ran to the end, else why it did not (node missing, package not
// installed, a load error); queries it did not reach have no status file.
std::string RunDuckdb(const DuckdbRequest& request);

}  // namespace tpch
