// PhysicalOperator: an executable operator. Operators pull batches from their children:
// Next() returns the next non-empty DataChunk (valid until the following call) or nullptr
// at the end. Operators are created per execution by the PhysicalPlanner and are not reused.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/data_chunk.h"
#include "execution/exec_context.h"

namespace heliosdb {

class PhysicalOperator {
 public:
  explicit PhysicalOperator(std::vector<LogicalType> types) : types_(std::move(types)) {}
  virtual ~PhysicalOperator() = default;
  virtual DataChunk* Next(ExecContext& ctx) = 0;
  const std::vector<LogicalType>& types() const { return types_; }
  void AddChild(std::unique_ptr<PhysicalOperator> child) { children_.push_back(std::move(child)); }

 protected:
  PhysicalOperator* child(size_t i = 0) { return children_[i].get(); }

  std::vector<LogicalType> types_;
  std::vector<std::unique_ptr<PhysicalOperator>> children_;
};

using PhysicalOperatorPtr = std::unique_ptr<PhysicalOperator>;

}  // namespace heliosdb
