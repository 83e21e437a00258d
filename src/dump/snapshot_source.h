// SnapshotSource: one consistent read of a database for export, migrate and verify. It opens
// a REPEATABLE READ, READ ONLY transaction and keeps it until destroyed, so the catalog, the
// row counts and every table's rows come from one snapshot while other processes keep
// writing. Rows are read as COPY text (PostgreSQL's text format, UTC, ISO dates) straight
// from the transaction's scan of the table's keyspace (the engine's internal read path).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "dump/dump_catalog.h"
#include "dump/local_session.h"
#include "txn/branch_registry.h"

namespace heliosdb::dump {

class SnapshotSource {
 public:
  explicit SnapshotSource(const std::string& path);
  // Over a database this process keeps open (and other connections may be writing to).
  explicit SnapshotSource(Database& database);
  // The same snapshot (SCN) of `main`'s database, read on another database branch: what
  // that branch showed at the moment `main` was taken. `main` must outlive this.
  SnapshotSource(SnapshotSource& main, const std::string& branch);
  ~SnapshotSource();

  // The database branches other than main, parents before children (by id).
  std::vector<BranchInfo> Branches();
  // The wall-clock time of a commit SCN (microseconds since 2000-01-01), 0 when unknown.
  int64_t TimeOfScn(Scn scn);

  // The catalog of the snapshot, with every table's row count filled in.
  const DumpCatalog& catalog() const { return catalog_; }
  // A piece of whole rows in COPY text, and the storage key of its last row (keys are
  // order-preserving bytes: a later read resumes after one).
  struct RowPiece {
    std::string_view data;
    int64_t rows = 0;
    std::string_view last_key;
  };
  // Streams the table's rows in key order, after the storage key `after` (empty: all), to
  // sink in pieces of about 64 kB, a piece also ending after every multiple of `piece_rows`
  // rows when that is > 0. REQUIRES: the table is in catalog().
  void StreamRows(const DumpTable& table, const std::function<void(const RowPiece&)>& sink,
                  std::string_view after = "", int64_t piece_rows = 0);
  // The settings the rows are rendered under (the dump's config section).
  static const std::vector<std::pair<std::string, std::string>>& RenderSettings();

 private:
  void Begin(Scn pin_at = 0);
  LocalSession session_;
  DumpCatalog catalog_;
};

// The column list of a table for COPY and SELECT: ("a", "b", ...).
std::string ColumnList(const DumpTable& table);

}  // namespace heliosdb::dump
