// The OIDs pg_catalog shows. Built-in objects keep PostgreSQL's numbers (types as the wire
// protocol reports them, pg_catalog = 11, public = 2200, the bootstrap role = 10); user
// objects get 16384 + their catalog object id, which is stable for the object's life.
// A primary key has no index entry of its own (rows are keyed by it) and constraints no
// object id, so both are numbered in ranges of their own above every object id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"

namespace heliosdb::system_catalog {

constexpr int64_t kBootstrapRoleOid = 10;
constexpr int64_t kDatabaseOwnerRoleOid = 6171;  // pg_database_owner, owner of public
constexpr int64_t kDatabaseOid = 16384;          // the one database a server serves
constexpr int64_t kHeapAmOid = 2;
constexpr int64_t kBtreeAmOid = 403;
constexpr const char* kOwnerName = "heliosdb";     // the bootstrap role
constexpr const char* kDatabaseName = "heliosdb";  // current_database()

int64_t RelationOid(ObjectId id);
int64_t PrimaryKeyIndexOid(ObjectId table_id);
int64_t ConstraintOid(ObjectId table_id, size_t constraint);
int64_t NamespaceOid(const Catalog& catalog, const std::string& schema);
int64_t AccessMethodOid(const std::string& method);

// A built-in type as pg_type shows it.
struct BuiltinType {
  std::string name;  // typname
  LogicalType type;
  int64_t oid;
  int64_t array_oid;  // 0 for array types themselves
  int typlen;         // -1: variable length
  char category;      // typcategory
};
const std::vector<BuiltinType>& BuiltinTypes();
const BuiltinType* FindBuiltinType(int64_t oid);

// One function overload as pg_proc lists it; OIDs number the registry's overloads in name
// order, so they are the same in every session of one build.
struct ProcEntry {
  int64_t oid;
  std::string name;
  std::vector<int64_t> arg_oids;
  int64_t result_oid;
  char kind;  // 'f' function, 'a' aggregate
  bool variadic;
  bool is_volatile;
};
const std::vector<ProcEntry>& Procs();
const ProcEntry* FindProc(int64_t oid);

// One relation pg_class lists: a table, view, sequence, index or primary key.
struct RelationEntry {
  int64_t oid;
  std::string schema;
  std::string name;
  char relkind;
  ObjectId table_id = 0;  // indexes: the indexed table
};
std::vector<RelationEntry> Relations(const Catalog& catalog);

// The text of pg_get_indexdef / pg_get_constraintdef for every index and constraint.
std::vector<std::pair<int64_t, std::string>> IndexDefinitions(const Catalog& catalog);
std::vector<std::pair<int64_t, std::string>> ConstraintDefinitions(const Catalog& catalog);

}  // namespace heliosdb::system_catalog
