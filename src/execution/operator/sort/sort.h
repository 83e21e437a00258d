// Sort: materializes its input and returns it ordered by the sort keys (stable, so equal keys
// keep their input order). Keys are column references into the input. With a top_n (ORDER BY
// ... LIMIT), whenever the buffer holds several times that many rows it is sorted and cut
// back to the first top_n, so memory stays proportional to the limit, not the input.
#pragma once

#include "execution/physical_operator.h"
#include <unordered_set>

#include "planner/logical_plan.h"

namespace heliosdb {

class Sort : public PhysicalOperator {
 public:
  Sort(const std::vector<SortKey>& keys, int64_t top_n, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), keys_(keys), top_n_(top_n) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  void Materialize(ExecContext& ctx);
  // Orders order_ (and key_values_ along with it) by the keys, stable.
  void SortBuffer();
  // Keeps the first top_n_ rows of the sorted buffer, copied into fresh chunks.
  void Truncate();

  const std::vector<SortKey>& keys_;
  int64_t top_n_;  // -1: all rows
  std::vector<std::vector<Value>> key_values_;  // per buffered row, in order_'s order
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
