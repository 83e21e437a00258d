#include "server/type_codec.h"

#include <cstring>
#include <vector>

#include "common/exception.h"
#include "common/types/array_value.h"
#include "common/types/decimal.h"
#include "server/wire_message.h"

namespace heliosdb::server {

namespace {
[[noreturn]] void Malformed() {
  ThrowError(sqlstate::kInvalidBinaryRepresentation, "incorrect binary data format");
}

// As PostgreSQL's receive functions: too few bytes is a protocol violation, bytes left over
// make the value malformed.
void ExpectSize(std::string_view bytes, size_t n) {
  if (bytes.size() < n)
    ThrowError(sqlstate::kProtocolViolation, "insufficient data left in message");
  if (bytes.size() > n) Malformed();
}

constexpr uint16_t kNumericNegative = 0x4000;
constexpr uint16_t kNumericNaN = 0xC000;
constexpr uint16_t kNumericPosInf = 0xD000;
constexpr uint16_t kNumericNegInf = 0xF000;

// Numeric through its canonical text ("-12.3400"): the digits are grouped by four around the
// decimal point into base-10000 digits.
void EncodeNumeric(const Decimal& d, std::string* out) {
  auto header = [&](int16_t ndigits, int16_t weight, uint16_t sign, int16_t dscale) {
    PutBigEndian(out, static_cast<uint16_t>(ndigits), 2);
    PutBigEndian(out, static_cast<uint16_t>(weight), 2);
    PutBigEndian(out, sign, 2);
    PutBigEndian(out, static_cast<uint16_t>(dscale), 2);
  };
  if (DecimalIsSpecial(d)) {
    header(0, 0, DecimalIsNaN(d) ? kNumericNaN : d.coef > 0 ? kNumericPosInf : kNumericNegInf, 0);
    return;
  }
  std::string text = DecimalToString(d);
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.erase(0, 1);
  size_t dot = text.find('.');
  std::string whole = text.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  whole.insert(0, (4 - whole.size() % 4) % 4, '0');
  frac.append((4 - frac.size() % 4) % 4, '0');
  std::vector<int16_t> digits;
  for (size_t i = 0; i < whole.size(); i += 4) digits.push_back(std::stoi(whole.substr(i, 4)));
  for (size_t i = 0; i < frac.size(); i += 4) digits.push_back(std::stoi(frac.substr(i, 4)));
  int weight = static_cast<int>(whole.size() / 4) - 1;
  size_t first = 0;
  while (first < digits.size() && digits[first] == 0) {
    first++;
    weight--;
  }
  size_t last = digits.size();
  while (last > first && digits[last - 1] == 0) last--;
  if (first == last) weight = 0;
  header(static_cast<int16_t>(last - first), static_cast<int16_t>(weight),
         negative && first != last ? kNumericNegative : 0, static_cast<int16_t>(d.scale));
  for (size_t i = first; i < last; i++) PutBigEndian(out, static_cast<uint16_t>(digits[i]), 2);
}

Value DecodeNumeric(std::string_view b, const LogicalType& type, const TextFormatOptions& options) {
  if (b.size() < 8) Malformed();
  int ndigits = static_cast<int16_t>(GetBigEndian(b, 0, 2));
  int weight = static_cast<int16_t>(GetBigEndian(b, 2, 2));
  uint16_t sign = static_cast<uint16_t>(GetBigEndian(b, 4, 2));
  int dscale = static_cast<int16_t>(GetBigEndian(b, 6, 2));
  if (ndigits < 0 || dscale < 0 || b.size() != 8 + 2 * static_cast<size_t>(ndigits)) Malformed();
  if (sign == kNumericNaN) return ParseValue("NaN", type, options);
  if (sign == kNumericPosInf) return ParseValue("Infinity", type, options);
  if (sign == kNumericNegInf) return ParseValue("-Infinity", type, options);
  if (sign != 0 && sign != kNumericNegative) Malformed();
  if (weight > 1000 || weight < -1000 || dscale > 1000) Malformed();
  auto digit = [&](int i) -> int {
    if (i < 0 || i >= ndigits) return 0;
    int v = static_cast<int16_t>(GetBigEndian(b, 8 + 2 * static_cast<size_t>(i), 2));
    if (v < 0 || v > 9999) Malformed();
    return v;
  };
  std::string text = sign == kNumericNegative ? "-" : "";
  if (weight < 0) {
    text += "0";
  } else {
    for (int i = 0; i <= weight; i++) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), i == 0 ? "%d" : "%04d", digit(i));
      text += buf;
    }
  }
  std::string frac;
  for (int g = weight + 1; static_cast<int>(frac.size()) < dscale; g++) {
    char buf[8];
    std::snprintf(buf, sizeof(buf), "%04d", digit(g));
    frac += buf;
  }
  frac.resize(static_cast<size_t>(dscale));
  if (!frac.empty()) text += "." + frac;
  return ParseValue(text, type, options);
}

