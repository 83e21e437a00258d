// pg_catalog's relations about types and routines: pg_type (the built-in types with the
// OIDs the wire protocol reports), pg_am, pg_collation and pg_proc (the function registry).
#include "common/types/array_value.h"
#include "function/function_registry.h"
#include "function/scalar/catalog_info.h"
#include "planner/system_catalog/catalog_oids.h"
#include "planner/system_catalog/view_builder.h"

namespace heliosdb::system_catalog {

namespace {
ViewBuilder PgType(const Catalog&) {
  ViewBuilder v = Columns({"oid:oid",
                           "typname:name",
                           "typnamespace:oid",
                           "typowner:oid",
                           "typlen:int2",
                           "typbyval:bool",
                           "typtype:char",
                           "typcategory:char",
                           "typispreferred:bool",
                           "typisdefined:bool",
                           "typdelim:char",
                           "typrelid:oid",
                           "typsubscript:regproc",
                           "typelem:oid",
                           "typarray:oid",
                           "typinput:text",
                           "typoutput:text",
                           "typreceive:text",
                           "typsend:text",
                           "typalign:char",
                           "typstorage:char",
                           "typnotnull:bool",
                           "typbasetype:oid",
                           "typtypmod:int4",
                           "typndims:int4",
                           "typcollation:oid",
                           "typdefaultbin:pg_node_tree",
                           "typdefault:text",
                           "typacl:text[]"});
  for (const BuiltinType& t : BuiltinTypes()) {
    bool array = t.category == 'A';
    int64_t elem = array && t.type.IsArray() ? t.type.element_type().Oid() : 0;
    std::string io = array ? "array" : t.name;
    v.rows.push_back({Oid(t.oid),
                      Text(t.name),
                      Oid(11),
                      Oid(kBootstrapRoleOid),
                      Small(t.typlen),
                      Bool(t.typlen > 0 && t.typlen <= 8),
                      Char(t.category == 'P' ? 'p' : 'b'),
                      Char(t.category),
                      Bool(t.name == "text" || t.name == "float8"),
                      Bool(true),
                      Char(','),
                      Oid(0),
                      Oid(0),
                      Oid(elem),
                      Oid(t.array_oid),
                      Text(io + "_in"),
                      Text(io + "_out"),
                      Text(io + "_recv"),
                      Text(io + "_send"),
                      Char(t.typlen == 8 ? 'd' : 'i'),
                      Char(t.typlen > 0 ? 'p' : 'x'),
                      Bool(false),
                      Oid(0),
                      Int(-1),
                      Int(0),
                      Oid(t.type.IsString() && !array ? 100 : 0),
                      Value::Null(TypeId::kText),
                      Value::Null(TypeId::kText),
                      Value::Null(v.types[28])});
  }
  return v;
}

ViewBuilder PgAm(const Catalog&) {
  ViewBuilder v = Columns({"oid:oid", "amname:name", "amhandler:regproc", "amtype:char"});
  v.rows.push_back({Oid(kHeapAmOid), Text("heap"), Oid(0), Char('t')});
  for (const char* name : {"btree", "hash", "gin", "hnsw", "bm25"})
    v.rows.push_back({Oid(AccessMethodOid(name)), Text(name), Oid(0), Char('i')});
  return v;
}

ViewBuilder PgCollation(const Catalog&) {
  ViewBuilder v = Columns({"oid:oid", "collname:name", "collnamespace:oid", "collowner:oid",
                           "collprovider:char", "collisdeterministic:bool", "collencoding:int4",
                           "collcollate:text", "collctype:text"});
  v.rows.push_back({Oid(100), Text("default"), Oid(11), Oid(kBootstrapRoleOid), Char('d'),
                    Bool(true), Int(-1), Value::Null(TypeId::kText), Value::Null(TypeId::kText)});
  v.rows.push_back({Oid(950), Text("C"), Oid(11), Oid(kBootstrapRoleOid), Char('c'), Bool(true),
                    Int(-1), Text("C"), Text("C")});
  return v;
}

ViewBuilder PgProc(const Catalog&) {
  ViewBuilder v =
      Columns({"oid:oid",        "proname:name",      "pronamespace:oid",   "proowner:oid",
               "prolang:oid",    "procost:float4",    "prorows:float4",     "provariadic:oid",
               "prokind:char",   "prosecdef:bool",    "proleakproof:bool",  "proisstrict:bool",
               "proretset:bool", "provolatile:char",  "pronargs:int2",      "pronargdefaults:int2",
               "prorettype:oid", "proargtypes:oid[]", "proargnames:text[]", "prosrc:text",
               "proacl:text[]"});
  for (const ProcEntry& p : Procs()) {
    std::vector<Value> args;
    for (int64_t a : p.arg_oids) args.push_back(Oid(a));
    v.rows.push_back({Oid(p.oid),
                      Text(p.name),
                      Oid(11),
                      Oid(kBootstrapRoleOid),
                      Oid(12),
                      Value::Double(1, TypeId::kReal),
                      Value::Double(0, TypeId::kReal),
                      Oid(p.variadic ? p.arg_oids.back() : 0),
                      Char(p.kind),
                      Bool(false),
                      Bool(false),
                      Bool(true),
                      Bool(false),
                      Char(p.is_volatile ? 'v' : 'i'),
                      Small(static_cast<int64_t>(p.arg_oids.size())),
                      Small(0),
                      Oid(p.result_oid),
                      MakeArray(args, LogicalType(TypeId::kBigInt)),
                      Value::Null(v.types[18]),
                      Text(p.name),
                      Value::Null(v.types[20])});
  }
  return v;
}
}  // namespace

void AddTypeViews(BuilderMap* views) {
  (*views)["pg_type"] = PgType;
  (*views)["pg_am"] = PgAm;
  (*views)["pg_collation"] = PgCollation;
  (*views)["pg_proc"] = PgProc;
}

}  // namespace heliosdb::system_catalog
