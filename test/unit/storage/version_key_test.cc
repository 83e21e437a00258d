#include "storage/version_key.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace heliosdb {
namespace {

TEST(VersionKeyTest, RoundTrip) {
  std::string k;
  AppendVersionKey(7, 42, std::string("ab\0c", 4), 123456789, &k);
  ParsedVersionKey p;
  ASSERT_TRUE(ParseVersionKey(k, &p));
  EXPECT_EQ(p.branch, 7u);
  EXPECT_EQ(p.object, 42u);
  EXPECT_EQ(p.user_key, std::string_view("ab\0c", 4));
  EXPECT_EQ(p.scn, 123456789u);
  EXPECT_EQ(k.size(), kMinVersionKeySize + 4);
  EXPECT_EQ(VersionKeyPrefix(k), k.substr(0, k.size() - 8));
}

TEST(VersionKeyTest, RejectsOtherKeys) {
  ParsedVersionKey p;
  EXPECT_FALSE(ParseVersionKey("", &p));
  EXPECT_FALSE(ParseVersionKey(MetaKey("last_scn"), &p));
  EXPECT_FALSE(ParseVersionKey(TimeMapKey(5), &p));
  EXPECT_FALSE(ParseVersionKey(std::string(16, 'v'), &p));
}

TEST(VersionKeyTest, NewestVersionSortsFirstAndKeysStayContiguous) {
  // User keys here are prefix-free (fixed length), as key_codec guarantees.
  std::mt19937_64 rng(1);
  struct Item {
    BranchId b;
    ObjectId o;
    std::string key;
    Scn scn;
    std::string encoded;
  };
  std::vector<Item> items;
  for (int i = 0; i < 2000; i++) {
    Item it{static_cast<BranchId>(rng() % 3), static_cast<ObjectId>(rng() % 4),
            std::string(1, static_cast<char>(rng() % 5)) + static_cast<char>(rng() % 256),
            rng() % 1000 + 1, ""};
    AppendVersionKey(it.b, it.o, it.key, it.scn, &it.encoded);
    items.push_back(it);
  }
  std::sort(items.begin(), items.end(),
            [](const Item& a, const Item& b) { return a.encoded < b.encoded; });
  for (size_t i = 1; i < items.size(); i++) {
    const Item& a = items[i - 1];
    const Item& b = items[i];
    auto ta = std::make_tuple(a.b, a.o, a.key);
    auto tb = std::make_tuple(b.b, b.o, b.key);
    ASSERT_LE(ta, tb);
    if (ta == tb) {
      ASSERT_GE(a.scn, b.scn) << "newer version must sort first";
    }
  }
}

TEST(VersionKeyTest, ObjectEndBoundsAllVersions) {
  std::string k, end = ObjectEnd(1, 9);
  AppendVersionKey(1, 9, std::string(40, '\xff'), 1, &k);
  EXPECT_LT(k, end);
  std::string next;
  AppendObjectPrefix(1, 10, &next);
  EXPECT_EQ(end, next);
  std::string last_obj_end = ObjectEnd(1, UINT32_MAX);
  std::string k2;
  AppendVersionKey(1, UINT32_MAX, "\xff\xff", 1, &k2);
  EXPECT_LT(k2, last_obj_end);
}

TEST(VersionKeyTest, ScnZeroSuffixSortsAfterEveryVersion) {
  std::string a, z;
  AppendVersionKey(1, 1, "k", 1, &a);
  AppendVersionKey(1, 1, "k", 0, &z);
  EXPECT_LT(a, z);
}

}  // namespace
}  // namespace heliosdb
