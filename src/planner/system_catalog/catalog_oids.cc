#include "planner/system_catalog/catalog_oids.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "function/function_registry.h"
#include "planner/system_views.h"

namespace heliosdb::system_catalog {

namespace {
constexpr int64_t kFirstUserOid = 16384;
// Above any object id a database reaches in practice, below 2^31 so that OIDs fit int4.
constexpr int64_t kPrimaryKeyOidBase = int64_t{1} << 28;
constexpr int64_t kConstraintOidBase = int64_t{1} << 29;
constexpr int64_t kConstraintsPerTable = 1024;
constexpr int64_t kFirstProcOid = int64_t{1} << 27;

// Polymorphic "any" parameters show as anyelement, arrays of any type as anyarray.
int64_t SignatureOid(const LogicalType& t) {
  if (t.id() == TypeId::kUnknown) return 2283;
  if (t.IsArray() && t.element_type().id() == TypeId::kUnknown) return 2277;
  return t.Oid();
}

std::string JoinColumns(const TableInfo& t, const std::vector<int>& columns) {
  std::string out;
  for (size_t i = 0; i < columns.size(); i++) out += (i ? ", " : "") + t.columns[columns[i]].name;
  return out;
}

// "(a > 0)" -> "a > 0", as pg_get_constraintdef's pretty form prints a CHECK.
std::string StripOuterParentheses(const std::string& sql) {
  if (sql.size() < 2 || sql.front() != '(' || sql.back() != ')') return sql;
  int depth = 0;
  for (size_t i = 0; i < sql.size(); i++) {
    depth += sql[i] == '(' ? 1 : sql[i] == ')' ? -1 : 0;
    if (depth == 0 && i + 1 < sql.size()) return sql;  // "(a) + (b)": not one group
  }
  return sql.substr(1, sql.size() - 2);
}

std::string ConstraintDefinition(const Catalog& catalog, const TableInfo& t,
                                 const ConstraintInfo& k) {
  switch (k.kind) {
    case ConstraintKind::kPrimaryKey:
      return "PRIMARY KEY (" + JoinColumns(t, k.columns) + ")";
    case ConstraintKind::kUnique:
      return "UNIQUE (" + JoinColumns(t, k.columns) + ")";
    case ConstraintKind::kCheck:
      return "CHECK (" + StripOuterParentheses(k.check_sql) + ")";
    case ConstraintKind::kForeignKey: {
      const TableInfo* ref = catalog.GetTable(k.ref_table);
      std::string def = "FOREIGN KEY (" + JoinColumns(t, k.columns) + ") REFERENCES " +
                        (ref ? ref->name + "(" + JoinColumns(*ref, k.ref_columns) + ")" : "?");
      // pg_get_constraintdef leaves out the default NO ACTION.
      if (k.on_update != FkAction::kNoAction)
        def += std::string(" ON UPDATE ") + FkActionSql(k.on_update);
      if (k.on_delete != FkAction::kNoAction)
        def += std::string(" ON DELETE ") + FkActionSql(k.on_delete);
      return def;
    }
  }
  return "";
}
}  // namespace

int64_t RelationOid(ObjectId id) {
  return kFirstUserOid + static_cast<int64_t>(id);
}

int64_t PrimaryKeyIndexOid(ObjectId table_id) {
  return kPrimaryKeyOidBase + static_cast<int64_t>(table_id);
}

int64_t ConstraintOid(ObjectId table_id, size_t constraint) {
  return kConstraintOidBase + static_cast<int64_t>(table_id) * kConstraintsPerTable +
         static_cast<int64_t>(constraint);
}

int64_t NamespaceOid(const Catalog& catalog, const std::string& schema) {
  if (schema == "pg_catalog") return 11;
  if (schema == "public") return 2200;
  if (schema == "information_schema") return 13000;
  const SchemaInfo* s = catalog.FindSchema(schema);
  return s ? RelationOid(s->id) : 0;
}

int64_t AccessMethodOid(const std::string& method) {
  if (method == "btree") return kBtreeAmOid;
  if (method == "hash") return 405;
  if (method == "gin") return 2742;
  if (method == "hnsw") return 16000;
  if (method == "bm25") return 16001;
  return 0;
}

const std::vector<BuiltinType>& BuiltinTypes() {
  static const std::vector<BuiltinType> kTypes = [] {
    struct Base {
      const char* name;
      TypeId id;
      int typlen;
      char category;
    };
    static const Base kBase[] = {
        {"bool", TypeId::kBoolean, 1, 'B'},
        {"int2", TypeId::kSmallInt, 2, 'N'},
        {"int4", TypeId::kInteger, 4, 'N'},
        {"int8", TypeId::kBigInt, 8, 'N'},
        {"float4", TypeId::kReal, 4, 'N'},
        {"float8", TypeId::kDouble, 8, 'N'},
        {"numeric", TypeId::kNumeric, -1, 'N'},
        {"text", TypeId::kText, -1, 'S'},
        {"varchar", TypeId::kVarchar, -1, 'S'},
        {"bpchar", TypeId::kChar, -1, 'S'},
        {"bytea", TypeId::kBytea, -1, 'U'},
        {"date", TypeId::kDate, 4, 'D'},
        {"time", TypeId::kTime, 8, 'D'},
        {"timestamp", TypeId::kTimestamp, 8, 'D'},
        {"timestamptz", TypeId::kTimestampTz, 8, 'D'},
        {"interval", TypeId::kInterval, 16, 'T'},
        {"uuid", TypeId::kUuid, 16, 'U'},
    };
    std::vector<BuiltinType> types;
    for (const Base& b : kBase) {
      LogicalType t(b.id);
      LogicalType array = LogicalType::Array(t);
      types.push_back({b.name, t, t.Oid(), array.Oid(), b.typlen, b.category});
      types.push_back({std::string("_") + b.name, array, array.Oid(), 0, -1, 'A'});
    }
    // Catalog types that map onto ours (oid is int8, name is text), with their arrays.
    auto add_catalog_type = [&](const char* name, LogicalType type, int64_t oid, int64_t array_oid,
                                int typlen, char category) {
      types.push_back({name, type, oid, array_oid, typlen, category});
      if (array_oid)
        types.push_back({std::string("_") + name, LogicalType::Array(type), array_oid, 0, -1, 'A'});
    };
    LogicalType big(TypeId::kBigInt), text(TypeId::kText), unknown(TypeId::kUnknown);
    add_catalog_type("oid", big, 26, 1028, 4, 'N');
    add_catalog_type("name", text, 19, 1003, 64, 'S');
    add_catalog_type("char", text, 18, 1002, 1, 'Z');
    add_catalog_type("regclass", big, 2205, 2210, 4, 'N');
    add_catalog_type("regtype", big, 2206, 2211, 4, 'N');
    add_catalog_type("regproc", big, 24, 1008, 4, 'N');
    add_catalog_type("int2vector", LogicalType::Array(TypeId::kSmallInt), 22, 1006, -1, 'A');
    add_catalog_type("oidvector", LogicalType::Array(TypeId::kBigInt), 30, 1013, -1, 'A');
    add_catalog_type("unknown", unknown, 705, 0, -2, 'X');
    add_catalog_type("anyelement", LogicalType(TypeId::kAnyElement), 2283, 0, 4, 'P');
    add_catalog_type("anyarray", unknown, 2277, 0, -1, 'P');
    add_catalog_type("record", unknown, 2249, 2287, -1, 'P');
    add_catalog_type("void", unknown, 2278, 0, 4, 'P');
    return types;
  }();
  return kTypes;
}

const BuiltinType* FindBuiltinType(int64_t oid) {
  for (const BuiltinType& t : BuiltinTypes())
    if (t.oid == oid) return &t;
  return nullptr;
}

const std::vector<ProcEntry>& Procs() {
  static const std::vector<ProcEntry> kProcs = [] {
    std::vector<ProcEntry> procs;
    auto add = [&](const std::string& name, const std::vector<LogicalType>& args,
                   const LogicalType& result, char kind, bool variadic, bool is_volatile) {
      // Operators are registered by their symbols; pg_proc lists named functions only.
      if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_'))
        return;
      ProcEntry p{0, name, {}, SignatureOid(result), kind, variadic, is_volatile};
      for (const auto& a : args) p.arg_oids.push_back(SignatureOid(a));
      procs.push_back(std::move(p));
    };
    const FunctionRegistry& registry = FunctionRegistry::Get();
    for (const auto& [name, overloads] : registry.scalars())
      for (const ScalarFunction& f : overloads)
        add(name, f.args, f.return_type, 'f', f.variadic, f.volatile_);
    for (const auto& [name, overloads] : registry.aggregates())
      for (const AggregateFunction& f : overloads)
        add(name, f.args, f.return_type, 'a', false, false);
    std::stable_sort(procs.begin(), procs.end(), [](const ProcEntry& a, const ProcEntry& b) {
      return std::tie(a.name, a.kind, a.arg_oids) < std::tie(b.name, b.kind, b.arg_oids);
    });
    for (size_t i = 0; i < procs.size(); i++)
      procs[i].oid = kFirstProcOid + static_cast<int64_t>(i);
    return procs;
  }();
  return kProcs;
}

const ProcEntry* FindProc(int64_t oid) {
  const auto& procs = Procs();
  if (oid < kFirstProcOid || oid >= kFirstProcOid + static_cast<int64_t>(procs.size()))
    return nullptr;
  return &procs[oid - kFirstProcOid];
}

std::vector<RelationEntry> Relations(const Catalog& c) {
  std::vector<RelationEntry> out;
  for (const auto& [id, t] : c.tables()) {
    out.push_back({RelationOid(id), t.schema, t.name, 'r', 0});
    for (const auto& k : t.constraints)
      if (k.kind == ConstraintKind::kPrimaryKey)
        out.push_back({PrimaryKeyIndexOid(id), t.schema, k.name, 'i', id});
  }
  for (const auto& [id, index] : c.indexes())
    out.push_back({RelationOid(id), index.schema, index.name, 'i', index.table_id});
  for (const auto& [id, v] : c.views()) out.push_back({RelationOid(id), v.schema, v.name, 'v', 0});
  for (const auto& [id, s] : c.sequences())
    out.push_back({RelationOid(id), s.schema, s.name, 'S', 0});
  return out;
}

std::vector<std::pair<int64_t, std::string>> IndexDefinitions(const Catalog& c) {
  std::vector<std::pair<int64_t, std::string>> out;
  for (const auto& [id, t] : c.tables())
    for (const auto& k : t.constraints)
      if (k.kind == ConstraintKind::kPrimaryKey)
        out.emplace_back(PrimaryKeyIndexOid(id), "CREATE UNIQUE INDEX " + k.name + " ON " +
                                                     t.schema + "." + t.name + " USING btree (" +
                                                     JoinColumns(t, k.columns) + ")");
  for (const auto& [id, index] : c.indexes())
    out.emplace_back(RelationOid(id), IndexDefinition(c, index));
  return out;
}

std::vector<std::pair<int64_t, std::string>> ConstraintDefinitions(const Catalog& c) {
  std::vector<std::pair<int64_t, std::string>> out;
  for (const auto& [id, t] : c.tables())
    for (size_t i = 0; i < t.constraints.size(); i++)
      out.emplace_back(ConstraintOid(id, i), ConstraintDefinition(c, t, t.constraints[i]));
  return out;
}

}  // namespace heliosdb::system_catalog
