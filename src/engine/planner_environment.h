// The engine's answers to the optimizer's questions (planner/planner_environment.h): table
// sizes from storage's estimates, and constant expressions evaluated by the executor.
#pragma once

#include "engine/table_size_cache.h"
#include "function/function.h"
#include "planner/planner_environment.h"
#include "storage/storage_engine.h"

namespace heliosdb {

class EnginePlannerEnvironment : public PlannerEnvironment {
 public:
  EnginePlannerEnvironment(StorageEngine& storage, TableSizeCache& sizes, BranchId branch,
                           FunctionContext function, int threads)
      : storage_(storage),
        sizes_(sizes),
        branch_(branch),
        function_(std::move(function)),
        threads_(threads) {}
  double EstimateTableRows(const TableInfo& table) const override;
  std::optional<Value> EvaluateConstant(const BoundExpr& e) const override;
  int Threads() const override { return threads_; }

 private:
  StorageEngine& storage_;
  TableSizeCache& sizes_;
  BranchId branch_;
  FunctionContext function_;
  int threads_;
};

}  // namespace heliosdb
