// The branch registry (records survive a reopen, ids are never reused, layers cap ancestors
// at fork points) and read-through (point reads, scans, tombstones hiding inherited keys,
// KeyBounds, VersionHistory), the collector keeping a fork point's versions, and writers on
// two branches never conflicting.
#include <gtest/gtest.h>

#include "../storage/test_db.h"
#include "common/exception.h"
#include "storage/key_codec.h"
#include "storage/kv_store.h"
#include "storage/version_collector.h"
#include "storage/version_key.h"
#include "txn/branch_registry.h"
#include "txn/version_history.h"

namespace heliosdb {
namespace {

constexpr ObjectId kTable = 100;

std::string Key(int64_t i) {
  return EncodeKey({Value::BigInt(i)});
}

class BranchTest : public ::testing::Test {
 protected:
  void SetUp() override { db_ = OpenOrDie(dir_.Sub("db")); }
  TransactionManager& tm() { return db_->transactions(); }

  Scn Put(BranchId branch, int64_t k, const std::string& v) {
    TransactionOptions o;
    o.branch = branch;
    auto t = tm().Begin(o);
    t->Put(kTable, Key(k), v);
    Scn scn = 0;
    EXPECT_TRUE(t->Commit(&scn).ok());
    return scn;
  }
  void Delete(BranchId branch, int64_t k) {
    TransactionOptions o;
    o.branch = branch;
    auto t = tm().Begin(o);
    t->Delete(kTable, Key(k));
    EXPECT_TRUE(t->Commit().ok());
  }
  std::unique_ptr<Transaction> On(BranchId branch) {
    TransactionOptions o;
    o.branch = branch;
    return tm().Begin(o);
  }
  std::vector<std::string> Values(Transaction& t) {
    std::vector<std::string> out;
    for (auto it = t.Scan(kTable, "", ""); it->Valid(); it->Next()) out.emplace_back(it->value());
    return out;
  }
  BranchId Create(const std::string& name, BranchId parent, Scn fork) {
    auto b = tm().branches().Create(name, parent, fork, 0, true);
    EXPECT_TRUE(b.ok());
    return b.value().id;
  }

