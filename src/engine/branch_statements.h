// The engine side of database branches (txn/branch_registry.h holds the registry and
// txn/visible_iterator.h the read-through): statements, system functions and the helpers
// they share. Defined in branch_statements.cc, branch_restore.cc, branch_compare.cc and
// branch_merge.cc.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "engine/connection_impl.h"
#include "txn/branch_registry.h"

namespace heliosdb {

// 3D000 when no branch has that name.
BranchInfo FindBranch(StorageEngine& storage, const std::string& name, int location = 0);
// The SCN an AS OF NOW | TIMESTAMP | SCN clause names, checked against the retention horizon
// (72000 before it, as time travel reports).
Scn ResolveBranchScn(Connection::Impl& conn, const ast::AsOfClause& clause, int location);
// Every object id with a stored version in any keyspace of `layers`.
std::set<ObjectId> StoredObjects(KvStore& kv, const std::vector<BranchLayer>& layers);

// RESTORE DATABASE TO ... on the session's branch (branch_restore.cc).
QueryResult::Impl RestoreDatabase(Connection::Impl& conn, const ast::RestoreDatabaseStmt& stmt);
// MERGE DATABASE BRANCH (branch_merge.cc).
QueryResult::Impl MergeBranch(Connection::Impl& conn, const ast::MergeBranchStmt& stmt);
// pg_database_branches() and pg_compare_branches(a, b) (branch_compare.cc): the column names,
// types and rows.
struct SystemRows {
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  std::vector<std::vector<Value>> rows;
};
SystemRows DatabaseBranches(Connection::Impl& conn);
SystemRows CompareBranches(Connection::Impl& conn, const std::string& left,
                           const std::string& right);

}  // namespace heliosdb
