// Window frame bounds: ROWS, GROUPS and RANGE offsets (ascending, descending, NULL keys,
// overflow, NaN and infinities), the default frames and the EXCLUDE clauses.
#include "execution/operator/window/window_frame.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "common/exception.h"
#include "common/types/decimal.h"
#include "execution/operator/window/range_bound.h"

namespace heliosdb {
namespace {

using B = BoundWindow::Bound;
using M = BoundWindow::Mode;
using X = BoundWindow::Exclude;

// The frame of every position as "a-b" ranges (inclusive), ";" between rows.
std::string Frames(const FrameSpec& spec, std::vector<size_t> group,
                   const std::vector<Value>* keys = nullptr) {
  FunctionContext ctx;
  PartitionFrames frames(spec, std::move(group), keys, ctx);
  std::string out;
  for (size_t k = 0; k < frames.size(); k++) {
    if (k) out += ";";
    FrameRanges f = frames.Frame(k);
    for (size_t i = 0; i < f.count; i++) {
      if (i) out += ",";
      out += std::to_string(f.ranges[i].first) + "-" + std::to_string(f.ranges[i].second - 1);
    }
  }
  return out;
}

FrameSpec Spec(M mode, B start, B end, int64_t start_rows = 0, int64_t end_rows = 0) {
  FrameSpec s;
  s.has_frame = true;
  s.has_order = true;
  s.mode = mode;
  s.start = start;
  s.end = end;
  s.start_rows = start_rows;
  s.end_rows = end_rows;
  return s;
}

TEST(WindowFrameTest, DefaultFrames) {
  FrameSpec none;
  EXPECT_EQ(Frames(none, {0, 0, 0}), "0-2;0-2;0-2");
  none.has_order = true;
  EXPECT_EQ(Frames(none, {0, 0, 1}), "0-1;0-1;0-2");
}

TEST(WindowFrameTest, RowsOffsetsClampToThePartition) {
  EXPECT_EQ(Frames(Spec(M::kRows, B::kPreceding, B::kFollowing, 1, 1), {0, 1, 2, 3}),
            "0-1;0-2;1-3;2-3");
  // A frame wholly before the partition is empty.
  EXPECT_EQ(Frames(Spec(M::kRows, B::kPreceding, B::kPreceding, 3, 2), {0, 1, 2}), ";;0-0");
  EXPECT_EQ(Frames(Spec(M::kRows, B::kPreceding, B::kFollowing, INT64_MAX, INT64_MAX), {0, 0}),
            "0-1;0-1");
}

TEST(WindowFrameTest, GroupsCountPeerGroups) {
  EXPECT_EQ(Frames(Spec(M::kGroups, B::kPreceding, B::kCurrentRow, 1), {0, 0, 1, 2, 2}),
            "0-1;0-1;0-2;2-4;2-4");
  EXPECT_EQ(Frames(Spec(M::kGroups, B::kFollowing, B::kUnboundedFollowing, 1), {0, 0, 1}),
            "2-2;2-2;");
}

TEST(WindowFrameTest, Exclusions) {
  FrameSpec s = Spec(M::kRows, B::kUnboundedPreceding, B::kUnboundedFollowing);
  std::vector<size_t> groups = {0, 1, 1, 2};
  s.exclude = X::kCurrentRow;
  EXPECT_EQ(Frames(s, groups), "1-3;0-0,2-3;0-1,3-3;0-2");
  s.exclude = X::kGroup;
  EXPECT_EQ(Frames(s, groups), "1-3;0-0,3-3;0-0,3-3;0-2");
  s.exclude = X::kTies;
  EXPECT_EQ(Frames(s, groups), "0-3;0-1,3-3;0-0,2-3;0-3");
  // The current row outside its own frame: nothing to exclude.
  FrameSpec following = Spec(M::kRows, B::kFollowing, B::kFollowing, 1, 1);
  following.exclude = X::kCurrentRow;
  EXPECT_EQ(Frames(following, {0, 1, 2}), "1-1;2-2;");
}

TEST(WindowFrameTest, RangeOffsetsAscendingAndDescending) {
  std::vector<Value> keys = {Value::Integer(1), Value::Integer(2), Value::Integer(4),
                             Value::Integer(5)};
  FrameSpec s = Spec(M::kRange, B::kPreceding, B::kFollowing);
  s.start_value = Value::BigInt(1);
  s.end_value = Value::BigInt(0);
  EXPECT_EQ(Frames(s, {0, 1, 2, 3}, &keys), "0-0;0-1;2-2;2-3");
  std::vector<Value> desc = {keys[3], keys[2], keys[1], keys[0]};
  s.descending = true;
  EXPECT_EQ(Frames(s, {0, 1, 2, 3}, &desc), "0-0;0-1;2-2;2-3");
}

TEST(WindowFrameTest, RangeNullKeysFrameTheirPeers) {
  std::vector<Value> keys = {Value::Null(TypeId::kInteger), Value::Null(TypeId::kInteger),
                             Value::Integer(1), Value::Integer(2)};
  FrameSpec s = Spec(M::kRange, B::kPreceding, B::kPreceding);
  s.start_value = Value::BigInt(1);
  s.end_value = Value::BigInt(1);
  s.nulls_first = true;
  EXPECT_EQ(Frames(s, {0, 0, 1, 2}, &keys), "0-1;0-1;;2-2");
}

TEST(RangeBoundTest, IntegerOverflowLiesBeyondEveryValue) {
  FunctionContext ctx;
  RangeLimit up = RangeOffsetLimit(Value::BigInt(INT64_MAX - 1), Value::BigInt(5), true, true, ctx);
  EXPECT_EQ(up.infinite, 1);
  EXPECT_LT(CompareToLimit(Value::BigInt(INT64_MAX), up), 0);
  RangeLimit down =
      RangeOffsetLimit(Value::BigInt(INT64_MIN + 1), Value::BigInt(5), false, false, ctx);
  EXPECT_GT(CompareToLimit(Value::BigInt(INT64_MIN), down), 0);
}

TEST(RangeBoundTest, InfinityMinusInfinityAdmitsEveryValue) {
  FunctionContext ctx;
  Value inf = Value::Double(INFINITY);
  RangeLimit lower = RangeOffsetLimit(inf, inf, false, false, ctx);
  EXPECT_GT(CompareToLimit(Value::Double(NAN), lower), 0);
  EXPECT_GT(CompareToLimit(Value::Double(-INFINITY), lower), 0);
  RangeLimit upper = RangeOffsetLimit(inf, inf, false, true, ctx);
  EXPECT_LE(CompareToLimit(Value::Double(INFINITY), upper), 0);
  EXPECT_GT(CompareToLimit(Value::Double(NAN), upper), 0);
}

TEST(RangeBoundTest, DatesMoveAsTimestamps) {
  FunctionContext ctx;
  Value day = Value::Int(TypeId::kDate, 10);
  RangeLimit limit =
      RangeOffsetLimit(day, Value::FromInterval(Interval{0, 0, 3600000000}), true, true, ctx);
  EXPECT_LT(CompareToLimit(day, limit), 0);
  EXPECT_GT(CompareToLimit(Value::Int(TypeId::kDate, 11), limit), 0);
}

TEST(RangeBoundTest, NegativeOffsetsAreRejected) {
  EXPECT_THROW(CheckRangeOffset(Value::BigInt(-1)), DbException);
  EXPECT_THROW(CheckRangeOffset(Value::Double(NAN)), DbException);
  EXPECT_THROW(CheckRangeOffset(Value::Numeric(DecimalInfinity(true))), DbException);
  EXPECT_THROW(CheckRangeOffset(Value::FromInterval(Interval{0, -1, 0})), DbException);
  EXPECT_NO_THROW(CheckRangeOffset(Value::Double(INFINITY)));
}

}  // namespace
}  // namespace heliosdb
