// Writer -> reader round trips for every type, with NULLs, Unicode, large values, lists,
// several row groups, dictionary and plain pages, both codecs; and the empty table.
#include <gtest/gtest.h>

#include "common/exception.h"
#include "common/types/array_value.h"
#include "common/types/decimal.h"
#include "common/types/uuid.h"
#include "parquet/parquet_reader.h"
#include "parquet/parquet_writer.h"

namespace heliosdb::parquet {
namespace {

std::string WriteFile(const std::vector<WriteColumn>& columns,
                      const std::vector<std::vector<Value>>& rows, WriterOptions options = {}) {
  std::string bytes;
  ParquetWriter writer(columns, options, [&](std::string_view b) { bytes.append(b); });
  for (const auto& row : rows) writer.AppendRow(row);
  writer.Finish();
  return bytes;
}

std::vector<std::vector<Value>> ReadAll(const std::string& bytes, std::vector<ReadColumn>* schema) {
  ParquetReader reader(MemoryFile(bytes));
  *schema = reader.columns();
  std::vector<size_t> all;
  for (size_t i = 0; i < schema->size(); i++) all.push_back(i);
  std::vector<std::vector<Value>> rows;
  for (size_t g = 0; g < reader.row_groups(); g++) {
    auto columns = reader.ReadRowGroup(g, all);
    for (size_t r = 0; r < columns[0].size(); r++) {
      std::vector<Value> row;
      for (auto& c : columns) row.push_back(c[r]);
      rows.push_back(row);
    }
  }
  return rows;
}

Value Num(const char* text, LogicalType type) {
  return Value::Numeric(DecimalFromString(text), type);
}

TEST(ParquetRoundTripTest, EveryTypeWithNulls) {
  LogicalType n10 = LogicalType::Numeric(10, 2), n30 = LogicalType::Numeric(30, 5);
  LogicalType n5 = LogicalType::Numeric(5, 1);
  LogicalType int_array = LogicalType::Array(TypeId::kInteger);
  LogicalType text_array = LogicalType::Array(TypeId::kText);
  std::vector<WriteColumn> columns = {{"b", TypeId::kBoolean},
                                      {"s", TypeId::kSmallInt},
                                      {"i", TypeId::kInteger},
                                      {"l", TypeId::kBigInt},
                                      {"r", TypeId::kReal},
                                      {"d", TypeId::kDouble},
                                      {"n5", n5},
                                      {"n10", n10},
                                      {"n30", n30},
                                      {"nu", LogicalType::Numeric(), 3},
                                      {"t", TypeId::kText},
                                      {"by", TypeId::kBytea},
                                      {"dt", TypeId::kDate},
                                      {"tm", TypeId::kTime},
                                      {"ts", TypeId::kTimestamp},
                                      {"tz", TypeId::kTimestampTz},
                                      {"iv", TypeId::kInterval},
                                      {"u", TypeId::kUuid},
                                      {"ia", int_array},
                                      {"ta", text_array},
                                      {"nt", LogicalType::Numeric()}};
  std::vector<std::vector<Value>> rows;
  std::string big(100000, 'z');
  for (int i = 0; i < 300; i++) {
    std::vector<Value> row = {
        Value::Boolean(i % 2),
        Value::Int(TypeId::kSmallInt, -32768 + i),
        Value::Integer(i * 1000003 % 2147483647),
        Value::BigInt(int64_t{-9000000000000000000} + i),
        Value::Double(1.5f * i, TypeId::kReal),
        Value::Double(i / 3.0),
        Num("-1234.5", n5),
        Num("12345678.91", n10),
        Num(i % 2 ? "-1234567890123456789012345.12345" : "0.00001", n30),
        Num("3.141", LogicalType::Numeric()),
        Value::Text(i % 3 ? "héllo wörld ✓ " + std::to_string(i % 5) : big),
        Value::Bytea(std::string("\0\xff\x01", 3)),
        Value::Int(TypeId::kDate, -10957 + i),
        Value::Int(TypeId::kTime, 86399999999),
        Value::Int(TypeId::kTimestamp, int64_t{i} * 1000000007),
        Value::Int(TypeId::kTimestampTz, -int64_t{i} * 1000000007),
        Value::FromInterval(Interval{14, 3, 4000}),
        Value::FromUuid(ParseUuid("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")),
        MakeArray({Value::Integer(i), Value::Null(TypeId::kInteger), Value::Integer(-i)},
                  TypeId::kInteger),
        i % 4 == 0 ? MakeArray({}, TypeId::kText) : MakeArray({Value::Text("x y")}, TypeId::kText),
        Value::Text("NaN")};
    if (i % 7 == 3)
      for (Value& v : row) v = Value::Null(v.type());
    rows.push_back(row);
  }
  // The unconstrained numeric without a scale goes out as text: the reader sees text.
  for (auto& row : rows) row.back() = row.back().is_null() ? row.back() : Value::Text("NaN");
  for (Codec codec : {Codec::kZstd, Codec::kUncompressed}) {
    WriterOptions options;
    options.codec = codec;
    options.row_group_rows = 128;
    std::vector<ReadColumn> schema;
    auto back = ReadAll(WriteFile(columns, rows, options), &schema);
    ASSERT_EQ(schema.size(), columns.size());
    EXPECT_EQ(schema[9].type, LogicalType::Numeric(38, 3));
    EXPECT_EQ(schema[18].type, int_array);
    EXPECT_EQ(schema[20].type.id(), TypeId::kText);
    ASSERT_EQ(back.size(), rows.size());
    for (size_t r = 0; r < rows.size(); r++) {
      for (size_t c = 0; c < columns.size(); c++) {
        const Value& want = rows[r][c];
        const Value& got = back[r][c];
        ASSERT_EQ(want.is_null(), got.is_null()) << "row " << r << " column " << columns[c].name;
        if (want.is_null()) continue;
        EXPECT_EQ(want.ToString(), got.ToString()) << "row " << r << " column " << columns[c].name;
      }
    }
  }
}

// The stored numbers are Parquet's (days and microseconds since 1970), not only self-consistent.
TEST(ParquetRoundTripTest, TemporalValuesUseTheUnixEpoch) {
  WriteColumn ts("ts", TypeId::kTimestamp), dt("dt", TypeId::kDate);
  EXPECT_EQ(ToPhysical(Value::Int(TypeId::kTimestamp, 0), LeafForWrite(ts)).GetInt64(),
            int64_t{946684800} * 1000000);
  EXPECT_EQ(ToPhysical(Value::Int(TypeId::kDate, 0), LeafForWrite(dt)).GetInt64(), 10957);
}

TEST(ParquetRoundTripTest, RequiredColumns) {
  std::vector<WriteColumn> columns = {
      {"k", TypeId::kBigInt, std::nullopt, true},
      {"v", TypeId::kText, std::nullopt, true},
      {"a", LogicalType::Array(TypeId::kInteger), std::nullopt, true}};
  std::vector<std::vector<Value>> rows;
  for (int i = 0; i < 3000; i++)
    rows.push_back({Value::BigInt(i), Value::Text(i % 2 ? "odd" : "even"),
                    MakeArray({Value::Integer(i)}, TypeId::kInteger)});
  std::vector<ReadColumn> schema;
  auto back = ReadAll(WriteFile(columns, rows), &schema);
  EXPECT_EQ(schema[0].max_def, 0);
  EXPECT_EQ(schema[1].max_def, 0);
  ASSERT_EQ(back.size(), rows.size());
  for (size_t i = 0; i < rows.size(); i += 7)
    for (size_t c = 0; c < 3; c++) EXPECT_EQ(back[i][c].ToString(), rows[i][c].ToString());
  try {
    WriteFile(columns,
              {{Value::Null(TypeId::kBigInt), Value::Text("x"), Value::Null(columns[2].type)}});
    ADD_FAILURE() << "a NULL in a REQUIRED column was written";
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().sqlstate(), "23502");
  }
}

TEST(ParquetRoundTripTest, IntervalsParquetCannotHoldAreRefused) {
  std::vector<WriteColumn> columns = {{"iv", TypeId::kInterval}};
  for (Interval iv : {Interval{0, -1, 0}, Interval{0, 0, 1}}) {
    try {
      WriteFile(columns, {{Value::FromInterval(iv)}});
      ADD_FAILURE() << "accepted " << Value::FromInterval(iv).ToString();
    } catch (const DbException& e) {
      EXPECT_EQ(e.status().sqlstate(), "22008");
    }
  }
}

TEST(ParquetRoundTripTest, EmptyTableAndDictionaryFallback) {
  std::vector<WriteColumn> columns = {{"k", TypeId::kBigInt}, {"v", TypeId::kText}};
  std::vector<ReadColumn> schema;
  EXPECT_TRUE(ReadAll(WriteFile(columns, {}), &schema).empty());
  EXPECT_EQ(schema.size(), 2u);

  std::vector<std::vector<Value>> rows;
  for (int i = 0; i < 200000; i++)
    rows.push_back({Value::BigInt(i), Value::Text(i % 2 ? "odd" : "even")});
  auto back = ReadAll(WriteFile(columns, rows), &schema);
  ASSERT_EQ(back.size(), rows.size());
  for (size_t i = 0; i < rows.size(); i += 997) {
    EXPECT_EQ(back[i][0].GetInt64(), rows[i][0].GetInt64());
    EXPECT_EQ(back[i][1].GetString(), rows[i][1].GetString());
  }
}

}  // namespace
}  // namespace heliosdb::parquet
