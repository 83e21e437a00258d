// RecursiveCte: WITH RECURSIVE. Runs the anchor, then re-runs the recursive term over the
// previous iteration's new rows (the working table, read by WorkingTableScan) until an
// iteration adds nothing. UNION drops rows already produced; UNION ALL keeps them all. An
// iteration count above max_recursive_iterations fails with 54001 instead of running forever.
#pragma once

#include <unordered_set>

#include "execution/physical_operator.h"
#include "planner/logical_plan.h"

namespace heliosdb {

class RecursiveCte : public PhysicalOperator {
 public:
  RecursiveCte(const LogicalOp& op, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), op_(op) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  // Keeps the rows of `in` not seen before (all of them for UNION ALL); returns them.
  std::vector<DataChunk> Admit(PhysicalOperator& source, ExecContext& ctx);

  const LogicalOp& op_;
  bool done_ = false;
  std::vector<DataChunk> result_;
  size_t emitted_ = 0;
  std::unordered_set<std::string> seen_;
};

class WorkingTableScan : public PhysicalOperator {
 public:
  WorkingTableScan(int table, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), table_(table) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  int table_;
  size_t next_ = 0;
  DataChunk out_;
};

}  // namespace heliosdb
