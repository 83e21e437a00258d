// HashAggregate: groups its input by the group expressions and folds each aggregate's
// arguments into per-group states (FILTER and DISTINCT applied per aggregate). Output rows
// are the group values followed by the aggregate results. With no group expressions it
// returns exactly one row, even for empty input (count = 0, sum = NULL).
//
// With several children (the clones of a parallel pipeline, planned only when every
// aggregate can combine partial states) each clone is consumed on its own thread into a
// table of its own, and the tables are then merged into one.
#pragma once

#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "execution/physical_operator.h"
#include "planner/logical_plan.h"

namespace heliosdb {

class HashAggregate : public PhysicalOperator {
 public:
  HashAggregate(const std::vector<BoundExprPtr>& groups,
                const std::vector<BoundAggregate>& aggregates,
                const std::vector<std::vector<int>>& grouping_sets, std::vector<LogicalType> types);
  ~HashAggregate() override;
  DataChunk* Next(ExecContext& ctx) override;

 private:
  void Consume(ExecContext& ctx, const DataChunk& in);
  void ConsumeClones(ExecContext& ctx);
  // Folds another table's groups into this one (combining states).
  void MergeFrom(const HashAggregate& other);
  size_t AddGroup(const std::string& key, std::vector<Value> values, size_t set);
  void ConsumeSet(ExecContext& ctx, const DataChunk& in, const std::vector<Vector>& group_vectors,
                  size_t set);
  std::string SetKey(size_t set) const;
  size_t GroupOf(const std::string& key, const std::vector<Vector>& group_vectors, idx_t row,
                 size_t set);

  const std::vector<BoundExprPtr>& groups_;
  const std::vector<BoundAggregate>& aggregates_;
  std::vector<size_t> offsets_;  // each aggregate's state offset within a group's block
  size_t block_size_ = 0;
  std::unordered_map<std::string, size_t> index_;
  std::vector<std::vector<Value>> group_values_;
  std::vector<std::vector<int>> sets_;  // the grouping sets (one of all columns by default)
  std::vector<size_t> group_set_;       // each group's grouping set
  std::vector<std::unique_ptr<uint8_t[]>> states_;
  // DISTINCT aggregates: the argument keys seen per (aggregate, group).
  std::vector<std::unordered_map<size_t, std::unordered_set<std::string>>> seen_;
  // Ordered aggregates: per aggregate and group, the rows (arguments then sort keys) to feed
  // in order once the input is read.
  std::vector<std::unordered_map<size_t, std::vector<std::vector<Value>>>> ordered_rows_;
  void FeedOrdered();
  bool consumed_ = false;
  size_t emitted_ = 0;
  DataChunk out_;
};

}  // namespace heliosdb
