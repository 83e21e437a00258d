// Text input and output of every type (value_text.h); the per-type work lives in
// number_text, decimal, date_time, interval, uuid and string_type.
#include "common/types/value_text.h"

#include "common/exception.h"
#include "common/types/array_value.h"
#include "common/types/date_time.h"
#include "common/types/decimal.h"
#include "common/types/interval.h"
#include "common/types/number_text.h"
#include "common/types/string_type.h"
#include "common/types/uuid.h"

namespace heliosdb {

std::string FormatPayload(const LogicalType& type, const void* payload,
                          const TextFormatOptions& options) {
  switch (type.id()) {
    case TypeId::kBoolean:
      return *static_cast<const bool*>(payload) ? "t" : "f";
    case TypeId::kSmallInt:
    case TypeId::kInteger:
    case TypeId::kBigInt:
      return std::to_string(*static_cast<const int64_t*>(payload));
    case TypeId::kReal:
      return FormatReal(static_cast<float>(*static_cast<const double*>(payload)));
    case TypeId::kDouble:
      return FormatDouble(*static_cast<const double*>(payload));
    case TypeId::kNumeric:
      return DecimalToString(*static_cast<const Decimal*>(payload));
    case TypeId::kUnknown:
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kChar:
      return std::string(*static_cast<const std::string_view*>(payload));
    case TypeId::kBytea:
      return FormatBytea(*static_cast<const std::string_view*>(payload));
    case TypeId::kDate:
      return FormatDate(*static_cast<const int64_t*>(payload));
    case TypeId::kTime:
      return FormatTime(*static_cast<const int64_t*>(payload));
    case TypeId::kTimestamp:
      return FormatTimestamp(*static_cast<const int64_t*>(payload));
    case TypeId::kTimestampTz:
      return FormatTimestampTz(*static_cast<const int64_t*>(payload),
                               SessionZone(options.timezone));
    case TypeId::kInterval:
      return FormatInterval(*static_cast<const Interval*>(payload));
    case TypeId::kUuid:
      return FormatUuid(*static_cast<const Uuid*>(payload));
    case TypeId::kArray:
      return FormatArray(*static_cast<const std::string_view*>(payload), type.element_type(),
                         options);
    case TypeId::kAnyElement:
      break;
  }
  HELIOS_UNREACHABLE();
}

std::string FormatValue(const Value& value, const TextFormatOptions& options) {
  if (value.is_null()) return "NULL";
  switch (value.type().physical()) {
    case PhysicalType::kBool: {
      bool b = value.GetBool();
      return FormatPayload(value.type(), &b, options);
    }
    case PhysicalType::kInt64: {
      int64_t i = value.GetInt64();
      return FormatPayload(value.type(), &i, options);
    }
    case PhysicalType::kDouble: {
      double d = value.GetDouble();
      return FormatPayload(value.type(), &d, options);
    }
    case PhysicalType::kDecimal:
      return FormatPayload(value.type(), &value.GetDecimal(), options);
    case PhysicalType::kString: {
      std::string_view sv = value.GetString();
      return FormatPayload(value.type(), &sv, options);
    }
    case PhysicalType::kInterval:
      return FormatPayload(value.type(), &value.GetInterval(), options);
    case PhysicalType::kUuid:
      return FormatPayload(value.type(), &value.GetUuid(), options);
  }
  HELIOS_UNREACHABLE();
}

std::string Value::ToString() const {
  return FormatValue(*this);
}

Value ParseValue(std::string_view text, const LogicalType& type, const TextFormatOptions& options) {
  switch (type.id()) {
    case TypeId::kBoolean:
      return Value::Boolean(ParseBool(text));
    case TypeId::kSmallInt:
    case TypeId::kInteger:
    case TypeId::kBigInt:
      return Value::Int(type, ParseInteger(text, type.id()));
    case TypeId::kReal:
      return Value::Double(ParseReal(text), type);
    case TypeId::kDouble:
      return Value::Double(ParseDouble(text), type);
    case TypeId::kNumeric: {
      Decimal d = DecimalFromString(text);
      if (type.precision() >= 0) d = DecimalApplyTypmod(d, type.precision(), type.scale());
      return Value::Numeric(d, type);
    }
    case TypeId::kUnknown:
    case TypeId::kText:
      return Value::Text(std::string(text), type);
    case TypeId::kVarchar:
      return Value::Text(std::string(ApplyVarcharLength(text, type.length(), false)), type);
    case TypeId::kChar:
      return Value::Text(ApplyCharLength(text, type.length(), false), type);
    case TypeId::kBytea:
      return Value::Bytea(ParseBytea(text));
    case TypeId::kDate:
      return Value::Int(type, ParseDate(text, SessionZone(options.timezone)));
    case TypeId::kTime:
      return Value::Int(type, AdjustTimePrecision(ParseTime(text), type.modifier1()));
    case TypeId::kTimestamp:
      return Value::Int(type,
                        AdjustTimePrecision(ParseTimestamp(text, SessionZone(options.timezone)),
                                            type.modifier1()));
    case TypeId::kTimestampTz:
      return Value::Int(type,
                        AdjustTimePrecision(ParseTimestampTz(text, SessionZone(options.timezone)),
                                            type.modifier1()));
    case TypeId::kInterval:
      return Value::FromInterval(ParseInterval(text));
    case TypeId::kUuid:
      return Value::FromUuid(ParseUuid(text));
    case TypeId::kArray:
      return ParseArray(text, type, options);
    case TypeId::kAnyElement:
      break;
  }
  HELIOS_UNREACHABLE();
}

}  // namespace heliosdb
