// Time travel at the transaction layer: a randomized workload whose committed states are
// replayed through BeginAt(scn) (AS OF SCN), and the version-collecting compaction filter,
// which drops history past the horizon but keeps what an open snapshot or the newest version
// needs.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "../storage/test_db.h"
#include "storage/key_codec.h"
#include "storage/kv_store.h"
#include "storage/version_collector.h"
#include "storage/version_key.h"
#include "txn/version_history.h"

namespace heliosdb {
namespace {

constexpr ObjectId kTable = 100;

std::string Key(int64_t i) {
  return EncodeKey({Value::BigInt(i)});
}

std::map<std::string, std::string> ReadAll(Transaction& t) {
  std::map<std::string, std::string> out;
  for (auto it = t.Scan(kTable, "", ""); it->Valid(); it->Next())
    out[std::string(it->key())] = std::string(it->value());
  return out;
}

size_t StoredVersions(StorageEngine& db, int64_t key) {
  VersionHistory history(&db.kv(), kMainBranch, kTable, UINT64_MAX);
  while (history.NextKey())
    if (history.key() == Key(key)) return history.versions().size();
  return 0;
}

TEST(TimeTravelTest, RandomWorkloadReplaysAsOfEveryScn) {
  TempDir dir;
  auto db = OpenOrDie(dir.Sub("db"));
  std::mt19937 rng(20261122);
  std::map<std::string, std::string> state;
  std::map<Scn, std::map<std::string, std::string>> history;
  for (int step = 0; step < 300; step++) {
    auto t = db->transactions().Begin();
    std::map<std::string, std::string> next = state;
    int writes = 1 + static_cast<int>(rng() % 4);
    for (int w = 0; w < writes; w++) {
      std::string k = Key(static_cast<int64_t>(rng() % 40));
      if (rng() % 4 == 0) {
        t->Delete(kTable, k);
        next.erase(k);
      } else {
        std::string v = "v" + std::to_string(step) + "." + std::to_string(w);
        t->Put(kTable, k, v);
        next[k] = v;
      }
    }
    if (rng() % 10 == 0) {  // some transactions roll back: their writes never show
      t->Rollback();
      continue;
    }
    Scn scn = 0;
    ASSERT_TRUE(t->Commit(&scn).ok());
    state = std::move(next);
    history[scn] = state;
  }
  // Every recorded SCN, and the SCNs between (the state of the last commit before them).
  std::map<std::string, std::string> expected;
  Scn last = db->transactions().last_committed_scn();
  for (Scn scn = 1; scn <= last; scn++) {
    if (history.count(scn)) expected = history[scn];
    auto r = db->transactions().BeginAt(scn, TransactionOptions());
    ASSERT_EQ(ReadAll(*r), expected) << "AS OF SCN " << scn;
    for (int64_t k = 0; k < 40; k++) {  // point reads agree with the scan
      auto v = r->Get(kTable, Key(k));
      auto e = expected.find(Key(k));
      ASSERT_EQ(v.has_value(), e != expected.end());
      if (v) {
        ASSERT_EQ(*v, e->second);
      }
    }
  }
}

TEST(TimeTravelTest, CompactionDropsHistoryPastHorizonButKeepsOpenSnapshots) {
  TempDir dir;
  auto db = OpenOrDie(dir.Sub("db"));
  auto put = [&](int64_t k, const std::string& v) {
    auto t = db->transactions().Begin();
    t->Put(kTable, Key(k), v);
    Scn scn = 0;
    EXPECT_TRUE(t->Commit(&scn).ok());
    return scn;
  };
  for (int i = 0; i < 5; i++) put(1, "old" + std::to_string(i));
  Scn pinned_scn = put(1, "pinned");
  auto reader = db->transactions().BeginAt(pinned_scn, TransactionOptions());
  for (int i = 0; i < 5; i++) put(1, "new" + std::to_string(i));
  put(2, "only");
  ASSERT_EQ(StoredVersions(*db, 1), 11u);

  // The tiniest retention: everything up to the last commit is past the horizon, except what
  // the open snapshot sees.
  auto collect = [&] {
    db->kv().SetVersionCollector([&] {
      RetentionHorizons h;
      h.default_horizon = std::min(db->transactions().last_committed_scn(),
                                   db->transactions().oldest_snapshot_scn());
      return std::make_unique<VersionCollector>(h);
    });
    ASSERT_TRUE(db->kv().CompactAll().ok());
  };
  collect();
  // Kept: the five newer versions (the newest, and those between it and the snapshot) and
  // the version the open snapshot reads; gone: the five older ones.
  EXPECT_EQ(StoredVersions(*db, 1), 6u);
  EXPECT_EQ(reader->Get(kTable, Key(1)).value_or(""), "pinned");
  EXPECT_EQ(StoredVersions(*db, 2), 1u);  // the newest version of a key always stays

  reader->Rollback();
  collect();
  EXPECT_EQ(StoredVersions(*db, 1), 1u);
  auto now = db->transactions().Begin();
  EXPECT_EQ(now->Get(kTable, Key(1)).value_or(""), "new4");
  EXPECT_EQ(now->Get(kTable, Key(2)).value_or(""), "only");
}

TEST(TimeTravelTest, CollectorKeepsNewestAndEverythingWithoutHorizon) {
  std::string k1, k2, k3;
  AppendVersionKey(kMainBranch, kTable, Key(1), 9, &k1);
  AppendVersionKey(kMainBranch, kTable, Key(1), 5, &k2);
  AppendVersionKey(kMainBranch, kTable, Key(1), 2, &k3);
  VersionCollector none{RetentionHorizons()};
  EXPECT_FALSE(none.Drop(k1));
  EXPECT_FALSE(none.Drop(k2));
  EXPECT_FALSE(none.Drop(k3));
  RetentionHorizons h;
  h.default_horizon = 6;  // the version at 5 is what a read at 6 sees: only 2 may go
  VersionCollector some(h);
  EXPECT_FALSE(some.Drop(k1));
  EXPECT_FALSE(some.Drop(k2));
  EXPECT_TRUE(some.Drop(k3));
}

}  // namespace
}  // namespace heliosdb
