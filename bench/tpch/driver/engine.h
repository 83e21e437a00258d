// One engine under test (HeliosDB Nano or SQLite; DuckDB runs in node, see duckdb_runner.h),
// opened on a database file. The loader and the query worker both use it, in separate
// processes, so the database is opened by one process at a time.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "answer.h"

namespace tpch {

struct EngineError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Engine {
 public:
  virtual ~Engine() = default;
  // Runs the schema script, then loads every table's file from data_dir with one prepared
  // INSERT per table, in large transactions. Throws EngineError.
  virtual void Load(const std::string& schema_sql, const std::string& data_dir) = 0;
  // Runs the statements of one query file in order and returns the rows of the last statement
  // that returns rows (Q15 creates and drops a view around its SELECT). Throws EngineError.
  virtual std::vector<Row> Run(const std::vector<std::string>& statements) = 0;
};

// threads is passed on as SET threads = N; an engine without the setting ignores it.
// memory_limit, when not empty, is passed on as SET memory_limit (spilling past it).
std::unique_ptr<Engine> OpenHelios(const std::string& path, int threads,
                                   const std::string& memory_limit = "");
std::unique_ptr<Engine> OpenSqlite(const std::string& path);

}  // namespace tpch
