// The frames of window functions over one sorted partition: for each row, the positions its
// frame covers once the EXCLUDE clause has removed its rows, as at most three ascending
// ranges. Positions are 0..n-1 in window order.
//   ROWS    bounds count rows from the current one;
//   GROUPS  bounds count peer groups (rows with equal ORDER BY values) from the current one's;
//   RANGE   bounds are ORDER BY values `offset` before or after the current row's (one ORDER BY
//           column); a row whose value is NULL has its NULL peers as such a bound's frame.
// CURRENT ROW is the row itself in ROWS mode and its peer group otherwise. Without a frame
// clause the frame runs to the row's last peer, or over the whole partition without ORDER BY.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "common/value.h"
#include "function/function.h"
#include "planner/logical_plan.h"

namespace heliosdb {

// One window's frame clause with its offsets evaluated.
struct FrameSpec {
  bool has_frame = false;
  bool has_order = false;
  BoundWindow::Mode mode = BoundWindow::Mode::kRange;
  BoundWindow::Bound start = BoundWindow::Bound::kUnboundedPreceding;
  BoundWindow::Bound end = BoundWindow::Bound::kCurrentRow;
  int64_t start_rows = 0, end_rows = 0;  // ROWS / GROUPS offsets
  Value start_value, end_value;          // RANGE offsets
  BoundWindow::Exclude exclude = BoundWindow::Exclude::kNoOthers;
  bool descending = false;  // of the RANGE ORDER BY column
  bool nulls_first = false;
};

// Ascending, disjoint, non-empty position ranges [first, second).
struct FrameRanges {
  size_t count = 0;
  std::pair<size_t, size_t> ranges[3];

  size_t Rows() const;
  // The position of the frame's n-th row (0-based), or false when the frame is shorter.
  bool Nth(size_t n, size_t* position) const;
  bool operator==(const FrameRanges& other) const;
};

class PartitionFrames {
 public:
  // group[k]: the peer group of position k, counting from 0 and never decreasing. keys: the
  // ORDER BY value of each position, read only for RANGE offsets.
  PartitionFrames(const FrameSpec& spec, std::vector<size_t> group, const std::vector<Value>* keys,
                  const FunctionContext& ctx);

  FrameRanges Frame(size_t k) const;
  size_t size() const { return group_.size(); }
  size_t Group(size_t k) const { return group_[k]; }
  size_t PeerStart(size_t k) const { return group_first_[group_[k]]; }
  size_t PeerEnd(size_t k) const { return group_first_[group_[k] + 1]; }  // exclusive

 private:
  // The first position of the frame (is_start) or the position after its last one.
  size_t Bound(size_t k, bool is_start) const;
  size_t RangeBound(size_t k, bool is_start) const;

  const FrameSpec& spec_;
  std::vector<size_t> group_;
  std::vector<size_t> group_first_;  // per group, plus the partition's size at the end
  const std::vector<Value>* keys_;
  const FunctionContext& ctx_;
};

}  // namespace heliosdb
