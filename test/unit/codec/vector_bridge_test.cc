// Vectors in, segments, vectors out: constant segments come back as CONSTANT vectors, dictionary
// segments as DICTIONARY vectors (NULLs included), others flat, with every value intact.
#include "storage/columnar/codec/vector_bridge.h"

#include <gtest/gtest.h>

#include "common/types/decimal.h"
#include "storage/columnar/codec/codec_registry.h"

namespace heliosdb::codec {
namespace {

Vector MakeVector(const LogicalType& type, const std::vector<Value>& values) {
  Vector v(type, values.size());
  for (idx_t i = 0; i < values.size(); i++) v.SetValue(i, values[i]);
  return v;
}

// Writes values through a builder and a segment and scans them back in vectors of 2048.
void RoundTrip(const LogicalType& type, const std::vector<Value>& values, VectorKind expected_kind,
               const Codec* forced = nullptr) {
  SCOPED_TRACE(type.ToString());
  ColumnBuilder builder(type);
  for (idx_t start = 0; start < values.size(); start += kVectorSize) {
    idx_t n = std::min<idx_t>(kVectorSize, values.size() - start);
    std::vector<Value> part(values.begin() + start, values.begin() + start + n);
    ASSERT_TRUE(builder.Append(MakeVector(type, part), n));
  }
  EncodedSegment seg = WriteSegment(builder.view(), forced);
  SegmentReader reader(seg.bytes);
  ScanCache cache;
  for (idx_t start = 0; start < values.size(); start += kVectorSize) {
    idx_t n = std::min<idx_t>(kVectorSize, values.size() - start);
    Vector out;
    ScanVector(reader, type, start, n, cache, out);
    EXPECT_EQ(out.kind(), expected_kind);
    for (idx_t i = 0; i < n; i++) {
      Value got = out.GetValue(i), want = values[start + i];
      ASSERT_EQ(got.is_null(), want.is_null()) << "row " << start + i;
      if (!want.is_null()) {
        ASSERT_EQ(got.ToString(), want.ToString()) << "row " << start + i;
      }
    }
  }
}

TEST(VectorBridge, ConstantSegmentsScanAsConstantVectors) {
  RoundTrip(LogicalType(TypeId::kInteger), std::vector<Value>(5000, Value::Integer(7)),
            VectorKind::kConstant);
}

TEST(VectorBridge, DictionarySegmentsScanAsDictionaryVectors) {
  std::vector<Value> v;
  for (int i = 0; i < 5000; i++) {
    v.push_back(i % 11 == 0 ? Value::Null(TypeId::kText) : Value::Text(i % 3 ? "AIR" : "TRUCK"));
  }
  RoundTrip(LogicalType(TypeId::kText), v, VectorKind::kDictionary);
}

TEST(VectorBridge, NumericRealDateAndTimestampRoundTrip) {
  LogicalType money = LogicalType::Numeric(15, 2);
  std::vector<Value> m, r, d, t;
  for (int i = 0; i < 4000; i++) {
    m.push_back(i % 97 ? Value::Numeric(Decimal{i * 1234 - 99999, 2}, money) : Value::Null(money));
    r.push_back(Value::Double(static_cast<float>(i) / 7, TypeId::kReal));
    d.push_back(Value::Int(TypeId::kDate, 8000 + i % 365));
    t.push_back(Value::Int(TypeId::kTimestamp, 800000000000000 + i * 1000000LL));
  }
  RoundTrip(money, m, VectorKind::kFlat, CodecForSetting("bitpacking"));
  RoundTrip(LogicalType(TypeId::kReal), r, VectorKind::kFlat, CodecForSetting("alp"));
  RoundTrip(LogicalType(TypeId::kDate), d, VectorKind::kFlat, CodecForSetting("bitpacking"));
  RoundTrip(LogicalType(TypeId::kTimestamp), t, VectorKind::kFlat, CodecForSetting("delta"));
}

TEST(VectorBridge, NumericNaNHasNoScaledForm) {
  LogicalType money = LogicalType::Numeric(10, 2);
  ColumnBuilder builder(money);
  Vector v = MakeVector(money, {Value::Numeric(DecimalNaN(), money)});
  EXPECT_FALSE(builder.Append(v, 1));
  EXPECT_EQ(builder.count(), 0u);
  EXPECT_FALSE(StorageTypeFor(LogicalType::Numeric()).has_value());
  EXPECT_FALSE(StorageTypeFor(LogicalType(TypeId::kInterval)).has_value());
}

}  // namespace
}  // namespace heliosdb::codec
