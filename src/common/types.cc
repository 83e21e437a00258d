#include "common/types.h"

#include <string_view>
#include <unordered_map>

namespace heliosdb {

PhysicalType LogicalType::physical() const {
  switch (id_) {
    case TypeId::kBoolean:
      return PhysicalType::kBool;
    case TypeId::kReal:
    case TypeId::kDouble:
      return PhysicalType::kDouble;
    case TypeId::kNumeric:
      return PhysicalType::kDecimal;
    case TypeId::kUnknown:
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kChar:
    case TypeId::kBytea:
    case TypeId::kArray:
    case TypeId::kAnyElement:
      return PhysicalType::kString;
    case TypeId::kInterval:
      return PhysicalType::kInterval;
    case TypeId::kUuid:
      return PhysicalType::kUuid;
    default:
      return PhysicalType::kInt64;
  }
}

idx_t PhysicalTypeSize(PhysicalType type) {
  switch (type) {
    case PhysicalType::kBool:
      return sizeof(bool);
    case PhysicalType::kInt64:
      return sizeof(int64_t);
    case PhysicalType::kDouble:
      return sizeof(double);
    case PhysicalType::kDecimal:
      return sizeof(Decimal);
    case PhysicalType::kString:
      return sizeof(std::string_view);
    case PhysicalType::kInterval:
      return sizeof(Interval);
    case PhysicalType::kUuid:
      return sizeof(Uuid);
  }
  return 0;
}

std::string LogicalType::ToString() const {
  auto with_len = [&](const char* name) {
    return mod1_ >= 0 ? std::string(name) + "(" + std::to_string(mod1_) + ")" : std::string(name);
  };
  switch (id_) {
    case TypeId::kUnknown:
      return "unknown";
    case TypeId::kBoolean:
      return "boolean";
    case TypeId::kSmallInt:
      return "smallint";
    case TypeId::kInteger:
      return "integer";
    case TypeId::kBigInt:
      return "bigint";
    case TypeId::kReal:
      return "real";
    case TypeId::kDouble:
      return "double precision";
    case TypeId::kNumeric:
      if (mod1_ < 0) return "numeric";
      return "numeric(" + std::to_string(mod1_) + "," + std::to_string(mod2_ < 0 ? 0 : mod2_) +
             ")";
    case TypeId::kText:
      return "text";
    case TypeId::kVarchar:
      return with_len("character varying");
    case TypeId::kChar:
      return with_len("character");
    case TypeId::kBytea:
      return "bytea";
    case TypeId::kDate:
      return "date";
    case TypeId::kTime:
      return mod1_ >= 0 ? "time(" + std::to_string(mod1_) + ") without time zone"
                        : "time without time zone";
    case TypeId::kTimestamp:
      return mod1_ >= 0 ? "timestamp(" + std::to_string(mod1_) + ") without time zone"
                        : "timestamp without time zone";
    case TypeId::kTimestampTz:
      return mod1_ >= 0 ? "timestamp(" + std::to_string(mod1_) + ") with time zone"
                        : "timestamp with time zone";
    case TypeId::kInterval:
      return "interval";
    case TypeId::kUuid:
      return "uuid";
    case TypeId::kArray:
      return elem_ == TypeId::kUnknown ? "anyarray" : element_type().ToString() + "[]";
    case TypeId::kAnyElement:
      return "anyelement";
  }
  return "unknown";
}

namespace {
// pg_type.typarray of each element type.
uint32_t ArrayOid(TypeId element) {
  switch (element) {
    case TypeId::kBoolean:
      return 1000;
    case TypeId::kSmallInt:
      return 1005;
    case TypeId::kInteger:
      return 1007;
    case TypeId::kBigInt:
      return 1016;
    case TypeId::kReal:
      return 1021;
    case TypeId::kDouble:
      return 1022;
    case TypeId::kNumeric:
      return 1231;
    case TypeId::kText:
      return 1009;
    case TypeId::kVarchar:
      return 1015;
    case TypeId::kChar:
      return 1014;
    case TypeId::kBytea:
      return 1001;
    case TypeId::kDate:
      return 1182;
    case TypeId::kTime:
      return 1183;
    case TypeId::kTimestamp:
      return 1115;
    case TypeId::kTimestampTz:
      return 1185;
    case TypeId::kInterval:
      return 1187;
    case TypeId::kUuid:
      return 2951;
    default:
      return 2277;  // anyarray
  }
}
}  // namespace

uint32_t LogicalType::Oid() const {
  switch (id_) {
    case TypeId::kUnknown:
      return 705;
    case TypeId::kBoolean:
      return 16;
    case TypeId::kSmallInt:
      return 21;
    case TypeId::kInteger:
      return 23;
    case TypeId::kBigInt:
      return 20;
    case TypeId::kReal:
      return 700;
    case TypeId::kDouble:
      return 701;
    case TypeId::kNumeric:
      return 1700;
    case TypeId::kText:
      return 25;
    case TypeId::kVarchar:
      return 1043;
    case TypeId::kChar:
      return 1042;
    case TypeId::kBytea:
      return 17;
    case TypeId::kDate:
      return 1082;
    case TypeId::kTime:
      return 1083;
    case TypeId::kTimestamp:
      return 1114;
    case TypeId::kTimestampTz:
      return 1184;
    case TypeId::kInterval:
      return 1186;
    case TypeId::kUuid:
      return 2950;
    case TypeId::kArray:
      return ArrayOid(elem_);
    case TypeId::kAnyElement:
      return 2283;
  }
  return 0;
}

int32_t LogicalType::Typmod() const {
  if (id_ == TypeId::kArray) return element_type().Typmod();  // as PostgreSQL: the element's
  switch (id_) {
    case TypeId::kNumeric:
      // PostgreSQL packs ((precision << 16) | scale) + VARHDRSZ.
      return mod1_ < 0 ? -1 : ((mod1_ << 16) | (mod2_ < 0 ? 0 : mod2_)) + 4;
    case TypeId::kVarchar:
    case TypeId::kChar:
      return mod1_ < 0 ? -1 : mod1_ + 4;
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return mod1_;
    default:
      return -1;
  }
}

TypeId TypeIdFromName(const std::string& name) {
  static const std::unordered_map<std::string_view, TypeId> kNames = {
      {"bool", TypeId::kBoolean},
      {"boolean", TypeId::kBoolean},
      {"smallint", TypeId::kSmallInt},
      {"int2", TypeId::kSmallInt},
      {"integer", TypeId::kInteger},
      {"int", TypeId::kInteger},
      {"int4", TypeId::kInteger},
      {"bigint", TypeId::kBigInt},
      {"int8", TypeId::kBigInt},
      {"real", TypeId::kReal},
      {"float4", TypeId::kReal},
      {"double precision", TypeId::kDouble},
      {"float8", TypeId::kDouble},
      {"float", TypeId::kDouble},
      {"double", TypeId::kDouble},
      {"numeric", TypeId::kNumeric},
      {"decimal", TypeId::kNumeric},
      {"text", TypeId::kText},
      {"varchar", TypeId::kVarchar},
      {"character varying", TypeId::kVarchar},
      {"char", TypeId::kChar},
      {"character", TypeId::kChar},
      {"bpchar", TypeId::kChar},
      {"bytea", TypeId::kBytea},
      {"date", TypeId::kDate},
      {"time", TypeId::kTime},
      {"time without time zone", TypeId::kTime},
      {"timestamp", TypeId::kTimestamp},
      {"timestamp without time zone", TypeId::kTimestamp},
      {"timestamptz", TypeId::kTimestampTz},
      {"timestamp with time zone", TypeId::kTimestampTz},
      {"interval", TypeId::kInterval},
      {"uuid", TypeId::kUuid},
      {"string", TypeId::kText},
  };
  auto it = kNames.find(name);
  return it == kNames.end() ? TypeId::kUnknown : it->second;
}

}  // namespace heliosdb
