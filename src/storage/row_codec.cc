// Row layout (the value of a row version after its tag byte; see row_codec.h):
//
//   +-----------+----------------+-------------------------+------------------------------+
//   | format u8 | varint N       | null bitmap             | non-NULL values, in order    |
//   | = 1       | (column count) | ceil(N/8) B, LSB first, |                              |
//   |           |                | bit i = column i NULL   |                              |
//   +-----------+----------------+-------------------------+------------------------------+
//   values by physical type:
//     bool      1 byte (0/1)
//     int64     zigzag varint (LEB128)
//     double    8 bytes little-endian IEEE (REAL is stored as its double)
//     decimal   varint scale | 16 bytes little-endian two's complement coefficient
//     string    varint byte length | bytes
//     interval  months i32 LE | days i32 LE | micros i64 LE
//     uuid      hi u64 LE | lo u64 LE
// Columns at index >= N (added by ALTER TABLE ADD COLUMN after the row was written) are NULL.
#include "storage/row_codec.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "common/exception.h"

namespace heliosdb {

namespace {

constexpr uint8_t kRowFormat = 1;

[[noreturn]] void Malformed() {
  ThrowError(sqlstate::kDataCorrupted, "data corrupted: malformed row encoding");
}

void PutVarint(uint64_t v, std::string* out) {
  char buf[10];
  int n = 0;
  while (v >= 0x80) {
    buf[n++] = static_cast<char>(v | 0x80);
    v >>= 7;
  }
  buf[n++] = static_cast<char>(v);
  out->append(buf, n);
}

template <typename T>
void PutRaw(const T& v, std::string* out) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));  // little-endian hosts only
}

static_assert(std::endian::native == std::endian::little, "row format assumes little-endian");

class RowReader {
 public:
  RowReader(const char* p, const char* end) : p_(p), end_(end) {}
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ >= end_) Malformed();
      auto b = static_cast<uint8_t>(*p_++);
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (b < 0x80) return v;
    }
    Malformed();
  }
  const char* Take(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) Malformed();
    const char* r = p_;
    p_ += n;
    return r;
  }
  template <typename T>
  T Raw() {
    T v;
    std::memcpy(&v, Take(sizeof(T)), sizeof(T));
    return v;
  }
  const char* pos() const { return p_; }
  void set_pos(const char* p) { p_ = p; }

 private:
  const char* p_;
  const char* end_;
};

int64_t ZigZagDecode(uint64_t v) {
  return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
}
uint64_t ZigZagEncode(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}

void SkipValue(RowReader& r, PhysicalType type) {
  switch (type) {
    case PhysicalType::kBool:
      r.Take(1);
      return;
    case PhysicalType::kInt64:
      r.Varint();
      return;
    case PhysicalType::kDouble:
      r.Take(8);
      return;
    case PhysicalType::kDecimal:
      r.Varint();
      r.Take(16);
      return;
    case PhysicalType::kString:
      r.Take(r.Varint());
      return;
    case PhysicalType::kInterval:
    case PhysicalType::kUuid:
      r.Take(16);
      return;
  }
}

// The row header: column count and where the null bitmap is.
struct RowHeader {
  uint64_t count = 0;
  const uint8_t* nulls = nullptr;
  bool IsNull(uint64_t i) const { return (nulls[i >> 3] >> (i & 7)) & 1; }
};

RowHeader ReadHeader(RowReader& r) {
  if (static_cast<uint8_t>(*r.Take(1)) != kRowFormat) Malformed();
  RowHeader h;
  h.count = r.Varint();
  h.nulls = reinterpret_cast<const uint8_t*>(r.Take((h.count + 7) / 8));
  return h;
}

