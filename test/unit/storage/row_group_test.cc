// Row groups of the cold tier: write/read round trip (values, NULLs, keys, SCNs, types without a
// storage type), zone maps, point reads by key, and corruption rejected with XX001.
#include "storage/columnar/row_group.h"

#include <gtest/gtest.h>

#include "common/exception.h"
#include "common/types/decimal.h"
#include "storage/key_codec.h"
#include "storage/row_codec.h"

namespace heliosdb {
namespace {

const std::vector<LogicalType> kTypes = {TypeId::kInteger, TypeId::kText, TypeId::kDouble,
                                         LogicalType::Numeric(10, 2), TypeId::kInterval};

std::vector<Value> RowFor(int64_t i) {
  return {Value::Integer(i),
          i % 7 == 0 ? Value::Null(TypeId::kText) : Value::Text("v" + std::to_string(i % 13)),
          Value::Double(i * 0.5),
          i == 5 ? Value::Numeric(Decimal{2, kDecimalSpecialScale}, LogicalType::Numeric(10, 2))
                 : Value::Numeric(Decimal{i * 100 + 1, 2}, LogicalType::Numeric(10, 2)),
          Value::FromInterval(Interval{0, static_cast<int32_t>(i), 0})};
}

std::string KeyFor(int64_t i) {
  return EncodeKey({Value::Integer(i)});
}

struct Written {
  EncodedRowGroup bytes;
  std::vector<std::string> rows;
};

Written WriteRows(int64_t n) {
  RowGroupWriter w(kTypes);
  Written out;
  for (int64_t i = 0; i < n; i++) {
    std::string row;
    EncodeRow(RowFor(i), kTypes, &row);
    w.Add(KeyFor(i), 100 + i, row);
    out.rows.push_back(row);
  }
  out.bytes = w.Finish();
  return out;
}

RowGroup Read(const EncodedRowGroup& g) {
  return RowGroup(g.header, g.segments);
}

TEST(RowGroupTest, RoundTrip) {
  Written w = WriteRows(5000);
  RowGroup g = Read(w.bytes);
  ASSERT_EQ(g.count(), 5000u);
  EXPECT_EQ(g.min_begin(), 100u);
  RowGroup::Decoded d = g.DecodeAll();
  ASSERT_EQ(d.rows.size(), 5000u);
  for (int64_t i = 0; i < 5000; i++) {
    EXPECT_EQ(d.keys[i], KeyFor(i));
    EXPECT_EQ(d.begins[i], static_cast<Scn>(100 + i));
    EXPECT_EQ(DecodeRow(d.rows[i], kTypes), DecodeRow(w.rows[i], kTypes)) << i;
  }
}

TEST(RowGroupTest, PointReads) {
  Written w = WriteRows(3000);
  RowGroup g = Read(w.bytes);
  for (int64_t i : {0, 1, 5, 7, 1499, 2999}) {
    std::optional<idx_t> row = g.Find(KeyFor(i));
    ASSERT_TRUE(row) << i;
    EXPECT_EQ(*row, static_cast<idx_t>(i));
    EXPECT_EQ(g.BeginAt(*row), static_cast<Scn>(100 + i));
    EXPECT_EQ(DecodeRow(g.FetchRow(*row), kTypes), DecodeRow(w.rows[i], kTypes));
  }
  EXPECT_FALSE(g.Find(KeyFor(-1)));
  EXPECT_FALSE(g.Find(KeyFor(3000)));
  EXPECT_EQ(g.LowerBound(KeyFor(10)), 10u);
  EXPECT_EQ(g.LowerBound(KeyFor(5000)), 3000u);
}

TEST(RowGroupTest, TextAndCompositeKeys) {
  // Keys that are not one integer keep their bytes (key form 0).
  RowGroupWriter w(kTypes);
  std::vector<std::string> keys;
  for (int64_t i = 0; i < 3000; i++)
    keys.push_back(EncodeKey({Value::Text("k" + std::to_string(100000 + i)), Value::Integer(i)}));
  for (int64_t i = 0; i < 3000; i++) {
    std::string row;
    EncodeRow(RowFor(i), kTypes, &row);
    w.Add(keys[i], 7, row);
  }
  EncodedRowGroup e = w.Finish();
  RowGroup g = Read(e);
  EXPECT_EQ(g.Decode(10, 20, false).keys.front(), keys[10]);
  for (int64_t i : {0, 1234, 2999}) {
    std::optional<idx_t> row = g.Find(keys[i]);
    ASSERT_TRUE(row);
    EXPECT_EQ(*row, static_cast<idx_t>(i));
  }
  EXPECT_FALSE(g.Find(EncodeKey({Value::Text("k1"), Value::Integer(0)})));
}

TEST(RowGroupTest, IntegerKeysAreStoredAsIntegers) {
  RowGroup g = Read(WriteRows(5000).bytes);
  // Key form 1: 5000 sorted integers take a few bytes each at most, not 9.
  EXPECT_LT(g.Segments()[kKeySegment].stored_bytes, 5000u);
  EXPECT_EQ(g.KeyAt(4321), KeyFor(4321));
  EXPECT_EQ(g.Decode(4000, 4001).keys[0], KeyFor(4000));
}

TEST(RowGroupTest, ZoneMaps) {
  RowGroup g = Read(WriteRows(100).bytes);
  const std::vector<ZoneMap>& z = g.zone_maps();
  ASSERT_EQ(z.size(), kTypes.size());
  EXPECT_TRUE(z[0].has_values);
  EXPECT_EQ(z[0].min.GetInt64(), 0);
  EXPECT_EQ(z[0].max.GetInt64(), 99);
  EXPECT_EQ(z[1].min.GetString(), "v0");  // i = 13 (i = 0 is NULL)
  EXPECT_EQ(z[1].max.GetString(), "v9");
  EXPECT_EQ(g.min_key(), KeyFor(0));
  EXPECT_EQ(g.max_key(), KeyFor(99));
}

TEST(RowGroupTest, AllNullColumnHasNoZone) {
  std::vector<LogicalType> types = {TypeId::kInteger, TypeId::kText};
  RowGroupWriter w(types);
  for (int64_t i = 0; i < 10; i++) {
    std::string row;
    EncodeRow({Value::Integer(i), Value::Null(TypeId::kText)}, types, &row);
    w.Add(KeyFor(i), 1, row);
  }
  EncodedRowGroup e = w.Finish();
  RowGroup g = Read(e);
  EXPECT_FALSE(g.zone_maps()[1].has_values);
  EXPECT_TRUE(DecodeRow(g.FetchRow(3), types)[1].is_null());
}

void ExpectCorrupt(const EncodedRowGroup& e) {
  try {
    RowGroup g(e.header, e.segments);
    g.DecodeAll();
    FAIL() << "corruption not detected";
  } catch (const DbException& ex) {
    EXPECT_EQ(ex.status().sqlstate(), "XX001");
    EXPECT_NE(std::string(ex.what()).find("row group is corrupted"), std::string::npos)
        << ex.what();
  }
}

TEST(RowGroupTest, CorruptionRejected) {
  EncodedRowGroup e = WriteRows(500).bytes;
  for (size_t at : {size_t{0}, size_t{3}, e.header.size() / 2, e.header.size() - 1}) {
    EncodedRowGroup bad = e;
    bad.header[at] ^= 0x20;
    ExpectCorrupt(bad);
  }
  for (size_t s = 0; s < e.segments.size(); s++) {
    EncodedRowGroup bad = e;
    bad.segments[s][bad.segments[s].size() / 2] ^= 0x01;
    ExpectCorrupt(bad);
  }
  EncodedRowGroup truncated = e;
  truncated.segments.pop_back();
  ExpectCorrupt(truncated);
  EncodedRowGroup short_header = e;
  short_header.header.resize(4);
  ExpectCorrupt(short_header);
}

TEST(RowGroupTest, NewerVersionRefused) {
  EncodedRowGroup e = WriteRows(10).bytes;
  e.header[0] = 2;
  ExpectCorrupt(e);
}

}  // namespace
}  // namespace heliosdb
