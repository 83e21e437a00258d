#include "common/value.h"

#include <cstring>
#include <functional>

#include "common/exception.h"
#include "common/types/array_value.h"
#include "common/types/decimal.h"

namespace heliosdb {

namespace {
template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// PostgreSQL orders NaN above every other float and treats NaN = NaN as true.
int CompareDouble(double a, double b) {
  bool an = a != a, bn = b != b;
  if (an || bn) return an == bn ? 0 : (an ? 1 : -1);
  return Cmp(a, b);
}

// Interval comparison as PostgreSQL: months as 30 days, days as 24 hours.
__int128 IntervalSpan(const Interval& i) {
  return (static_cast<__int128>(i.months) * 30 + i.days) * 86400000000LL + i.micros;
}
}  // namespace

int Value::Compare(const Value& o) const {
  if (is_null() || o.is_null()) return is_null() == o.is_null() ? 0 : (is_null() ? 1 : -1);
  switch (type_.physical()) {
    case PhysicalType::kBool:
      return Cmp(GetBool(), o.GetBool());
    case PhysicalType::kInt64:
      return Cmp(GetInt64(), o.GetInt64());
    case PhysicalType::kDouble:
      return CompareDouble(GetDouble(), o.GetDouble());
    case PhysicalType::kDecimal:
      return DecimalCompare(GetDecimal(), o.GetDecimal());
    case PhysicalType::kString: {
      if (type_.IsArray()) return CompareArrays(GetString(), o.GetString(), type_.element_type());
      int c = GetString().compare(o.GetString());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case PhysicalType::kInterval:
      return Cmp(IntervalSpan(GetInterval()), IntervalSpan(o.GetInterval()));
    case PhysicalType::kUuid: {
      const Uuid &a = GetUuid(), &b = o.GetUuid();
      return a.hi != b.hi ? Cmp(a.hi, b.hi) : Cmp(a.lo, b.lo);
    }
  }
  HELIOS_UNREACHABLE();
}

uint64_t Value::Hash() const {
  if (is_null()) return 0x9e3779b97f4a7c15ULL;
  switch (type_.physical()) {
    case PhysicalType::kBool:
      return std::hash<bool>()(GetBool());
    case PhysicalType::kInt64:
      return std::hash<int64_t>()(GetInt64());
    case PhysicalType::kDouble: {
      double d = GetDouble();
      if (d == 0) d = 0;  // -0.0 equals 0.0
      return std::hash<double>()(d);
    }
    case PhysicalType::kDecimal:
      return DecimalHash(GetDecimal());
    case PhysicalType::kString:
      if (type_.IsArray()) return HashArray(GetString(), type_.element_type());
      return std::hash<std::string>()(GetString());
    case PhysicalType::kInterval:
      return std::hash<int64_t>()(static_cast<int64_t>(IntervalSpan(GetInterval())));
    case PhysicalType::kUuid:
      return GetUuid().hi * 31 + GetUuid().lo;
  }
  return 0;
}

}  // namespace heliosdb
