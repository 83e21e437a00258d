// The sqllogictest record parser: the common core and each dialect's quirks.
#include "slt/script_parser.h"

#include <gtest/gtest.h>

#include "slt/skip_list.h"

namespace heliosdb::slt {
namespace {

using Kind = Record::Kind;

TEST(ScriptParserTest, StatementsAndQueries) {
  auto records = ParseScript(
      "# a comment\n"
      "statement ok\n"
      "CREATE TABLE t1(a INTEGER, b INTEGER)\n"
      "\n"
      "query II rowsort label-1\n"
      "SELECT a,\n"
      "  b FROM t1\n"
      "----\n"
      "1\n"
      "2\n"
      "\n"
      "statement error\n"
      "DROP INDEX t1i1;\n",
      Dialect::kSqlite, "x.test");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].kind, Kind::kStatement);
  EXPECT_EQ(records[0].line, 2);
  EXPECT_EQ(records[0].sql, "CREATE TABLE t1(a INTEGER, b INTEGER)");
  EXPECT_EQ(records[1].kind, Kind::kQuery);
  EXPECT_EQ(records[1].types, "II");
  EXPECT_EQ(records[1].sort, SortMode::kRowSort);
  EXPECT_EQ(records[1].label, "label-1");
  EXPECT_EQ(records[1].sql, "SELECT a,\n  b FROM t1");
  EXPECT_EQ(records[1].expected, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(records[1].first_line, 5);
  EXPECT_EQ(records[1].last_line, 10);
  EXPECT_TRUE(records[2].expect_error);
  EXPECT_EQ(records[2].sql, "DROP INDEX t1i1;");
}

TEST(ScriptParserTest, CrlfAndWhitespaceBlankLines) {
  auto records = ParseScript(
      "statement ok\r\nSELECT 1\r\n  \r\nquery I nosort\r\nSELECT 2\r\n"
      "----\r\n2\r\n",
      Dialect::kSqlite, "x.test");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].sql, "SELECT 1");
  EXPECT_EQ(records[1].expected, (std::vector<std::string>{"2"}));
}

TEST(ScriptParserTest, SqliteCommentsDoNotEndARecord) {
  auto records = ParseScript("query I\nSELECT 1\n# inside\n----\n1\n", Dialect::kSqlite, "x");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].sql, "SELECT 1");
  EXPECT_TRUE(records[0].has_result_block);
}

TEST(ScriptParserTest, ConditionsHaltAndHashThreshold) {
  auto records = ParseScript(
      "hash-threshold 8\n\n"
      "skipif mysql # not compatible\n"
      "onlyif PostgreSQL\n"
      "query I\nSELECT 1\n----\n1\n\n"
      "onlyif sqlite\nhalt\n",
      Dialect::kSqlite, "x");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].kind, Kind::kHashThreshold);
  EXPECT_EQ(records[0].hash_threshold, 8);
  ASSERT_EQ(records[1].conditions.size(), 2u);
  EXPECT_EQ(records[1].conditions[1].engine, "postgresql");
  EXPECT_TRUE(RecordApplies(records[1], "postgresql"));
  EXPECT_FALSE(RecordApplies(records[1], "mysql"));
  EXPECT_EQ(records[2].kind, Kind::kHalt);
  EXPECT_FALSE(RecordApplies(records[2], "postgresql"));
}

TEST(ScriptParserTest, QueryWithoutResultBlockExpectsNothing) {
  auto records = ParseScript("query I\nSELECT 1 WHERE false\n", Dialect::kDuckDb, "x");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0].has_result_block);
  EXPECT_TRUE(records[0].expected.empty());
}

TEST(ScriptParserTest, DuckDbSessionsAndRequire) {
  auto records = ParseScript(
      "require vector_size 512\n\n"
      "statement ok con1\nBEGIN TRANSACTION\n\n"
      "statement error con2\nSELECT x\n\n"
      "query T con2\nSELECT 'a'\n----\na\n",
      Dialect::kDuckDb, "x");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].kind, Kind::kRequire);
  EXPECT_EQ(records[0].argument, "vector_size 512");
  EXPECT_EQ(records[1].session, "con1");
  EXPECT_EQ(records[2].session, "con2");
  EXPECT_TRUE(records[2].error_text.empty());
  EXPECT_EQ(records[3].session, "con2");
  EXPECT_TRUE(records[3].label.empty());
}

TEST(ScriptParserTest, ErrorTextInRisingWaveAndOurFiles) {
  auto rw = ParseScript(
      "statement error Division by zero\nselect 1/0;\n\n"
      "query error invalid input\nselect 'x'::int\n",
      Dialect::kRisingWave, "x");
  ASSERT_EQ(rw.size(), 2u);
  EXPECT_EQ(rw[0].error_text, "Division by zero");
  EXPECT_EQ(rw[1].kind, Kind::kQuery);
  EXPECT_TRUE(rw[1].expect_error);
  EXPECT_EQ(rw[1].error_text, "invalid input");
  auto ours =
      ParseScript("statement error 23505\nINSERT INTO t VALUES (1)\n", Dialect::kHelios, "x");
  ASSERT_EQ(ours.size(), 1u);
  EXPECT_EQ(ours[0].error_text, "23505");
}

TEST(ScriptParserTest, MalformedInputBecomesInvalidRecords) {
  auto records = ParseScript("frobnicate now\nmore junk\n\nstatement ok\n\nquery\n\nskipif x\n",
                             Dialect::kDuckDb, "x");
  ASSERT_EQ(records.size(), 4u);
  for (const auto& r : records) EXPECT_EQ(r.kind, Kind::kInvalid);
}

TEST(ScriptParserTest, DialectFromPath) {
  EXPECT_EQ(DetectDialect("peer/sqlite/test/select1.test"), Dialect::kSqlite);
  EXPECT_EQ(DetectDialect("/p/duckdb/test/sql/x.test"), Dialect::kDuckDb);
  EXPECT_EQ(DetectDialect("/p/risingwave/e2e_test/batch/duckdb/x.slt.part"), Dialect::kRisingWave);
  EXPECT_EQ(DetectDialect("test/sql/basic/select.test"), Dialect::kHelios);
}

TEST(ScriptParserTest, NoOpStatements) {
  EXPECT_TRUE(IsNoOpStatement("SET RW_IMPLICIT_FLUSH TO true;"));
  EXPECT_TRUE(IsNoOpStatement("flush"));
  EXPECT_TRUE(IsNoOpStatement("PRAGMA enable_verification"));
  EXPECT_TRUE(IsNoOpStatement("set query_mode to distributed"));
  EXPECT_FALSE(IsNoOpStatement("SET search_path TO public"));
}

TEST(SkipListTest, MatchesBySuffixAndLineRange) {
  SkipList skips;
  skips.Add("sqlite/test/select1.test", 12);
  skips.Add("duckdb/test/sql/whole.test", 0);
  EXPECT_TRUE(skips.Matches("/w/peer/sqlite/test/select1.test", 10, 14));
  EXPECT_FALSE(skips.Matches("/w/peer/sqlite/test/select1.test", 15, 20));
  EXPECT_FALSE(skips.Matches("/w/peer/xsqlite/test/select1.test", 10, 14));
  EXPECT_TRUE(skips.Matches("../duckdb/test/sql/whole.test", 100, 120));
  EXPECT_EQ(skips.size(), 2u);
}

}  // namespace
}  // namespace heliosdb::slt
