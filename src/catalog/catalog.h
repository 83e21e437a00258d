// Catalog: the schema objects visible to one transaction, kept in memory for lookups and
// persisted as entries of the catalog keyspace (object kCatalogObjectId) in the same
// versioned store as the data:
//   key   EncodeKey({kind, object id})
//   value the entry, serialized by catalog_codec.cc (format drawn there)
// A Catalog is immutable once shared between connections (Database keeps the newest
// committed one); a transaction that runs DDL works on its own Clone().
// Name resolution: unqualified names search the session's search path (SearchPathScope),
// "public" then "pg_catalog" by default.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog_entry.h"

namespace heliosdb {

// Installs a session's search path for the catalog lookups of the current thread while a
// statement runs (a connection runs on one thread at a time). Scopes nest.
class SearchPathScope {
 public:
  explicit SearchPathScope(const std::vector<std::string>& path);
  ~SearchPathScope();
  // The path in force on this thread: the innermost scope's, or {"public", "pg_catalog"}.
  static const std::vector<std::string>& Current();

 private:
  const std::vector<std::string>* saved_;
};

// Parses a search_path setting ("\"$user\", public, app") into schema names.
std::vector<std::string> ParseSearchPath(const std::string& setting);

class Catalog {
 public:
  // Reads every entry visible to txn. An empty store yields the built-in schemas.
  static std::shared_ptr<Catalog> Load(Transaction& txn);
  std::shared_ptr<Catalog> Clone() const { return std::make_shared<Catalog>(*this); }

  const SchemaInfo* FindSchema(const std::string& name) const;
  // schema empty: the search path. Returns nullptr when absent.
  const TableInfo* FindTable(const std::string& schema, const std::string& name) const;
  const ViewInfo* FindView(const std::string& schema, const std::string& name) const;
  const IndexInfo* FindIndex(const std::string& schema, const std::string& name) const;
  const SequenceInfo* FindSequence(const std::string& schema, const std::string& name) const;
  const TableInfo* GetTable(ObjectId id) const;
  const IndexInfo* GetIndex(ObjectId id) const;
  std::vector<const IndexInfo*> TableIndexes(ObjectId table_id) const;
  const RoleInfo* FindRole(const std::string& name) const;
  const RoleInfo* GetRole(ObjectId id) const;
  // ANALYZE's statistics of a table; null before the first ANALYZE.
  const TableStats* GetStatistics(ObjectId table_id) const;
  // Tables whose foreign keys reference table_id.
  std::vector<const TableInfo*> ReferencingTables(ObjectId table_id) const;
  // Tables, views, indexes and sequences share one namespace per schema, as in PostgreSQL.
  bool RelationExists(const std::string& schema, const std::string& name) const;
  // The schema an unqualified new object goes to: the first existing one on the search path.
  std::string DefaultSchema() const;

  const std::map<ObjectId, TableInfo>& tables() const { return tables_; }
  const std::map<ObjectId, IndexInfo>& indexes() const { return indexes_; }
  const std::map<ObjectId, ViewInfo>& views() const { return views_; }
  const std::map<ObjectId, SequenceInfo>& sequences() const { return sequences_; }
  const std::map<ObjectId, SchemaInfo>& schemas() const { return schemas_; }
  const std::map<ObjectId, RoleInfo>& roles() const { return roles_; }

  // Mutations write the entry through txn and update this (private) catalog.
  void PutSchema(Transaction& txn, const SchemaInfo& schema);
  void PutTable(Transaction& txn, const TableInfo& table);
  void PutIndex(Transaction& txn, const IndexInfo& index);
  void PutView(Transaction& txn, const ViewInfo& view);
  void PutSequence(Transaction& txn, const SequenceInfo& sequence);
  void PutStatistics(Transaction& txn, const TableStats& stats);
  void PutRole(Transaction& txn, const RoleInfo& role);
  // Dropping a table drops its statistics too.
  void Drop(Transaction& txn, CatalogKind kind, ObjectId id);

 private:
  std::string ResolveSchema(const std::string& schema, const std::string& name,
                            CatalogKind kind) const;
  template <typename T>
  const T* FindIn(const std::map<ObjectId, T>& entries, const std::string& schema,
                  const std::string& name) const;

  std::map<ObjectId, SchemaInfo> schemas_;
  std::map<ObjectId, TableInfo> tables_;
  std::map<ObjectId, IndexInfo> indexes_;
  std::map<ObjectId, ViewInfo> views_;
  std::map<ObjectId, SequenceInfo> sequences_;
  std::map<ObjectId, TableStats> statistics_;
  std::map<ObjectId, RoleInfo> roles_;
};

// Entry (de)serialization, catalog_codec.cc.
std::string SerializeEntry(const SchemaInfo& e);
std::string SerializeEntry(const TableInfo& e);
std::string SerializeEntry(const IndexInfo& e);
std::string SerializeEntry(const ViewInfo& e);
std::string SerializeEntry(const SequenceInfo& e);
std::string SerializeEntry(const TableStats& e);
std::string SerializeEntry(const RoleInfo& e);
SchemaInfo DeserializeSchema(std::string_view bytes);
TableInfo DeserializeTable(std::string_view bytes);
IndexInfo DeserializeIndex(std::string_view bytes);
ViewInfo DeserializeView(std::string_view bytes);
SequenceInfo DeserializeSequence(std::string_view bytes);
TableStats DeserializeStatistics(std::string_view bytes);
RoleInfo DeserializeRole(std::string_view bytes);

}  // namespace heliosdb
