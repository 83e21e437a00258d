// HashJoin: a join on equality keys. The right input is materialized into a
// hash table keyed by its key values (rows with a NULL key never match, as SQL equality says);
// each left batch probes it, pairs are gathered into output batches of at most kVectorSize
// rows and the residual condition, if any, filters them. LEFT and FULL joins pad the left rows
// that kept no pair; a FULL join then pads the right rows that kept none. SEMI and ANTI joins
// output the left rows that kept a pair, or that kept none (NOT IN's NULL rules when
// null_aware).
#pragma once

#include <unordered_map>

#include "execution/physical_operator.h"
#include "planner/logical_plan.h"

namespace heliosdb {

class HashJoin : public PhysicalOperator {
 public:
  // left_keys are over the left input, right_keys over the right input; residual (may be
  // null) over the joined row.
  HashJoin(std::vector<BoundExprPtr> left_keys, std::vector<BoundExprPtr> right_keys,
           BoundExprPtr residual, JoinType type, bool null_aware,
           std::vector<LogicalType> types);
  DataChunk* Next(ExecContext& ctx) override;

 private:
  void Build(ExecContext& ctx);
  // Pairs of the current left batch from position `pair_` on, as one output batch.
  bool ProbeBatch(ExecContext& ctx);
  bool EmitUnmatched();
  bool EmitUnmatchedRight();
  // SEMI / ANTI: the current left batch's rows that (do not) match; false when none.
  bool FilterLeft(ExecContext& ctx, const std::vector<bool>& null_key);

  std::vector<BoundExprPtr> left_keys_, right_keys_;
  BoundExprPtr residual_;
  JoinType type_;
  bool null_aware_;
  bool right_has_null_key_ = false;
  size_t right_rows_ = 0;
  bool built_ = false;
  std::vector<DataChunk> right_;
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> table_;

  DataChunk left_;  // the current left batch
  std::vector<std::pair<uint32_t, const std::pair<uint32_t, uint32_t>*>> pairs_;  // (left row, right)
  size_t pair_ = 0;
  std::vector<bool> matched_;
  bool unmatched_done_ = true;
  std::vector<std::vector<bool>> right_matched_;  // FULL: per right batch and row
  size_t right_emit_ = 0;                          // FULL: next right batch to pad
  bool left_done_ = false;
  std::vector<LogicalType> pair_types_;  // left ++ right: what the residual reads
  DataChunk out_;
};

}  // namespace heliosdb
