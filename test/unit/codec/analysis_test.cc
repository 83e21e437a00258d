// The analysis picks the expected codec on obvious data.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "storage/columnar/codec/segment.h"
#include "test_columns.h"

namespace heliosdb::codec {
namespace {

std::string Chosen(const test::TestColumn& column) {
  return WriteSegment(column.view()).codec->name;
}

TEST(CodecAnalysis, ConstantColumnIsConstant) {
  EXPECT_EQ(Chosen(test::IntColumn("c", StorageType::kInt32, std::vector<int64_t>(100000, 42))),
            "constant");
  EXPECT_EQ(Chosen(test::StringColumn("s", std::vector<std::string>(50000, "N"))), "constant");
  EXPECT_EQ(Chosen(test::DoubleColumn("d", std::vector<double>(50000, 2.5))), "constant");
}

TEST(CodecAnalysis, SortedTimestampsAreDelta) {
  std::mt19937_64 rng(3);
  std::vector<int64_t> ts(120000);
  int64_t t = 820000000000000;
  for (auto& x : ts) x = t += 1000000 + static_cast<int64_t>(rng() % 5000);
  std::string codec = Chosen(test::IntColumn("ts", StorageType::kInt64, ts));
  EXPECT_TRUE(codec == "delta" || codec == "delta_of_delta") << codec;
  std::vector<int64_t> steady(120000);
  for (size_t i = 0; i < steady.size(); i++) steady[i] = 820000000000000 + i * 60000000;
  codec = Chosen(test::IntColumn("steady", StorageType::kInt64, steady));
  EXPECT_TRUE(codec == "delta" || codec == "delta_of_delta") << codec;
}

TEST(CodecAnalysis, LowCardinalityStringsAreDictionary) {
  std::mt19937_64 rng(5);
  const char* kModes[] = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
  std::vector<std::string> v;
  for (int i = 0; i < 120000; i++) v.push_back(kModes[rng() % 7]);
  EXPECT_EQ(Chosen(test::StringColumn("shipmode", v)), "dictionary");
}

TEST(CodecAnalysis, DecimalsAsDoublesAreAlp) {
  std::mt19937_64 rng(9);
  std::vector<double> v;
  for (int i = 0; i < 120000; i++) v.push_back(static_cast<double>(100000 + rng() % 9000000) / 100);
  EXPECT_EQ(Chosen(test::DoubleColumn("price", v)), "alp");
}

TEST(CodecAnalysis, SmallRandomIntegersAreBitPacked) {
  std::mt19937_64 rng(1);
  std::vector<int64_t> v;
  for (int i = 0; i < 120000; i++) v.push_back(static_cast<int64_t>(rng() % 1000000));
  EXPECT_EQ(Chosen(test::IntColumn("qty", StorageType::kInt64, v)), "bitpacking");
}

TEST(CodecAnalysis, RunsOfVariedValuesAreRle) {
  std::mt19937_64 rng(4);
  std::vector<int64_t> v;
  int64_t value = 0;
  for (int i = 0; i < 120000; i++)
    v.push_back(i % 40 ? value : (value = static_cast<int64_t>(rng())));
  EXPECT_EQ(Chosen(test::IntColumn("runs", StorageType::kInt64, v)), "rle");
}

TEST(CodecAnalysis, RandomDoublesAreAlpRd) {
  std::mt19937_64 rng(2);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<double> v;
  for (int i = 0; i < 120000; i++) v.push_back(u(rng));
  std::string codec = Chosen(test::DoubleColumn("random", v));
  EXPECT_EQ(codec, "alp_rd");
}

}  // namespace
}  // namespace heliosdb::codec