  TempDir dir_;
  std::unique_ptr<StorageEngine> db_;
};

TEST_F(BranchTest, RegistryStartsWithMainAndPersists) {
  ASSERT_TRUE(tm().branches().Find("main"));
  EXPECT_EQ(tm().branches().Find("main")->id, kMainBranch);
  BranchId a = Create("a", kMainBranch, 0);
  BranchId b = Create("b", a, 0);
  EXPECT_FALSE(tm().branches().Create("a", kMainBranch, 0, 0, true).ok());
  EXPECT_TRUE(tm().branches().HasChildren(a));
  ASSERT_TRUE(tm().branches().Drop(b).ok());
  db_.reset();
  db_ = OpenOrDie(dir_.Sub("db"));
  ASSERT_TRUE(tm().branches().Find("a"));
  EXPECT_FALSE(tm().branches().Find("b"));
  EXPECT_GT(Create("c", kMainBranch, 0), b);  // a dropped branch's id is never reused
}

TEST_F(BranchTest, LayersCapAncestorsAtForkPoints) {
  BranchId a = Create("a", kMainBranch, 10);
  BranchId b = Create("b", a, 20);
  auto layers = tm().branches().Layers(b, 30);
  ASSERT_TRUE(layers.ok());
  ASSERT_EQ(layers.value().size(), 3u);
  EXPECT_EQ(layers.value()[0].cap, 30u);
  EXPECT_EQ(layers.value()[1].cap, 20u);
  EXPECT_EQ(layers.value()[2].cap, 10u);  // b reaches main through a's fork point
  EXPECT_FALSE(tm().branches().Layers(999, 1).ok());
}

TEST_F(BranchTest, ReadsFallThroughToTheParentAtTheFork) {
  Put(kMainBranch, 1, "m1");
  Scn fork = Put(kMainBranch, 2, "m2");
  BranchId b = Create("b", kMainBranch, fork);
  Put(kMainBranch, 1, "m1 later");  // after the fork: not on b
  Put(kMainBranch, 3, "m3 later");
  Put(b, 4, "b4");
  Delete(b, 2);  // a tombstone on b hides the inherited row
  auto t = On(b);
  EXPECT_EQ(t->Get(kTable, Key(1)).value_or(""), "m1");
  EXPECT_FALSE(t->Get(kTable, Key(2)));
  EXPECT_FALSE(t->Get(kTable, Key(3)));
  EXPECT_EQ(t->Get(kTable, Key(4)).value_or(""), "b4");
  EXPECT_EQ(Values(*t), (std::vector<std::string>{"m1", "b4"}));
  std::string first, last;
  ASSERT_TRUE(t->KeyBounds(kTable, "", "", &first, &last));
  EXPECT_EQ(first, Key(1));
  EXPECT_EQ(last, Key(4));
  auto m = On(kMainBranch);
  EXPECT_EQ(Values(*m), (std::vector<std::string>{"m1 later", "m2", "m3 later"}));

  // History on b: its own versions, then main's up to the fork.
  auto layers = tm().branches().Layers(b, tm().last_committed_scn());
  VersionHistory h(&db_->kv(), layers.value(), kTable);
  std::vector<size_t> counts;
  while (h.NextKey()) counts.push_back(h.versions().size());
  EXPECT_EQ(counts, (std::vector<size_t>{1, 2, 1}));  // key 1; key 2 (tombstone + put); key 4
}

TEST_F(BranchTest, WrittenObjectsAreNotedAtCommitAndRecoveredAtOpen) {
  Scn fork = Put(kMainBranch, 1, "m1");
  BranchId b = Create("b", kMainBranch, fork);
  auto written = [&] { return *tm().branches().Layers(b, 1).value().front().written; };
  EXPECT_TRUE(written().empty());  // a fresh branch: reads skip its keyspace
  EXPECT_EQ(On(b)->Get(kTable, Key(1)).value_or(""), "m1");
  auto open = On(b);  // taken before the branch writes: keeps the old (empty) set
  Put(b, 2, "b2");
  {
    TransactionOptions o;
    o.branch = b;
    auto t = tm().Begin(o);
    t->Put(kTable + 1, Key(1), "other");
    t->Put(kTable + 2, Key(1), "third");
    ASSERT_TRUE(t->Commit().ok());
  }
  EXPECT_EQ(written(), (ObjectSet{kTable, kTable + 1, kTable + 2}));
  EXPECT_FALSE(open->Get(kTable, Key(2)));
  EXPECT_EQ(On(b)->Get(kTable, Key(2)).value_or(""), "b2");
  open.reset();
  db_.reset();
  db_ = OpenOrDie(dir_.Sub("db"));
  EXPECT_EQ(written(), (ObjectSet{kTable, kTable + 1, kTable + 2}));
  EXPECT_EQ(Values(*On(b)), (std::vector<std::string>{"m1", "b2"}));
  EXPECT_EQ(tm().branches().Layers(kMainBranch, 1).value().front().written, nullptr);
}

TEST_F(BranchTest, WritersOnTwoBranchesNeverConflict) {
  Scn fork = Put(kMainBranch, 1, "m");
  BranchId b = Create("b", kMainBranch, fork);
  auto on_main = On(kMainBranch);
  auto on_b = On(b);
  on_main->Put(kTable, Key(1), "main");
  on_b->Put(kTable, Key(1), "b");
  EXPECT_TRUE(on_b->Commit().ok());
  EXPECT_TRUE(on_main->Commit().ok());
  EXPECT_EQ(On(b)->Get(kTable, Key(1)).value_or(""), "b");
  EXPECT_EQ(On(kMainBranch)->Get(kTable, Key(1)).value_or(""), "main");
}

TEST_F(BranchTest, CollectorKeepsWhatAForkPointSees) {
  Put(kMainBranch, 1, "v1");
  Scn fork = Put(kMainBranch, 1, "v2");
  BranchId b = Create("b", kMainBranch, fork);
  Put(kMainBranch, 1, "v3");
  Put(kMainBranch, 1, "v4");
  db_->kv().SetVersionCollector([&] {
    RetentionHorizons h;
    h.default_horizon = tm().last_committed_scn();  // no retention at all
    h.branches[kMainBranch] = fork;                 // but b reads main at its fork
    return std::make_unique<VersionCollector>(h);
  });
  ASSERT_TRUE(db_->kv().CompactAll().ok());
  EXPECT_EQ(On(b)->Get(kTable, Key(1)).value_or(""), "v2");
  EXPECT_EQ(On(kMainBranch)->Get(kTable, Key(1)).value_or(""), "v4");
  auto layers = tm().branches().Layers(kMainBranch, tm().last_committed_scn());
  VersionHistory h(&db_->kv(), layers.value(), kTable);
  ASSERT_TRUE(h.NextKey());
  EXPECT_EQ(h.versions().size(), 3u);  // v4, v3 and v2: v1 is collected
}

TEST_F(BranchTest, DropRemovesTheKeyspace) {
  Scn fork = Put(kMainBranch, 1, "m");
  BranchId b = Create("b", kMainBranch, fork);
  Put(b, 2, "b");
  ASSERT_TRUE(tm().branches().Drop(b).ok());
  std::string begin(1, kVersionPrefix);
  PutFixed32BE(b, &begin);
  auto it = db_->kv().NewIterator(KvReadOptions());
  it->Seek(begin);
  EXPECT_TRUE(!it->Valid() || it->key().compare(0, begin.size(), begin) != 0);
  EXPECT_THROW(On(b), DbException);
}

}  // namespace
}  // namespace heliosdb
