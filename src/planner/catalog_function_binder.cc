// Functions and casts that read the catalog: pg_get_indexdef, pg_get_constraintdef,
// pg_get_viewdef, pg_get_userbyid, pg_get_function_result / _arguments, the *_is_visible
// tests, the reg* casts ('t'::regclass, oid::regclass), and the session's identity
// (current_user, current_database, current_schema(s), pg_backend_pid, has_*_privilege).
//
// The catalog is fixed for the statement, so a function of an OID becomes a CASE over the
// catalog's OIDs built here (a constant when the OID is one), as the system views are
// literal rows built at bind time.
#include <algorithm>
#include <cctype>

#include "common/exception.h"
#include "common/types/array_value.h"
#include "function/scalar/catalog_info.h"
#include "planner/binder.h"
#include "planner/expression_binder.h"
#include "planner/system_catalog/catalog_oids.h"
#include "planner/system_views.h"

namespace heliosdb {

using namespace system_catalog;

namespace {
using OidMap = std::vector<std::pair<int64_t, Value>>;

// PostgreSQL's OIDs for the system catalogs that have them ('pg_class'::regclass = 1259).
int64_t SystemRelationOid(const std::string& name) {
  static const std::map<std::string, int64_t> kOids = {
      {"pg_type", 1247},
      {"pg_attribute", 1249},
      {"pg_proc", 1255},
      {"pg_class", 1259},
      {"pg_authid", 1260},
      {"pg_auth_members", 1261},
      {"pg_database", 1262},
      {"pg_tablespace", 1213},
      {"pg_sequence", 2224},
      {"pg_shdescription", 2396},
      {"pg_am", 2601},
      {"pg_attrdef", 2604},
      {"pg_constraint", 2606},
      {"pg_depend", 2608},
      {"pg_description", 2609},
      {"pg_index", 2610},
      {"pg_inherits", 2611},
      {"pg_namespace", 2615},
      {"pg_rewrite", 2618},
      {"pg_trigger", 2620},
      {"pg_extension", 3079},
      {"pg_policy", 3256},
      {"pg_statistic_ext", 3381},
      {"pg_collation", 3456},
      {"pg_publication", 6104},
      {"pg_publication_rel", 6106},
      {"pg_publication_namespace", 6237},
  };
  auto it = kOids.find(name);
  return it == kOids.end() ? 0 : it->second;
}

// 'schema.name' or '"Name"' as the reg* input functions read it.
std::vector<std::string> SplitQualifiedName(const std::string& text) {
  std::vector<std::string> parts(1);
  bool quoted = false;
  for (size_t i = 0; i < text.size(); i++) {
    char ch = text[i];
    if (ch == '"') {
      if (quoted && i + 1 < text.size() && text[i + 1] == '"') {
        parts.back() += '"';
        i++;
      } else {
        quoted = !quoted;
      }
    } else if (ch == '.' && !quoted) {
      parts.emplace_back();
    } else {
      parts.back() += quoted ? ch : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
  }
  return parts;
}

bool OnSearchPath(const std::string& schema) {
  if (schema == "pg_catalog") return true;
  for (const auto& s : SearchPathScope::Current())
    if (s == schema) return true;
  return false;
}

int64_t RelationOidByName(const Catalog& c, const std::string& text, int location) {
  std::vector<std::string> parts = SplitQualifiedName(text);
  std::string schema = parts.size() > 1 ? parts[parts.size() - 2] : "";
  const std::string& name = parts.back();
  if (const TableInfo* t = c.FindTable(schema, name)) return RelationOid(t->id);
  if (const ViewInfo* v = c.FindView(schema, name)) return RelationOid(v->id);
  if (const IndexInfo* i = c.FindIndex(schema, name)) return RelationOid(i->id);
  if (const SequenceInfo* s = c.FindSequence(schema, name)) return RelationOid(s->id);
  for (const RelationEntry& r : Relations(c))
    if (r.name == name && (schema.empty() ? OnSearchPath(r.schema) : r.schema == schema))
      return r.oid;
  if (schema.empty() || schema == "pg_catalog") {
    if (int64_t oid = SystemRelationOid(name)) return oid;
  }
  ThrowError(sqlstate::kUndefinedTable,
             "relation \"" + (schema.empty() ? "" : schema + ".") + name + "\" does not exist",
             location);
}

OidMap RelationNames(const Catalog& c) {
  OidMap out;
  for (const RelationEntry& r : Relations(c))
    out.emplace_back(r.oid, Value::Text(OnSearchPath(r.schema) ? r.name : r.schema + "." + r.name));
  return out;
}

OidMap TypeNames() {
  OidMap out;
  for (const BuiltinType& t : BuiltinTypes())
    out.emplace_back(t.oid, Value::Text(FormatType(t.oid, -1)));
  return out;
}

OidMap NamespaceNames(const Catalog& c) {
  OidMap out{{NamespaceOid(c, "information_schema"), Value::Text("information_schema")}};
  for (const auto& [id, s] : c.schemas())
    out.emplace_back(NamespaceOid(c, s.name), Value::Text(s.name));
  return out;
}

OidMap ToValues(const std::vector<std::pair<int64_t, std::string>>& entries) {
  OidMap out;
  for (const auto& [oid, text] : entries) out.emplace_back(oid, Value::Text(text));
  return out;
}

std::string ProcArguments(const ProcEntry& p) {
  std::string out;
  for (size_t i = 0; i < p.arg_oids.size(); i++) {
    out += i ? ", " : "";
    if (p.variadic && i + 1 == p.arg_oids.size()) out += "VARIADIC ";
    out += FormatType(p.arg_oids[i], -1);
  }
  return out;
}

bool IsRegType(const std::string& name) {
  return name == "regclass" || name == "regtype" || name == "regproc" || name == "regprocedure" ||
         name == "regnamespace" || name == "regrole";
}
}  // namespace

BoundExprPtr ExpressionBinder::LookupByOid(BoundExprPtr key, const OidMap& map,
                                           BoundExprPtr otherwise, int location) {
  key = binder_.Coerce(std::move(key), TypeId::kBigInt, false, "argument", location);
  if (key->kind == BoundExprKind::kConstant) {
    if (key->constant.is_null()) return MakeConstant(Value::Null(otherwise->type));
    for (const auto& [oid, value] : map)
      if (oid == key->constant.GetInt64()) return MakeConstant(value);
    return otherwise;
  }
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundExprKind::kCase;
  out->type = otherwise->type;
  out->name = "CASE";
  for (const auto& [oid, value] : map) {
    std::vector<BoundExprPtr> args;
    args.push_back(key->Copy());
    args.push_back(MakeConstant(Value::BigInt(oid)));
    out->children.push_back(CallFunction("=", std::move(args), location, true));
    out->children.push_back(MakeConstant(value));
  }
  out->children.push_back(std::move(otherwise));
  return out;
}

BoundExprPtr ExpressionBinder::BindRegCast(const ast::CastExpr& e, const std::string& target) {
  if (!IsRegType(target)) return nullptr;
  const Catalog& c = binder_.catalog();
  auto operand = Bind(*e.operand);
  bool text_input = operand->type.IsString() || operand->type.id() == TypeId::kUnknown;
  if (!text_input) {
    // An OID shown as the object's name (what the reg* output functions print), or as its
    // number when it names nothing.
    OidMap names;
    if (target == "regclass") {
      names = RelationNames(c);
    } else if (target == "regtype") {
      names = TypeNames();
    } else if (target == "regnamespace") {
      names = NamespaceNames(c);
    } else if (target == "regrole") {
      names = {{kBootstrapRoleOid, Value::Text(kOwnerName)}};
    } else {
      for (const ProcEntry& p : Procs()) names.emplace_back(p.oid, Value::Text(p.name));
    }
    names.emplace_back(0, Value::Text("-"));  // InvalidOid
    auto number = MakeCast(operand->Copy(), TypeId::kText, true);
    return LookupByOid(std::move(operand), names, std::move(number), e.location);
  }
  // A name becomes its OID: only names known when the statement binds.
  if (operand->kind != BoundExprKind::kConstant)
    ThrowError(sqlstate::kFeatureNotSupported, "a " + target + " cast needs a constant name",
               e.location);
  if (operand->constant.is_null()) return MakeConstant(Value::Null(TypeId::kBigInt));
  std::string text = operand->constant.GetString();
  if (!text.empty() && std::all_of(text.begin(), text.end(), ::isdigit))
    return MakeConstant(Value::BigInt(std::stoll(text)));
  std::string name = SplitQualifiedName(text).back();
  int64_t oid = 0;
  if (target == "regclass") {
    oid = RelationOidByName(c, text, e.location);
  } else if (target == "regtype") {
    TypeId id = TypeIdFromName(name);
    for (const BuiltinType& t : BuiltinTypes())
      if (t.name == name || (id != TypeId::kUnknown && !t.type.IsArray() && t.type.id() == id))
        oid = oid ? oid : t.oid;
    if (!oid)
      ThrowError(sqlstate::kUndefinedObject, "type \"" + text + "\" does not exist", e.location);
  } else if (target == "regnamespace") {
    oid = NamespaceOid(c, name);
    if (!oid)
      ThrowError(sqlstate::kUndefinedSchema, "schema \"" + text + "\" does not exist", e.location);
  } else if (target == "regrole") {
    if (name != kOwnerName)
      ThrowError(sqlstate::kUndefinedObject, "role \"" + text + "\" does not exist", e.location);
    oid = kBootstrapRoleOid;
  } else {
    for (const ProcEntry& p : Procs())
      if (p.name == name) oid = oid ? oid : p.oid;
    if (!oid)
      ThrowError(sqlstate::kUndefinedFunction, "function \"" + text + "\" does not exist",
                 e.location);
  }
  return MakeConstant(Value::BigInt(oid));
}

BoundExprPtr ExpressionBinder::BindCatalogFunction(const ast::FunctionExpr& e,
                                                   const std::string& name) {
  const Catalog& c = binder_.catalog();
  auto arg = [&](size_t i) { return Bind(*e.args[i]); };
  auto require = [&](size_t min, size_t max) {
    if (e.args.size() < min || e.args.size() > max)
      ThrowError(
          sqlstate::kUndefinedFunction,
          "function " + name + " does not take " + std::to_string(e.args.size()) + " arguments",
          e.location);
  };
  Value null_text = Value::Null(TypeId::kText);
  if (name == "current_database" || name == "current_catalog") {
    require(0, 0);
    return MakeConstant(Value::Text(kDatabaseName));
  }
  if (name == "current_schema") {
    require(0, 0);
    std::string schema = c.DefaultSchema();
    return MakeConstant(c.FindSchema(schema) ? Value::Text(schema) : null_text);
  }
  if (name == "current_schemas") {
    require(1, 1);
    auto implicit = binder_.CoerceToBoolean(arg(0), "current_schemas", e.location);
    bool with_implicit = implicit->kind == BoundExprKind::kConstant &&
                         !implicit->constant.is_null() && implicit->constant.GetBool();
    std::vector<Value> schemas;
    if (with_implicit) schemas.push_back(Value::Text("pg_catalog"));
    for (const auto& s : SearchPathScope::Current())
      if (s != "pg_catalog" && c.FindSchema(s)) schemas.push_back(Value::Text(s));
    return MakeConstant(MakeArray(schemas, LogicalType(TypeId::kText)));
  }
  bool identity = name == "current_user" || name == "session_user" || name == "user" ||
                  name == "current_role" || name == "pg_backend_pid";
  bool privilege = name.rfind("has_", 0) == 0 && name.size() > 10 &&
                   name.compare(name.size() - 10, 10, "_privilege") == 0;
  if (identity || privilege || name == "pg_has_role") {
    if (identity) require(0, 0);
    if (!identity) require(2, 4);
    auto out = std::make_unique<BoundExpr>();
    out->kind = BoundExprKind::kSessionFunction;
    out->name = name == "user" || name == "current_role" ? "current_user" : name;
    out->type = name == "pg_backend_pid" ? LogicalType(TypeId::kInteger)
                : identity               ? LogicalType(TypeId::kText)
                                         : LogicalType(TypeId::kBoolean);
    // Privilege checks see every argument (role, object, privilege) as text.
    for (size_t i = 0; i < e.args.size(); i++)
      out->children.push_back(binder_.Coerce(MakeCast(arg(i), TypeId::kText, true), TypeId::kText,
                                             false, "argument", e.location));
    return out;
  }
  if (name == "pg_get_indexdef") {
    require(1, 3);
    auto key = binder_.Coerce(arg(0), TypeId::kBigInt, false, "argument", e.location);
    bool whole = e.args.size() < 2;
    BoundExprPtr column;
    if (!whole) {
      column = binder_.Coerce(arg(1), TypeId::kBigInt, false, "argument", e.location);
      whole = column->kind == BoundExprKind::kConstant && !column->constant.is_null() &&
              column->constant.GetInt64() == 0;
    }
    if (whole)
      return LookupByOid(std::move(key), ToValues(IndexDefinitions(c)), MakeConstant(null_text),
                         e.location);
    // One key column: looked up by (index oid, column number) packed into one number.
    OidMap columns;
    for (const auto& [id, index] : c.indexes())
      for (size_t i = 0; i < index.columns.size(); i++)
        columns.emplace_back(
            RelationOid(id) * 10000 + static_cast<int64_t>(i) + 1,
            Value::Text(c.GetTable(index.table_id)->columns[index.columns[i]].name));
    for (const auto& [id, t] : c.tables())
      for (size_t i = 0; i < t.primary_key.size(); i++)
        columns.emplace_back(PrimaryKeyIndexOid(id) * 10000 + static_cast<int64_t>(i) + 1,
                             Value::Text(t.columns[t.primary_key[i]].name));
    std::vector<BoundExprPtr> times;
    times.push_back(std::move(key));
    times.push_back(MakeConstant(Value::BigInt(10000)));
    std::vector<BoundExprPtr> plus;
    plus.push_back(CallFunction("*", std::move(times), e.location, true));
    plus.push_back(std::move(column));
    return LookupByOid(CallFunction("+", std::move(plus), e.location, true), columns,
                       MakeConstant(null_text), e.location);
  }
  if (name == "pg_get_constraintdef") {
    require(1, 2);
    return LookupByOid(arg(0), ToValues(ConstraintDefinitions(c)), MakeConstant(null_text),
                       e.location);
  }
  if (name == "pg_get_viewdef") {
    require(1, 2);
    auto key = arg(0);
    if (key->type.IsString() || key->type.id() == TypeId::kUnknown) {
      if (key->kind == BoundExprKind::kConstant && key->constant.is_null())
        return MakeConstant(null_text);
      if (key->kind != BoundExprKind::kConstant)
        ThrowError(sqlstate::kFeatureNotSupported, "pg_get_viewdef needs a constant name",
                   e.location);
      key =
          MakeConstant(Value::BigInt(RelationOidByName(c, key->constant.GetString(), e.location)));
    }
    OidMap views;
    for (const auto& [id, v] : c.views())
      views.emplace_back(RelationOid(id), Value::Text(v.query_sql));
    return LookupByOid(std::move(key), views, MakeConstant(null_text), e.location);
  }
  if (name == "pg_get_userbyid") {
    require(1, 1);
    // An OID that names no role prints as "unknown (OID=n)".
    std::vector<BoundExprPtr> parts;
    parts.push_back(MakeConstant(Value::Text("unknown (OID=")));
    parts.push_back(MakeCast(arg(0), TypeId::kText, true));
    parts.push_back(MakeConstant(Value::Text(")")));
    std::vector<BoundExprPtr> head;
    head.push_back(std::move(parts[0]));
    head.push_back(std::move(parts[1]));
    std::vector<BoundExprPtr> whole;
    whole.push_back(CallFunction("||", std::move(head), e.location, true));
    whole.push_back(std::move(parts[2]));
    return LookupByOid(arg(0),
                       {{kBootstrapRoleOid, Value::Text(kOwnerName)},
                        {kDatabaseOwnerRoleOid, Value::Text("pg_database_owner")}},
                       CallFunction("||", std::move(whole), e.location, true), e.location);
  }
  if (name == "pg_table_is_visible") {
    require(1, 1);
    OidMap visible;
    for (const RelationEntry& r : Relations(c))
      if (OnSearchPath(r.schema)) visible.emplace_back(r.oid, Value::Boolean(true));
    return LookupByOid(arg(0), visible, MakeConstant(Value::Boolean(false)), e.location);
  }
  if (name == "pg_type_is_visible" || name == "pg_function_is_visible") {
    require(1, 1);
    auto key = binder_.Coerce(arg(0), TypeId::kBigInt, false, "argument", e.location);
    return LookupByOid(std::move(key), {}, MakeConstant(Value::Boolean(true)), e.location);
  }
  if (name == "pg_get_function_result" || name == "pg_get_function_arguments" ||
      name == "pg_get_function_identity_arguments") {
    require(1, 1);
    OidMap texts;
    for (const ProcEntry& p : Procs())
      texts.emplace_back(p.oid,
                         Value::Text(name == "pg_get_function_result" ? FormatType(p.result_oid, -1)
                                                                      : ProcArguments(p)));
    return LookupByOid(arg(0), texts, MakeConstant(null_text), e.location);
  }
  return nullptr;
}

}  // namespace heliosdb
