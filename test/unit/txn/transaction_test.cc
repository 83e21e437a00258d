#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

#include "../storage/test_db.h"
#include "common/exception.h"
#include "storage/key_codec.h"

namespace heliosdb {
namespace {

constexpr ObjectId kTable = 100;

std::string Key(int64_t i) {
  return EncodeKey({Value::BigInt(i)});
}

class TransactionTest : public ::testing::Test {
 protected:
  void SetUp() override { db_ = OpenOrDie(dir_.Sub("db")); }
  TransactionManager& tm() { return db_->transactions(); }

  void CommitPut(int64_t k, const std::string& v) {
    auto t = tm().Begin();
    t->Put(kTable, Key(k), v);
    ASSERT_TRUE(t->Commit().ok());
  }

  std::vector<std::pair<std::string, std::string>> ScanAll(Transaction* t, std::string lower = "",
                                                           std::string upper = "") {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto it = t->Scan(kTable, lower, upper); it->Valid(); it->Next()) {
      out.emplace_back(std::string(it->key()), std::string(it->value()));
    }
    return out;
  }

  TempDir dir_;
  std::unique_ptr<StorageEngine> db_;
};

TEST_F(TransactionTest, ReadsOwnWrites) {
  auto t = tm().Begin();
  EXPECT_FALSE(t->Get(kTable, Key(1)).has_value());
  t->Put(kTable, Key(1), "a");
  t->Put(kTable, Key(2), "b");
  t->Put(kTable, Key(1), "a2");
  EXPECT_EQ(t->Get(kTable, Key(1)), "a2");
  t->Delete(kTable, Key(2));
  EXPECT_FALSE(t->Get(kTable, Key(2)).has_value());
  EXPECT_TRUE(t->has_writes());
  auto rows = ScanAll(t.get());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].second, "a2");
  Scn scn = 0;
  ASSERT_TRUE(t->Commit(&scn).ok());
  EXPECT_EQ(scn, 1u);
  EXPECT_EQ(tm().last_committed_scn(), 1u);
  auto r = tm().Begin();
  EXPECT_EQ(r->Get(kTable, Key(1)), "a2");
  EXPECT_FALSE(r->Get(kTable, Key(2)).has_value());
  EXPECT_FALSE(r->Get(kTable + 1, Key(1)).has_value());
}

TEST_F(TransactionTest, CommitWithoutWritesReturnsSnapshot) {
  CommitPut(1, "x");
  auto t = tm().Begin();
  Scn scn = 0;
  ASSERT_TRUE(t->Commit(&scn).ok());
  EXPECT_EQ(scn, 1u);
  EXPECT_EQ(tm().last_committed_scn(), 1u);
}

TEST_F(TransactionTest, SnapshotDoesNotChangeWhileOthersCommit) {
  CommitPut(1, "old");
  CommitPut(2, "two");
  auto reader = tm().Begin();
  EXPECT_EQ(reader->Get(kTable, Key(1)), "old");  // opens the reused point reader
  auto scan_before = ScanAll(reader.get());

  auto w = tm().Begin();
  w->Put(kTable, Key(1), "new");
  w->Delete(kTable, Key(2));
  w->Put(kTable, Key(3), "three");
  ASSERT_TRUE(w->Commit().ok());

  EXPECT_EQ(reader->Get(kTable, Key(1)), "old");
  EXPECT_EQ(reader->Get(kTable, Key(2)), "two");
  EXPECT_FALSE(reader->Get(kTable, Key(3)).has_value());
  EXPECT_EQ(ScanAll(reader.get()), scan_before);

  auto fresh = tm().Begin();
  EXPECT_EQ(fresh->Get(kTable, Key(1)), "new");
  EXPECT_FALSE(fresh->Get(kTable, Key(2)).has_value());
  EXPECT_EQ(ScanAll(fresh.get()).size(), 2u);
}

TEST_F(TransactionTest, FirstCommitterWinsAndLoserWritesNothing) {
  CommitPut(1, "base");
  auto a = tm().Begin();
  auto b = tm().Begin();
  a->Put(kTable, Key(1), "a");
  b->Put(kTable, Key(1), "b");
  b->Put(kTable, Key(50), "b-only");
  ASSERT_TRUE(a->Commit().ok());
  Scn before = tm().last_committed_scn();
  Status s = b->Commit();
  EXPECT_EQ(s.sqlstate(), "40001");
  EXPECT_EQ(s.message(), "could not serialize access due to concurrent update");
  EXPECT_EQ(tm().last_committed_scn(), before);
  auto r = tm().Begin();
  EXPECT_EQ(r->Get(kTable, Key(1)), "a");
  EXPECT_FALSE(r->Get(kTable, Key(50)).has_value());
}

TEST_F(TransactionTest, DeleteConflictsWithUpdate) {
  CommitPut(1, "base");
  auto a = tm().Begin();
  auto b = tm().Begin();
  a->Delete(kTable, Key(1));
  b->Put(kTable, Key(1), "b");
  ASSERT_TRUE(a->Commit().ok());
  EXPECT_EQ(b->Commit().sqlstate(), "40001");
}

