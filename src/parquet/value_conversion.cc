// Single values between our SQL types and Parquet's physical types (ToPhysical, FromPhysical
// and StatisticsBytes in schema_mapping.h). Our dates count days and timestamps microseconds
// from 2000-01-01, Parquet's from 1970-01-01; infinite dates and timestamps keep DuckDB's
// representation (INT32_MAX / -INT32_MAX days, INT64_MAX / -INT64_MAX microseconds).
#include <cmath>
#include <cstring>
#include <limits>

#include "common/types/date_time.h"
#include "common/types/decimal.h"
#include "common/types/value_text.h"
#include "parquet/parquet_error.h"
#include "parquet/schema_mapping.h"

namespace heliosdb::parquet {

namespace {

using Kind = LogicalTypeAnnotation;

// 1970-01-01 in our microseconds (negative: before 2000).
constexpr int64_t kUnixEpochMicros = kUnixEpochDays * kMicrosPerDay;
constexpr int64_t kInt96JulianUnixEpoch = 2440588;

std::string BigEndian(__int128 v, int bytes) {
  std::string out(bytes, '\0');
  for (int i = bytes - 1; i >= 0; i--) {
    out[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  return out;
}

__int128 FromBigEndian(const std::string& s) {
  if (s.empty()) return 0;
  __int128 v = static_cast<int8_t>(s[0]);  // sign-extends
  for (size_t i = 1; i < s.size(); i++) v = (v << 8) | static_cast<uint8_t>(s[i]);
  return v;
}

void PutLe32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; i++) out->push_back(static_cast<char>(v >> (8 * i)));
}

uint32_t GetLe32(const std::string& s, size_t at) {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++)
    v |= static_cast<uint32_t>(static_cast<uint8_t>(s[at + i])) << (8 * i);
  return v;
}

int64_t UnitMicros(const LeafType& leaf, int64_t v) {
  TimeUnit unit = leaf.logical ? leaf.logical->unit : TimeUnit::kMicros;
  if (!leaf.logical && (leaf.converted == ConvertedType::kTimestampMillis ||
                        leaf.converted == ConvertedType::kTimeMillis))
    unit = TimeUnit::kMillis;
  switch (unit) {
    case TimeUnit::kMillis:
      return v * 1000;
    case TimeUnit::kNanos:
      return v >= 0 ? v / 1000 : -((-v + 999) / 1000);
    default:
      return v;
  }
}

// INTEGER(unsigned) and UINT_* annotations: the stored bits are an unsigned number.
bool IsUnsigned(const LeafType& leaf) {
  if (leaf.logical && leaf.logical->kind == Kind::kInteger) return !leaf.logical->is_signed;
  return leaf.converted >= ConvertedType::kUint8 && leaf.converted <= ConvertedType::kUint64;
}

int64_t ToDate(int64_t days) {
  if (days == kInfinity) return std::numeric_limits<int32_t>::max();
  if (days == kNegInfinity) return -std::numeric_limits<int32_t>::max();
  return days - kUnixEpochDays;
}

int64_t ToTimestamp(int64_t micros) {
  if (!IsFinite(micros)) return micros == kInfinity ? micros : -kInfinity;
  int64_t unix_micros;
  // The last 11 days of PostgreSQL's range lie beyond Parquet's 64-bit microseconds.
  if (__builtin_sub_overflow(micros, kUnixEpochMicros, &unix_micros))
    ThrowError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range for Parquet");
  return unix_micros;
}

}  // namespace

Value ToPhysical(const Value& v, const LeafType& leaf) {
  if (leaf.as_text) return Value::Bytea(v.ToString());
  switch (leaf.sql.id()) {
    case TypeId::kBoolean:
      return v;
    case TypeId::kSmallInt:
    case TypeId::kInteger:
    case TypeId::kBigInt:
    case TypeId::kTime:
      return Value::BigInt(v.GetInt64());
    case TypeId::kDate:
      return Value::BigInt(ToDate(v.GetInt64()));
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return Value::BigInt(ToTimestamp(v.GetInt64()));
    case TypeId::kReal:
    case TypeId::kDouble:
      return Value::Double(v.GetDouble());
    case TypeId::kNumeric: {
      const Decimal& d = v.GetDecimal();
      if (DecimalIsSpecial(d))
        ThrowError(sqlstate::kFeatureNotSupported,
                   "numeric value " + v.ToString() + " cannot be written as a Parquet DECIMAL");
      __int128 coef = DecimalRescale(d, leaf.scale).coef;
      if (leaf.physical == Type::kFixedLenByteArray)
        return Value::Bytea(BigEndian(coef, leaf.type_length));
      return Value::BigInt(static_cast<int64_t>(coef));
    }
    case TypeId::kInterval: {
      // Parquet's INTERVAL holds three unsigned numbers: refuse what it would change.
      const Interval& iv = v.GetInterval();
      if (iv.micros % 1000 != 0 || iv.micros < 0 || iv.months < 0 || iv.days < 0 ||
          iv.micros / 1000 > std::numeric_limits<int32_t>::max()) {
        Status s =
            Status::Error(sqlstate::kDatetimeFieldOverflow,
                          "interval " + v.ToString() + " cannot be written as a Parquet INTERVAL");
        s.WithDetail("Parquet intervals hold non-negative months, days and whole milliseconds.");
        s.WithHint("Write the column as text: COPY (SELECT ..., column::text ...) TO ...");
        throw DbException(s);
      }
      std::string out;
      PutLe32(&out, static_cast<uint32_t>(iv.months));
      PutLe32(&out, static_cast<uint32_t>(iv.days));
      PutLe32(&out, static_cast<uint32_t>(iv.micros / 1000));
      return Value::Bytea(std::move(out));
    }
    case TypeId::kUuid: {
      const Uuid& u = v.GetUuid();
      std::string out =
          BigEndian(static_cast<__int128>(u.hi), 8) + BigEndian(static_cast<__int128>(u.lo), 8);
      return Value::Bytea(std::move(out));
    }
    default:
      return Value::Bytea(v.GetString());
  }
}

