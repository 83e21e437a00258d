#include "execution/operator/window/window_frame.h"

#include <algorithm>

#include "execution/operator/window/range_bound.h"

namespace heliosdb {

size_t FrameRanges::Rows() const {
  size_t rows = 0;
  for (size_t i = 0; i < count; i++) rows += ranges[i].second - ranges[i].first;
  return rows;
}

bool FrameRanges::Nth(size_t n, size_t* position) const {
  for (size_t i = 0; i < count; i++) {
    size_t len = ranges[i].second - ranges[i].first;
    if (n < len) {
      *position = ranges[i].first + n;
      return true;
    }
    n -= len;
  }
  return false;
}

bool FrameRanges::operator==(const FrameRanges& other) const {
  if (count != other.count) return false;
  for (size_t i = 0; i < count; i++)
    if (ranges[i] != other.ranges[i]) return false;
  return true;
}

PartitionFrames::PartitionFrames(const FrameSpec& spec, std::vector<size_t> group,
                                 const std::vector<Value>* keys, const FunctionContext& ctx)
    : spec_(spec), group_(std::move(group)), keys_(keys), ctx_(ctx) {
  for (size_t k = 0; k < group_.size(); k++)
    if (k == 0 || group_[k] != group_[k - 1]) group_first_.push_back(k);
  group_first_.push_back(group_.size());
}

size_t PartitionFrames::RangeBound(size_t k, bool is_start) const {
  BoundWindow::Bound b = is_start ? spec_.start : spec_.end;
  const Value& offset = is_start ? spec_.start_value : spec_.end_value;
  const Value& current = (*keys_)[k];
  // Moving toward later rows adds in ascending order and subtracts in descending order.
  bool add = (b == BoundWindow::Bound::kFollowing) != spec_.descending;
  RangeLimit limit;
  // In ascending order the frame's end is an upper limit on values, its start a lower one.
  bool upper = is_start == spec_.descending;
  if (!current.is_null()) limit = RangeOffsetLimit(current, offset, add, upper, ctx_);
  // Where a row's value sorts relative to the bound, in window order; NULLs are peers of NULL.
  auto order = [&](const Value& key) {
    if (key.is_null() || current.is_null()) {
      if (key.is_null() == current.is_null()) return 0;
      return key.is_null() == spec_.nulls_first ? -1 : 1;
    }
    int c = CompareToLimit(key, limit);
    return spec_.descending ? -c : c;
  };
  auto begin = keys_->begin(), end = keys_->begin() + static_cast<ptrdiff_t>(size());
  auto it = is_start
                ? std::partition_point(begin, end, [&](const Value& v) { return order(v) < 0; })
                : std::partition_point(begin, end, [&](const Value& v) { return order(v) <= 0; });
  return static_cast<size_t>(it - begin);
}

size_t PartitionFrames::Bound(size_t k, bool is_start) const {
  const int64_t n = static_cast<int64_t>(size());
  BoundWindow::Bound b = is_start ? spec_.start : spec_.end;
  switch (b) {
    case BoundWindow::Bound::kUnboundedPreceding:
      return 0;
    case BoundWindow::Bound::kUnboundedFollowing:
      return size();
    case BoundWindow::Bound::kCurrentRow:
      if (spec_.mode == BoundWindow::Mode::kRows) return is_start ? k : k + 1;
      return is_start ? PeerStart(k) : PeerEnd(k);
    default:
      break;
  }
  if (spec_.mode == BoundWindow::Mode::kRange) return RangeBound(k, is_start);
  int64_t offset = is_start ? spec_.start_rows : spec_.end_rows;
  if (b == BoundWindow::Bound::kPreceding) offset = -offset;
  if (spec_.mode == BoundWindow::Mode::kRows) {
    // The offset is at most INT64_MAX and positions are far smaller: no overflow in 128 bits.
    __int128 pos = static_cast<__int128>(k) + offset + (is_start ? 0 : 1);
    return static_cast<size_t>(std::clamp<__int128>(pos, 0, n));
  }
  __int128 g = static_cast<__int128>(group_[k]) + offset;
  int64_t groups = static_cast<int64_t>(group_first_.size()) - 1;
  if (g < 0) return 0;
  if (g >= groups) return size();
  return is_start ? group_first_[static_cast<size_t>(g)] : group_first_[static_cast<size_t>(g) + 1];
}

FrameRanges PartitionFrames::Frame(size_t k) const {
  size_t first = 0, last = size();
  if (spec_.has_frame) {
    first = Bound(k, true);
    last = std::max(first, Bound(k, false));
  } else if (spec_.has_order) {
    last = PeerEnd(k);
  }
  FrameRanges out;
  auto add = [&](size_t from, size_t to) {
    if (from >= to) return;
    if (out.count > 0 && out.ranges[out.count - 1].second == from) {
      out.ranges[out.count - 1].second = to;  // EXCLUDE TIES keeps the row next to a range
    } else {
      out.ranges[out.count++] = {from, to};
    }
  };
  switch (spec_.exclude) {
    case BoundWindow::Exclude::kNoOthers:
      add(first, last);
      break;
    case BoundWindow::Exclude::kCurrentRow:
      add(first, std::min(last, k));
      add(std::max(first, k + 1), last);
      break;
    case BoundWindow::Exclude::kGroup:
      add(first, std::min(last, PeerStart(k)));
      add(std::max(first, PeerEnd(k)), last);
      break;
    case BoundWindow::Exclude::kTies:
      add(first, std::min(last, PeerStart(k)));
      if (k >= first && k < last) add(k, k + 1);
      add(std::max(first, PeerEnd(k)), last);
      break;
  }
  return out;
}

}  // namespace heliosdb
