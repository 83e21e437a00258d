// Functions clients call to read pg_catalog that need no catalog: format_type, pg_get_expr
// (defaults and constraints are stored as SQL text, so the "node tree" is already the
// text), pg_encoding_to_char, the *_description functions (no comments are stored) and
// version().
#include "function/scalar/catalog_info.h"

#include "common/types/array_value.h"
#include "function/builtin_functions.h"
#include "function/kernel_util.h"

namespace heliosdb {

namespace {
// Catalog types without a type of their own here (oid is int8, name is text).
const char* CatalogTypeName(int64_t oid) {
  switch (oid) {
    case 18:
      return "\"char\"";
    case 19:
      return "name";
    case 22:
      return "int2vector";
    case 24:
      return "regproc";
    case 26:
      return "oid";
    case 30:
      return "oidvector";
    case 705:
      return "unknown";
    case 2205:
      return "regclass";
    case 2206:
      return "regtype";
    case 2249:
      return "record";
    case 2277:
      return "anyarray";
    case 2278:
      return "void";
    case 2283:
      return "anyelement";
    default:
      return nullptr;
  }
}

// The type with that OID, modifiers taken from typmod as PostgreSQL packs them.
bool TypeFromOid(int64_t oid, int32_t typmod, LogicalType* out) {
  for (int i = static_cast<int>(TypeId::kBoolean); i <= static_cast<int>(TypeId::kUuid); i++) {
    auto id = static_cast<TypeId>(i);
    LogicalType base(id);
    bool array = LogicalType::Array(base).Oid() == oid;
    if (base.Oid() != oid && !array) continue;
    LogicalType t = base;
    if (typmod >= 0) {
      if (id == TypeId::kNumeric && typmod >= 4)
        t = LogicalType::Numeric((typmod - 4) >> 16, (typmod - 4) & 0xffff);
      else if ((id == TypeId::kVarchar || id == TypeId::kChar) && typmod >= 4)
        t = LogicalType(id, typmod - 4);
      else if (id == TypeId::kTime || id == TypeId::kTimestamp || id == TypeId::kTimestampTz)
        t = LogicalType(id, typmod);
    }
    *out = array ? LogicalType::Array(t) : t;
    return true;
  }
  return false;
}
}  // namespace

std::string FormatType(int64_t oid, int32_t typmod) {
  if (const char* name = CatalogTypeName(oid)) return name;
  LogicalType t;
  if (!TypeFromOid(oid, typmod, &t)) return "???";
  // Without a modifier PostgreSQL names blank-padded char by its internal name.
  if (t.id() == TypeId::kChar && typmod < 0) return "bpchar";
  return t.ToString();
}

std::string VersionString() {
  return "PostgreSQL 15.0 (HeliosDB Nano) on x86_64-pc-linux-gnu, compiled by C++20, 64-bit";
}

void RegisterCatalogInfoFunctions(FunctionRegistry& reg) {
  LogicalType text = TypeId::kText, big = TypeId::kBigInt, integer = TypeId::kInteger;
  using Values = std::vector<Value>;
  ScalarFunction format_type =
      Scalar("format_type", {big, integer}, text,
             MakeRowwise(
                 [](const Values& a, const LogicalType&, FunctionContext&) {
                   if (a[0].is_null()) return Value::Null(TypeId::kText);
                   int32_t typmod = a[1].is_null() ? -1 : static_cast<int32_t>(a[1].GetInt64());
                   return Value::Text(FormatType(a[0].GetInt64(), typmod));
                 },
                 false));
  format_type.strict = false;
  reg.AddScalar(format_type);
  auto first_arg =
      MakeRowwise([](const Values& a, const LogicalType&, FunctionContext&) { return a[0]; });
  reg.AddScalar(Scalar("pg_get_expr", {text, big}, text, first_arg));
  reg.AddScalar(Scalar("pg_get_expr", {text, big, LogicalType(TypeId::kBoolean)}, text, first_arg));
  reg.AddScalar(Scalar("pg_encoding_to_char", {integer}, text,
                       MakeRowwise([](const Values& a, const LogicalType&, FunctionContext&) {
                         return Value::Text(a[0].GetInt64() == 6 ? "UTF8" : "");
                       })));
  auto null_text = MakeRowwise([](const Values&, const LogicalType&,
                                  FunctionContext&) { return Value::Null(TypeId::kText); },
                               false);
  for (const auto& args : std::vector<std::vector<LogicalType>>{{big}, {big, text}})
    reg.AddScalar(Scalar("obj_description", args, text, null_text));
  reg.AddScalar(Scalar("col_description", {big, integer}, text, null_text));
  reg.AddScalar(Scalar("shobj_description", {big, text}, text, null_text));
  // Extended statistics do not exist.
  reg.AddScalar(Scalar("pg_get_statisticsobjdef_columns", {big}, text, null_text));
  reg.AddScalar(Scalar("version", {}, text,
                       MakeRowwise([](const Values&, const LogicalType&, FunctionContext&) {
                         return Value::Text(VersionString());
                       })));
  // Publications do not exist, so no relation is published.
  reg.AddScalar(Scalar("pg_relation_is_publishable", {big}, LogicalType(TypeId::kBoolean),
                       MakeRowwise([](const Values&, const LogicalType&, FunctionContext&) {
                         return Value::Boolean(false);
                       })));
}

}  // namespace heliosdb
