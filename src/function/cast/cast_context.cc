// pg_cast.castcontext for our types: when PostgreSQL applies a cast implicitly, on assignment,
// or only when written.
#include "function/cast/cast.h"

namespace heliosdb {

namespace {

bool IsStringLike(TypeId t) {
  return t == TypeId::kText || t == TypeId::kVarchar || t == TypeId::kChar;
}

CastContext NumericContext(TypeId from, TypeId to) {
  auto rank = [](TypeId t) {
    switch (t) {
      case TypeId::kSmallInt:
        return 0;
      case TypeId::kInteger:
        return 1;
      case TypeId::kBigInt:
        return 2;
      case TypeId::kNumeric:
        return 3;
      case TypeId::kReal:
        return 4;
      default:
        return 5;  // double
    }
  };
  // The numeric tower int2 < int4 < int8 < numeric < float4 < float8 widens implicitly;
  // narrowing is an assignment cast (pg_cast).
  return rank(from) < rank(to) ? CastContext::kImplicit : CastContext::kAssignment;
}

}  // namespace

CastContext GetCastContext(const LogicalType& from, const LogicalType& to) {
  TypeId f = from.id(), t = to.id();
  // Array to array: the element cast's context (PostgreSQL's array coercion).
  if (from.IsArray() && to.IsArray()) return GetCastContext(from.element_type(), to.element_type());
  if (f == t) return CastContext::kImplicit;  // same type, perhaps a length/typmod coercion
  if (f == TypeId::kUnknown) return CastContext::kImplicit;
  if (from.IsNumeric() && to.IsNumeric()) return NumericContext(f, t);
  if (IsStringLike(f) && IsStringLike(t)) return CastContext::kImplicit;
  // Automatic I/O conversion casts: to a string type on assignment, from one explicitly.
  if (IsStringLike(t))
    return t == TypeId::kText && f == TypeId::kUnknown ? CastContext::kImplicit
                                                       : CastContext::kAssignment;
  if (IsStringLike(f)) return CastContext::kExplicit;
  if (from.IsArray() || to.IsArray()) return CastContext::kNone;
  switch (f) {
    case TypeId::kBoolean:
      return t == TypeId::kInteger ? CastContext::kExplicit : CastContext::kNone;
    case TypeId::kInteger:
      return t == TypeId::kBoolean ? CastContext::kExplicit : CastContext::kNone;
    case TypeId::kDate:
      if (t == TypeId::kTimestamp || t == TypeId::kTimestampTz) return CastContext::kImplicit;
      return CastContext::kNone;
    case TypeId::kTimestamp:
      if (t == TypeId::kTimestampTz) return CastContext::kImplicit;
      if (t == TypeId::kDate || t == TypeId::kTime) return CastContext::kAssignment;
      return CastContext::kNone;
    case TypeId::kTimestampTz:
      if (t == TypeId::kTimestamp || t == TypeId::kDate || t == TypeId::kTime) {
        return CastContext::kAssignment;
      }
      return CastContext::kNone;
    case TypeId::kTime:
      return t == TypeId::kInterval ? CastContext::kImplicit : CastContext::kNone;
    case TypeId::kInterval:
      return t == TypeId::kTime ? CastContext::kAssignment : CastContext::kNone;
    default:
      return CastContext::kNone;
  }
}

}  // namespace heliosdb
