// Cutting a key range for parallel scans: boundaries are increasing, strictly inside the
// range, and cut dense integer keys into equal shares; ranges too narrow are not cut.
#include "execution/parallel/key_range_split.h"

#include <gtest/gtest.h>

#include "common/value.h"
#include "storage/key_codec.h"

namespace heliosdb {
namespace {

std::string IntKey(int64_t v) {
  std::string key;
  EncodeKeyPart(Value::BigInt(v), false, &key);
  return key;
}

TEST(KeyRangeSplit, CutsDenseIntegerKeysEvenly) {
  std::string first = IntKey(1), last = IntKey(1000000);
  std::vector<std::string> bounds = SplitKeyRange(first, last, 4);
  ASSERT_EQ(bounds.size(), 3u);
  // Count how many of the keys 1..1000000 fall below each boundary.
  std::vector<int64_t> below(bounds.size(), 0);
  for (int64_t v = 1; v <= 1000000; v += 97) {
    std::string k = IntKey(v);
    for (size_t i = 0; i < bounds.size(); i++) below[i] += k < bounds[i];
  }
  int64_t sampled = (1000000 + 96) / 97;
  for (size_t i = 0; i < bounds.size(); i++)
    EXPECT_NEAR(static_cast<double>(below[i]) / sampled, (i + 1) / 4.0, 0.01);
}

TEST(KeyRangeSplit, BoundariesIncreaseStrictlyInside) {
  std::string first = "apple", last = "zebra";
  std::vector<std::string> bounds = SplitKeyRange(first, last, 16);
  ASSERT_EQ(bounds.size(), 15u);
  EXPECT_GT(bounds.front(), first);
  EXPECT_LT(bounds.back(), last);
  for (size_t i = 1; i < bounds.size(); i++) EXPECT_LT(bounds[i - 1], bounds[i]);
}

TEST(KeyRangeSplit, LeavesNarrowOrEmptyRangesWhole) {
  EXPECT_TRUE(SplitKeyRange(IntKey(5), IntKey(5), 8).empty());
  EXPECT_TRUE(SplitKeyRange(IntKey(5), IntKey(7), 8).empty());  // fewer keys than pieces
  EXPECT_TRUE(SplitKeyRange(IntKey(9), IntKey(5), 8).empty());
  EXPECT_TRUE(SplitKeyRange(IntKey(1), IntKey(100), 1).empty());
}

}  // namespace
}  // namespace heliosdb
