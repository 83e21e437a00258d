// HashJoin: a join on equality keys. The right input is materialized into a
// hash table keyed by its key values (rows with a NULL key never match, as SQL equality says);
// each left batch probes it, pairs are gathered into output batches of at most kVectorSize
// rows and the residual condition, if any, filters them. LEFT and FULL joins pad the left rows
// that kept no pair; a FULL join then pads the right rows that kept none. SEMI and ANTI joins
// output the left rows that kept a pair, or that kept none (NOT IN's NULL rules when
// null_aware).
//
// The build side lives in a HashJoinBuild that the clones of a parallel pipeline share: the
// first clone to need it builds it while the others wait, after which it is only read.
//
// Memory: the build reserves what it holds from the statement's memory_limit. When a
// reservation is refused, the join turns into a grace hash join (hash_join_spill.cc): the
// build rows go to kSpillPartitions temporary files by their key's hash, each clone writes its
// probe rows to partition files of its own the same way, and the partitions are then joined
// one pair at a time (a NULL key goes to partition 0, where it meets nothing).
#pragma once

#include <memory>
#include <mutex>
#include <unordered_map>

#include "execution/physical_operator.h"
#include "execution/spill/memory_budget.h"
#include "execution/spill/spill_file.h"
#include "planner/logical_plan.h"

namespace heliosdb {

// Shared by hash_join.cc and hash_join_spill.cc: the key bytes of row r (false when a key
// value is NULL: such a row matches nothing), the key vectors of a batch, and what a build
// batch takes in memory.
bool JoinKeyOf(const std::vector<Vector>& keys, idx_t r, std::string* out);
std::vector<Vector> EvaluateJoinKeys(ExecContext& ctx, const std::vector<BoundExprPtr>& exprs,
                                     const DataChunk& chunk);
int64_t BuildBytes(const DataChunk& chunk);

struct HashJoinBuild {
  explicit HashJoinBuild(PhysicalOperatorPtr input) : input(std::move(input)) {}
  std::mutex mutex;  // held while building
  bool built = false;
  PhysicalOperatorPtr input;  // the right input; reset once read
  std::vector<LogicalType> input_types;
  std::vector<DataChunk> rows;
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> table;
  bool has_null_key = false;
  size_t row_count = 0;
  MemoryReservation reservation;
  std::vector<std::unique_ptr<SpillFile>> partitions;  // grace join: empty unless spilled

  // Adds a batch of build rows (keys evaluated) to the table.
  void Add(DataChunk chunk, const std::vector<Vector>& keys);
};

class HashJoin : public PhysicalOperator {
 public:
  static constexpr size_t kSpillPartitions = 16;
  // left_keys are over the left input (the only child), right_keys over build->input;
  // residual (may be null) over the joined row. REQUIRES: a FULL join's build is not shared.
  HashJoin(std::vector<BoundExprPtr> left_keys, std::vector<BoundExprPtr> right_keys,
           BoundExprPtr residual, JoinType type, bool null_aware,
           std::shared_ptr<HashJoinBuild> build, std::vector<LogicalType> types);
  DataChunk* Next(ExecContext& ctx) override;

 private:
  // Builds the shared table once; every clone returns with it built.
  void EnsureBuilt(ExecContext& ctx);
  // The next probe batch: the left input's, or in a grace join's partition phase, the
  // current probe partition's. Null when the current phase has no more.
  DataChunk* NextLeft(ExecContext& ctx);
  // Grace join (hash_join_spill.cc).
  void SpillBuild(ExecContext& ctx);  // moves the build's rows to partition files
  void SpillBuildRows(const DataChunk& chunk, const std::vector<Vector>& keys);
  void PartitionProbeInput(ExecContext& ctx);  // the whole left input to this clone's files
  // Loads the next partition pair; false when none is left.
  bool NextPartition(ExecContext& ctx);
  // Pairs of the current left batch from position `pair_` on, as one output batch.
  bool ProbeBatch(ExecContext& ctx);
  // Records a pair that passed the join: its left row, and for FULL its right row.
  void MarkMatched(uint32_t left_row, const std::pair<uint32_t, uint32_t>* right);
  bool EmitUnmatched();
  bool EmitUnmatchedRight();
  // SEMI / ANTI: the current left batch's rows that (do not) match; false when none.
  bool FilterLeft(ExecContext& ctx, const std::vector<bool>& null_key);

  std::vector<BoundExprPtr> left_keys_, right_keys_;
  BoundExprPtr residual_;
  JoinType type_;
  bool null_aware_;
  std::shared_ptr<HashJoinBuild> build_;
  HashJoinBuild* current_ = nullptr;  // the table probed: build_, or a partition's
  bool built_ = false;
  std::vector<std::unique_ptr<SpillFile>> probe_partitions_;  // grace join: this clone's
  size_t next_partition_ = 0;
  std::unique_ptr<HashJoinBuild> partition_build_;
  std::unique_ptr<SpillFile::Reader> probe_reader_;
  DataChunk probe_chunk_;

  DataChunk left_;  // the current left batch
  std::vector<std::pair<uint32_t, const std::pair<uint32_t, uint32_t>*>> pairs_;  // (left row, right)
  size_t pair_ = 0;
  std::vector<bool> matched_;
  bool unmatched_done_ = true;
  std::vector<std::vector<bool>> right_matched_;  // FULL only: per right batch and row
  size_t right_emit_ = 0;                          // FULL: next right batch to pad
  bool left_done_ = false;
  std::vector<LogicalType> pair_types_;  // left ++ right: what the residual reads
  DataChunk out_;
};

}  // namespace heliosdb
