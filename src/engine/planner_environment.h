// The engine's answers to the optimizer's questions (planner/planner_environment.h): table
// sizes from storage's estimates, and constant expressions evaluated by the executor.
#pragma once

#include "function/function.h"
#include "planner/planner_environment.h"
#include "storage/storage_engine.h"

namespace heliosdb {

class EnginePlannerEnvironment : public PlannerEnvironment {
 public:
  EnginePlannerEnvironment(StorageEngine& storage, BranchId branch, FunctionContext function)
      : storage_(storage), branch_(branch), function_(std::move(function)) {}
  double EstimateTableRows(const TableInfo& table) const override;
  std::optional<Value> EvaluateConstant(const BoundExpr& e) const override;

 private:
  StorageEngine& storage_;
  BranchId branch_;
  FunctionContext function_;
};

}  // namespace heliosdb
