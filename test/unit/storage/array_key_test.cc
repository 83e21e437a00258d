// Arrays in the order-preserving key encoding: memcmp order equals PostgreSQL's array order
// (a prefix first, NULL elements last), equal arrays encode alike ({1.0} and {1.00}), and
// every part decodes back, ascending and descending.
#include <gtest/gtest.h>

#include "common/types/array_value.h"
#include "storage/key_codec.h"

namespace heliosdb {
namespace {

std::string Key(const char* text, const LogicalType& type, bool descending = false) {
  std::string out;
  EncodeKeyPart(ParseValue(text, type), descending, &out);
  return out;
}

TEST(ArrayKeyTest, OrderMatchesCompare) {
  LogicalType t = LogicalType::Array(TypeId::kInteger);
  const char* sorted[] = {"{}", "{-5}", "{1}", "{1,2}", "{1,2,NULL}", "{1,3}", "{1,NULL}", "{2}"};
  for (size_t i = 0; i + 1 < std::size(sorted); i++) {
    EXPECT_LT(Key(sorted[i], t), Key(sorted[i + 1], t)) << sorted[i];
    EXPECT_GT(Key(sorted[i], t, true), Key(sorted[i + 1], t, true)) << sorted[i];
    EXPECT_LT(ParseValue(sorted[i], t).Compare(ParseValue(sorted[i + 1], t)), 0) << sorted[i];
  }
  EXPECT_LT(Key("{1}", t), std::string(1, '\xff'));  // before NULL
}

TEST(ArrayKeyTest, EqualArraysEncodeAlike) {
  LogicalType t = LogicalType::Array(LogicalType::Numeric());
  EXPECT_EQ(Key("{1.0,2}", t), Key("{1.00,2.000}", t));
}

TEST(ArrayKeyTest, RoundTrip) {
  LogicalType t = LogicalType::Array(TypeId::kText);
  for (bool descending : {false, true}) {
    std::string key = Key("{a,NULL,\"\"}", t, descending) + Key("{}", t, descending);
    std::string_view in = key;
    EXPECT_EQ(FormatValue(DecodeKeyPart(&in, t, descending)), "{a,NULL,\"\"}");
    EXPECT_EQ(FormatValue(DecodeKeyPart(&in, t, descending)), "{}");
    EXPECT_TRUE(in.empty());
  }
}

}  // namespace
}  // namespace heliosdb
