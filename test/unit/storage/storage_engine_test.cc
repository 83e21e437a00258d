#include "storage/storage_engine.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <thread>

#include "common/exception.h"
#include "storage/key_codec.h"
#include "test_db.h"

namespace heliosdb {
namespace {

namespace fs = std::filesystem;

std::set<std::string> ListDir(const std::string& path) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(path)) names.insert(e.path().filename().string());
  return names;
}

TEST(StorageEngineTest, CreatesDirectoryWithMarker) {
  TempDir dir;
  auto db = OpenOrDie(dir.Sub("a/b/db"));
  ASSERT_NE(db, nullptr);
  EXPECT_TRUE(fs::exists(dir.Sub("a/b/db/HELIOSDB")));
  EXPECT_EQ(db->transactions().last_committed_scn(), 0u);
}

TEST(StorageEngineTest, EmptyExistingDirectoryIsCreatedIn) {
  TempDir dir;
  fs::create_directory(dir.Sub("empty"));
  EXPECT_NE(OpenOrDie(dir.Sub("empty")), nullptr);
}

TEST(StorageEngineTest, MissingPathWithoutCreateIs3D000) {
  TempDir dir;
  StorageOptions o;
  o.create_if_missing = false;
  auto r = StorageEngine::Open(dir.Sub("nope"), o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().sqlstate(), "3D000");
  EXPECT_EQ(r.status().message(), "database \"" + dir.Sub("nope") + "\" does not exist");
  EXPECT_FALSE(fs::exists(dir.Sub("nope")));
}

TEST(StorageEngineTest, ForeignDirectoryIsNotOursAndUntouched) {
  TempDir dir;
  fs::create_directory(dir.Sub("foreign"));
  std::ofstream(dir.Sub("foreign/notes.txt")) << "hello";
  auto before = ListDir(dir.Sub("foreign"));
  auto r = StorageEngine::Open(dir.Sub("foreign"), StorageOptions());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().sqlstate(), "XX001");
  EXPECT_EQ(r.status().message(), "\"" + dir.Sub("foreign") + "\" is not a HeliosDB database");
  EXPECT_EQ(ListDir(dir.Sub("foreign")), before);
}

TEST(StorageEngineTest, RegularFileIsNotOurs) {
  TempDir dir;
  std::ofstream(dir.Sub("file.db")) << "SQLite format 3";
  auto r = StorageEngine::Open(dir.Sub("file.db"), StorageOptions());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().sqlstate(), "XX001");
  std::ifstream in(dir.Sub("file.db"));
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "SQLite format 3");
}

TEST(StorageEngineTest, OtherFormatVersionFailsAndChangesNothing) {
  TempDir dir;
  { OpenOrDie(dir.Sub("db")); }
  std::ofstream(dir.Sub("db/HELIOSDB"), std::ios::trunc) << "HELIOSDB format 99\n";
  auto before = ListDir(dir.Sub("db"));
  auto r = StorageEngine::Open(dir.Sub("db"), StorageOptions());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().sqlstate(), "XX001");
  EXPECT_NE(r.status().message().find("format version 99, this build reads 1"), std::string::npos)
      << r.status().message();
  EXPECT_EQ(ListDir(dir.Sub("db")), before);
}

TEST(StorageEngineTest, SecondOpenIsLocked) {
  TempDir dir;
  auto db = OpenOrDie(dir.Sub("db"));
  auto r = StorageEngine::Open(dir.Sub("db"), StorageOptions());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().sqlstate(), "55006");
  EXPECT_EQ(r.status().message(),
            "database \"" + dir.Sub("db") + "\" is locked by another process");
}

TEST(StorageEngineTest, ReadOnlyOpenReadsButDoesNotWrite) {
  TempDir dir;
  {
    auto db = OpenOrDie(dir.Sub("db"));
    auto t = db->transactions().Begin();
    t->Put(1, "k", "v");
    ASSERT_TRUE(t->Commit().ok());
  }
  StorageOptions o;
  o.read_only = true;
  auto db = OpenOrDie(dir.Sub("db"), o);
  ASSERT_NE(db, nullptr);
  auto t = db->transactions().Begin();
  EXPECT_EQ(t->Get(1, "k"), "v");
  t->Put(1, "k", "w");
  EXPECT_FALSE(t->Commit().ok());
  EXPECT_THROW(db->IncrementCounter("c"), DbException);
}

