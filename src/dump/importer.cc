#include "dump/importer.h"

#include <filesystem>

#include "common/exception.h"
#include "dump/ddl_script.h"
#include "dump/dump_walker.h"
#include "dump/local_session.h"
#include "dump/progress.h"
#include "dump/snapshot_source.h"
#include "engine/connection_impl.h"

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

void Load(const std::string& file, LocalSession& session, int64_t total_rows, ImportStats* stats) {
  for (const auto& [name, value] : SnapshotSource::RenderSettings())
    session.Exec("SET " + name + " = '" + value + "'");
  DdlOptions ddl;
  ddl.target = DdlTarget::kHelios;
  DumpReader reader(file);
  Progress progress("import", total_rows);
  DumpHandlers handlers;
  handlers.progress = &progress;
  handlers.on_catalog = [&](const DumpCatalog& c) {
    for (const std::string& sql : PreDataDdl(c, ddl)) session.Exec(sql);
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
  DumpCatalog catalog = WalkDump(reader, handlers);
  for (const std::string& sql : PostDataDdl(catalog, ddl)) session.Exec(sql);
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
