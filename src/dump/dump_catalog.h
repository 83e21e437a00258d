// The catalog as a dump describes it: every object by name, at the level of its DDL (column
// types as SQL type names, defaults and checks as SQL text), so the description outlives the
// engine's internal catalog format. Encoded as the payload of the kCatalog block: a sequence of
// records, each `kind u8 | length-prefixed body`; a body's fields are in a fixed order and
// new fields are only ever appended, so a reader ignores the tail it does not know
// (docs/format/dump_v2.md lists the fields).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "catalog/catalog.h"

namespace heliosdb::dump {

struct DumpColumn {
  std::string name;
  std::string type;  // PostgreSQL's spelling: "integer", "numeric(10,2)", "text[]", ...
  bool not_null = false;
  std::string default_sql;  // empty when none; identity and serial columns leave it empty
  bool serial = false;      // SERIAL: the type's serial form creates the owned sequence
  bool identity = false;
  bool identity_always = false;
  std::string sequence;  // serial / identity: the owned sequence's name
};

struct DumpConstraint {
  std::string name;
  ConstraintKind kind = ConstraintKind::kCheck;
  std::vector<std::string> columns;
  std::string check_sql;
  std::string ref_schema, ref_table;  // foreign keys
  std::vector<std::string> ref_columns;
  FkAction on_delete = FkAction::kNoAction;
  FkAction on_update = FkAction::kNoAction;
};

struct DumpTable {
  std::string schema, name;
  std::vector<DumpColumn> columns;
  std::vector<std::string> primary_key;
  std::vector<DumpConstraint> constraints;  // the primary key is one of them too
  std::map<std::string, std::string> options;
  int64_t rows = 0;  // in the snapshot; 0 until counted
};

struct DumpIndex {
  std::string schema, name, table;  // the table is in the index's schema
  std::vector<std::string> columns;
  std::vector<bool> descending;
  bool unique = false;
  std::string method = "btree";
  std::map<std::string, std::string> options;
};

struct DumpView {
  std::string schema, name;
  std::vector<std::string> column_names;
  std::string query_sql;
};

struct DumpSequence {
  std::string schema, name, type;
  int64_t start = 1, increment = 1, min_value = 1, max_value = INT64_MAX;
  bool cycle = false;
  std::string owned_by;    // "table.column" or empty
  int64_t next_value = 1;  // what the next nextval() returns
};

struct DumpCatalog {
  std::vector<std::string> schemas;  // user schemas besides public
  std::vector<DumpTable> tables;     // in creation order
  std::vector<DumpIndex> indexes;    // secondary indexes (not those behind constraints)
  std::vector<DumpView> views;       // in creation order (a view follows what it reads)
  std::vector<DumpSequence> sequences;

  // Describes the catalog a transaction sees; sequences' next values come from next_value.
  static DumpCatalog FromCatalog(const Catalog& catalog,
                                 const std::function<int64_t(const SequenceInfo&)>& next_value);
  std::string Encode() const;
  static DumpCatalog Decode(std::string_view bytes);  // throws XX001 on malformed input
  const DumpTable* FindTable(const std::string& schema, const std::string& name) const;
};

// "schema"."name", quoted only where PostgreSQL needs it.
std::string QualifiedName(const std::string& schema, const std::string& name);

}  // namespace heliosdb::dump
