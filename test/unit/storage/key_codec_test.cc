#include "storage/key_codec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "common/exception.h"

namespace heliosdb {
namespace {

int Sign(int c) {
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::string Enc(const Value& v, bool desc = false) {
  std::string out;
  EncodeKeyPart(v, desc, &out);
  return out;
}

Value Dec(int64_t coef, int32_t scale) {
  return Value::Numeric(Decimal{coef, scale});
}

class RandomValues {
 public:
  explicit RandomValues(uint64_t seed) : rng_(seed) {}

  Value Make(PhysicalType type) {
    if (rng_() % 10 == 0) return Value::Null(TypeFor(type));
    switch (type) {
      case PhysicalType::kBool:
        return Value::Boolean(rng_() % 2);
      case PhysicalType::kInt64: {
        static const int64_t kEdges[] = {0, 1, -1, INT64_MIN, INT64_MAX, 255, 256, -256};
        if (rng_() % 4 == 0) return Value::BigInt(kEdges[rng_() % 8]);
        return Value::BigInt(static_cast<int64_t>(rng_()) >> (rng_() % 64));
      }
      case PhysicalType::kDouble: {
        static const double kEdges[] = {0.0,
                                        -0.0,
                                        1.0,
                                        -1.0,
                                        std::numeric_limits<double>::infinity(),
                                        -std::numeric_limits<double>::infinity(),
                                        std::numeric_limits<double>::quiet_NaN(),
                                        -std::numeric_limits<double>::quiet_NaN(),
                                        std::numeric_limits<double>::denorm_min(),
                                        -std::numeric_limits<double>::denorm_min(),
                                        std::numeric_limits<double>::max(),
                                        std::numeric_limits<double>::lowest()};
        if (rng_() % 3 == 0) return Value::Double(kEdges[rng_() % 12]);
        std::uniform_real_distribution<double> d(-1e6, 1e6);
        return Value::Double(d(rng_) * std::pow(10.0, static_cast<int>(rng_() % 40) - 20));
      }
      case PhysicalType::kDecimal: {
        int digits = 1 + rng_() % 38;
        __int128 coef = 0;
        for (int i = 0; i < digits; i++) {
          coef = coef * 10 + (rng_() % 4 == 0 ? 0 : rng_() % 10);
        }
        if (rng_() % 2) coef = -coef;
        int32_t scale = rng_() % 39;
        return Value::Numeric(Decimal{coef, scale});
      }
      case PhysicalType::kString: {
        std::string s;
        int n = rng_() % 6;
        for (int i = 0; i < n; i++) {
          static const char kAlphabet[] = {'\0', '\x01', 'a', 'b', '\xfe', '\xff'};
          s.push_back(kAlphabet[rng_() % 6]);
        }
        return Value::Text(s);
      }
      case PhysicalType::kInterval: {
        Interval iv;
        iv.months = static_cast<int32_t>(rng_() % 2000) - 1000;
        iv.days = static_cast<int32_t>(rng_() % 200) - 100;
        iv.micros = static_cast<int64_t>(rng_() % 200000000000ULL) - 100000000000LL;
        if (rng_() % 8 == 0) iv.months = rng_() % 2 ? INT32_MAX : INT32_MIN;
        return Value::FromInterval(iv);
      }
      case PhysicalType::kUuid:
        return Value::FromUuid(Uuid{rng_() % 4, rng_()});
    }
    return Value();
  }

  static LogicalType TypeFor(PhysicalType t) {
    switch (t) {
      case PhysicalType::kBool:
        return TypeId::kBoolean;
      case PhysicalType::kInt64:
        return TypeId::kBigInt;
      case PhysicalType::kDouble:
        return TypeId::kDouble;
      case PhysicalType::kDecimal:
        return LogicalType::Numeric();
      case PhysicalType::kString:
        return TypeId::kText;
      case PhysicalType::kInterval:
        return TypeId::kInterval;
      case PhysicalType::kUuid:
        return TypeId::kUuid;
    }
    return {};
  }

  std::mt19937_64& rng() { return rng_; }

 private:
  std::mt19937_64 rng_;
};

const PhysicalType kAllTypes[] = {
    PhysicalType::kBool,   PhysicalType::kInt64,    PhysicalType::kDouble, PhysicalType::kDecimal,
    PhysicalType::kString, PhysicalType::kInterval, PhysicalType::kUuid};

class KeyCodecPropertyTest : public ::testing::TestWithParam<PhysicalType> {};

TEST_P(KeyCodecPropertyTest, EncodingOrderEqualsValueOrder) {
  RandomValues gen(static_cast<uint64_t>(GetParam()) + 17);
  std::vector<Value> values;
  for (int i = 0; i < 400; i++) values.push_back(gen.Make(GetParam()));
  for (size_t i = 0; i < values.size(); i++) {
    for (size_t j = 0; j < values.size(); j += 7) {
      int want = Sign(values[i].Compare(values[j]));
      ASSERT_EQ(Sign(Enc(values[i]).compare(Enc(values[j]))), want)
          << values[i].ToString() << " vs " << values[j].ToString();
      ASSERT_EQ(Sign(Enc(values[i], true).compare(Enc(values[j], true))), -want)
          << "descending: " << values[i].ToString() << " vs " << values[j].ToString();
    }
  }
}

TEST_P(KeyCodecPropertyTest, RoundTripComparesEqualAndConsumesExactly) {
  RandomValues gen(static_cast<uint64_t>(GetParam()) + 99);
  LogicalType type = RandomValues::TypeFor(GetParam());
  for (int i = 0; i < 500; i++) {
    Value v = gen.Make(GetParam());
    for (bool desc : {false, true}) {
      std::string bytes = Enc(v, desc) + "tail";
      std::string_view in = bytes;
      Value back = DecodeKeyPart(&in, type, desc);
      ASSERT_EQ(in, "tail") << v.ToString();
      ASSERT_EQ(back.is_null(), v.is_null());
      ASSERT_EQ(back.Compare(v), 0) << v.ToString() << " -> " << back.ToString();
      ASSERT_EQ(Enc(back, desc), Enc(v, desc));
    }
  }
}

TEST_P(KeyCodecPropertyTest, CompositeKeysOrderLexicographically) {
  RandomValues gen(static_cast<uint64_t>(GetParam()) + 5);
  struct Row {
    Value a, b;
    std::string key;
  };
  std::vector<Row> rows;
  for (int i = 0; i < 300; i++) {
    Row r{gen.Make(GetParam()), gen.Make(PhysicalType::kString), ""};
    r.key = EncodeKey({r.a, r.b});
    rows.push_back(r);
  }
  for (const Row& x : rows) {
    for (const Row& y : rows) {
      int want = Sign(x.a.Compare(y.a));
      if (want == 0) want = Sign(x.b.Compare(y.b));
      ASSERT_EQ(Sign(x.key.compare(y.key)), want);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(AllPhysicalTypes, KeyCodecPropertyTest, ::testing::ValuesIn(kAllTypes));

TEST(KeyCodecTest, NullsSortLastAscendingFirstDescending) {
  for (PhysicalType t : kAllTypes) {
    RandomValues gen(3);
    for (int i = 0; i < 50; i++) {
      Value v = gen.Make(t);
      if (v.is_null()) continue;
      EXPECT_LT(Enc(v), Enc(Value::Null()));
      EXPECT_GT(Enc(v, true), Enc(Value::Null(), true));
    }
  }
}

TEST(KeyCodecTest, DecimalNormalizesAcrossScales) {
  EXPECT_EQ(Enc(Dec(0, 0)), Enc(Dec(0, 2)));
  EXPECT_EQ(Enc(Dec(15, 1)), Enc(Dec(150, 2)));
  EXPECT_EQ(Enc(Dec(100, 0)), Enc(Dec(10000, 2)));
  EXPECT_LT(Enc(Dec(15, 1)), Enc(Dec(150001, 5)));
  EXPECT_LT(Enc(Dec(150001, 5)), Enc(Dec(2, 0)));
  EXPECT_LT(Enc(Dec(-2, 0)), Enc(Dec(-15, 1)));
  EXPECT_LT(Enc(Dec(-15, 1)), Enc(Dec(0, 0)));
  EXPECT_LT(Enc(Dec(-1, 38)), Enc(Dec(0, 0)));
  EXPECT_LT(Enc(Dec(0, 0)), Enc(Dec(1, 38)));
  EXPECT_LT(Enc(Dec(99, 0)), Enc(Dec(100, 0)));
  EXPECT_LT(Enc(Dec(-100, 0)), Enc(Dec(-99, 0)));
}

TEST(KeyCodecTest, DecimalDecodeRestoresDeclaredScale) {
  std::string bytes = Enc(Dec(150, 2));
  std::string_view in = bytes;
  Value v = DecodeKeyPart(&in, LogicalType::Numeric(10, 2));
  EXPECT_EQ(v.GetDecimal().coef, 150);
  EXPECT_EQ(v.GetDecimal().scale, 2);
  bytes = Enc(Dec(12300, 0));
  in = bytes;
  v = DecodeKeyPart(&in, LogicalType::Numeric());
  EXPECT_EQ(v.GetDecimal().coef, 12300);
  EXPECT_EQ(v.GetDecimal().scale, 0);
}

TEST(KeyCodecTest, DoubleSpecialValues) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(Enc(Value::Double(-0.0)), Enc(Value::Double(0.0)));
  EXPECT_EQ(Enc(Value::Double(nan)), Enc(Value::Double(-nan)));
  EXPECT_LT(Enc(Value::Double(inf)), Enc(Value::Double(nan)));
  EXPECT_LT(Enc(Value::Double(-inf)), Enc(Value::Double(-1e308)));
  EXPECT_LT(Enc(Value::Double(nan)), Enc(Value::Null()));
}

TEST(KeyCodecTest, StringsInByteOrderWithEmbeddedZeros) {
  std::vector<std::string> sorted = {"",
                                     std::string("\0", 1),
                                     std::string("\0\0", 2),
                                     std::string("\0\x01", 2),
                                     "\x01",
                                     "a",
                                     std::string("a\0", 2),
                                     "ab",
                                     "b",
                                     "\xff",
                                     "\xff\xff"};
  for (size_t i = 1; i < sorted.size(); i++) {
    EXPECT_LT(Enc(Value::Text(sorted[i - 1])), Enc(Value::Text(sorted[i]))) << i;
  }
}

TEST(KeyCodecTest, PrefixFreeSoVersionsStayContiguous) {
  // No encoding is a proper prefix of another.
  RandomValues gen(11);
  for (PhysicalType t : kAllTypes) {
    std::vector<std::string> encs;
    for (int i = 0; i < 200; i++) encs.push_back(Enc(gen.Make(t)));
    for (const auto& a : encs) {
      for (const auto& b : encs) {
        if (a.size() < b.size()) {
          ASSERT_NE(b.compare(0, a.size(), a), 0);
        }
      }
    }
  }
}

TEST(KeyCodecTest, MalformedBytesThrowDataCorrupted) {
  for (std::string bad : {std::string(""), std::string("\x02"), std::string("\x01\x01\x02"),
                          std::string("\x01"
                                      "abc")}) {
    std::string_view in = bad;
    try {
      DecodeKeyPart(&in, TypeId::kBigInt);
      if (bad != std::string("\x01"
                             "abc"))
        FAIL() << "accepted malformed bytes";
    } catch (const DbException& e) {
      EXPECT_EQ(e.status().sqlstate(), "XX001");
    }
  }
  std::string unterminated =
      "\x01"
      "abc";
  std::string_view in = unterminated;
  EXPECT_THROW(DecodeKeyPart(&in, TypeId::kText), DbException);
}

// Hash joins and aggregates encode vector rows directly: the bytes must be the Value's.
TEST(KeyCodecTest, VectorRowsEncodeAsTheirValues) {
  RandomValues gen(7);
  for (PhysicalType type : kAllTypes) {
    LogicalType logical = RandomValues::TypeFor(type);
    Vector v(logical);
    std::vector<Value> values;
    for (idx_t i = 0; i < 500; i++) {
      Value value = gen.Make(type);
      if (!value.is_null() && value.type().physical() == PhysicalType::kDecimal)
        value = Value::Numeric(value.GetDecimal(), logical);  // the vector's numeric type
      values.push_back(value);
      v.SetValue(i, value);
    }
    UnifiedFormat data = v.ToUnified();
    for (idx_t i = 0; i < values.size(); i++) {
      std::string from_vector;
      EncodeKeyPart(data, logical, i, &from_vector);
      EXPECT_EQ(from_vector, Enc(values[i])) << values[i].ToString();
    }
  }
}

TEST(KeyCodecTest, PrefixSuccessor) {
  EXPECT_EQ(PrefixSuccessor("abc"), "abd");
  EXPECT_EQ(PrefixSuccessor(std::string("a\xff\xff")), "b");
  EXPECT_EQ(PrefixSuccessor(std::string("\xff\xff")), "");
  EXPECT_EQ(PrefixSuccessor(""), "");
  std::string p = EncodeKey({Value::BigInt(5)});
  std::string succ = PrefixSuccessor(p);
  for (const char* s : {"", "x", "zzzz"}) {
    std::string k = EncodeKey({Value::BigInt(5), Value::Text(s)});
    EXPECT_LT(k, succ);
    EXPECT_GE(k, p);
  }
  EXPECT_GE(EncodeKey({Value::BigInt(6)}), succ);
}

}  // namespace
}  // namespace heliosdb
