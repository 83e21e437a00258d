// Spill files hand back exactly the rows written (every physical type, NULLs, long strings),
// in order and in batches; two readers read one file independently. The memory budget grants
// reservations up to its limit (or a share of it) and takes released bytes back.
#include "execution/spill/spill_file.h"

#include <gtest/gtest.h>

#include "execution/spill/memory_budget.h"

namespace heliosdb {
namespace {

std::vector<LogicalType> Types() {
  return {LogicalType(TypeId::kBigInt), LogicalType(TypeId::kText), LogicalType(TypeId::kDouble),
          LogicalType(TypeId::kBoolean)};
}

TEST(SpillFile, RoundTripsRowsInOrder) {
  SpillFile file(Types());
  const int64_t kRows = 5000;  // more than two batches
  DataChunk chunk(Types());
  for (int64_t i = 0; i < kRows; i++) {
    idx_t r = static_cast<idx_t>(i % kVectorSize);
    chunk.column(0).SetValue(r, Value::BigInt(i));
    if (i % 7 == 0) {
      chunk.column(1).SetNull(r);
    } else {
      chunk.column(1).SetString(r, std::string(static_cast<size_t>(i % 300), 'a' + i % 26));
    }
    chunk.column(2).SetValue(r, Value::Double(i / 4.0));
    chunk.column(3).SetValue(r, Value::Boolean(i % 2 == 0));
    chunk.SetSize(r + 1);
    if (chunk.size() == kVectorSize || i == kRows - 1) {
      for (idx_t k = 0; k < chunk.size(); k++) file.Append(chunk, k);
      chunk.Initialize(Types());
    }
  }
  file.Finish();
  EXPECT_EQ(file.rows(), kRows);
  SpillFile::Reader a(file), b(file);
  DataChunk out;
  int64_t next = 0;
  while (a.Read(&out)) {
    for (idx_t r = 0; r < out.size(); r++, next++) {
      ASSERT_EQ(out.GetValue(0, r).GetInt64(), next);
      Value s = out.GetValue(1, r);
      if (next % 7 == 0) {
        EXPECT_TRUE(s.is_null());
      } else {
        EXPECT_EQ(s.ToString(), std::string(static_cast<size_t>(next % 300), 'a' + next % 26));
      }
      EXPECT_EQ(out.GetValue(3, r).GetBool(), next % 2 == 0);
    }
  }
  EXPECT_EQ(next, kRows);
  int64_t again = 0;
  while (b.Read(&out)) again += out.size();
  EXPECT_EQ(again, kRows);
}

TEST(MemoryBudget, GrantsUpToTheLimitAndItsShares) {
  MemoryBudget budget(1000);
  MemoryReservation a(&budget), b(&budget);
  EXPECT_TRUE(a.Grow(400, 0.5));
  EXPECT_FALSE(a.Grow(200, 0.5));  // 600 > half of 1000
  EXPECT_TRUE(b.Grow(500));
  EXPECT_FALSE(b.Grow(200));  // 1100 > 1000
  EXPECT_EQ(budget.used(), 900);
  a.Reset();
  EXPECT_EQ(budget.used(), 500);
  EXPECT_TRUE(b.Grow(200));
  {
    MemoryReservation c(&budget);
    EXPECT_TRUE(c.Grow(300));
    EXPECT_EQ(budget.used(), 1000);
  }
  EXPECT_EQ(budget.used(), 700);  // c gave its bytes back when it went away
  EXPECT_EQ(budget.peak(), 1000);
  MemoryReservation unlimited;
  EXPECT_TRUE(unlimited.Grow(int64_t{1} << 40));
}

}  // namespace
}  // namespace heliosdb
