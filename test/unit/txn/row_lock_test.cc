// Row locks: waits, wake-ups in line, deadlock victims, lock_timeout, statement_timeout and
// cancel while waiting; and through transactions: a writer that waited sees the committed
// version once it refreshes its snapshot (READ COMMITTED), and the commit check uses the
// snapshot each key was written under.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "../storage/test_db.h"
#include "common/exception.h"
#include "storage/key_codec.h"
#include "txn/row_lock_table.h"

namespace heliosdb {
namespace {

using namespace std::chrono_literals;
using Outcome = RowLockTable::Outcome;

// The SQLSTATE a Lock call failed with, or "" when it succeeded.
std::string LockError(RowLockTable& table, uint64_t txn, uint64_t hash,
                      const LockWaitLimits& limits) {
  try {
    table.Lock(txn, hash, limits);
    return "";
  } catch (const DbException& e) {
    return e.status().sqlstate();
  }
}

TEST(RowLockTableTest, FreeAndHeldLocks) {
  RowLockTable table;
  EXPECT_EQ(table.Lock(1, 42, {}), Outcome::kAcquired);
  EXPECT_EQ(table.Lock(1, 42, {}), Outcome::kAlreadyHeld);
  EXPECT_EQ(table.Lock(2, 43, {}), Outcome::kAcquired);
  table.ReleaseAll(1, {42});
  EXPECT_EQ(table.Lock(2, 42, {}), Outcome::kAcquired);
}

TEST(RowLockTableTest, WaiterWakesWhenOwnerReleases) {
  RowLockTable table;
  table.Lock(1, 42, {});
  auto waiter = std::async(std::launch::async, [&] { return table.Lock(2, 42, {}); });
  EXPECT_EQ(waiter.wait_for(100ms), std::future_status::timeout);
  table.ReleaseAll(1, {42});
  EXPECT_EQ(waiter.get(), Outcome::kAfterWait);
  EXPECT_EQ(table.Lock(2, 42, {}), Outcome::kAlreadyHeld);
}

TEST(RowLockTableTest, WaitersGetTheLockInLine) {
  RowLockTable table;
  table.Lock(1, 42, {});
  auto second = std::async(std::launch::async, [&] { return table.Lock(2, 42, {}); });
  std::this_thread::sleep_for(50ms);  // 2 queues before 3
  auto third = std::async(std::launch::async, [&] { return table.Lock(3, 42, {}); });
  std::this_thread::sleep_for(50ms);
  table.ReleaseAll(1, {42});
  EXPECT_EQ(second.get(), Outcome::kAfterWait);
  EXPECT_EQ(third.wait_for(100ms), std::future_status::timeout);
  table.ReleaseAll(2, {42});
  EXPECT_EQ(third.get(), Outcome::kAfterWait);
}

TEST(RowLockTableTest, TheWaitClosingACycleIsTheDeadlockVictim) {
  RowLockTable table;
  table.Lock(1, 10, {});
  table.Lock(2, 20, {});
  auto first = std::async(std::launch::async, [&] { return table.Lock(1, 20, {}); });
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(LockError(table, 2, 10, {}), "40P01");
  // The victim's transaction ends; the survivor gets its row.
  table.ReleaseAll(2, {20});
  EXPECT_EQ(first.get(), Outcome::kAfterWait);
}

TEST(RowLockTableTest, LongerCyclesAreFound) {
  RowLockTable table;
  table.Lock(1, 10, {});
  table.Lock(2, 20, {});
  table.Lock(3, 30, {});
  auto a = std::async(std::launch::async, [&] { return LockError(table, 1, 20, {}); });
  auto b = std::async(std::launch::async, [&] { return LockError(table, 2, 30, {}); });
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(LockError(table, 3, 10, {}), "40P01");
  table.ReleaseAll(3, {30});
  EXPECT_EQ(b.get(), "");
  table.ReleaseAll(2, {20, 30});
  EXPECT_EQ(a.get(), "");
}

TEST(RowLockTableTest, LockTimeoutEndsTheWait) {
  RowLockTable table;
  table.Lock(1, 42, {});
  LockWaitLimits limits;
  limits.lock_timeout = 30ms;
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(LockError(table, 2, 42, limits), "55P03");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 30ms);
  // The abandoned wait left no trace: the lock passes straight to the next one.
  table.ReleaseAll(1, {42});
  EXPECT_EQ(table.Lock(3, 42, {}), Outcome::kAcquired);
}

TEST(RowLockTableTest, StatementTimeoutAndCancelEndTheWait) {
  RowLockTable table;
  table.Lock(1, 42, {});
  LockWaitLimits timed;
  timed.statement_deadline = std::chrono::steady_clock::now() + 30ms;
  EXPECT_EQ(LockError(table, 2, 42, timed), "57014");

  std::atomic<bool> cancel{false};
  LockWaitLimits cancellable;
  cancellable.cancel = &cancel;
  auto waiter =
      std::async(std::launch::async, [&] { return LockError(table, 3, 42, cancellable); });
  std::this_thread::sleep_for(50ms);
  cancel.store(true);
  EXPECT_EQ(waiter.get(), "57014");
}

constexpr ObjectId kTable = 100;

std::string Key(int64_t i) {
  return EncodeKey({Value::BigInt(i)});
}

class RowLockTransactionTest : public ::testing::Test {
 protected:
  void SetUp() override { db_ = OpenOrDie(dir_.Sub("db")); }
  TransactionManager& tm() { return db_->transactions(); }
  void CommitPut(int64_t k, const std::string& v) {
    auto t = tm().Begin();
    t->Put(kTable, Key(k), v);
    ASSERT_TRUE(t->Commit().ok());
  }

