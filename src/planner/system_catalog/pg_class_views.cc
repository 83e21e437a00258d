// pg_catalog's relations about relations: pg_namespace, pg_class, pg_attribute, pg_attrdef,
// pg_index, pg_constraint and pg_sequence, with PostgreSQL 15's columns.
#include "common/types/array_value.h"
#include "planner/system_catalog/catalog_oids.h"
#include "planner/system_catalog/view_builder.h"

namespace heliosdb::system_catalog {

namespace {
// TOAST strategy as PostgreSQL reports it in attstorage (\d+ shows it).
char Storage(const LogicalType& t) {
  if (t.id() == TypeId::kNumeric) return 'm';
  if (t.IsString() || t.id() == TypeId::kBytea || t.IsArray()) return 'x';
  return 'p';
}

int TypeLength(const LogicalType& t) {
  const BuiltinType* b = FindBuiltinType(t.Oid());
  return b ? b->typlen : -1;
}

std::vector<int64_t> Attnums(const TableInfo& t, const std::vector<int>& columns) {
  std::vector<int64_t> out;
  for (int c : columns) out.push_back(t.columns[c].attnum);
  return out;
}

Value SmallArray(const std::vector<int64_t>& values) {
  std::vector<Value> elements;
  for (int64_t v : values) elements.push_back(Small(v));
  return MakeArray(elements, LogicalType(TypeId::kSmallInt));
}

ViewBuilder PgNamespace(const Catalog& c) {
  ViewBuilder v = Columns({"oid:oid", "nspname:name", "nspowner:oid", "nspacl:text[]"});
  auto add = [&](const std::string& name) {
    int64_t owner = name == "public" ? kDatabaseOwnerRoleOid : kBootstrapRoleOid;
    v.rows.push_back({Oid(NamespaceOid(c, name)), Text(name), Oid(owner), Value::Null(v.types[3])});
  };
  if (!c.FindSchema("information_schema")) add("information_schema");
  for (const auto& [id, s] : c.schemas()) add(s.name);
  return v;
}

ViewBuilder PgClass(const Catalog& c) {
  ViewBuilder v = Columns({"oid:oid",
                           "relname:name",
                           "relnamespace:oid",
                           "reltype:oid",
                           "reloftype:oid",
                           "relowner:oid",
                           "relam:oid",
                           "relfilenode:oid",
                           "reltablespace:oid",
                           "relpages:int4",
                           "reltuples:float4",
                           "relallvisible:int4",
                           "reltoastrelid:oid",
                           "relhasindex:bool",
                           "relisshared:bool",
                           "relpersistence:char",
                           "relkind:char",
                           "relnatts:int2",
                           "relchecks:int2",
                           "relhasrules:bool",
                           "relhastriggers:bool",
                           "relhassubclass:bool",
                           "relrowsecurity:bool",
                           "relforcerowsecurity:bool",
                           "relispopulated:bool",
                           "relreplident:char",
                           "relispartition:bool",
                           "relrewrite:oid",
                           "relfrozenxid:xid",
                           "relminmxid:xid",
                           "relacl:text[]",
                           "reloptions:text[]",
                           "relpartbound:pg_node_tree"});
  for (const RelationEntry& r : Relations(c)) {
    double tuples = -1;
    int natts = 0, checks = 0;
    bool has_index = false;
    int64_t am = 0;
    if (const TableInfo* t = r.relkind == 'r' ? c.GetTable(r.oid - RelationOid(0)) : nullptr) {
      if (const TableStats* stats = c.GetStatistics(t->id)) tuples = stats->rows;
      natts = static_cast<int>(t->columns.size());
      for (const auto& k : t->constraints) checks += k.kind == ConstraintKind::kCheck;
      has_index = t->has_primary_key() || !c.TableIndexes(t->id).empty();
      am = kHeapAmOid;
    } else if (r.relkind == 'i') {
      const IndexInfo* index = c.GetIndex(r.oid - RelationOid(0));
      am = index ? AccessMethodOid(index->method) : kBtreeAmOid;
      natts = index ? static_cast<int>(index->columns.size())
                    : static_cast<int>(c.GetTable(r.table_id)->primary_key.size());
    } else if (r.relkind == 'v') {
      std::vector<std::string> names;
      std::vector<LogicalType> types;
      if (ViewColumns(c, c.views().at(r.oid - RelationOid(0)), &names, &types))
        natts = static_cast<int>(names.size());
    }
    v.rows.push_back({Oid(r.oid),
                      Text(r.name),
                      Oid(NamespaceOid(c, r.schema)),
                      Oid(0),
                      Oid(0),
                      Oid(kBootstrapRoleOid),
                      Oid(am),
                      Oid(r.oid),
                      Oid(0),
                      Int(0),
                      Value::Double(tuples, TypeId::kReal),
                      Int(0),
                      Oid(0),
                      Bool(has_index),
                      Bool(false),
                      Char('p'),
                      Char(r.relkind),
                      Small(natts),
                      Small(checks),
                      Bool(false),
                      Bool(false),
                      Bool(false),
                      Bool(false),
                      Bool(false),
                      Bool(true),
                      Char(r.relkind == 'r' ? 'd' : 'n'),
                      Bool(false),
                      Oid(0),
                      Oid(0),
                      Oid(0),
                      Value::Null(v.types[30]),
                      Value::Null(v.types[31]),
                      Value::Null(TypeId::kText)});
  }
  return v;
}

ViewBuilder PgAttribute(const Catalog& c) {
  ViewBuilder v = Columns(
      {"attrelid:oid",         "attname:name",      "atttypid:oid",      "attstattarget:int4",
       "attlen:int2",          "attnum:int2",       "attndims:int4",     "attcacheoff:int4",
       "atttypmod:int4",       "attbyval:bool",     "attalign:char",     "attstorage:char",
       "attcompression:char",  "attnotnull:bool",   "atthasdef:bool",    "atthasmissing:bool",
       "attidentity:char",     "attgenerated:char", "attisdropped:bool", "attislocal:bool",
       "attinhcount:int4",     "attcollation:oid",  "attacl:text[]",     "attoptions:text[]",
       "attfdwoptions:text[]", "attmissingval:text"});
  auto add = [&](int64_t rel, const std::string& name, const LogicalType& type, int64_t attnum,
                 const ColumnInfo* col) {
    bool identity = col && col->identity;
    char identity_kind = !identity ? '\0' : col->identity_always ? 'a' : 'd';
    v.rows.push_back({Oid(rel),
                      Text(name),
                      Oid(type.Oid()),
                      Int(-1),
                      Small(TypeLength(type)),
                      Small(attnum),
                      Int(type.IsArray() ? 1 : 0),
                      Int(-1),
                      Int(type.Typmod()),
                      Bool(TypeLength(type) > 0),
                      Char('i'),
                      Char(Storage(type)),
                      Text(""),
                      Bool(col && col->not_null),
                      Bool(col && !identity && !col->default_sql.empty()),
                      Bool(false),
                      Text(identity_kind ? std::string(1, identity_kind) : ""),
                      Text(""),
                      Bool(false),
                      Bool(true),
                      Int(0),
                      Oid(type.IsString() ? 100 : 0),
                      Value::Null(v.types[22]),
                      Value::Null(v.types[23]),
                      Value::Null(v.types[24]),
                      Value::Null(TypeId::kText)});
  };
  for (const auto& [id, t] : c.tables()) {
    for (const auto& col : t.columns) add(RelationOid(id), col.name, col.type, col.attnum, &col);
    for (size_t i = 0; i < t.primary_key.size(); i++) {
      const ColumnInfo& col = t.columns[t.primary_key[i]];
      add(PrimaryKeyIndexOid(id), col.name, col.type, static_cast<int64_t>(i + 1), nullptr);
    }
  }
  for (const auto& [id, index] : c.indexes()) {
    const TableInfo* t = c.GetTable(index.table_id);
    for (size_t i = 0; i < index.columns.size(); i++) {
      const ColumnInfo& col = t->columns[index.columns[i]];
      add(RelationOid(id), col.name, col.type, static_cast<int64_t>(i + 1), nullptr);
    }
  }
  for (const auto& [id, view] : c.views()) {
    std::vector<std::string> names;
    std::vector<LogicalType> types;
    if (!ViewColumns(c, view, &names, &types)) continue;
    for (size_t i = 0; i < names.size(); i++)
      add(RelationOid(id), names[i], types[i], static_cast<int64_t>(i + 1), nullptr);
  }
  return v;
}

ViewBuilder PgAttrdef(const Catalog& c) {
  ViewBuilder v = Columns({"oid:oid", "adrelid:oid", "adnum:int2", "adbin:pg_node_tree"});
  for (const auto& [id, t] : c.tables())
    for (const auto& col : t.columns)
      if (!col.identity && !col.default_sql.empty())
        v.rows.push_back({Oid(RelationOid(id) * 1000 + col.attnum), Oid(RelationOid(id)),
                          Small(col.attnum), Text(col.default_sql)});
  return v;
}

ViewBuilder PgIndex(const Catalog& c) {
  ViewBuilder v =
      Columns({"indexrelid:oid",      "indrelid:oid",          "indnatts:int2",
               "indnkeyatts:int2",    "indisunique:bool",      "indnullsnotdistinct:bool",
               "indisprimary:bool",   "indisexclusion:bool",   "indimmediate:bool",
               "indisclustered:bool", "indisvalid:bool",       "indcheckxmin:bool",
               "indisready:bool",     "indislive:bool",        "indisreplident:bool",
               "indkey:int2[]",       "indcollation:oid[]",    "indclass:oid[]",
               "indoption:int2[]",    "indexprs:pg_node_tree", "indpred:pg_node_tree"});
  auto add = [&](int64_t oid, const TableInfo& t, const std::vector<int>& columns, bool unique,
                 bool primary) {
    int64_t n = static_cast<int64_t>(columns.size());
    v.rows.push_back({Oid(oid),
                      Oid(RelationOid(t.id)),
                      Small(n),
                      Small(n),
                      Bool(unique),
                      Bool(false),
                      Bool(primary),
                      Bool(false),
                      Bool(true),
                      Bool(false),
                      Bool(true),
                      Bool(false),
                      Bool(true),
                      Bool(true),
                      Bool(false),
                      SmallArray(Attnums(t, columns)),
                      Value::Null(v.types[16]),
                      Value::Null(v.types[17]),
                      SmallArray(std::vector<int64_t>(n, 0)),
                      Value::Null(TypeId::kText),
                      Value::Null(TypeId::kText)});
  };
  for (const auto& [id, t] : c.tables())
    if (t.has_primary_key()) add(PrimaryKeyIndexOid(id), t, t.primary_key, true, true);
  for (const auto& [id, index] : c.indexes())
    add(RelationOid(id), *c.GetTable(index.table_id), index.columns, index.unique, false);
  return v;
}

char FkActionCode(FkAction a) {
  static const char kCodes[] = {'a', 'r', 'c', 'n', 'd'};
  return kCodes[static_cast<int>(a)];
}

ViewBuilder PgConstraint(const Catalog& c) {
  ViewBuilder v = Columns({"oid:oid",           "conname:name",       "connamespace:oid",
                           "contype:char",      "condeferrable:bool", "condeferred:bool",
                           "convalidated:bool", "conrelid:oid",       "contypid:oid",
                           "conindid:oid",      "conparentid:oid",    "confrelid:oid",
                           "confupdtype:char",  "confdeltype:char",   "confmatchtype:char",
                           "conislocal:bool",   "coninhcount:int4",   "connoinherit:bool",
                           "conkey:int2[]",     "confkey:int2[]",     "conbin:pg_node_tree"});
  static const char kTypes[] = {'p', 'u', 'c', 'f'};
  for (const auto& [id, t] : c.tables()) {
    for (size_t i = 0; i < t.constraints.size(); i++) {
      const ConstraintInfo& k = t.constraints[i];
      bool fk = k.kind == ConstraintKind::kForeignKey;
      const TableInfo* ref = fk ? c.GetTable(k.ref_table) : nullptr;
      int64_t index = k.kind == ConstraintKind::kPrimaryKey ? PrimaryKeyIndexOid(id)
                      : k.index_id                          ? RelationOid(k.index_id)
                                                            : 0;
      std::vector<int64_t> ref_attnums;
      if (ref)
        for (int col : k.ref_columns) ref_attnums.push_back(ref->columns[col].attnum);
      v.rows.push_back(
          {Oid(ConstraintOid(id, i)),
           Text(k.name),
           Oid(NamespaceOid(c, t.schema)),
           Char(kTypes[static_cast<int>(k.kind)]),
           Bool(false),
           Bool(false),
           Bool(true),
           Oid(RelationOid(id)),
           Oid(0),
           Oid(index),
           Oid(0),
           Oid(ref ? RelationOid(ref->id) : 0),
           Char(fk ? FkActionCode(k.on_update) : ' '),
           Char(fk ? FkActionCode(k.on_delete) : ' '),
           Char(fk ? 's' : ' '),
           Bool(true),
           Int(0),
           Bool(false),
           k.columns.empty() ? Value::Null(v.types[18]) : SmallArray(Attnums(t, k.columns)),
           fk ? SmallArray(ref_attnums) : Value::Null(v.types[19]),
           k.kind == ConstraintKind::kCheck ? Text(k.check_sql) : Value::Null(TypeId::kText)});
    }
  }
  return v;
}

ViewBuilder PgSequence(const Catalog& c) {
  ViewBuilder v = Columns({"seqrelid:oid", "seqtypid:oid", "seqstart:int8", "seqincrement:int8",
                           "seqmax:int8", "seqmin:int8", "seqcache:int8", "seqcycle:bool"});
  for (const auto& [id, s] : c.sequences())
    v.rows.push_back({Oid(RelationOid(id)), Oid(s.type.Oid()), Value::BigInt(s.start),
                      Value::BigInt(s.increment), Value::BigInt(s.max_value),
                      Value::BigInt(s.min_value), Value::BigInt(1), Bool(s.cycle)});
  return v;
}
}  // namespace

void AddRelationViews(BuilderMap* views) {
  (*views)["pg_namespace"] = PgNamespace;
  (*views)["pg_class"] = PgClass;
  (*views)["pg_attribute"] = PgAttribute;
  (*views)["pg_attrdef"] = PgAttrdef;
  (*views)["pg_index"] = PgIndex;
  (*views)["pg_constraint"] = PgConstraint;
  (*views)["pg_sequence"] = PgSequence;
}

}  // namespace heliosdb::system_catalog
