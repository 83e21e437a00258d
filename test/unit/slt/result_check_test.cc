// Rendering, sorting, hashing and comparing results under each dialect's rules.
#include "slt/result_check.h"

#include <gtest/gtest.h>

#include "slt/script_parser.h"

namespace heliosdb::slt {
namespace {

Record QueryRecord(const std::string& text, Dialect dialect) {
  auto records = ParseScript(text, dialect, "x.test");
  EXPECT_EQ(records.size(), 1u);
  return records.empty() ? Record() : records[0];
}

TEST(RenderTest, SqliteTypeLetters) {
  EXPECT_EQ(RenderSqliteValue('I', "42", kInt4Oid), "42");
  EXPECT_EQ(RenderSqliteValue('I', "-2.75", kNumericOid), "-2");
  EXPECT_EQ(RenderSqliteValue('I', "t", kBoolOid), "1");
  EXPECT_EQ(RenderSqliteValue('I', "f", kBoolOid), "0");
  EXPECT_EQ(RenderSqliteValue('R', "1", kInt4Oid), "1.000");
  EXPECT_EQ(RenderSqliteValue('R', "-0.1235", kFloat8Oid), "-0.123");
  EXPECT_EQ(RenderSqliteValue('T', "a\tb\xc3\xa9", 25), "a@b@@");
  EXPECT_EQ(RenderSqliteValue('T', "", 25), "(empty)");
  EXPECT_EQ(RenderSqliteValue('I', std::nullopt, kInt4Oid), "NULL");
  EXPECT_EQ(RenderSqliteValue('R', std::nullopt, kFloat8Oid), "NULL");
}

TEST(RenderTest, PlainValues) {
  EXPECT_EQ(RenderPlainValue(Dialect::kDuckDb, "t", kBoolOid), "true");
  EXPECT_EQ(RenderPlainValue(Dialect::kRisingWave, "t", kBoolOid), "t");
  EXPECT_EQ(RenderPlainValue(Dialect::kHelios, "", 25), "(empty)");
  EXPECT_EQ(RenderPlainValue(Dialect::kHelios, std::nullopt, 25), "NULL");
}

TEST(SortTest, RowSortAndValueSort) {
  std::vector<std::string> rows = {"9", "b", "10", "a", "9", "a"};
  SortValues(SortMode::kRowSort, 2, &rows);
  EXPECT_EQ(rows, (std::vector<std::string>{"10", "a", "9", "a", "9", "b"}));
  std::vector<std::string> values = {"9", "b", "10", "a"};
  SortValues(SortMode::kValueSort, 2, &values);
  EXPECT_EQ(values, (std::vector<std::string>{"10", "9", "a", "b"}));
  std::vector<std::string> untouched = {"b", "a"};
  SortValues(SortMode::kNoSort, 1, &untouched);
  EXPECT_EQ(untouched, (std::vector<std::string>{"b", "a"}));
}

TEST(HashTest, Md5OfValuesEachFollowedByNewline) {
  EXPECT_EQ(HashValues({"1", "2", "3"}), "c0710d6b4f15dfa88f600b0e6b624077");
  EXPECT_EQ(HashValues({}), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(HashValues({"a", "NULL", "(empty)"}), "72b876ccbd3d5d4fafd6e014287fa23c");
  size_t n = 0;
  std::string hash;
  EXPECT_TRUE(ParseHashLine("3 values hashing to c0710d6b4f15dfa88f600b0e6b624077", &n, &hash));
  EXPECT_EQ(n, 3u);
  EXPECT_FALSE(ParseHashLine("3 values", &n, &hash));
}

TEST(CompareTest, DuckDbTolerance) {
  EXPECT_TRUE(DuckValueMatches("3.333", "3.3333333", kFloat8Oid, 'R'));
  EXPECT_TRUE(DuckValueMatches("100", "100.9", kNumericOid, 'R'));
  EXPECT_FALSE(DuckValueMatches("100", "101.1", kFloat8Oid, 'R'));
  EXPECT_FALSE(DuckValueMatches("3", "4", kInt4Oid, 'I'));
  EXPECT_TRUE(DuckValueMatches("1", "true", kBoolOid, 'I'));
  EXPECT_TRUE(DuckValueMatches("false", "false", kBoolOid, 'T'));
  EXPECT_FALSE(DuckValueMatches("abc", "abd", 25, 'T'));
}

TEST(CompareTest, SqliteHashedAndRowsorted) {
  ResultSet rs{{kInt4Oid}, {{"3"}, {"1"}, {"2"}}};
  auto hashed = QueryRecord(
      "query I rowsort\nSELECT x\n----\n3 values hashing to c0710d6b4f15dfa88f600b0e6b624077\n",
      Dialect::kSqlite);
  EXPECT_TRUE(CheckQueryResult(hashed, Dialect::kSqlite, rs).ok);
  auto listed = QueryRecord("query I rowsort\nSELECT x\n----\n1\n2\n3\n", Dialect::kSqlite);
  EXPECT_TRUE(CheckQueryResult(listed, Dialect::kSqlite, rs).ok);
  auto unsorted = QueryRecord("query I nosort\nSELECT x\n----\n1\n2\n3\n", Dialect::kSqlite);
  auto outcome = CheckQueryResult(unsorted, Dialect::kSqlite, rs);
  EXPECT_FALSE(outcome.ok);
  EXPECT_NE(outcome.message.find("expected \"1\", got \"3\""), std::string::npos);
  auto wrong_columns = QueryRecord("query II\nSELECT x\n----\n1\n", Dialect::kSqlite);
  EXPECT_FALSE(CheckQueryResult(wrong_columns, Dialect::kSqlite, rs).ok);
}

TEST(CompareTest, DuckDbTabSeparatedRows) {
  ResultSet rs{{kInt4Oid, kFloat8Oid, 25}, {{"1", "0.3333333333", "a b"}, {"2", std::nullopt, ""}}};
  auto rows =
      QueryRecord("query IRT\nSELECT\n----\n1\t0.333\ta b\n2\tNULL\t(empty)\n", Dialect::kDuckDb);
  EXPECT_TRUE(CheckQueryResult(rows, Dialect::kDuckDb, rs).ok);
  auto values =
      QueryRecord("query IRT\nSELECT\n----\n1\n0.333\na b\n2\nNULL\n(empty)\n", Dialect::kDuckDb);
  EXPECT_TRUE(CheckQueryResult(values, Dialect::kDuckDb, rs).ok);
}

TEST(CompareTest, RisingWaveWhitespaceTokens) {
  ResultSet rs{{kInt4Oid, kBoolOid}, {{"2", "f"}, {"1", "t"}}};
  auto r = QueryRecord("query IB rowsort\nSELECT\n----\n1   t\n2 f\n", Dialect::kRisingWave);
  EXPECT_TRUE(CheckQueryResult(r, Dialect::kRisingWave, rs).ok);
  auto wrong = QueryRecord("query IB\nSELECT\n----\n1 t\n2 f\n", Dialect::kRisingWave);
  EXPECT_FALSE(CheckQueryResult(wrong, Dialect::kRisingWave, rs).ok);
}

TEST(CompareTest, ErrorExpectations) {
  auto any = QueryRecord("statement error\nSELECT 1/0\n", Dialect::kSqlite);
  EXPECT_TRUE(ErrorMatches(any, Dialect::kSqlite, "22012", "division by zero"));
  auto rw = QueryRecord("statement error Division by zero\nSELECT 1/0\n", Dialect::kRisingWave);
  EXPECT_TRUE(ErrorMatches(rw, Dialect::kRisingWave, "22012", "division by zero"));
  auto regex = QueryRecord("statement error other relation\\(s\\) depend\nDROP TABLE t\n",
                           Dialect::kRisingWave);
  EXPECT_TRUE(ErrorMatches(regex, Dialect::kRisingWave, "2BP01",
                           "cannot drop table t because other relation(s) depend on it"));
  auto state = QueryRecord("statement error 23505\nINSERT\n", Dialect::kHelios);
  EXPECT_TRUE(ErrorMatches(state, Dialect::kHelios, "23505", "duplicate key value"));
  EXPECT_FALSE(ErrorMatches(state, Dialect::kHelios, "23502", "null value"));
  auto message = QueryRecord("statement error duplicate key\nINSERT\n", Dialect::kHelios);
  EXPECT_TRUE(ErrorMatches(message, Dialect::kHelios, "23505", "duplicate key value violates"));
}

}  // namespace
}  // namespace heliosdb::slt
