// MergeJoin: a join on equality keys of two inputs that both arrive ordered on those keys,
// ascending in the order of the key encoding (storage/key_codec.h): the order primary-key and
// index scans produce, and the order Sort produces on the same values. Both inputs stream:
// the right input is read one run of equal keys at a time and each left row is paired with
// the run of its key (the cross product when both sides repeat a key); only a run that
// spans right batches is copied. Keys are compared by their encodings, so equality is the
// hash join's (1.5 = 1.50, -0.0 = 0.0, NaN = NaN) and order is the scans'. A row with a
// NULL key part matches nothing; such rows may come first, last or between two runs (a sort
// with NULLS LAST puts (1, NULL) after every (1, x)), never inside a run. The residual condition,
// if any, filters the pairs. LEFT and FULL pad the left rows that kept no pair after each left
// batch; FULL pads a run's right rows that kept none when the left side has passed it.
// SEMI and ANTI output the left rows that kept a pair, or kept none.
//
// INNER, SEMI and ANTI output rows in the left input's order (planner/plan_order.h relies on
// it). NOT IN's NULL-aware anti join is not handled (the planner keeps a hash join for it).
// Thread safety: none, like every operator.
#pragma once

#include <string>
#include <string_view>

#include "execution/physical_operator.h"
#include "planner/logical_plan.h"

namespace heliosdb {

class MergeJoin : public PhysicalOperator {
 public:
  // left_keys are over the left input, right_keys over the right input (same physical
  // types, pairwise); residual (may be null) over left ++ right.
  // REQUIRES: in both inputs, the rows without a NULL key part ascend by key and the rows of
  // one key are contiguous; type is not kCross.
  MergeJoin(std::vector<BoundExprPtr> left_keys, std::vector<BoundExprPtr> right_keys,
            BoundExprPtr residual, JoinType type, std::vector<LogicalType> types);
  DataChunk* Next(ExecContext& ctx) override;

 private:
  // The encoded keys of one input batch: row r's key is bytes[end[r - 1], end[r]).
  struct BatchKeys {
    std::string bytes;
    std::vector<uint32_t> end;
    std::vector<bool> null;  // some key part is NULL: the row matches nothing
    void Encode(ExecContext& ctx, const std::vector<BoundExprPtr>& exprs, const DataChunk& chunk);
    std::string_view Get(idx_t r) const {
      uint32_t begin = r == 0 ? 0 : end[r - 1];
      return std::string_view(bytes).substr(begin, end[r] - begin);
    }
  };
  enum class Phase : uint8_t { kNextLeft, kMatch, kLeftEnd, kPadLeft, kDrainRight, kDone };

  // Stages output rows until the output batch is full, a SEMI / ANTI batch is ready, or the
  // join is done (returns false then).
  bool Produce(ExecContext& ctx);
  // Pairs left row lpos_ with the run of its key; false when the output filled up first.
  bool MatchLeftRow(ExecContext& ctx);
  // Leaves the current run (FULL: padding its rows that kept no pair); false when full.
  bool PassRun(ExecContext& ctx);
  // Reads the next run of equal right keys; false at the end of the right input.
  bool LoadRun(ExecContext& ctx);
  bool NextRight(ExecContext& ctx);
  // Queues output row (left row l, right row r of the run's chunk); kPad pads a side.
  void Stage(ExecContext& ctx, uint32_t l, uint32_t r);
  bool Room() const { return out_.size() + stage_left_.size() < kVectorSize; }
  // Writes the staged rows to out_, the residual deciding which pairs count.
  void Flush(ExecContext& ctx);
  void MarkMatched(uint32_t l, uint32_t r);
  void FilterLeft();

  std::vector<BoundExprPtr> left_keys_, right_keys_;
  BoundExprPtr residual_;
  JoinType type_;
  bool filter_only_;  // SEMI / ANTI
  bool started_ = false;
  std::vector<LogicalType> pair_types_;  // left ++ right: what the residual reads
  Phase phase_ = Phase::kNextLeft;

  DataChunk left_;  // the current left batch, flat
  BatchKeys left_keys_of_;
  idx_t lpos_ = 0;
  std::vector<bool> matched_;  // per left_ row
  idx_t pad_pos_ = 0;          // kPadLeft: next left row to look at

  DataChunk right_;  // the current right batch, flat
  BatchKeys right_keys_of_;
  idx_t rpos_ = 0;  // first right row not yet in a run
  bool right_done_ = false;

  // The run: rows [run_start_, run_start_ + run_size_) of *run_src_ (right_, or run_copy_
  // when it spans batches), all with key run_key_, or all with a NULL key.
  bool has_run_ = false;
  bool run_null_ = false;
  std::string run_key_;
  const DataChunk* run_src_ = nullptr;
  DataChunk run_copy_;
  idx_t run_start_ = 0, run_size_ = 0;
  idx_t run_pos_ = 0;              // next run row to pair with left row lpos_
  std::vector<bool> run_matched_;  // FULL
  bool run_padding_ = false;       // FULL: PassRun is padding from run_pad_pos_
  idx_t run_pad_pos_ = 0;

  std::vector<uint32_t> stage_left_, stage_right_;
  const DataChunk* stage_src_ = nullptr;  // the chunk staged right rows index
  DataChunk pairs_;                       // staged pairs, for the residual
  DataChunk out_;
  DataChunk filtered_;  // SEMI / ANTI output
  bool filtered_ready_ = false;
};

}  // namespace heliosdb