TEST(StorageEngineTest, CountersAreMonotonicAcrossReopen) {
  TempDir dir;
  {
    auto db = OpenOrDie(dir.Sub("db"));
    EXPECT_EQ(db->IncrementCounter("rowid"), 1);
    EXPECT_EQ(db->IncrementCounter("rowid", 10), 11);
    EXPECT_EQ(db->IncrementCounter("other"), 1);
  }
  {
    auto db = OpenOrDie(dir.Sub("db"));
    EXPECT_EQ(db->IncrementCounter("rowid"), 12);  // clean close: nothing skipped
    db->SetCounter("seq", 100);
    EXPECT_EQ(db->IncrementCounter("seq", 5), 105);
    db->SetCounter("seq", 1);
    EXPECT_EQ(db->IncrementCounter("seq"), 2);
  }
  auto db = OpenOrDie(dir.Sub("db"));
  EXPECT_EQ(db->IncrementCounter("seq"), 3);
  EXPECT_EQ(db->IncrementCounter("other"), 2);
}

TEST(StorageEngineTest, CountersNeverRepeatAfterCrash) {
  TempDir dir;
  auto db = OpenOrDie(dir.Sub("db"));
  int64_t last = 0;
  for (int i = 0; i < 2500; i++) last = db->IncrementCounter("c");
  // A copy of the open directory is what a kill -9 leaves behind.
  fs::copy(dir.Sub("db"), dir.Sub("crashed"), fs::copy_options::recursive);
  auto crashed = OpenOrDie(dir.Sub("crashed"));
  EXPECT_GT(crashed->IncrementCounter("c"), last);
}

TEST(StorageEngineTest, CountersAreThreadSafe) {
  TempDir dir;
  auto db = OpenOrDie(dir.Sub("db"));
  std::vector<std::thread> threads;
  std::vector<std::vector<int64_t>> got(4);
  for (int t = 0; t < 4; t++) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3000; i++) got[t].push_back(db->IncrementCounter("c"));
    });
  }
  for (auto& th : threads) th.join();
  std::set<int64_t> all;
  for (auto& v : got) all.insert(v.begin(), v.end());
  EXPECT_EQ(all.size(), 12000u);
  EXPECT_EQ(*all.rbegin(), 12000);
}

// kill -9 in the middle of a log write leaves a torn record at the log's tail: the database
// must open, with every commit synced before it.
TEST(StorageEngineTest, TornLogTailIsDiscardedOnOpen) {
  TempDir dir;
  auto db = OpenOrDie(dir.Sub("db"));
  constexpr int kCommits = 20;
  for (int i = 0; i < kCommits; i++) {
    auto t = db->transactions().Begin();
    t->Put(7, EncodeKey({Value::BigInt(i)}), std::string(100, 'a' + i % 26));
    ASSERT_TRUE(t->Commit().ok());
  }
  fs::copy(dir.Sub("db"), dir.Sub("crashed"), fs::copy_options::recursive);
  fs::path newest_log;
  for (const auto& e : fs::directory_iterator(dir.Sub("crashed"))) {
    if (e.path().extension() == ".log" &&
        (newest_log.empty() || e.path().filename() > newest_log.filename())) {
      newest_log = e.path();
    }
  }
  ASSERT_FALSE(newest_log.empty());
  auto size = fs::file_size(newest_log);
  ASSERT_GT(size, 10u);
  fs::resize_file(newest_log, size - 5);

  auto reopened = OpenOrDie(dir.Sub("crashed"));
  ASSERT_NE(reopened, nullptr);
  Scn last = reopened->transactions().last_committed_scn();
  EXPECT_EQ(last, static_cast<Scn>(kCommits - 1));  // the torn last commit is gone
  auto t = reopened->transactions().Begin();
  for (int i = 0; i < kCommits - 1; i++) {
    EXPECT_EQ(t->Get(7, EncodeKey({Value::BigInt(i)})), std::string(100, 'a' + i % 26)) << i;
  }
  EXPECT_FALSE(t->Get(7, EncodeKey({Value::BigInt(kCommits - 1)})).has_value());
  // And the database keeps working: the next commit takes the next SCN.
  auto w = reopened->transactions().Begin();
  w->Put(7, "x", "y");
  Scn scn = 0;
  ASSERT_TRUE(w->Commit(&scn).ok());
  EXPECT_EQ(scn, last + 1);
}

}  // namespace
}  // namespace heliosdb