TEST_F(TransactionTest, NoConflictAfterOtherCommitted) {
  auto a = tm().Begin();
  a->Put(kTable, Key(1), "a");
  ASSERT_TRUE(a->Commit().ok());
  auto b = tm().Begin();
  b->Put(kTable, Key(1), "b");
  EXPECT_TRUE(b->Commit().ok());
}

TEST_F(TransactionTest, ConcurrentWritersOnDifferentKeysAllSucceed) {
  constexpr int kThreads = 4, kCommits = 100;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; t++) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCommits; i++) {
        auto txn = tm().Begin();
        txn->Put(kTable, Key(t * 100000 + i), "v");
        txn->Put(kTable + 1, Key(t * 100000 + i), "w");
        if (!txn->Commit().ok()) failures++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(tm().last_committed_scn(), static_cast<Scn>(kThreads * kCommits));
  auto r = tm().Begin();
  EXPECT_EQ(ScanAll(r.get()).size(), static_cast<size_t>(kThreads * kCommits));
}

TEST_F(TransactionTest, ConcurrentIncrementsNeverLoseUpdates) {
  CommitPut(0, "0");
  constexpr int kThreads = 4, kIncrements = 50;
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; t++) {
    threads.emplace_back([&] {
      for (int done = 0; done < kIncrements;) {
        TransactionOptions o;
        o.synchronous_commit = false;
        auto txn = tm().Begin(o);
        int v = std::stoi(*txn->Get(kTable, Key(0)));
        txn->Put(kTable, Key(0), std::to_string(v + 1));
        Status s = txn->Commit();
        if (s.ok()) {
          done++;
        } else {
          ASSERT_EQ(s.sqlstate(), "40001");
          conflicts++;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  auto r = tm().Begin();
  EXPECT_EQ(r->Get(kTable, Key(0)), std::to_string(kThreads * kIncrements));
}

TEST_F(TransactionTest, SavepointsFollowPostgres) {
  auto t = tm().Begin();
  t->Put(kTable, Key(1), "1");
  t->Savepoint("a");
  t->Put(kTable, Key(2), "2");
  t->Put(kTable, Key(1), "1b");
  t->Savepoint("b");
  t->Delete(kTable, Key(1));
  EXPECT_FALSE(t->Get(kTable, Key(1)).has_value());
  ASSERT_TRUE(t->RollbackToSavepoint("b").ok());
  EXPECT_EQ(t->Get(kTable, Key(1)), "1b");
  ASSERT_TRUE(t->RollbackToSavepoint("a").ok());
  EXPECT_EQ(t->Get(kTable, Key(1)), "1");
  EXPECT_FALSE(t->Get(kTable, Key(2)).has_value());
  // "b" was established after "a" and is gone; "a" remains.
  EXPECT_EQ(t->RollbackToSavepoint("b").sqlstate(), "3B001");
  t->Put(kTable, Key(3), "3");
  ASSERT_TRUE(t->RollbackToSavepoint("a").ok());
  EXPECT_FALSE(t->Get(kTable, Key(3)).has_value());
  Status missing = t->ReleaseSavepoint("nope");
  EXPECT_EQ(missing.sqlstate(), "3B001");
  EXPECT_EQ(missing.message(), "savepoint \"nope\" does not exist");

  // Duplicate names: the newest wins; release drops it and later ones.
  t->Savepoint("s");
  t->Put(kTable, Key(4), "4");
  t->Savepoint("s");
  t->Put(kTable, Key(5), "5");
  ASSERT_TRUE(t->RollbackToSavepoint("s").ok());
  EXPECT_EQ(t->Get(kTable, Key(4)), "4");
  EXPECT_FALSE(t->Get(kTable, Key(5)).has_value());
  ASSERT_TRUE(t->ReleaseSavepoint("s").ok());
  ASSERT_TRUE(t->RollbackToSavepoint("s").ok());  // the older "s"
  EXPECT_FALSE(t->Get(kTable, Key(4)).has_value());
  ASSERT_TRUE(t->ReleaseSavepoint("a").ok());
  EXPECT_EQ(t->RollbackToSavepoint("s").sqlstate(), "3B001");

  ASSERT_TRUE(t->Commit().ok());
  auto r = tm().Begin();
  EXPECT_EQ(ScanAll(r.get()).size(), 1u);
  EXPECT_EQ(r->Get(kTable, Key(1)), "1");
}

TEST_F(TransactionTest, RollbackDiscardsEverything) {
  auto t = tm().Begin();
  t->Put(kTable, Key(1), "x");
  t->Rollback();
  EXPECT_EQ(tm().last_committed_scn(), 0u);
  auto r = tm().Begin();
  EXPECT_FALSE(r->Get(kTable, Key(1)).has_value());
  EXPECT_THROW(t->Put(kTable, Key(1), "y"), DbException);
}

TEST_F(TransactionTest, ReadOnlyTransactionRejectsWrites) {
  TransactionOptions o;
  o.read_only = true;
  auto t = tm().Begin(o);
  try {
    t->Put(kTable, Key(1), "x");
    FAIL();
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().sqlstate(), "25006");
  }
}

TEST_F(TransactionTest, ScanBoundsTombstonesAndOwnWritesMerge) {
  {
    auto t = tm().Begin();
    for (int i = 0; i < 20; i++) t->Put(kTable, Key(i), "s" + std::to_string(i));
    t->Put(kTable - 1, Key(5), "other object");
    t->Put(kTable + 1, Key(5), "other object");
    ASSERT_TRUE(t->Commit().ok());
  }
  {
    auto t = tm().Begin();
    for (int i = 0; i < 20; i += 3) t->Delete(kTable, Key(i));
    ASSERT_TRUE(t->Commit().ok());
  }
  auto t = tm().Begin();
  t->Put(kTable, Key(3), "own3");      // resurrects a stored tombstone
  t->Delete(kTable, Key(4));           // hides a stored row
  t->Put(kTable, Key(100), "own100");  // past the store's keys
  t->Put(kTable, Key(-5), "own-5");    // before them
  auto rows = ScanAll(t.get(), Key(2), Key(8));
  std::vector<std::string> values;
  for (auto& [k, v] : rows) values.push_back(v);
  EXPECT_EQ(values, (std::vector<std::string>{"s2", "own3", "s5", "s7"}));
  auto all = ScanAll(t.get());
  EXPECT_EQ(all.front().second, "own-5");
  EXPECT_EQ(all.back().second, "own100");
  for (size_t i = 1; i < all.size(); i++) EXPECT_LT(all[i - 1].first, all[i].first);
  // Prefix bounds from PrefixSuccessor work for composite keys.
  EXPECT_EQ(ScanAll(t.get(), Key(5), PrefixSuccessor(Key(5))).size(), 1u);
}

TEST_F(TransactionTest, ManyVersionsOldSnapshotsSeeTheirVersion) {
  std::vector<std::unique_ptr<Transaction>> readers;
  for (int v = 0; v < 40; v++) {
    auto t = tm().Begin();
    t->Put(kTable, Key(7), "v" + std::to_string(v));
    t->Put(kTable, Key(8), "w" + std::to_string(v));
    ASSERT_TRUE(t->Commit().ok());
    readers.push_back(tm().Begin());
  }
  for (int v = 0; v < 40; v++) {
    EXPECT_EQ(readers[v]->Get(kTable, Key(7)), "v" + std::to_string(v));
    auto rows = ScanAll(readers[v].get());
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].second, "v" + std::to_string(v));
    EXPECT_EQ(rows[1].second, "w" + std::to_string(v));
  }
  TransactionOptions o;
  auto old = tm().BeginAt(10, o);
  EXPECT_TRUE(old->read_only());
  EXPECT_EQ(old->Get(kTable, Key(7)), "v9");
}

TEST_F(TransactionTest, ScanDoesNotSeeWritesMadeWhileOpen) {
  auto t = tm().Begin();
  for (int i = 0; i < 10; i++) t->Put(kTable, Key(i), "a");
  int seen = 0;
  for (auto it = t->Scan(kTable, "", ""); it->Valid(); it->Next()) {
    seen++;
    int64_t k = seen - 1;
    t->Put(kTable, Key(k), "updated");
    t->Put(kTable, Key(k + 1000), "new");  // would loop forever if the scan saw it
    EXPECT_EQ(it->value(), "a");
  }
  EXPECT_EQ(seen, 10);
  EXPECT_EQ(ScanAll(t.get()).size(), 20u);
}

TEST_F(TransactionTest, LargeTransaction) {
  constexpr int kRows = 200000;
  auto t = tm().Begin();
  std::string value(40, 'x');
  for (int i = 0; i < kRows; i++) t->Put(kTable, Key(i), value);
  ASSERT_TRUE(t->Commit().ok());
  auto r = tm().Begin();
  int n = 0;
  for (auto it = r->Scan(kTable, "", ""); it->Valid(); it->Next()) n++;
  EXPECT_EQ(n, kRows);
  EXPECT_EQ(r->Get(kTable, Key(kRows - 1)), value);
  EXPECT_FALSE(r->Get(kTable, Key(kRows)).has_value());
}

TEST_F(TransactionTest, ReopenRecoversDataAndLastScn) {
  for (int i = 0; i < 5; i++) CommitPut(i, "v" + std::to_string(i));
  {
    auto t = tm().Begin();
    t->Delete(kTable, Key(0));
    ASSERT_TRUE(t->Commit().ok());
  }
  db_.reset();
  db_ = OpenOrDie(dir_.Sub("db"));
  EXPECT_EQ(tm().last_committed_scn(), 6u);
  auto r = tm().Begin();
  EXPECT_FALSE(r->Get(kTable, Key(0)).has_value());
  EXPECT_EQ(r->Get(kTable, Key(4)), "v4");
  Scn scn = 0;
  auto w = tm().Begin();
  w->Put(kTable, Key(9), "x");
  ASSERT_TRUE(w->Commit(&scn).ok());
  EXPECT_EQ(scn, 7u);
}

}  // namespace
}  // namespace heliosdb
