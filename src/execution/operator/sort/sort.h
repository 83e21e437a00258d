// Sort: materializes its input and returns it ordered by the sort keys (stable, so equal keys
// keep their input order). Keys are column references into the input.
#pragma once

#include "execution/physical_operator.h"
#include <unordered_set>

#include "planner/logical_plan.h"

namespace heliosdb {

class Sort : public PhysicalOperator {
 public:
  Sort(const std::vector<SortKey>& keys, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), keys_(keys) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  void Materialize(ExecContext& ctx);

  const std::vector<SortKey>& keys_;
  std::vector<DataChunk> chunks_;
  std::vector<std::pair<uint32_t, uint32_t>> order_;  // (chunk, row)
  size_t emitted_ = 0;
  bool sorted_ = false;
  DataChunk out_;
};

// Distinct: passes on the first row of each distinct key, in input order: the whole row, or
// the key columns of DISTINCT ON (after a sort, the first row of each group in that order).
class Distinct : public PhysicalOperator {
 public:
  Distinct(std::vector<int> key_columns, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), key_columns_(std::move(key_columns)) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  std::vector<int> key_columns_;
  std::unordered_set<std::string> seen_;
  DataChunk out_;
};

}  // namespace heliosdb
