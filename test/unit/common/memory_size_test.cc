// Memory sizes as `SET memory_limit` takes them: units, spaces, case, overflow, bad text.
#include "common/memory_size.h"

#include <gtest/gtest.h>

namespace heliosdb {
namespace {

TEST(MemorySize, ParsesUnits) {
  EXPECT_EQ(ParseMemorySize("512"), 512);
  EXPECT_EQ(ParseMemorySize("512B"), 512);
  EXPECT_EQ(ParseMemorySize("64kB"), 64 * 1024);
  EXPECT_EQ(ParseMemorySize("64 KB"), 64 * 1024);
  EXPECT_EQ(ParseMemorySize(" 3mb "), 3 * 1024 * 1024);
  EXPECT_EQ(ParseMemorySize("2GB"), int64_t{2} << 30);
  EXPECT_EQ(ParseMemorySize("1TB"), int64_t{1} << 40);
}

TEST(MemorySize, RejectsBadText) {
  EXPECT_FALSE(ParseMemorySize(""));
  EXPECT_FALSE(ParseMemorySize("GB"));
  EXPECT_FALSE(ParseMemorySize("-1GB"));
  EXPECT_FALSE(ParseMemorySize("1.5GB"));
  EXPECT_FALSE(ParseMemorySize("1 parsec"));
  EXPECT_FALSE(ParseMemorySize("1GB extra"));
  EXPECT_FALSE(ParseMemorySize("99999999999999TB"));  // overflows int64
}

TEST(MemorySize, FormatsInTheLargestExactUnit) {
  EXPECT_EQ(FormatMemorySize(int64_t{2} << 30), "2GB");
  EXPECT_EQ(FormatMemorySize(1536 * 1024), "1536kB");
  EXPECT_EQ(FormatMemorySize(1000), "1000B");
  EXPECT_EQ(FormatMemorySize(*ParseMemorySize("2048 kB")), "2MB");
}

}  // namespace
}  // namespace heliosdb
