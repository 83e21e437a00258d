#include "planner/system_views.h"

#include <functional>
#include <map>

#include "common/exception.h"
#include "function/scalar/catalog_info.h"
#include "planner/binder.h"
#include "planner/system_catalog/catalog_oids.h"
#include "planner/system_catalog/view_builder.h"

namespace heliosdb {

namespace {
using namespace system_catalog;

Value TextOrNull(const std::string& s) {
  return s.empty() ? Value::Null(TypeId::kText) : Text(s);
}

// information_schema.columns.data_type: the SQL-standard type name.
std::string StandardTypeName(const LogicalType& t) {
  switch (t.id()) {
    case TypeId::kVarchar:
      return "character varying";
    case TypeId::kChar:
      return "character";
    case TypeId::kTime:
      return "time without time zone";
    case TypeId::kTimestamp:
      return "timestamp without time zone";
    case TypeId::kTimestampTz:
      return "timestamp with time zone";
    case TypeId::kNumeric:
      return "numeric";
    default:
      return t.ToString();
  }
}

ViewBuilder Tables(const Catalog& c) {
  ViewBuilder v{{"table_catalog", "table_schema", "table_name", "table_type"}, {}, {}};
  for (const auto& [id, t] : c.tables())
    v.rows.push_back({Text("heliosdb"), Text(t.schema), Text(t.name), Text("BASE TABLE")});
  for (const auto& [id, view] : c.views())
    v.rows.push_back({Text("heliosdb"), Text(view.schema), Text(view.name), Text("VIEW")});
  return v;
}

ViewBuilder InformationSchemaColumns(const Catalog& c) {
  ViewBuilder v{{"table_catalog", "table_schema", "table_name", "column_name", "ordinal_position",
                 "column_default", "is_nullable", "data_type", "character_maximum_length",
                 "numeric_precision", "numeric_precision_radix", "numeric_scale", "is_identity",
                 "identity_generation"},
                {},
                {}};
  v.types = {TypeId::kText,    TypeId::kText,    TypeId::kText, TypeId::kText,    TypeId::kInteger,
             TypeId::kText,    TypeId::kText,    TypeId::kText, TypeId::kInteger, TypeId::kInteger,
             TypeId::kInteger, TypeId::kInteger, TypeId::kText, TypeId::kText};
  auto add = [&](const std::string& schema, const std::string& table, const std::string& name,
                 int64_t ordinal, const LogicalType& type, const ColumnInfo* col) {
    Value null_int = Value::Null(TypeId::kInteger);
    Value length = type.IsString() && type.length() >= 0 ? Int(type.length()) : null_int;
    Value precision = null_int, radix = null_int, scale = null_int;
    if (type.id() == TypeId::kNumeric && type.precision() >= 0) {
      precision = Int(type.precision());
      radix = Int(10);
      scale = Int(std::max(type.scale(), 0));
    } else if (type.id() == TypeId::kNumeric) {
      radix = Int(10);
    } else if (type.IsInteger()) {
      precision = Int(type.id() == TypeId::kSmallInt  ? 16
                      : type.id() == TypeId::kInteger ? 32
                                                      : 64);
      radix = Int(2);
      scale = Int(0);
    } else if (type.IsFloat()) {
      precision = Int(type.id() == TypeId::kReal ? 24 : 53);
      radix = Int(2);
    }
    bool identity = col && col->identity;
    v.rows.push_back({Text("heliosdb"), Text(schema), Text(table), Text(name), Int(ordinal),
                      TextOrNull(col && !identity ? col->default_sql : ""),
                      Text(col && col->not_null ? "NO" : "YES"), Text(StandardTypeName(type)),
                      length, precision, radix, scale, Text(identity ? "YES" : "NO"),
                      identity ? Text(col->identity_always ? "ALWAYS" : "BY DEFAULT")
                               : Value::Null(TypeId::kText)});
  };
  for (const auto& [id, t] : c.tables())
    for (const auto& col : t.columns) add(t.schema, t.name, col.name, col.attnum, col.type, &col);
  for (const auto& [id, view] : c.views()) {
    std::vector<std::string> names;
    std::vector<LogicalType> types;
    if (!ViewColumns(c, view, &names, &types)) continue;
    for (size_t i = 0; i < names.size(); i++)
      add(view.schema, view.name, names[i], static_cast<int64_t>(i + 1), types[i], nullptr);
  }
  return v;
}

ViewBuilder Schemata(const Catalog& c) {
  ViewBuilder v{{"catalog_name", "schema_name", "schema_owner"}, {}, {}};
  for (const auto& [id, s] : c.schemas())
    v.rows.push_back({Text("heliosdb"), Text(s.name), Text("heliosdb")});
  return v;
}

ViewBuilder TableConstraints(const Catalog& c) {
  ViewBuilder v{
      {"constraint_schema", "constraint_name", "table_schema", "table_name", "constraint_type"},
      {},
      {}};
  static const char* kTypes[] = {"PRIMARY KEY", "UNIQUE", "CHECK", "FOREIGN KEY"};
  for (const auto& [id, t] : c.tables())
    for (const auto& k : t.constraints)
      v.rows.push_back({Text(t.schema), Text(k.name), Text(t.schema), Text(t.name),
                        Text(kTypes[static_cast<int>(k.kind)])});
  return v;
}

// The columns of primary key, unique and foreign key constraints (JDBC's getPrimaryKeys and
// getImportedKeys read it).
ViewBuilder KeyColumnUsage(const Catalog& c) {
  ViewBuilder v = system_catalog::Columns(
      {"constraint_catalog:text", "constraint_schema:text", "constraint_name:text",
       "table_catalog:text", "table_schema:text", "table_name:text", "column_name:text",
       "ordinal_position:int4", "position_in_unique_constraint:int4"});
  for (const auto& [id, t] : c.tables()) {
    for (const auto& k : t.constraints) {
      if (k.kind == ConstraintKind::kCheck) continue;
      // A foreign key's columns pair, in order, with the key of the referenced table that
      // has exactly the referenced columns.
      bool references_key = false;
      if (const TableInfo* ref =
              k.kind == ConstraintKind::kForeignKey ? c.GetTable(k.ref_table) : nullptr)
        for (const auto& rk : ref->constraints)
          references_key |=
              (rk.kind == ConstraintKind::kPrimaryKey || rk.kind == ConstraintKind::kUnique) &&
              rk.columns == k.ref_columns;
      for (size_t i = 0; i < k.columns.size(); i++) {
        Value position =
            references_key ? Int(static_cast<int64_t>(i + 1)) : Value::Null(TypeId::kInteger);
        v.rows.push_back({Text("heliosdb"), Text(t.schema), Text(k.name), Text("heliosdb"),
                          Text(t.schema), Text(t.name), Text(t.columns[k.columns[i]].name),
                          Int(static_cast<int64_t>(i + 1)), position});
      }
    }
  }
  return v;
}

// The built-in functions (all in pg_catalog), one row per overload.
ViewBuilder Routines(const Catalog&) {
  ViewBuilder v =
      system_catalog::Columns({"specific_catalog:text", "specific_schema:text",
                               "specific_name:text", "routine_catalog:text", "routine_schema:text",
                               "routine_name:text", "routine_type:text", "data_type:text"});
  for (const auto& p : system_catalog::Procs())
    v.rows.push_back({Text("heliosdb"), Text("pg_catalog"),
                      Text(p.name + "_" + std::to_string(p.oid)), Text("heliosdb"),
                      Text("pg_catalog"), Text(p.name), Text("FUNCTION"),
                      Text(FormatType(p.result_oid, -1))});
  return v;
}

ViewBuilder Sequences(const Catalog& c, bool pg_style) {
  ViewBuilder v;
  v.names = pg_style ? std::vector<std::string>{"schemaname",   "sequencename", "data_type",
                                                "start_value",  "min_value",    "max_value",
                                                "increment_by", "cycle"}
                     : std::vector<std::string>{"sequence_schema", "sequence_name", "data_type",
                                                "start_value",     "minimum_value", "maximum_value",
                                                "increment",       "cycle_option"};
  for (const auto& [id, s] : c.sequences())
    v.rows.push_back({Text(s.schema), Text(s.name), Text(s.type.ToString()),
                      Text(std::to_string(s.start)), Text(std::to_string(s.min_value)),
                      Text(std::to_string(s.max_value)), Text(std::to_string(s.increment)),
                      Text(s.cycle ? "YES" : "NO")});
  return v;
}

ViewBuilder Views(const Catalog& c, bool pg_style) {
  ViewBuilder v{pg_style
                    ? std::vector<std::string>{"schemaname", "viewname", "definition"}
                    : std::vector<std::string>{"table_schema", "table_name", "view_definition"},
                {},
                {}};
  for (const auto& [id, view] : c.views())
    v.rows.push_back({Text(view.schema), Text(view.name), Text(view.query_sql)});
  return v;
}

ViewBuilder PgTables(const Catalog& c) {
  ViewBuilder v{{"schemaname", "tablename", "tableowner", "hasindexes"}, {}, {}};
  v.types = {TypeId::kText, TypeId::kText, TypeId::kText, TypeId::kBoolean};
  for (const auto& [id, t] : c.tables())
    v.rows.push_back({Text(t.schema), Text(t.name), Text("heliosdb"),
                      Value::Boolean(!c.TableIndexes(t.id).empty() || t.has_primary_key())});
  return v;
}

ViewBuilder PgIndexes(const Catalog& c) {
  ViewBuilder v{{"schemaname", "tablename", "indexname", "indexdef"}, {}, {}};
  for (const auto& [id, t] : c.tables()) {
    if (t.has_primary_key()) {
      std::string name = t.name + "_pkey", cols;
      for (const auto& k : t.constraints)
        if (k.kind == ConstraintKind::kPrimaryKey) name = k.name;
      for (size_t i = 0; i < t.primary_key.size(); i++)
        cols += (i ? ", " : "") + t.columns[t.primary_key[i]].name;
      v.rows.push_back({Text(t.schema), Text(t.name), Text(name),
                        Text("CREATE UNIQUE INDEX " + name + " ON " + t.schema + "." + t.name +
                             " USING btree (" + cols + ")")});
    }
    for (const IndexInfo* index : c.TableIndexes(t.id))
      v.rows.push_back(
          {Text(t.schema), Text(t.name), Text(index->name), Text(IndexDefinition(c, *index))});
  }
  return v;
}

LogicalOpPtr ToValues(ViewBuilder v) {
  auto op = std::make_unique<LogicalOp>();
  op->kind = LogicalOpKind::kValues;
  if (v.types.empty()) v.types.assign(v.names.size(), LogicalType(TypeId::kText));
  op->names = v.names;
  op->types = v.types;
  for (auto& row : v.rows) {
    std::vector<BoundExprPtr> exprs;
    for (size_t i = 0; i < row.size(); i++)
      exprs.push_back(MakeConstant(row[i].is_null() ? Value::Null(v.types[i]) : row[i]));
    op->rows.push_back(std::move(exprs));
  }
  return op;
}
}  // namespace

std::string IndexDefinition(const Catalog& catalog, const IndexInfo& index) {
  const TableInfo* t = catalog.GetTable(index.table_id);
  std::string cols;
  for (size_t i = 0; i < index.columns.size(); i++) {
    cols += (i ? ", " : "") + t->columns[index.columns[i]].name;
    if (i < index.descending.size() && index.descending[i]) cols += " DESC";
  }
  return std::string("CREATE ") + (index.unique ? "UNIQUE " : "") + "INDEX " + index.name + " ON " +
         t->schema + "." + t->name + " USING " + index.method + " (" + cols + ")";
}

LogicalOpPtr BuildSystemView(const Catalog& catalog, const std::string& schema,
                             const std::string& name) {
  static const BuilderMap kInformationSchema = {
      {"tables", Tables},
      {"columns", InformationSchemaColumns},
      {"schemata", Schemata},
      {"table_constraints", TableConstraints},
      {"key_column_usage", KeyColumnUsage},
      {"routines", Routines},
      {"sequences", [](const Catalog& c) { return Sequences(c, false); }},
      {"views", [](const Catalog& c) { return Views(c, false); }},
  };
  static const BuilderMap kPgCatalog = [] {
    BuilderMap views = {
        {"pg_tables", PgTables},
        {"pg_indexes", PgIndexes},
        {"pg_views", [](const Catalog& c) { return Views(c, true); }},
        {"pg_sequences", [](const Catalog& c) { return Sequences(c, true); }},
    };
    AddRelationViews(&views);
    AddTypeViews(&views);
    AddGlobalViews(&views);
    return views;
  }();
  const auto& views = schema == "information_schema" ? kInformationSchema : kPgCatalog;
  if (!schema.empty() && schema != "information_schema" && schema != "pg_catalog") return nullptr;
  auto it = views.find(name);
  if (it == views.end()) return nullptr;
  return ToValues(it->second(catalog));
}

}  // namespace heliosdb
