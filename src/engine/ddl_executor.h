// DdlExecutor: runs DDL statements inside the connection's transaction. Catalog changes go
// to the transaction's private catalog and the versioned catalog keyspace, so they commit or
// roll back with the transaction.
#pragma once

#include <string>

#include "engine/connection_impl.h"

namespace heliosdb {

class DdlExecutor {
 public:
  explicit DdlExecutor(Connection::Impl& conn);
  QueryResult::Impl Execute(const ast::Statement& stmt, const std::string& text);

 private:
  QueryResult::Impl CreateTable(const ast::CreateTableStmt& stmt);
  QueryResult::Impl CreateTableAs(const ast::CreateTableStmt& stmt, const std::string& schema,
                                  const std::string& name);
  QueryResult::Impl CreateIndex(const ast::CreateIndexStmt& stmt);
  QueryResult::Impl CreateSchema(const ast::CreateSchemaStmt& stmt);
  QueryResult::Impl CreateSequence(const ast::CreateSequenceStmt& stmt);
  QueryResult::Impl AlterSequence(const ast::CreateSequenceStmt& stmt);
  QueryResult::Impl CreateView(const ast::CreateViewStmt& stmt, const std::string& text);
  QueryResult::Impl Drop(const ast::DropStmt& stmt);
  QueryResult::Impl Truncate(const ast::TruncateStmt& stmt);
  QueryResult::Impl AlterTable(const ast::AlterTableStmt& stmt);
  QueryResult::Impl Analyze(const ast::AnalyzeStmt& stmt);  // ddl_analyze.cc
  void AnalyzeTable(const TableInfo& table);
  // Roles and privileges (ddl_roles.cc, ddl_grant.cc).
  QueryResult::Impl CreateRole(const ast::RoleStmt& stmt);
  QueryResult::Impl AlterRole(const ast::RoleStmt& stmt);
  QueryResult::Impl DropRole(const ast::RoleStmt& stmt);
  QueryResult::Impl GrantPrivileges(const ast::GrantStmt& stmt);
  QueryResult::Impl GrantRoles(const ast::GrantStmt& stmt);
  // Throws 42501 "must be owner of <noun> <name>" unless the current role owns the object.
  void RequireOwner(ObjectId owner, const char* noun, const std::string& name);

  // Shared pieces (ddl_table.cc).
  void AddColumn(TableInfo* table, const ast::ColumnDef& def, std::vector<SequenceInfo>* seqs,
                 std::vector<ast::TableConstraint>* pending);
  void AddConstraint(TableInfo* table, const ast::TableConstraint& c,
                     std::vector<IndexInfo>* new_indexes);
  std::string UniqueRelationName(const std::string& schema, const std::string& base) const;
  ObjectId NewObjectId();
  std::string SchemaFor(const std::string& schema, int location) const;
  // Fills a new index's entries from the table's rows; 23505 on duplicates of a unique one.
  void BuildIndex(const TableInfo& table, const IndexInfo& index);
  // Rewrites every row of `before` into the layout of `after` (ADD COLUMN with a default,
  // ALTER COLUMN TYPE, a new or dropped primary key); fill computes the new row from the old
  // one. Index entries are rewritten too: old_indexes are the definitions the existing entries
  // were made with, the catalog's current ones make the new entries.
  void RewriteRows(const TableInfo& before, const TableInfo& after,
                   const std::vector<IndexInfo>& old_indexes,
                   const std::function<std::vector<Value>(const std::vector<Value>&)>& fill);
  std::vector<IndexInfo> IndexesOf(ObjectId table) const;
  void DeleteAllRows(const TableInfo& table);
  // Views that read the table or view `id`, directly or through other views.
  std::vector<ViewInfo> DependentViews(ObjectId id) const;
  // Refuses (2BP01) or, with CASCADE, drops the views that depend on object `id`.
  void DropDependentViews(ObjectId id, const std::string& noun, const std::string& name,
                          bool cascade);
  ExecContext MakeExecContext();
  // WITH (key = value) options as the catalog stores them: the value's text, "true" if bare.
  static std::map<std::string, std::string> OptionTexts(const ast::OptionList& options,
                                                        const std::string& prefix = "");

  Connection::Impl& conn_;
  Catalog& catalog_;
  Transaction& txn_;
};

}  // namespace heliosdb
