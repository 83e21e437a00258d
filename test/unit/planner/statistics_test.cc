// ANALYZE's column statistics (exact and HyperLogLog distinct counts, NULL fractions, ranges)
// and what the optimizer does with them: the join order it picks, the rows EXPLAIN estimates,
// and EXPLAIN ANALYZE's per-operator counters.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "catalog/column_statistics.h"
#include "heliosdb/database.h"

namespace heliosdb {
namespace {

TEST(ColumnStatsBuilderTest, ExactForFewValues) {
  ColumnStatsBuilder b(3);
  for (int i = 0; i < 1000; i++) b.Add(Value::Integer(i % 10));
  for (int i = 0; i < 250; i++) b.Add(Value::Null(LogicalType(TypeId::kInteger)));
  ColumnStats s = b.Finish();
  EXPECT_EQ(s.slot, 3);
  EXPECT_DOUBLE_EQ(s.distinct, 10);
  EXPECT_DOUBLE_EQ(s.null_fraction, 0.2);
  EXPECT_TRUE(s.has_range);
  EXPECT_DOUBLE_EQ(s.min, 0);
  EXPECT_DOUBLE_EQ(s.max, 9);
}

TEST(ColumnStatsBuilderTest, SketchWithinFivePercent) {
  ColumnStatsBuilder b(0);
  for (int i = 0; i < 200000; i++) b.Add(Value::BigInt(i / 2));  // 100,000 distinct
  ColumnStats s = b.Finish();
  EXPECT_NEAR(s.distinct, 100000, 5000);
}

TEST(ColumnStatsBuilderTest, TextHasNoRange) {
  ColumnStatsBuilder b(0);
  b.Add(Value::Text("a"));
  b.Add(Value::Text("b"));
  b.Add(Value::Text("a"));
  ColumnStats s = b.Finish();
  EXPECT_FALSE(s.has_range);
  EXPECT_DOUBLE_EQ(s.distinct, 2);
}

class OptimizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "heliosdb-optimizer-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    auto db = Database::Open(dir_ + "/t.heliosdb");
    ASSERT_TRUE(db.ok());
    db_ = std::move(db.value());
    conn_ = db_->Connect();
  }
  void TearDown() override {
    conn_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  // The statement's result as lines (EXPLAIN output).
  std::string Plan(const std::string& sql) {
    auto r = conn_->Execute(sql);
    EXPECT_TRUE(r.ok()) << r.status().message();
    std::string out;
    for (size_t i = 0; r.ok() && i < r->row_count(); i++) out += r->GetText(i, 0) + "\n";
    return out;
  }
  void Exec(const std::string& sql) {
    auto r = conn_->Execute(sql);
    ASSERT_TRUE(r.ok()) << sql << ": " << r.status().message();
  }

  std::string dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Connection> conn_;
};

TEST_F(OptimizerTest, SmallerInputIsBuiltAfterAnalyze) {
  Exec("CREATE TABLE f (id int PRIMARY KEY, d int)");
  Exec("CREATE TABLE d (id int PRIMARY KEY, name text)");
  Exec("INSERT INTO f SELECT i, i % 10 FROM generate_series(1, 5000) i");
  Exec("INSERT INTO d SELECT i, 'n' || i FROM generate_series(0, 9) i");
  Exec("ANALYZE");
  // Written with the big table on the right; the plan builds the hash table on d.
  std::string plan = Plan("EXPLAIN SELECT count(*) FROM d JOIN f ON f.d = d.id");
  size_t f = plan.find("Seq Scan on f  (rows=5000)");
  size_t d = plan.find("Seq Scan on d  (rows=10)");
  ASSERT_NE(f, std::string::npos) << plan;
  ASSERT_NE(d, std::string::npos) << plan;
  EXPECT_LT(f, d) << plan;
  EXPECT_NE(plan.find("Hash Join  (rows=5000)"), std::string::npos) << plan;
}

TEST_F(OptimizerTest, RangeSelectivityFromStatistics) {
  Exec("CREATE TABLE t (id int PRIMARY KEY, v int)");
  Exec("INSERT INTO t SELECT i, i FROM generate_series(1, 1001) i");
  Exec("ANALYZE t");
  std::string plan = Plan("EXPLAIN SELECT * FROM t WHERE v >= 201 AND v < 401");
  EXPECT_NE(plan.find("Filter  (rows=200)"), std::string::npos) << plan;
}

TEST_F(OptimizerTest, ExplainAnalyzeCountsRowsPerOperator) {
  Exec("CREATE TABLE t (id int PRIMARY KEY, v int)");
  Exec("INSERT INTO t SELECT i, i % 3 FROM generate_series(1, 300) i");
  std::string plan = Plan("EXPLAIN ANALYZE SELECT v, count(*) FROM t WHERE v > 0 GROUP BY v");
  EXPECT_NE(plan.find("rows=300 loops=1)"), std::string::npos) << plan;  // the scan
  EXPECT_NE(plan.find("rows=200 loops=1)"), std::string::npos) << plan;  // the filter
  EXPECT_NE(plan.find("rows=2 loops=1)"), std::string::npos) << plan;    // the groups
  EXPECT_NE(plan.find("Execution Time:"), std::string::npos) << plan;
  // A correlated subquery left per row runs once per outer row.
  plan = Plan(
      "EXPLAIN ANALYZE SELECT id FROM t a WHERE id < 4 AND v < (SELECT count(*) FROM t b WHERE "
      "b.id = a.id)");
  EXPECT_NE(plan.find("loops=3)"), std::string::npos) << plan;
}

}  // namespace
}  // namespace heliosdb
