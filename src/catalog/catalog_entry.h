// Catalog entries: schemas, tables (with columns and constraints), indexes, views and
// sequences. Entries are plain values; the Catalog (catalog.h) owns them and persists them in
// the versioned keyspace, so DDL is transactional and visible to time travel and branches.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/types.h"
#include "txn/transaction.h"

namespace heliosdb {

enum class CatalogKind : uint8_t {
  kSchema = 1,
  kTable = 2,
  kIndex = 3,
  kView = 4,
  kSequence = 5,
  kStatistics = 6,  // a table's ANALYZE statistics, keyed by the table's id
  kRole = 7,
};

// Object ids below kFirstUserObjectId are the catalog's own keyspaces.
constexpr ObjectId kCatalogObjectId = 1;
constexpr ObjectId kFirstUserObjectId = 1000;
// The role every database starts with (PostgreSQL's BOOTSTRAP_SUPERUSERID); objects whose
// owner is 0 (made before roles existed) belong to it.
constexpr ObjectId kBootstrapSuperuserId = 10;
constexpr const char* kBootstrapSuperuserName = "heliosdb";
// The grantee that stands for PUBLIC in an Acl.
constexpr ObjectId kPublicRoleId = 0;

// Table privileges granted on a relation: grantee role id (kPublicRoleId: PUBLIC) -> the
// Privilege bits of privileges.h.
using Acl = std::map<ObjectId, uint32_t>;

struct ColumnInfo {
  std::string name;
  LogicalType type;
  int slot = 0;  // position in the stored row; stable across DROP COLUMN
  bool not_null = false;
  std::string default_sql;  // SQL text of the DEFAULT expression, empty when none
  bool identity = false;         // GENERATED ... AS IDENTITY
  bool identity_always = false;  // GENERATED ALWAYS
  std::string sequence;  // SERIAL / IDENTITY: the owned sequence's name
  int attnum = 0;        // PostgreSQL's attnum: 1-based, never reused after DROP COLUMN
};

enum class ConstraintKind : uint8_t { kPrimaryKey, kUnique, kCheck, kForeignKey };
enum class FkAction : uint8_t { kNoAction, kRestrict, kCascade, kSetNull, kSetDefault };
// The action as SQL writes it: "NO ACTION", "CASCADE", ...
inline const char* FkActionSql(FkAction a) {
  switch (a) {
    case FkAction::kRestrict:
      return "RESTRICT";
    case FkAction::kCascade:
      return "CASCADE";
    case FkAction::kSetNull:
      return "SET NULL";
    case FkAction::kSetDefault:
      return "SET DEFAULT";
    case FkAction::kNoAction:
      break;
  }
  return "NO ACTION";
}

struct ConstraintInfo {
  std::string name;
  ConstraintKind kind = ConstraintKind::kCheck;
  std::vector<int> columns;  // indexes into TableInfo::columns
  std::string check_sql;     // kCheck
  ObjectId index_id = 0;     // kPrimaryKey / kUnique: the index enforcing it
  ObjectId ref_table = 0;    // kForeignKey
  std::vector<int> ref_columns;
  FkAction on_delete = FkAction::kNoAction;
  FkAction on_update = FkAction::kNoAction;
};

struct IndexInfo {
  ObjectId id = 0;
  std::string schema;
  std::string name;
  ObjectId table_id = 0;
  std::vector<int> columns;  // indexes into the table's columns
  std::vector<bool> descending;
  bool unique = false;
  bool primary = false;  // the primary key: rows are keyed by it, no separate keyspace
  std::string method = "btree";
  std::map<std::string, std::string> options;
};

struct TableInfo {
  ObjectId id = 0;
  std::string schema;
  std::string name;
  std::vector<ColumnInfo> columns;
  std::vector<LogicalType> slot_types;  // every slot ever allocated, by slot number
  std::vector<int> primary_key;         // column indexes; empty: a hidden row id keys the rows
  std::vector<ConstraintInfo> constraints;
  std::map<std::string, std::string> options;  // WITH (...)
  ObjectId owner = 0;  // the creating role; 0: the bootstrap superuser
  Acl acl;             // privileges granted to others than the owner

  int FindColumn(const std::string& column) const {
    for (size_t i = 0; i < columns.size(); i++)
      if (columns[i].name == column) return static_cast<int>(i);
    return -1;
  }
  bool has_primary_key() const { return !primary_key.empty(); }
};

// What ANALYZE learned of one column, for the optimizer's selectivity estimates.
struct ColumnStats {
  int slot = 0;  // the column's storage slot: survives renames, dropped with the column
  double null_fraction = 0;
  double distinct = 0;     // estimated number of distinct non-NULL values
  bool has_range = false;  // numbers, dates and times: the smallest and largest value
  double min = 0;
  double max = 0;
};

struct TableStats {
  ObjectId table_id = 0;
  double rows = 0;
  std::vector<ColumnStats> columns;

  const ColumnStats* ForSlot(int slot) const {
    for (const auto& c : columns)
      if (c.slot == slot) return &c;
    return nullptr;
  }
};

struct ViewInfo {
  ObjectId id = 0;
  std::string schema;
  std::string name;
  std::vector<std::string> column_names;  // explicit names from CREATE VIEW v (a, b)
  std::string query_sql;
  ObjectId owner = 0;  // its tables are read with the owner's privileges
  Acl acl;
};

struct SequenceInfo {
  ObjectId id = 0;
  std::string schema;
  std::string name;
  LogicalType type = TypeId::kBigInt;
  int64_t start = 1;
  int64_t increment = 1;
  int64_t min_value = 1;
  int64_t max_value = INT64_MAX;
  bool cycle = false;
  std::string owned_by;  // "table.column" or empty
};

// A role (CREATE ROLE / CREATE USER). password is a SCRAM-SHA-256 verifier in PostgreSQL's
// text form, or empty (no password: password authentication always fails).
struct RoleInfo {
  ObjectId id = 0;
  std::string name;
  bool superuser = false;
  bool login = false;
  bool createdb = false;
  bool createrole = false;
  std::string password;
  std::vector<ObjectId> member_of;  // GRANT role TO this: its privileges are inherited
};

struct SchemaInfo {
  ObjectId id = 0;
  std::string name;
};

}  // namespace heliosdb
