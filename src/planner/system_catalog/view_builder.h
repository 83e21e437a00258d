// The rows of one system relation, built from the catalog when a query binds it. Each
// catalog family (information_schema, pg_catalog's relations, types, global objects) fills
// ViewBuilders in its own file; system_views.cc looks them up by name.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "common/value.h"

namespace heliosdb::system_catalog {

using Row = std::vector<Value>;

struct ViewBuilder {
  std::vector<std::string> names;
  std::vector<LogicalType> types;  // empty: every column is text
  std::vector<Row> rows;
};

// A relation's columns as "name:type" pairs (types as TypeIdFromName spells them, "text[]"
// for arrays): keeps the long pg_catalog column lists readable.
ViewBuilder Columns(const std::vector<const char*>& name_types);

// A view's output columns, by binding its query; false for a view that no longer binds (a
// column it read was dropped), which then shows no columns.
bool ViewColumns(const Catalog& catalog, const ViewInfo& view, std::vector<std::string>* names,
                 std::vector<LogicalType>* types);

inline Value Text(const std::string& s) {
  return Value::Text(s);
}
inline Value Int(int64_t v) {
  return Value::Integer(v);
}
inline Value Oid(int64_t v) {
  return Value::BigInt(v);
}
inline Value Bool(bool b) {
  return Value::Boolean(b);
}
inline Value Small(int64_t v) {
  return Value::Int(TypeId::kSmallInt, v);
}
// PostgreSQL's one-byte "char" columns (relkind, contype, ...) are text here.
inline Value Char(char c) {
  return Value::Text(std::string(1, c));
}

using Builder = std::function<ViewBuilder(const Catalog&)>;
using BuilderMap = std::map<std::string, Builder>;

// The pg_catalog relations of each family, by name (pg_class_views.cc, pg_type_views.cc,
// pg_global_views.cc).
void AddRelationViews(BuilderMap* views);
void AddTypeViews(BuilderMap* views);
void AddGlobalViews(BuilderMap* views);

}  // namespace heliosdb::system_catalog