void EncodeArrayBinary(const Value& value, std::string* out) {
  LogicalType element = value.type().element_type();
  std::vector<Value> items = DecodeArray(value.GetString(), element);
  bool has_null = false;
  for (const Value& v : items) has_null |= v.is_null();
  PutBigEndian(out, items.empty() ? 0 : 1, 4);
  PutBigEndian(out, has_null ? 1 : 0, 4);
  PutBigEndian(out, element.Oid(), 4);
  if (items.empty()) return;
  PutBigEndian(out, items.size(), 4);
  PutBigEndian(out, 1, 4);
  for (const Value& v : items) {
    if (v.is_null()) {
      PutBigEndian(out, 0xffffffffu, 4);
      continue;
    }
    size_t at = out->size();
    out->append(4, '\0');
    EncodeBinary(v, out);
    uint32_t n = static_cast<uint32_t>(out->size() - at - 4);
    for (int i = 0; i < 4; i++) (*out)[at + i] = static_cast<char>((n >> (8 * (3 - i))) & 0xff);
  }
}

Value DecodeArrayBinary(std::string_view b, const LogicalType& type,
                        const TextFormatOptions& options) {
  LogicalType element = type.element_type();
  if (b.size() < 12) Malformed();
  int32_t ndim = static_cast<int32_t>(GetBigEndian(b, 0, 4));
  if (ndim < 0 || ndim > 1)
    ThrowError(sqlstate::kFeatureNotSupported, "multidimensional arrays are not supported");
  std::vector<Value> items;
  if (ndim == 1) {
    if (b.size() < 20) Malformed();
    int64_t count = static_cast<int32_t>(GetBigEndian(b, 12, 4));
    if (count < 0) Malformed();
    size_t pos = 20;
    for (int64_t i = 0; i < count; i++) {
      if (pos + 4 > b.size()) Malformed();
      int32_t n = static_cast<int32_t>(GetBigEndian(b, pos, 4));
      pos += 4;
      if (n < 0) {
        items.push_back(Value::Null(element));
        continue;
      }
      if (static_cast<size_t>(n) > b.size() - pos) Malformed();
      items.push_back(DecodeBinary(b.substr(pos, static_cast<size_t>(n)), element, options));
      pos += static_cast<size_t>(n);
    }
    if (pos != b.size()) Malformed();
  }
  return MakeArray(items, element);
}
}  // namespace

LogicalType TypeFromOid(uint32_t oid) {
  switch (oid) {
    case 16:
      return LogicalType(TypeId::kBoolean);
    case 21:
      return LogicalType(TypeId::kSmallInt);
    case 23:
      return LogicalType(TypeId::kInteger);
    case 20:
      return LogicalType(TypeId::kBigInt);
    case 700:
      return LogicalType(TypeId::kReal);
    case 701:
      return LogicalType(TypeId::kDouble);
    case 1700:
      return LogicalType::Numeric();
    case 25:
      return LogicalType(TypeId::kText);
    case 1043:
      return LogicalType::Varchar();
    case 1042:
      return LogicalType(TypeId::kChar);
    case 17:
      return LogicalType(TypeId::kBytea);
    case 1082:
      return LogicalType(TypeId::kDate);
    case 1083:
      return LogicalType(TypeId::kTime);
    case 1114:
      return LogicalType(TypeId::kTimestamp);
    case 1184:
      return LogicalType(TypeId::kTimestampTz);
    case 1186:
      return LogicalType(TypeId::kInterval);
    case 2950:
      return LogicalType(TypeId::kUuid);
    default:
      break;
  }
  // Arrays of the types above.
  static const TypeId kElements[] = {TypeId::kBoolean,  TypeId::kSmallInt,  TypeId::kInteger,
                                     TypeId::kBigInt,   TypeId::kReal,      TypeId::kDouble,
                                     TypeId::kNumeric,  TypeId::kText,      TypeId::kVarchar,
                                     TypeId::kChar,     TypeId::kBytea,     TypeId::kDate,
                                     TypeId::kTime,     TypeId::kTimestamp, TypeId::kTimestampTz,
                                     TypeId::kInterval, TypeId::kUuid};
  for (TypeId e : kElements) {
    LogicalType array = LogicalType::Array(LogicalType(e));
    if (array.Oid() == oid) return array;
  }
  return LogicalType(TypeId::kUnknown);
}

int16_t TypeLength(const LogicalType& type) {
  switch (type.id()) {
    case TypeId::kBoolean:
      return 1;
    case TypeId::kSmallInt:
      return 2;
    case TypeId::kInteger:
    case TypeId::kReal:
    case TypeId::kDate:
      return 4;
    case TypeId::kBigInt:
    case TypeId::kDouble:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return 8;
    case TypeId::kInterval:
    case TypeId::kUuid:
      return 16;
    default:
      return -1;
  }
}