Value ReadValue(RowReader& r, const LogicalType& type) {
  switch (type.physical()) {
    case PhysicalType::kBool:
      return Value::Boolean(*r.Take(1) != 0).WithType(type);
    case PhysicalType::kInt64:
      return Value::Int(type, ZigZagDecode(r.Varint()));
    case PhysicalType::kDouble:
      return Value::Double(r.Raw<double>(), type);
    case PhysicalType::kDecimal: {
      Decimal d;
      d.scale = static_cast<int32_t>(r.Varint());
      d.coef = r.Raw<__int128>();
      return Value::Numeric(d, type);
    }
    case PhysicalType::kString: {
      uint64_t n = r.Varint();
      return Value::Text(std::string(r.Take(n), n), type);
    }
    case PhysicalType::kInterval: {
      Interval iv;
      iv.months = r.Raw<int32_t>();
      iv.days = r.Raw<int32_t>();
      iv.micros = r.Raw<int64_t>();
      return Value::FromInterval(iv).WithType(type);
    }
    case PhysicalType::kUuid: {
      Uuid u;
      u.hi = r.Raw<uint64_t>();
      u.lo = r.Raw<uint64_t>();
      return Value::FromUuid(u).WithType(type);
    }
  }
  HELIOS_UNREACHABLE();
}

// Decodes one value straight into row `row` of a flat vector.
void ReadInto(RowReader& r, PhysicalType type, Vector& out, idx_t row) {
  switch (type) {
    case PhysicalType::kBool:
      out.data<bool>()[row] = *r.Take(1) != 0;
      return;
    case PhysicalType::kInt64:
      out.data<int64_t>()[row] = ZigZagDecode(r.Varint());
      return;
    case PhysicalType::kDouble:
      out.data<double>()[row] = r.Raw<double>();
      return;
    case PhysicalType::kDecimal: {
      Decimal& d = out.data<Decimal>()[row];
      d.scale = static_cast<int32_t>(r.Varint());
      d.coef = r.Raw<__int128>();
      return;
    }
    case PhysicalType::kString: {
      uint64_t n = r.Varint();
      out.SetString(row, std::string_view(r.Take(n), n));
      return;
    }
    case PhysicalType::kInterval:
      out.data<Interval>()[row] = r.Raw<Interval>();
      return;
    case PhysicalType::kUuid:
      out.data<Uuid>()[row] = r.Raw<Uuid>();
      return;
  }
}

// Writes one non-NULL value given as a pointer to its in-vector representation.
void WriteValue(PhysicalType type, const uint8_t* p, std::string* out) {
  switch (type) {
    case PhysicalType::kBool:
      out->push_back(*reinterpret_cast<const bool*>(p) ? 1 : 0);
      return;
    case PhysicalType::kInt64:
      PutVarint(ZigZagEncode(*reinterpret_cast<const int64_t*>(p)), out);
      return;
    case PhysicalType::kDouble:
      PutRaw(*reinterpret_cast<const double*>(p), out);
      return;
    case PhysicalType::kDecimal: {
      const auto& d = *reinterpret_cast<const Decimal*>(p);
      PutVarint(static_cast<uint64_t>(d.scale), out);
      PutRaw(d.coef, out);
      return;
    }
    case PhysicalType::kString: {
      const auto& s = *reinterpret_cast<const std::string_view*>(p);
      PutVarint(s.size(), out);
      out->append(s);
      return;
    }
    case PhysicalType::kInterval: {
      const auto& iv = *reinterpret_cast<const Interval*>(p);
      PutRaw(iv.months, out);
      PutRaw(iv.days, out);
      PutRaw(iv.micros, out);
      return;
    }
    case PhysicalType::kUuid: {
      const auto& u = *reinterpret_cast<const Uuid*>(p);
      PutRaw(u.hi, out);
      PutRaw(u.lo, out);
      return;
    }
  }
}

// Appends the header with an all-clear bitmap; returns the bitmap's offset in *out.
size_t WriteHeader(size_t n, std::string* out) {
  out->push_back(static_cast<char>(kRowFormat));
  PutVarint(n, out);
  size_t bitmap = out->size();
  out->append((n + 7) / 8, '\0');
  return bitmap;
}

}  // namespace

