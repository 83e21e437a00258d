// Value: one typed SQL value (or NULL), used for constants, parameters, catalog defaults and
// row-at-a-time paths. Batches of values live in Vector (common/vector.h), not here.
#pragma once

#include <string>
#include <variant>

#include "common/types.h"

namespace heliosdb {

class Value {
 public:
  Value() = default;  // NULL of unknown type
  static Value Null(LogicalType type = LogicalType()) {
    Value v;
    v.type_ = type;
    return v;
  }
  static Value Boolean(bool b) { return Value(TypeId::kBoolean, b); }
  // Integers, DATE (days), TIME and TIMESTAMP[TZ] (microseconds); see common/types.h.
  static Value Int(LogicalType type, int64_t i) { return Value(type, i); }
  static Value BigInt(int64_t i) { return Value(TypeId::kBigInt, i); }
  static Value Integer(int64_t i) { return Value(TypeId::kInteger, i); }
  static Value Double(double d, LogicalType type = TypeId::kDouble) { return Value(type, d); }
  static Value Numeric(Decimal d, LogicalType type = LogicalType::Numeric()) {
    return Value(type, d);
  }
  static Value Text(std::string s, LogicalType type = TypeId::kText) {
    return Value(type, std::move(s));
  }
  static Value Bytea(std::string bytes) { return Value(TypeId::kBytea, std::move(bytes)); }
  static Value FromInterval(Interval i) { return Value(TypeId::kInterval, i); }
  static Value FromUuid(Uuid u) { return Value(TypeId::kUuid, u); }

  const LogicalType& type() const { return type_; }
  bool is_null() const { return std::holds_alternative<std::monostate>(v_); }

  // REQUIRES: !is_null() and the physical type matches.
  bool GetBool() const { return std::get<bool>(v_); }
  int64_t GetInt64() const { return std::get<int64_t>(v_); }
  double GetDouble() const { return std::get<double>(v_); }
  const Decimal& GetDecimal() const { return std::get<Decimal>(v_); }
  const std::string& GetString() const { return std::get<std::string>(v_); }
  const Interval& GetInterval() const { return std::get<Interval>(v_); }
  const Uuid& GetUuid() const { return std::get<Uuid>(v_); }

  // The same payload under another logical type of the same physical type.
  Value WithType(LogicalType type) const {
    Value v = *this;
    v.type_ = type;
    return v;
  }

  // Total order within one physical type (NULL sorts last); used by sort, min/max, keys.
  // REQUIRES: both values have the same physical type, or one is NULL.
  int Compare(const Value& other) const;
  bool operator==(const Value& other) const { return Compare(other) == 0; }
  uint64_t Hash() const;

  // PostgreSQL's text output ("t", "1.50", "2024-01-02 03:04:05"); "NULL" for NULL.
  // Defined in common/types/value_text.cc.
  std::string ToString() const;

 private:
  template <typename T>
  Value(LogicalType type, T payload) : type_(type), v_(std::move(payload)) {}

  LogicalType type_;
  std::variant<std::monostate, bool, int64_t, double, Decimal, std::string, Interval, Uuid> v_;
};

}  // namespace heliosdb
