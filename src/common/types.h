// Logical SQL types and their physical (in-memory, in-vector) representation.
//
// Every logical type maps to one of a few physical types, so kernels are written once per
// physical type:
//   kBool     bool                      BOOLEAN
//   kInt64    int64_t                   SMALLINT, INTEGER, BIGINT (range checked per type),
//                                       DATE (days since 2000-01-01, PostgreSQL's epoch),
//                                       TIME (microseconds since midnight),
//                                       TIMESTAMP / TIMESTAMPTZ (microseconds since
//                                       2000-01-01 00:00:00; TIMESTAMPTZ is UTC)
//   kDouble   double                    REAL (rounded to float precision on store), DOUBLE
//   kDecimal  Decimal                   NUMERIC / NUMERIC(p,s): 128-bit coefficient and scale,
//                                       at most 38 significant digits (NaN and +-Infinity use
//                                       a reserved scale, see types/decimal.h)
//   kString   std::string_view          TEXT, VARCHAR(n), CHAR(n), BYTEA (raw bytes)
//   kInterval Interval                  INTERVAL (months, days, microseconds as PostgreSQL)
//   kUuid     Uuid                      UUID
//   kString   std::string_view          ARRAY (elem[]): the serialized array of
//                                       common/types/array_value.h
// kUnknown is the type of a NULL literal and of an untyped string literal before coercion.
//
// An array type is kArray plus its element's TypeId and modifiers, held inline: PostgreSQL
// arrays never nest (int[][] is one array type with more dimensions), so one element byte
// describes every array type and LogicalType stays a trivially copyable 12-byte value instead
// of carrying a pointer to a child type. LogicalType(kArray) with an unknown element is the
// polymorphic "anyarray" of function signatures; kAnyElement is "anyelement".
#pragma once

#include <cstdint>
#include <string>

namespace heliosdb {

using idx_t = uint64_t;

enum class TypeId : uint8_t {
  kUnknown = 0,
  kBoolean,
  kSmallInt,
  kInteger,
  kBigInt,
  kReal,
  kDouble,
  kNumeric,
  kText,
  kVarchar,
  kChar,
  kBytea,
  kDate,
  kTime,
  kTimestamp,
  kTimestampTz,
  kInterval,
  kUuid,
  kArray,
  kAnyElement,  // only in function signatures: the element type of a polymorphic call
};

enum class PhysicalType : uint8_t { kBool, kInt64, kDouble, kDecimal, kString, kInterval, kUuid };

// NUMERIC value: coefficient * 10^-scale. 0 <= scale <= 38; |coefficient| < 10^38; or a
// special value (NaN, Infinity) marked by kDecimalSpecialScale.
struct Decimal {
  __int128 coef = 0;
  int32_t scale = 0;
};

// INTERVAL as PostgreSQL keeps it: months, days and microseconds are independent fields.
struct Interval {
  int32_t months = 0;
  int32_t days = 0;
  int64_t micros = 0;
  bool operator==(const Interval&) const = default;
};

struct Uuid {
  uint64_t hi = 0;
  uint64_t lo = 0;
  bool operator==(const Uuid&) const = default;
};

class LogicalType {
 public:
  constexpr LogicalType(TypeId id = TypeId::kUnknown, int32_t mod1 = -1, int32_t mod2 = -1)
      : id_(id), elem_(TypeId::kUnknown), mod1_(mod1), mod2_(mod2) {}
  // The array type whose elements are `element` (its modifiers included).
  // REQUIRES: element is not an array.
  static constexpr LogicalType Array(const LogicalType& element) {
    LogicalType t(TypeId::kArray, element.mod1_, element.mod2_);
    t.elem_ = element.id_;
    return t;
  }
  static LogicalType Numeric(int32_t precision = -1, int32_t scale = -1) {
    return LogicalType(TypeId::kNumeric, precision, scale);
  }
  static LogicalType Varchar(int32_t length = -1) { return LogicalType(TypeId::kVarchar, length); }
  static LogicalType Char(int32_t length = 1) { return LogicalType(TypeId::kChar, length); }

  TypeId id() const { return id_; }
  bool IsArray() const { return id_ == TypeId::kArray; }
  // REQUIRES: IsArray(). kUnknown for the polymorphic "anyarray".
  LogicalType element_type() const { return LogicalType(elem_, mod1_, mod2_); }
  // NUMERIC(p,s): precision and scale, -1 when unconstrained.
  int32_t precision() const { return mod1_; }
  int32_t scale() const { return mod2_; }
  // VARCHAR(n) / CHAR(n): the length limit in characters, -1 when none.
  int32_t length() const { return mod1_; }
  // TIME(p) / TIMESTAMP(p): stored in mod1 as well.
  int32_t modifier1() const { return mod1_; }
  int32_t modifier2() const { return mod2_; }

  PhysicalType physical() const;
  bool IsInteger() const {
    return id_ == TypeId::kSmallInt || id_ == TypeId::kInteger || id_ == TypeId::kBigInt;
  }
  bool IsFloat() const { return id_ == TypeId::kReal || id_ == TypeId::kDouble; }
  bool IsNumeric() const { return IsInteger() || IsFloat() || id_ == TypeId::kNumeric; }
  bool IsString() const {
    return id_ == TypeId::kText || id_ == TypeId::kVarchar || id_ == TypeId::kChar;
  }
  bool IsTemporal() const {
    return id_ == TypeId::kDate || id_ == TypeId::kTime || id_ == TypeId::kTimestamp ||
           id_ == TypeId::kTimestampTz || id_ == TypeId::kInterval;
  }

  // PostgreSQL's display name: "integer", "numeric(10,2)", "character varying(20)", ...
  std::string ToString() const;
  // PostgreSQL's type OID and atttypmod (for the wire protocol and pg_catalog).
  uint32_t Oid() const;
  int32_t Typmod() const;

  bool operator==(const LogicalType& o) const {
    return id_ == o.id_ && elem_ == o.elem_ && mod1_ == o.mod1_ && mod2_ == o.mod2_;
  }
  bool operator!=(const LogicalType& o) const { return !(*this == o); }

 private:
  TypeId id_;
  TypeId elem_;  // kArray: the element type (its modifiers are mod1_ and mod2_)
  int32_t mod1_;
  int32_t mod2_;
};

// Size in bytes of one value of a physical type inside a flat vector.
idx_t PhysicalTypeSize(PhysicalType type);

// Parses a type name as written in SQL ("int4", "character varying", "double precision", ...),
// without modifiers. Returns kUnknown when the name is not a type.
TypeId TypeIdFromName(const std::string& lower_name);

}  // namespace heliosdb