void EncodeBinary(const Value& v, std::string* out) {
  const LogicalType& type = v.type();
  switch (type.id()) {
    case TypeId::kBoolean:
      out->push_back(v.GetBool() ? 1 : 0);
      return;
    case TypeId::kSmallInt:
      PutBigEndian(out, static_cast<uint64_t>(v.GetInt64()), 2);
      return;
    case TypeId::kInteger:
    case TypeId::kDate:
      PutBigEndian(out, static_cast<uint64_t>(v.GetInt64()), 4);
      return;
    case TypeId::kBigInt:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      PutBigEndian(out, static_cast<uint64_t>(v.GetInt64()), 8);
      return;
    case TypeId::kReal: {
      float f = static_cast<float>(v.GetDouble());
      uint32_t bits;
      std::memcpy(&bits, &f, 4);
      PutBigEndian(out, bits, 4);
      return;
    }
    case TypeId::kDouble: {
      double d = v.GetDouble();
      uint64_t bits;
      std::memcpy(&bits, &d, 8);
      PutBigEndian(out, bits, 8);
      return;
    }
    case TypeId::kNumeric:
      EncodeNumeric(v.GetDecimal(), out);
      return;
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kChar:
      out->append(FormatValue(v));
      return;
    case TypeId::kBytea:
      out->append(v.GetString());
      return;
    case TypeId::kInterval: {
      const Interval& iv = v.GetInterval();
      PutBigEndian(out, static_cast<uint64_t>(iv.micros), 8);
      PutBigEndian(out, static_cast<uint32_t>(iv.days), 4);
      PutBigEndian(out, static_cast<uint32_t>(iv.months), 4);
      return;
    }
    case TypeId::kUuid:
      PutBigEndian(out, v.GetUuid().hi, 8);
      PutBigEndian(out, v.GetUuid().lo, 8);
      return;
    case TypeId::kArray:
      EncodeArrayBinary(v, out);
      return;
    default:
      ThrowError(sqlstate::kFeatureNotSupported,
                 "no binary output function available for type " + type.ToString());
  }
}

Value DecodeBinary(std::string_view b, const LogicalType& type, const TextFormatOptions& options) {
  switch (type.id()) {
    case TypeId::kBoolean:
      ExpectSize(b, 1);
      return Value::Boolean(b[0] != 0);
    case TypeId::kSmallInt:
      ExpectSize(b, 2);
      return Value::Int(type, static_cast<int16_t>(GetBigEndian(b, 0, 2)));
    case TypeId::kInteger:
    case TypeId::kDate:
      ExpectSize(b, 4);
      return Value::Int(type, static_cast<int32_t>(GetBigEndian(b, 0, 4)));
    case TypeId::kBigInt:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      ExpectSize(b, 8);
      return Value::Int(type, static_cast<int64_t>(GetBigEndian(b, 0, 8)));
    case TypeId::kReal: {
      ExpectSize(b, 4);
      uint32_t bits = static_cast<uint32_t>(GetBigEndian(b, 0, 4));
      float f;
      std::memcpy(&f, &bits, 4);
      return Value::Double(f, type);
    }
    case TypeId::kDouble: {
      ExpectSize(b, 8);
      uint64_t bits = GetBigEndian(b, 0, 8);
      double d;
      std::memcpy(&d, &bits, 8);
      return Value::Double(d, type);
    }
    case TypeId::kNumeric:
      return DecodeNumeric(b, type, options);
    case TypeId::kUnknown:
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kChar:
      return ParseValue(b, type.id() == TypeId::kUnknown ? LogicalType(TypeId::kText) : type,
                        options);
    case TypeId::kBytea:
      return Value::Bytea(std::string(b));
    case TypeId::kInterval: {
      ExpectSize(b, 16);
      Interval iv;
      iv.micros = static_cast<int64_t>(GetBigEndian(b, 0, 8));
      iv.days = static_cast<int32_t>(GetBigEndian(b, 8, 4));
      iv.months = static_cast<int32_t>(GetBigEndian(b, 12, 4));
      return Value::FromInterval(iv);
    }
    case TypeId::kUuid: {
      ExpectSize(b, 16);
      Uuid u;
      u.hi = GetBigEndian(b, 0, 8);
      u.lo = GetBigEndian(b, 8, 8);
      return Value::FromUuid(u);
    }
    case TypeId::kArray:
      return DecodeArrayBinary(b, type, options);
    default:
      ThrowError(sqlstate::kFeatureNotSupported,
                 "no binary input function available for type " + type.ToString());
  }
}

}  // namespace heliosdb::server
