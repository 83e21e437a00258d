// HashAggregate: groups its input by the group expressions and folds each aggregate's
// arguments into per-group states (FILTER and DISTINCT applied per aggregate). Output rows
// are the group values followed by the aggregate results. With no group expressions it
// returns exactly one row, even for empty input (count = 0, sum = NULL).
//
// With several children (the clones of a parallel pipeline, planned only when every
// aggregate can combine partial states) each clone is consumed on its own thread into a
// table of its own, and the tables are then merged into one.
//
// Memory: the table reserves what its groups take from the statement's memory_limit. Once a
// reservation is refused the table is full: rows of the groups it holds still fold into it,
// rows of any other group are written to one of kSpillPartitions temporary files by their
// key's hash (hash_aggregate_spill.cc). After the input, each partition is aggregated by a
// fresh table (which may spill again, on other hash bits); its groups that the full table
// also holds (possible when parallel clones filled tables of their own) are combined into it,
// the others are returned, and the full table's groups come last.
#pragma once

#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "execution/physical_operator.h"
#include "execution/spill/memory_budget.h"
#include "execution/spill/spill_file.h"
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
  static constexpr size_t kSpillPartitions = 16;
  static constexpr size_t kSpilled = SIZE_MAX;  // GroupOf: the row went to a partition file

  void Consume(ExecContext& ctx, const DataChunk& in);
  void ConsumeClones(ExecContext& ctx);
  // Spilling (hash_aggregate_spill.cc).
  // Reserves memory for a new group; false when the table is now full.
  bool ReserveGroup(const std::string& key);
  void SpillRow(const DataChunk& in, idx_t row, const std::string& key);
  // Moves another table's partition files to this one (parallel clones, after merging).
  void TakePartitions(HashAggregate& other);
  // Aggregates the next partition into partition_table_; false when none is left.
  bool NextPartition(ExecContext& ctx);
  // Decides which groups are returned, in order, once every partition was aggregated.
  void PlanEmission();
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

  MemoryReservation reservation_;
  int level_ = 0;      // spill depth: which bits of a key's hash pick its partition
  bool full_ = false;  // the memory budget is spent: new groups' rows are spilled
  std::vector<std::vector<std::unique_ptr<SpillFile>>> partitions_;  // per partition, its files
  size_t next_partition_ = 0;
  std::unique_ptr<HashAggregate> partition_table_;  // aggregating the current partition
  std::vector<bool> combined_;       // groups combined into the full table instead of returned
  HashAggregate* full_table_ = nullptr;  // set on a partition table: where shared groups go
  std::vector<uint32_t> emit_order_;  // the groups to return
  bool emission_planned_ = false;
};

}  // namespace heliosdb
