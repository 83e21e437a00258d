// The bytes of an array value (stored in rows as a string; see storage/row_codec.cc):
//
//   +----------------+---------------------------------------------------------------+
//   | varint N       | N elements, in order, each:                                   |
//   | (element count)|   u8 tag: 0 = NULL (nothing follows), 1 = a value follows     |
//   +----------------+---------------------------------------------------------------+
//   values by the element's physical type:
//     bool      1 byte (0/1)
//     int64     zigzag varint
//     double    8 bytes little-endian IEEE
//     decimal   zigzag varint scale | 16 bytes little-endian two's complement coefficient
//     string    varint byte length | bytes
//     interval  zigzag varints months, days, micros
//     uuid      hi u64 LE | lo u64 LE
// The element type is not stored: the column's (or expression's) array type names it.
// docs/format/array.md describes the format in prose.
#include "common/types/array_value.h"

#include <bit>
#include <cstring>

#include "common/binary_io.h"
#include "common/exception.h"

namespace heliosdb {

namespace {

constexpr const char* kWhat = "array value";

static_assert(std::endian::native == std::endian::little, "array format assumes little-endian");

template <typename T>
void PutRaw(BinaryWriter& w, const T& v) {
  w.data().append(reinterpret_cast<const char*>(&v), sizeof(T));
}

template <typename T>
T GetRaw(BinaryReader& r) {
  T v;
  auto* p = reinterpret_cast<uint8_t*>(&v);
  for (size_t i = 0; i < sizeof(T); i++) p[i] = r.GetU8();
  return v;
}

void PutElement(BinaryWriter& w, const Value& v) {
  switch (v.type().physical()) {
    case PhysicalType::kBool:
      w.PutBool(v.GetBool());
      return;
    case PhysicalType::kInt64:
      w.PutSigned(v.GetInt64());
      return;
    case PhysicalType::kDouble:
      PutRaw(w, v.GetDouble());
      return;
    case PhysicalType::kDecimal:
      w.PutSigned(v.GetDecimal().scale);
      PutRaw(w, v.GetDecimal().coef);
      return;
    case PhysicalType::kString:
      w.PutString(v.GetString());
      return;
    case PhysicalType::kInterval:
      w.PutSigned(v.GetInterval().months);
      w.PutSigned(v.GetInterval().days);
      w.PutSigned(v.GetInterval().micros);
      return;
    case PhysicalType::kUuid:
      PutRaw(w, v.GetUuid().hi);
      PutRaw(w, v.GetUuid().lo);
      return;
  }
}

Value GetElement(BinaryReader& r, const LogicalType& t) {
  switch (t.physical()) {
    case PhysicalType::kBool:
      return Value::Boolean(r.GetBool()).WithType(t);
    case PhysicalType::kInt64:
      return Value::Int(t, r.GetSigned());
    case PhysicalType::kDouble:
      return Value::Double(GetRaw<double>(r), t);
    case PhysicalType::kDecimal: {
      Decimal d;
      d.scale = static_cast<int32_t>(r.GetSigned());
      d.coef = GetRaw<__int128>(r);
      return Value::Numeric(d, t);
    }
    case PhysicalType::kString:
      return Value::Text(r.GetString(), t);
    case PhysicalType::kInterval: {
      Interval i;
      i.months = static_cast<int32_t>(r.GetSigned());
      i.days = static_cast<int32_t>(r.GetSigned());
      i.micros = r.GetSigned();
      return Value::FromInterval(i).WithType(t);
    }
    case PhysicalType::kUuid: {
      Uuid u;
      u.hi = GetRaw<uint64_t>(r);
      u.lo = GetRaw<uint64_t>(r);
      return Value::FromUuid(u).WithType(t);
    }
  }
  HELIOS_UNREACHABLE();
}

}  // namespace

std::string EncodeArray(const std::vector<Value>& elements, const LogicalType& element) {
  BinaryWriter w;
  w.PutVarint(elements.size());
  for (const Value& v : elements) {
    w.PutU8(v.is_null() ? 0 : 1);
    if (!v.is_null()) {
      HELIOS_ASSERT(v.type().physical() == element.physical());
      PutElement(w, v);
    }
  }
  return std::move(w.data());
}

std::vector<Value> DecodeArray(std::string_view bytes, const LogicalType& element) {
  BinaryReader r(bytes, kWhat);
  uint64_t n = r.GetVarint();
  if (n > bytes.size()) ThrowError(sqlstate::kDataCorrupted, "array value is corrupted");
  std::vector<Value> out;
  out.reserve(n);
  for (uint64_t i = 0; i < n; i++)
    out.push_back(r.GetU8() ? GetElement(r, element) : Value::Null(element));
  return out;
}

idx_t ArrayLength(std::string_view bytes) {
  BinaryReader r(bytes, kWhat);
  return r.GetVarint();
}

Value MakeArray(const std::vector<Value>& elements, const LogicalType& element) {
  return Value::Text(EncodeArray(elements, element), LogicalType::Array(element));
}

int CompareArrays(std::string_view a, std::string_view b, const LogicalType& element) {
  std::vector<Value> x = DecodeArray(a, element), y = DecodeArray(b, element);
  for (size_t i = 0; i < x.size() && i < y.size(); i++) {
    int c = x[i].Compare(y[i]);
    if (c != 0) return c;
  }
  return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
}

uint64_t HashArray(std::string_view bytes, const LogicalType& element) {
  uint64_t h = 0x2545f4914f6cdd1dULL;
  for (const Value& v : DecodeArray(bytes, element)) h = (h ^ v.Hash()) * 0x100000001b3ULL;
  return h;
}

}  // namespace heliosdb
