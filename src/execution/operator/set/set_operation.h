// SetOperation: UNION, INTERSECT and EXCEPT, with or without ALL, over two inputs of the same
// column types. Rows compare as PostgreSQL's set operations do (NULLs equal each other).
// UNION [ALL] streams; INTERSECT and EXCEPT first count the right input's rows by value.
#pragma once

#include <unordered_map>
#include <unordered_set>

#include "execution/physical_operator.h"
#include "planner/logical_plan.h"

namespace heliosdb {

class SetOperation : public PhysicalOperator {
 public:
  SetOperation(SetOpType type, bool all, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), type_(type), all_(all) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  // Keeps the rows of `in` that the operation lets through.
  DataChunk* Admit(DataChunk* in);

  SetOpType type_;
  bool all_;
  bool right_counted_ = false;
  int side_ = 0;  // UNION: the child being read
  std::unordered_map<std::string, int64_t> right_counts_;
  std::unordered_set<std::string> seen_;
  DataChunk out_;
};

}  // namespace heliosdb