void EncodeRow(const std::vector<Value>& values, const std::vector<LogicalType>& types,
               std::string* out) {
  out->clear();
  size_t n = values.size();
  size_t bitmap = WriteHeader(n, out);
  for (size_t i = 0; i < n; i++) {
    const Value& v = values[i];
    if (v.is_null()) {
      (*out)[bitmap + i / 8] = static_cast<char>((*out)[bitmap + i / 8] | (1 << (i % 8)));
      continue;
    }
    PhysicalType type = i < types.size() ? types[i].physical() : v.type().physical();
    switch (type) {
      case PhysicalType::kBool: {
        bool b = v.GetBool();
        WriteValue(type, reinterpret_cast<const uint8_t*>(&b), out);
        break;
      }
      case PhysicalType::kInt64: {
        int64_t x = v.GetInt64();
        WriteValue(type, reinterpret_cast<const uint8_t*>(&x), out);
        break;
      }
      case PhysicalType::kDouble: {
        double x = v.GetDouble();
        WriteValue(type, reinterpret_cast<const uint8_t*>(&x), out);
        break;
      }
      case PhysicalType::kDecimal:
        WriteValue(type, reinterpret_cast<const uint8_t*>(&v.GetDecimal()), out);
        break;
      case PhysicalType::kString: {
        std::string_view s = v.GetString();
        WriteValue(type, reinterpret_cast<const uint8_t*>(&s), out);
        break;
      }
      case PhysicalType::kInterval:
        WriteValue(type, reinterpret_cast<const uint8_t*>(&v.GetInterval()), out);
        break;
      case PhysicalType::kUuid:
        WriteValue(type, reinterpret_cast<const uint8_t*>(&v.GetUuid()), out);
        break;
    }
  }
}

void EncodeRowFromChunk(const DataChunk& chunk, idx_t row, const std::vector<LogicalType>& types,
                        std::string* out) {
  out->clear();
  size_t n = chunk.column_count();
  size_t bitmap = WriteHeader(n, out);
  for (size_t i = 0; i < n; i++) {
    UnifiedFormat f = chunk.column(i).ToUnified();
    if (!f.IsValid(row)) {
      (*out)[bitmap + i / 8] = static_cast<char>((*out)[bitmap + i / 8] | (1 << (i % 8)));
      continue;
    }
    PhysicalType type = types[i].physical();
    WriteValue(type, f.data + PhysicalTypeSize(type) * f.sel[row], out);
  }
}

std::vector<Value> DecodeRow(std::string_view bytes, const std::vector<LogicalType>& types) {
  RowReader r(bytes.data(), bytes.data() + bytes.size());
  RowHeader h = ReadHeader(r);
  std::vector<Value> values;
  values.reserve(types.size());
  for (size_t i = 0; i < types.size(); i++) {
    if (i >= h.count || h.IsNull(i)) {
      values.push_back(Value::Null(types[i]));
    } else {
      values.push_back(ReadValue(r, types[i]));
    }
  }
  return values;
}

void DecodeRowInto(std::string_view bytes, const std::vector<LogicalType>& types,
                   const std::vector<int>& columns, DataChunk* out, idx_t row) {
  RowReader r(bytes.data(), bytes.data() + bytes.size());
  RowHeader h = ReadHeader(r);
  if (columns.empty()) return;
  int max_col = *std::max_element(columns.begin(), columns.end());
  uint64_t walk = std::min<uint64_t>(static_cast<uint64_t>(max_col) + 1, h.count);

  // Pass 1: find where each needed column starts (skipping the rest without decoding).
  // Pass 2: decode the requested columns in the caller's order. No heap allocation for
  // tables of up to kStackColumns columns.
  constexpr size_t kStackColumns = 128;
  const char* stack_offsets[kStackColumns];
  thread_local std::vector<const char*> heap_offsets;
  const char** offsets = stack_offsets;
  if (walk > kStackColumns) {
    heap_offsets.resize(walk);
    offsets = heap_offsets.data();
  }
  for (uint64_t c = 0; c < walk; c++) {
    if (h.IsNull(c)) {
      offsets[c] = nullptr;
      continue;
    }
    offsets[c] = r.pos();
    if (c + 1 < walk) SkipValue(r, types[c].physical());
  }
  for (size_t k = 0; k < columns.size(); k++) {
    auto c = static_cast<uint64_t>(columns[k]);
    Vector& vec = out->column(k);
    if (c >= walk || offsets[c] == nullptr) {
      vec.SetNull(row);
      continue;
    }
    vec.validity().SetValid(row);
    r.set_pos(offsets[c]);
    ReadInto(r, types[c].physical(), vec, row);
  }
}

}  // namespace heliosdb
