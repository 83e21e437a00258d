#include "storage/row_codec.h"

#include <gtest/gtest.h>

#include "common/exception.h"

namespace heliosdb {
namespace {

std::vector<LogicalType> AllTypes() {
  return {TypeId::kBoolean, TypeId::kInteger,  TypeId::kDouble, LogicalType::Numeric(10, 2),
          TypeId::kText,    TypeId::kInterval, TypeId::kUuid,   TypeId::kTimestamp,
          TypeId::kBytea,   TypeId::kReal};
}

std::vector<Value> SampleRow() {
  return {Value::Boolean(true),
          Value::Integer(-123456),
          Value::Double(3.25),
          Value::Numeric(Decimal{-12345, 2}, LogicalType::Numeric(10, 2)),
          Value::Text("hello, world"),
          Value::FromInterval(Interval{1, -2, 3000000}),
          Value::FromUuid(Uuid{0x0123456789abcdefULL, 0xfedcba9876543210ULL}),
          Value::Int(TypeId::kTimestamp, 789000000000LL),
          Value::Bytea(std::string("\0\x01\xff", 3)),
          Value::Double(1.5, TypeId::kReal)};
}

void ExpectSameRow(const std::vector<Value>& a, const std::vector<Value>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); i++) {
    ASSERT_EQ(a[i].is_null(), b[i].is_null()) << i;
    if (a[i].is_null()) continue;
    EXPECT_EQ(a[i].Compare(b[i]), 0) << i;
  }
}

TEST(RowCodecTest, RoundTripAllTypes) {
  auto types = AllTypes();
  auto row = SampleRow();
  std::string bytes;
  EncodeRow(row, types, &bytes);
  auto back = DecodeRow(bytes, types);
  ExpectSameRow(row, back);
  EXPECT_EQ(back[3].GetDecimal().scale, 2);
  EXPECT_EQ(back[5].GetInterval(), (Interval{1, -2, 3000000}));
  EXPECT_EQ(back[8].GetString(), std::string("\0\x01\xff", 3));
  EXPECT_EQ(back[1].type(), types[1]);
}

TEST(RowCodecTest, NullsAndEmptyValues) {
  auto types = AllTypes();
  std::vector<Value> row;
  for (size_t i = 0; i < types.size(); i++) {
    row.push_back(i % 2 ? Value::Null(types[i]) : SampleRow()[i]);
  }
  row[4] = Value::Text("");
  std::string bytes;
  EncodeRow(row, types, &bytes);
  ExpectSameRow(row, DecodeRow(bytes, types));
}

TEST(RowCodecTest, ColumnsAddedLaterDecodeAsNull) {
  std::vector<LogicalType> old_types = {TypeId::kInteger, TypeId::kText};
  std::string bytes;
  EncodeRow({Value::Integer(7), Value::Text("x")}, old_types, &bytes);
  std::vector<LogicalType> new_types = {TypeId::kInteger, TypeId::kText, TypeId::kDouble};
  auto back = DecodeRow(bytes, new_types);
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back[0].GetInt64(), 7);
  EXPECT_TRUE(back[2].is_null());
}

TEST(RowCodecTest, IntegersAreCompact) {
  std::string bytes;
  EncodeRow({Value::Integer(1), Value::Integer(-1)}, {TypeId::kInteger, TypeId::kInteger}, &bytes);
  EXPECT_EQ(bytes.size(), 1u + 1 + 1 + 1 + 1);
  for (int64_t v : {INT64_MIN, INT64_MAX, int64_t{0}, int64_t{-64}, int64_t{64}}) {
    EncodeRow({Value::BigInt(v)}, {TypeId::kBigInt}, &bytes);
    EXPECT_EQ(DecodeRow(bytes, {TypeId::kBigInt})[0].GetInt64(), v);
  }
}

TEST(RowCodecTest, DecodeIntoSelectedColumnsAnyOrder) {
  auto types = AllTypes();
  auto row = SampleRow();
  row[2] = Value::Null(TypeId::kDouble);
  std::string bytes;
  EncodeRow(row, types, &bytes);
  std::vector<int> columns = {8, 4, 2, 1, 0, 3, 6, 5, 9};
  std::vector<LogicalType> out_types;
  for (int c : columns) out_types.push_back(types[c]);
  DataChunk chunk(out_types);
  for (idx_t r = 0; r < 3; r++) DecodeRowInto(bytes, types, columns, &chunk, r);
  chunk.SetSize(3);
  for (idx_t r = 0; r < 3; r++) {
    for (size_t k = 0; k < columns.size(); k++) {
      Value got = chunk.GetValue(k, r);
      ASSERT_EQ(got.is_null(), row[columns[k]].is_null()) << k;
      if (!got.is_null()) {
        EXPECT_EQ(got.Compare(row[columns[k]]), 0) << k;
      }
    }
  }
}

TEST(RowCodecTest, DecodeIntoPastStoredColumnsGivesNull) {
  std::string bytes;
  EncodeRow({Value::Integer(7)}, {TypeId::kInteger}, &bytes);
  std::vector<LogicalType> types = {TypeId::kInteger, TypeId::kText};
  DataChunk chunk({TypeId::kText, TypeId::kInteger});
  DecodeRowInto(bytes, types, {1, 0}, &chunk, 0);
  EXPECT_TRUE(chunk.GetValue(0, 0).is_null());
  EXPECT_EQ(chunk.GetValue(1, 0).GetInt64(), 7);
}

TEST(RowCodecTest, EncodeFromChunkMatchesEncodeRow) {
  auto types = AllTypes();
  auto row = SampleRow();
  row[4] = Value::Null(TypeId::kText);
  DataChunk chunk(types);
  for (size_t c = 0; c < types.size(); c++) chunk.column(c).SetValue(1, row[c]);
  chunk.SetSize(2);
  std::string a, b;
  EncodeRowFromChunk(chunk, 1, types, &a);
  EncodeRow(row, types, &b);
  EXPECT_EQ(a, b);
}

TEST(RowCodecTest, MalformedRowsThrowDataCorrupted) {
  std::string bytes;
  EncodeRow(SampleRow(), AllTypes(), &bytes);
  for (size_t cut : {size_t{0}, size_t{1}, size_t{3}, bytes.size() - 1}) {
    try {
      DecodeRow(bytes.substr(0, cut), AllTypes());
      FAIL() << "accepted a row cut at " << cut;
    } catch (const DbException& e) {
      EXPECT_EQ(e.status().sqlstate(), "XX001");
    }
  }
}

}  // namespace
}  // namespace heliosdb
