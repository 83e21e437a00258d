// The cold tier under the Transaction API: a freeze keeps every snapshot's rows (old versions
// stay hot, AS OF before the move still works), row groups survive reopening, updates and
// deletes of cold rows end them for later snapshots only, a writer that raced a freeze gets
// 40001, and a corrupted row group is refused at open with XX001.
#include "storage/columnar/cold_tier.h"

#include <gtest/gtest.h>

#include "common/exception.h"
#include "storage/columnar/tiered_transaction.h"
#include "storage/key_codec.h"
#include "storage/kv_store.h"
#include "storage/row_codec.h"
#include "test_db.h"

namespace heliosdb {
namespace {

constexpr ObjectId kTable = 100;
const std::vector<LogicalType> kTypes = {TypeId::kInteger, TypeId::kText};

std::string Key(int64_t i) {
  return EncodeKey({Value::Integer(i)});
}
std::string Row(int64_t i, const std::string& v) {
  std::string out;
  EncodeRow({Value::Integer(i), Value::Text(v)}, kTypes, &out);
  return out;
}

Scn CommitOrDie(Transaction& txn) {
  Scn scn = 0;
  Status s = txn.Commit(&scn);
  EXPECT_TRUE(s.ok()) << s.message();
  return scn;
}

// "key=value" of every visible row, in key order.
std::vector<std::string> Rows(Transaction& txn) {
  std::vector<std::string> out;
  for (auto it = txn.Scan(kTable, "", ""); it->Valid(); it->Next())
    out.push_back(std::to_string(DecodeRow(it->value(), kTypes)[0].GetInt64()) + "=" +
                  DecodeRow(it->value(), kTypes)[1].GetString());
  return out;
}

SwapResult Freeze(StorageEngine& db) {
  auto r =
      db.cold().Freeze(kMainBranch, kTable, kTypes, {}, db.transactions().oldest_snapshot_scn(),
                       [&] { return static_cast<uint64_t>(db.IncrementCounter("rg")); });
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? r.value() : SwapResult();
}

class ColdTierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenOrDie(dir_.Sub("db"));
    auto txn = db_->transactions().Begin();
    for (int64_t i = 1; i <= 5; i++) txn->Put(kTable, Key(i), Row(i, "a"));
    first_ = CommitOrDie(*txn);
    txn = db_->transactions().Begin();
    txn->Put(kTable, Key(2), Row(2, "b"));
    second_ = CommitOrDie(*txn);
  }
  TempDir dir_;
  std::unique_ptr<StorageEngine> db_;
  Scn first_ = 0, second_ = 0;
};

TEST_F(ColdTierTest, FreezeKeepsEverySnapshot) {
  EXPECT_EQ(Freeze(*db_).rows, 5u);
  auto now = db_->transactions().Begin();
  EXPECT_EQ(Rows(*now), (std::vector<std::string>{"1=a", "2=b", "3=a", "4=a", "5=a"}));
  EXPECT_EQ(*now->Get(kTable, Key(2)), Row(2, "b"));
  auto then = db_->transactions().BeginAt(first_, TransactionOptions());
  EXPECT_EQ(Rows(*then), (std::vector<std::string>{"1=a", "2=a", "3=a", "4=a", "5=a"}));
  EXPECT_EQ(*then->Get(kTable, Key(2)), Row(2, "a"));
  std::string first, last;
  ASSERT_TRUE(now->KeyBounds(kTable, "", "", &first, &last));
  EXPECT_EQ(first, Key(1));
  EXPECT_EQ(last, Key(5));
  // A second freeze finds nothing new: the older hot version of key 2 stays hot.
  EXPECT_EQ(Freeze(*db_).rows, 0u);
}

TEST_F(ColdTierTest, UpdatesAndDeletesEndColdRows) {
  Freeze(*db_);
  auto before = db_->transactions().Begin();
  auto txn = db_->transactions().Begin();
  txn->Put(kTable, Key(3), Row(3, "c"));
  txn->Delete(kTable, Key(4));
  CommitOrDie(*txn);
  auto after = db_->transactions().Begin();
  EXPECT_EQ(Rows(*after), (std::vector<std::string>{"1=a", "2=b", "3=c", "5=a"}));
  EXPECT_FALSE(after->Get(kTable, Key(4)));
  EXPECT_EQ(Rows(*before), (std::vector<std::string>{"1=a", "2=b", "3=a", "4=a", "5=a"}));
  auto r = db_->cold().Thaw(kMainBranch, kTable);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().rows, 5u);
  EXPECT_TRUE(db_->cold().empty());
  EXPECT_EQ(Rows(*db_->transactions().Begin()),
            (std::vector<std::string>{"1=a", "2=b", "3=c", "5=a"}));
}

TEST_F(ColdTierTest, WriterThatRacedAFreezeFails40001) {
  auto writer = db_->transactions().Begin();
  writer->Put(kTable, Key(1), Row(1, "lost?"));
  Freeze(*db_);
  Status s = writer->Commit();
  EXPECT_EQ(s.sqlstate(), "40001");
  EXPECT_EQ(*db_->transactions().Begin()->Get(kTable, Key(1)), Row(1, "a"));
}

TEST_F(ColdTierTest, RowGroupsSurviveReopen) {
  Freeze(*db_);
  db_.reset();
  db_ = OpenOrDie(dir_.Sub("db"));
  EXPECT_FALSE(db_->cold().empty());
  EXPECT_EQ(Rows(*db_->transactions().Begin()),
            (std::vector<std::string>{"1=a", "2=b", "3=a", "4=a", "5=a"}));
}

TEST_F(ColdTierTest, CorruptedRowGroupIsRefusedAtOpen) {
  Freeze(*db_);
  // Flip a byte of the first segment (part 1) of the row group.
  std::string key(1, kColdPrefix), value;
  {
    auto it = db_->kv().NewIterator(KvReadOptions());
    it->Seek(std::string(1, kColdPrefix));
    it->Next();
    key = it->key();
    value = it->value();
  }
  value[value.size() / 2] ^= 0x10;
  ASSERT_TRUE(db_->kv().Put(key, value, true).ok());
  db_.reset();
  auto r = StorageEngine::Open(dir_.Sub("db"), StorageOptions());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().sqlstate(), "XX001");
  EXPECT_NE(r.status().message().find("row group is corrupted"), std::string::npos)
      << r.status().message();
}

}  // namespace
}  // namespace heliosdb
