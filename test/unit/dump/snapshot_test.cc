// An export taken while another connection commits two-table transactions holds each of them
// in both tables or in neither (one snapshot), and the catalog round-trips through its encoding.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include "dump/dump_walker.h"
#include "dump/exporter.h"
#include "dump/snapshot_source.h"
#include "engine/copy_format.h"
#include "heliosdb/database.h"

namespace heliosdb::dump {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / (name + std::to_string(::getpid()))).string();
}

TEST(Snapshot, ExportUnderConcurrentWritesIsOneSnapshot) {
  std::string db_path = TempPath("snapshot_test_db_"), file = TempPath("snapshot_test_dump_");
  std::filesystem::remove_all(db_path);
  Options options;
  options.synchronous_commit = false;
  auto db = Database::Open(db_path, options);
  ASSERT_TRUE(db.ok());
  auto setup = db.value()->Connect();
  ASSERT_TRUE(setup
                  ->Execute("CREATE TABLE a (k bigint PRIMARY KEY); "
                            "CREATE TABLE b (k bigint PRIMARY KEY, note text)")
                  .ok());
  std::atomic<bool> stop{false};
  std::atomic<int64_t> committed{0};
  std::thread writer([&] {
    auto conn = db.value()->Connect();
    for (int64_t i = 1; !stop; i++) {
      std::string k = std::to_string(i);
      auto r = conn->Execute("BEGIN; INSERT INTO a VALUES (" + k + "); INSERT INTO b VALUES (" + k +
                             ", 'row " + k + "'); COMMIT");
      ASSERT_TRUE(r.ok()) << r.status().message();
      committed = i;
    }
  });
  while (committed < 200) std::this_thread::yield();
  for (int round = 0; round < 3; round++) {
    {
      SnapshotSource source(*db.value());
      ExportDump(source, file, ExportOptions{});
    }
    std::map<std::string, std::set<std::string>> keys;
    DumpReader reader(file);
    DumpHandlers h;
    h.on_table = [&](const DumpTable& t, DumpRowsStream& rows) {
      std::string data;
      CopyOptions copy;
      CopyRowReader rr(copy);
      while (rows.Read(&data)) rr.Feed(data);
      std::vector<CopyField> fields;
      while (rr.NextRow(&fields, true)) keys[t.name].insert(*fields[0]);
    };
    WalkDump(reader, h);
    EXPECT_GT(keys["a"].size(), 0u);
    EXPECT_EQ(keys["a"], keys["b"]) << "round " << round;
  }
  stop = true;
  writer.join();
  EXPECT_GT(committed.load(), 200);
  std::filesystem::remove(file);
  setup.reset();
  db.value().reset();
  std::filesystem::remove_all(db_path);
}

TEST(DumpCatalogCodec, RoundTrip) {
  DumpCatalog c;
  c.schemas = {"app"};
  DumpTable t;
  t.schema = "app";
  t.name = "t";
  t.columns = {{"id", "integer", true, "", true, false, false, "t_id_seq"},
               {"v", "numeric(10,2)", false, "0", false, false, false, ""}};
  t.primary_key = {"id"};
  t.constraints = {{"t_pkey",
                    ConstraintKind::kPrimaryKey,
                    {"id"},
                    "",
                    "",
                    "",
                    {},
                    FkAction::kNoAction,
                    FkAction::kNoAction},
                   {"t_fk",
                    ConstraintKind::kForeignKey,
                    {"v"},
                    "",
                    "public",
                    "u",
                    {"x"},
                    FkAction::kCascade,
                    FkAction::kSetNull}};
  t.options = {{"fillfactor", "70"}};
  t.rows = 12;
  c.tables.push_back(t);
  c.indexes.push_back({"app", "t_v", "t", {"v"}, {true}, false, "btree", {}});
  c.views.push_back({"public", "v", {"a"}, "SELECT 1"});
  c.sequences.push_back({"app", "t_id_seq", "integer", 1, 1, 1, 2147483647, false, "t.id", 13});
  DumpCatalog back = DumpCatalog::Decode(c.Encode());
  EXPECT_EQ(back.Encode(), c.Encode());
  ASSERT_EQ(back.tables.size(), 1u);
  EXPECT_EQ(back.tables[0].constraints[1].on_update, FkAction::kSetNull);
  EXPECT_EQ(back.sequences[0].next_value, 13);
  EXPECT_THROW(DumpCatalog::Decode(c.Encode().substr(0, 20)), DbException);
}

}  // namespace
}  // namespace heliosdb::dump
