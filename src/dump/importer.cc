#include "dump/importer.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "common/exception.h"
#include "dump/ddl_script.h"
#include "dump/dump_walker.h"
#include "dump/local_session.h"
#include "dump/progress.h"
#include "dump/snapshot_source.h"
#include "engine/connection_impl.h"
#include "parser/ast_printer.h"

namespace heliosdb::dump {

namespace {

// Rows loaded per transaction: bounds the writes a transaction buffers (a failed import
// removes the whole new database, so a table need not load atomically).
constexpr size_t kBytesPerTransaction = 16 << 20;

bool HoldsObjects(LocalSession& session) {
  const Catalog& c = session.connection().impl()->CurrentCatalog();
  bool user_schema = false;
  for (const auto& [id, s] : c.schemas())
    user_schema |= s.name != "public" && s.name != "pg_catalog" && s.name != "information_schema";
  bool any = user_schema || !c.tables().empty() || !c.views().empty() || !c.sequences().empty();
  session.Exec("ROLLBACK");
  return any;
}

// A branch is recreated from its parent as imported (AS OF NOW: the parent's state at the
// export), then made to show what it showed in the source: the parent's views, sequences and
// tables are dropped on the branch and the branch's own are created and loaded. Its data is
// the same; its own keyspace holds every row it shows (docs/format/dump_v2.md, "Branches").
std::vector<std::string> BranchSetup(const DumpBranch& branch, const DumpCatalog& parent,
                                     const DdlOptions& ddl) {
  std::vector<std::string> out = {
      "SET branch = main",
      "CREATE DATABASE BRANCH " + QuoteIdentifier(branch.name) + " FROM " +
          QuoteIdentifier(branch.parent) + " AS OF NOW",
      "SET branch = " + QuoteIdentifier(branch.name)};
  for (auto v = parent.views.rbegin(); v != parent.views.rend(); ++v)
    out.push_back("DROP VIEW IF EXISTS " + QualifiedName(v->schema, v->name) + " CASCADE");
  for (auto t = parent.tables.rbegin(); t != parent.tables.rend(); ++t)
    out.push_back("DROP TABLE IF EXISTS " + QualifiedName(t->schema, t->name) + " CASCADE");
  for (const DumpSequence& s : parent.sequences)
    out.push_back("DROP SEQUENCE IF EXISTS " + QualifiedName(s.schema, s.name) + " CASCADE");
  DumpCatalog own = branch.catalog;  // schemas the parent has exist on the branch already
  std::erase_if(own.schemas, [&](const std::string& s) {
    return std::find(parent.schemas.begin(), parent.schemas.end(), s) != parent.schemas.end();
  });
  for (const std::string& sql : PreDataDdl(own, ddl)) out.push_back(sql);
  return out;
}

void Load(const std::string& file, LocalSession& session, int64_t total_rows, ImportStats* stats) {
  for (const auto& [name, value] : SnapshotSource::RenderSettings())
    session.Exec("SET " + name + " = '" + value + "'");
  DdlOptions ddl;
  ddl.target = DdlTarget::kHelios;
  DumpReader reader(file);
  Progress progress("import", total_rows);
  DumpHandlers handlers;
  handlers.progress = &progress;
  std::map<std::string, DumpCatalog> loaded;  // by branch
  const DumpCatalog* current = nullptr;       // whose tables are being loaded
  auto finish = [&] {
    if (current)
      for (const std::string& sql : PostDataDdl(*current, ddl)) session.Exec(sql);
  };
  handlers.on_catalog = [&](const DumpCatalog& c) {
    for (const std::string& sql : PreDataDdl(c, ddl)) session.Exec(sql);
    current = &(loaded["main"] = c);
  };
  handlers.on_table = [&](const DumpTable& t, DumpRowsStream& rows) {
    std::string copy =
        "COPY " + QualifiedName(t.schema, t.name) + " " + ColumnList(t) + " FROM STDIN";
    do {
      rows.BeginStatement(kBytesPerTransaction);
      session.Copy(copy, &rows);
    } while (!rows.ended());
    stats->tables++;
    stats->rows += rows.rows();
  };
  handlers.on_branch = [&](const DumpBranch& b) {
    finish();  // the parent is complete before the branch forks from it
    auto parent = loaded.find(b.parent);
    if (parent == loaded.end() || loaded.count(b.name))
      ThrowError(sqlstate::kDataCorrupted, "dump file: branch \"" + b.name +
                                               "\" has no parent \"" + b.parent +
                                               "\" before it (or comes twice)");
    for (const std::string& sql : BranchSetup(b, parent->second, ddl)) session.Exec(sql);
    current = &(loaded[b.name] = b.catalog);
    stats->branches++;
  };
  WalkDump(reader, handlers);
  finish();
  session.Exec("SET branch = main");
}

}  // namespace

ImportStats ImportDump(const std::string& file, const std::string& db_path,
                       const ImportOptions& options) {
  // First pass: the whole file must be sound before the target is touched.
  int64_t total_rows = 0;
  {
    DumpReader check(file);
    WalkDump(check, {});
    total_rows = static_cast<int64_t>(check.rows());
  }
  const bool existed = std::filesystem::exists(db_path);
  ImportStats stats;
  try {
    LocalSession session(db_path, /*create_if_missing=*/true, /*read_only=*/false);
    if (!options.force && HoldsObjects(session))
      ThrowError(sqlstate::kObjectNotInPrerequisiteState,
                 "database \"" + db_path + "\" is not empty; use --force to import into it");
    Load(file, session, total_rows, &stats);
  } catch (...) {
    if (!existed) {
      std::error_code ignored;
      std::filesystem::remove_all(db_path, ignored);
    }
    throw;
  }
  return stats;
}

}  // namespace heliosdb::dump