  TempDir dir_;
  std::unique_ptr<StorageEngine> db_;
};

TEST_F(RowLockTransactionTest, SecondWriterWaitsThenWritesTheNewestVersion) {
  CommitPut(1, "0");
  auto a = tm().Begin();
  auto b = tm().Begin();
  EXPECT_FALSE(a->LockRow(kTable, Key(1), {}));
  a->Put(kTable, Key(1), "a");
  auto waited = std::async(std::launch::async, [&] { return b->LockRow(kTable, Key(1), {}); });
  EXPECT_EQ(waited.wait_for(100ms), std::future_status::timeout);
  ASSERT_TRUE(a->Commit().ok());
  EXPECT_TRUE(waited.get());
  // Repeatable read would fail here; read committed reads again and writes on top.
  EXPECT_TRUE(b->ChangedSinceSnapshot(kTable, Key(1)));
  b->RefreshSnapshot();
  EXPECT_FALSE(b->ChangedSinceSnapshot(kTable, Key(1)));
  EXPECT_EQ(b->Get(kTable, Key(1)), "a");
  b->Put(kTable, Key(1), "a+b");
  ASSERT_TRUE(b->Commit().ok());
  EXPECT_EQ(tm().Begin()->Get(kTable, Key(1)), "a+b");
}

TEST_F(RowLockTransactionTest, RollbackReleasesTheLockAndChangesNothing) {
  CommitPut(1, "0");
  auto a = tm().Begin();
  auto b = tm().Begin();
  a->LockRow(kTable, Key(1), {});
  a->Put(kTable, Key(1), "a");
  auto waited = std::async(std::launch::async, [&] { return b->LockRow(kTable, Key(1), {}); });
  std::this_thread::sleep_for(50ms);
  a->Rollback();
  EXPECT_TRUE(waited.get());
  EXPECT_FALSE(b->ChangedSinceSnapshot(kTable, Key(1)));
  b->Put(kTable, Key(1), "b");
  EXPECT_TRUE(b->Commit().ok());
}

TEST_F(RowLockTransactionTest, DestroyingAnOpenTransactionReleasesItsLocks) {
  auto a = tm().Begin();
  a->LockRow(kTable, Key(1), {});
  a.reset();
  auto b = tm().Begin();
  EXPECT_FALSE(b->LockRow(kTable, Key(1), {}));
}

TEST_F(RowLockTransactionTest, CommitChecksEachKeyAgainstItsOwnSnapshot) {
  CommitPut(1, "0");
  CommitPut(2, "0");
  // Read committed: key 1 written under the first statement's snapshot, key 2 under a
  // snapshot refreshed after another transaction changed it.
  auto rc = tm().Begin();
  rc->Put(kTable, Key(1), "rc");
  CommitPut(2, "other");
  rc->RefreshSnapshot();
  rc->Put(kTable, Key(2), "rc");
  EXPECT_TRUE(rc->Commit().ok());

  // A key first written before another transaction changed it still conflicts, even when
  // written again after a refresh.
  auto late = tm().Begin();
  late->Put(kTable, Key(3), "late");
  CommitPut(3, "other");
  late->RefreshSnapshot();
  late->Put(kTable, Key(3), "late again");
  EXPECT_EQ(late->Commit().sqlstate(), "40001");
}

TEST_F(RowLockTransactionTest, ManyWritersOfOneRowLoseNoIncrement) {
  CommitPut(1, "0");
  constexpr int kThreads = 8, kIncrements = 50;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; i++) {
    threads.emplace_back([&] {
      for (int n = 0; n < kIncrements; n++) {
        auto t = tm().Begin();
        t->LockRow(kTable, Key(1), {});
        if (t->ChangedSinceSnapshot(kTable, Key(1))) t->RefreshSnapshot();
        int v = std::stoi(*t->Get(kTable, Key(1)));
        t->Put(kTable, Key(1), std::to_string(v + 1));
        if (!t->Commit().ok()) failures++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(tm().Begin()->Get(kTable, Key(1)), std::to_string(kThreads * kIncrements));
}

}  // namespace
}  // namespace heliosdb
