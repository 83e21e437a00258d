// Commits of 4 MB or more reach the store as ingested table files instead of through the log
// (commit_pipeline.h): the same visibility, conflicts, durability and SCN order as any commit.
#include <gtest/gtest.h>

#include <filesystem>

#include "../storage/test_db.h"
#include "storage/key_codec.h"

namespace heliosdb {
namespace {

constexpr ObjectId kTable = 100;
constexpr int kRows = 40000;  // x 128-byte values: past the ingest threshold

std::string Key(int64_t i) { return EncodeKey({Value::BigInt(i)}); }
std::string Row(int64_t i, char fill) { return std::string(120, fill) + std::to_string(i); }

class BulkCommitTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(); }
  void Open() {
    db_.reset();
    db_ = OpenOrDie(dir_.Sub("db"));
  }
  TransactionManager& tm() { return db_->transactions(); }
  Scn BulkPut(char fill, int from = 0) {
    auto t = tm().Begin();
    for (int i = from; i < from + kRows; i++) t->Put(kTable, Key(i), Row(i, fill));
    t->Delete(kTable, Key(-1));
    Scn scn = 0;
    EXPECT_TRUE(t->Commit(&scn).ok());
    return scn;
  }
  int64_t Count(Transaction* t) {
    int64_t n = 0;
    for (auto it = t->Scan(kTable, "", ""); it->Valid(); it->Next()) n++;
    return n;
  }
  TempDir dir_;
  std::unique_ptr<StorageEngine> db_;
};

TEST_F(BulkCommitTest, VisibleInScnOrderAndDurable) {
  {
    auto t = tm().Begin();
    t->Put(kTable, Key(-1), "small");
    ASSERT_TRUE(t->Commit().ok());
  }
  {
    auto before = tm().Begin();  // snapshot before the bulk commit
    Scn first = BulkPut('a');
    EXPECT_EQ(first, 2u);
    EXPECT_EQ(Count(before.get()), 1);  // the older snapshot sees neither rows nor the delete
    auto after = tm().Begin();
    EXPECT_EQ(Count(after.get()), kRows);
    EXPECT_EQ(after->Get(kTable, Key(123)), Row(123, 'a'));
    EXPECT_FALSE(after->Get(kTable, Key(-1)).has_value());
  }

  // A second bulk commit over the same keys supersedes the first; a small commit follows.
  EXPECT_EQ(BulkPut('b'), 3u);
  {
    auto t = tm().Begin();
    t->Put(kTable, Key(5), "five");
    Scn scn = 0;
    ASSERT_TRUE(t->Commit(&scn).ok());
    EXPECT_EQ(scn, 4u);
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir_.Sub("db")))
    EXPECT_EQ(entry.path().filename().string().rfind("ingest-", 0), std::string::npos)
        << entry.path();

  Open();  // the SCN counter and the rows survive a reopen
  EXPECT_EQ(tm().last_committed_scn(), 4u);
  auto t = tm().Begin();
  EXPECT_EQ(Count(t.get()), kRows);
  EXPECT_EQ(t->Get(kTable, Key(6)), Row(6, 'b'));
  EXPECT_EQ(t->Get(kTable, Key(5)), "five");
}

TEST_F(BulkCommitTest, ConflictsStillFail) {
  auto bulk = tm().Begin();
  for (int i = 0; i < kRows; i++) bulk->Put(kTable, Key(i), Row(i, 'a'));
  {
    auto t = tm().Begin();
    t->Put(kTable, Key(7), "first committer");
    ASSERT_TRUE(t->Commit().ok());
  }
  Status s = bulk->Commit();
  EXPECT_EQ(s.sqlstate(), "40001");
  auto t = tm().Begin();
  EXPECT_EQ(Count(t.get()), 1);
}

}  // namespace
}  // namespace heliosdb