Value FromPhysical(const Value& p, const LeafType& leaf) {
  const LogicalType& type = leaf.sql;
  switch (type.id()) {
    case TypeId::kBoolean:
      return p;
    case TypeId::kSmallInt:
    case TypeId::kInteger:
    case TypeId::kBigInt: {
      int64_t v = p.GetInt64();
      if (IsUnsigned(leaf) && leaf.physical == Type::kInt32) v = static_cast<uint32_t>(v);
      return Value::Int(type, v);
    }
    case TypeId::kDate: {
      int64_t days = p.GetInt64();
      if (days == std::numeric_limits<int32_t>::max()) return Value::Int(type, kInfinity);
      if (days == -std::numeric_limits<int32_t>::max()) return Value::Int(type, kNegInfinity);
      return Value::Int(type, days + kUnixEpochDays);
    }
    case TypeId::kTime:
      return Value::Int(type, UnitMicros(leaf, p.GetInt64()));
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: {
      int64_t micros;
      if (leaf.physical == Type::kInt96) {
        const std::string& b = p.GetString();
        uint64_t nanos = static_cast<uint64_t>(GetLe32(b, 0)) | static_cast<uint64_t>(GetLe32(b, 4))
                                                                    << 32;
        int64_t julian = GetLe32(b, 8);
        micros =
            (julian - kInt96JulianUnixEpoch) * kMicrosPerDay + static_cast<int64_t>(nanos / 1000);
      } else {
        micros = p.GetInt64();
        if (!IsFinite(micros) || micros == -kInfinity)
          return Value::Int(type, micros > 0 ? kInfinity : kNegInfinity);
        bool millis = UnitMicros(leaf, 1) == 1000;
        if (millis && (micros > kEndTimestamp / 1000 || micros < kMinTimestamp / 1000))
          ThrowError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
        micros = UnitMicros(leaf, micros);
      }
      __int128 ours = static_cast<__int128>(micros) + kUnixEpochMicros;
      if (ours >= kEndTimestamp || ours < kMinTimestamp)
        ThrowError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
      return Value::Int(type, static_cast<int64_t>(ours));
    }
    case TypeId::kReal:
    case TypeId::kDouble:
      return Value::Double(p.GetDouble(), type);
    case TypeId::kNumeric: {
      __int128 coef = p.type().id() == TypeId::kBytea ? FromBigEndian(p.GetString())
                      : IsUnsigned(leaf)
                          ? static_cast<__int128>(static_cast<uint64_t>(p.GetInt64()))
                          : p.GetInt64();
      if (p.type().id() == TypeId::kBytea && p.GetString().size() > 16)
        ThrowUnsupported("DECIMAL wider than 16 bytes");
      __int128 limit = 1;
      for (int i = 0; i < 38; i++) limit *= 10;
      if (coef >= limit || coef <= -limit)
        ThrowError(sqlstate::kNumericValueOutOfRange,
                   "numeric field overflow: a Parquet DECIMAL value has more than 38 digits");
      Decimal d;
      d.coef = coef;
      d.scale = leaf.scale;
      return Value::Numeric(d, type);
    }
    case TypeId::kInterval: {
      const std::string& b = p.GetString();
      Interval iv;
      iv.months = static_cast<int32_t>(GetLe32(b, 0));
      iv.days = static_cast<int32_t>(GetLe32(b, 4));
      iv.micros = static_cast<int64_t>(static_cast<int32_t>(GetLe32(b, 8))) * 1000;
      return Value::FromInterval(iv);
    }
    case TypeId::kUuid: {
      const std::string& b = p.GetString();
      Uuid u;
      for (int i = 0; i < 8; i++) u.hi = (u.hi << 8) | static_cast<uint8_t>(b[i]);
      for (int i = 8; i < 16; i++) u.lo = (u.lo << 8) | static_cast<uint8_t>(b[i]);
      return Value::FromUuid(u);
    }
    case TypeId::kBytea:
      return p;
    default:
      return Value::Text(p.GetString(), type);
  }
}

std::string StatisticsBytes(const Value& p, const LeafType& leaf) {
  std::string out;
  switch (leaf.physical) {
    case Type::kBoolean:
      out.push_back(p.GetBool() ? 1 : 0);
      break;
    case Type::kInt32:
      PutLe32(&out, static_cast<uint32_t>(p.GetInt64()));
      break;
    case Type::kInt64: {
      uint64_t v = static_cast<uint64_t>(p.GetInt64());
      PutLe32(&out, static_cast<uint32_t>(v));
      PutLe32(&out, static_cast<uint32_t>(v >> 32));
      break;
    }
    case Type::kFloat: {
      float f = static_cast<float>(p.GetDouble());
      uint32_t bits;
      std::memcpy(&bits, &f, 4);
      PutLe32(&out, bits);
      break;
    }
    case Type::kDouble: {
      double d = p.GetDouble();
      uint64_t bits;
      std::memcpy(&bits, &d, 8);
      PutLe32(&out, static_cast<uint32_t>(bits));
      PutLe32(&out, static_cast<uint32_t>(bits >> 32));
      break;
    }
    default:
      out = p.GetString();
  }
  return out;
}

}  // namespace heliosdb::parquet
