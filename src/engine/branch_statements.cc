// Branch statements: CREATE / DROP DATABASE BRANCH, SET branch (USE BRANCH), RESTORE DATABASE,
// and the dispatch of MERGE DATABASE BRANCH (branch_merge.cc). Each runs outside a
// transaction block, as PostgreSQL's CREATE DATABASE does: the branch registry is not
// transactional (txn/branch_registry.h).
#include "engine/branch_statements.h"

#include <chrono>

#include "common/exception.h"
#include "common/types/date_time.h"
#include "engine/connection_impl.h"
#include "engine/time_travel_retention.h"
#include "engine/time_travel_source.h"
#include "planner/binder.h"

namespace heliosdb {

namespace {
[[noreturn]] void UndefinedBranch(const std::string& name, int location = 0) {
  ThrowError(sqlstate::kInvalidCatalogName, "database branch \"" + name + "\" does not exist",
             location);
}
}  // namespace

BranchInfo FindBranch(StorageEngine& storage, const std::string& name, int location) {
  std::optional<BranchInfo> b = storage.transactions().branches().Find(name);
  if (!b) UndefinedBranch(name, location);
  return *b;
}

Scn ResolveBranchScn(Connection::Impl& conn, const ast::AsOfClause& clause, int location) {
  StorageEngine& storage = *conn.db->storage;
  Scn scn;
  if (clause.type == ast::AsOfClause::Type::kNow) {
    scn = storage.transactions().last_committed_scn();
  } else {
    bool timestamp = clause.type == ast::AsOfClause::Type::kTimestamp;
    Binder binder(conn.CurrentCatalog());
    binder.set_function_context(conn.MakeFunctionContext());
    BoundExprPtr bound =
        binder.Coerce(binder.BindScalar(*clause.value, Scope()),
                      timestamp ? TypeId::kTimestampTz : TypeId::kBigInt, false,
                      timestamp ? "AS OF TIMESTAMP" : "AS OF SCN", clause.value->location);
    scn = ConnectionTimeTravel(conn).ResolveScn(*bound, timestamp, clause.value->location);
  }
  // Versions older than the horizon may be collected already: the state is not there.
  Scn horizon = RetentionHorizonScn(storage, DatabaseRetention(storage));
  if (scn < horizon)
    ThrowError(sqlstate::kSnapshotTooOld,
               "snapshot too old: SCN " + std::to_string(scn) +
                   " is before the retention horizon (SCN " + std::to_string(horizon) +
                   ", time_travel_retention = '" +
                   storage.GetSetting(kRetentionSetting).value_or(kDefaultRetention) + "')",
               location);
  return scn;
}

void Connection::Impl::SetBranch(const std::string& name) {
  if (in_block)
    ThrowError(sqlstate::kActiveSqlTransaction,
               "cannot change the database branch inside a transaction block");
  FindBranch(*db->storage, name);
  settings.Set("branch", name);
}

QueryResult::Impl Connection::Impl::RunBranchStatement(const ast::Statement& s) {
  static const char* kNames[] = {"CREATE DATABASE BRANCH", "DROP DATABASE BRANCH",
                                 "MERGE DATABASE BRANCH", "RESTORE DATABASE"};
  const char* what = s.kind == ast::StmtKind::kCreateBranch  ? kNames[0]
                     : s.kind == ast::StmtKind::kDropBranch  ? kNames[1]
                     : s.kind == ast::StmtKind::kMergeBranch ? kNames[2]
                                                             : kNames[3];
  if (in_block)
    ThrowError(sqlstate::kActiveSqlTransaction,
               std::string(what) + " cannot run inside a transaction block");
  if (db->options.read_only)
    ThrowError(sqlstate::kReadOnlySqlTransaction,
               std::string("cannot execute ") + what + " in a read-only transaction");
  BranchRegistry& registry = db->storage->transactions().branches();
  switch (s.kind) {
    case ast::StmtKind::kCreateBranch: {
      const auto& create = s.As<ast::CreateBranchStmt>();
      if (!create.options.empty())
        ThrowError(sqlstate::kInvalidParameterValue,
                   "unrecognized database branch option \"" + create.options[0].first + "\"",
                   create.location);
      if (registry.Find(create.name)) {
        if (!create.if_not_exists)
          ThrowError("42P04", "database branch \"" + create.name + "\" already exists",
                     create.location);
        Notify("NOTICE", "42P04",
               "database branch \"" + create.name + "\" already exists, skipping");
        return TagResult("CREATE DATABASE BRANCH");
      }
      BranchInfo parent = create.parent.empty()
                              ? CurrentBranch()
                              : FindBranch(*db->storage, create.parent, create.location);
      ast::AsOfClause now;
      Scn fork = ResolveBranchScn(*this, create.as_of ? *create.as_of : now, create.location);
      auto created = registry.Create(create.name, parent.id, fork, CurrentTimestamp(),
                                     db->options.synchronous_commit && settings.synchronous_commit());
      if (!created.ok()) throw DbException(created.status());
      return TagResult("CREATE DATABASE BRANCH");
    }
    case ast::StmtKind::kDropBranch: {
      const auto& drop = s.As<ast::DropBranchStmt>();
      std::optional<BranchInfo> b = registry.Find(drop.name);
      if (!b) {
        if (!drop.if_exists) UndefinedBranch(drop.name, drop.location);
        Notify("NOTICE", "00000", "database branch \"" + drop.name + "\" does not exist, skipping");
        return TagResult("DROP DATABASE BRANCH");
      }
      if (b->id == kMainBranch)
        ThrowError(sqlstate::kFeatureNotSupported, "cannot drop the main database branch",
                   drop.location);
      if (b->name == settings.Get("branch"))
        ThrowError("55006", "cannot drop the currently open database branch", drop.location);
      for (const BranchInfo& child : registry.List()) {
        if (child.parent != b->id) continue;
        throw DbException(Status::Error(sqlstate::kDependentObjectsStillExist,
                                        "cannot drop database branch \"" + b->name +
                                            "\" because other objects depend on it",
                                        drop.location)
                              .WithDetail("database branch " + child.name +
                                          " depends on database branch " + b->name)
                              .WithHint("Drop the dependent branches first."));
      }
      Status st = registry.Drop(b->id);
      if (!st.ok()) throw DbException(st);
      db->ForgetBranch(b->id);
      return TagResult("DROP DATABASE BRANCH");
    }
    case ast::StmtKind::kMergeBranch:
      return MergeBranch(*this, s.As<ast::MergeBranchStmt>());
    default:
      return RestoreDatabase(*this, s.As<ast::RestoreDatabaseStmt>());
  }
}

}  // namespace heliosdb
