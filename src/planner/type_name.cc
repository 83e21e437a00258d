#include "planner/type_name.h"

#include "common/exception.h"

namespace heliosdb {

LogicalType ResolveTypeName(const ast::TypeName& t) {
  std::string name = t.name;
  if (name.rfind("pg_catalog.", 0) == 0) name = name.substr(11);
  // pg_catalog's own types stand for ours: an OID is int8 (it must hold 2^32 - 1), a name is
  // text, the vectors are arrays; the reg* types bind as casts (catalog_function_binder.cc).
  if (name == "oid" || name == "xid" || name == "cid" || name == "regclass" ||
      name == "regtype" || name == "regproc" || name == "regnamespace" || name == "regrole")
    name = "bigint";
  if (name == "name") name = "text";
  if (name == "int2vector" || name == "oidvector") {
    ast::TypeName vector = t;
    vector.name = name == "int2vector" ? "smallint" : "bigint";
    vector.array_dims = 1;
    return ResolveTypeName(vector);
  }
  TypeId id = TypeIdFromName(name);
  if (id == TypeId::kUnknown)
    ThrowError(sqlstate::kUndefinedObject, "type \"" + t.name + "\" does not exist", t.location);
  // int[] and int[][] name the same type, as in PostgreSQL (dimensions are not enforced).
  if (t.array_dims > 0) {
    ast::TypeName element = t;
    element.array_dims = 0;
    return LogicalType::Array(ResolveTypeName(element));
  }
  const auto& m = t.modifiers;
  switch (id) {
    case TypeId::kNumeric: {
      if (m.empty()) return LogicalType::Numeric();
      int p = m[0];
      int s = m.size() > 1 ? m[1] : 0;
      if (p < 1 || p > 38)
        ThrowError(sqlstate::kInvalidParameterValue,
                   "NUMERIC precision " + std::to_string(p) + " must be between 1 and 38",
                   t.location);
      if (s < 0 || s > p)
        ThrowError(sqlstate::kInvalidParameterValue,
                   "NUMERIC scale " + std::to_string(s) + " must be between 0 and precision " +
                       std::to_string(p),
                   t.location);
      return LogicalType::Numeric(p, s);
    }
    case TypeId::kVarchar:
    case TypeId::kChar: {
      const char* what = id == TypeId::kVarchar ? "varchar" : "char";
      if (m.empty()) return id == TypeId::kChar ? LogicalType::Char(1) : LogicalType::Varchar();
      if (m[0] < 1)
        ThrowError(sqlstate::kInvalidParameterValue,
                   std::string("length for type ") + what + " must be at least 1", t.location);
      if (m[0] > 10485760)
        ThrowError(sqlstate::kInvalidParameterValue,
                   std::string("length for type ") + what + " cannot exceed 10485760",
                   t.location);
      return LogicalType(id, m[0]);
    }
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      if (!m.empty() && (m[0] < 0 || m[0] > 6))
        ThrowError(sqlstate::kInvalidParameterValue,
                   "precision for type " + name + " must be between 0 and 6", t.location);
      return LogicalType(id, m.empty() ? -1 : m[0]);
    default:
      return LogicalType(id);
  }
}

}  // namespace heliosdb
