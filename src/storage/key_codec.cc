// Key part layouts (see key_codec.h for the overview; all multi-byte numbers big-endian):
//
//   NULL       | 0xFF |
//   bool       | 0x01 | 0x00 or 0x01 |
//   int64      | 0x01 | u64 (v XOR 1<<63) |
//   double     | 0x01 | u64 bits: positive -> bits | 1<<63, negative -> ~bits |
//                       -0.0 is written as 0.0, every NaN as the canonical quiet NaN (> +Inf)
//   decimal    | 0x01 | class | [exponent | digit nibbles ... | 0 nibble] |
//                class 0x40 negative, 0x80 zero (nothing follows), 0xC0 positive.
//                The value is normalized to 0.d1d2...dn x 10^E with d1 != 0 and dn != 0
//                (trailing zeros stripped, so 1.5 and 1.50 encode alike); E + 128 is one byte,
//                then the digits as nibbles (digit + 1), two per byte, ended by a 0 nibble
//                (padding the last byte, or a 0x00 byte when n is even). A negative value
//                writes the complement of its magnitude's exponent and digit bytes.
//   string     | 0x01 | bytes, 0x00 written as 0x00 0xFF | 0x00 0x00 |
//   interval   | 0x01 | i128 span in microseconds (months = 30 days), sign bit flipped |
//   uuid       | 0x01 | hi u64 | lo u64 |
//   array      | 0x01 | each element's ascending part (0x01... or 0xFF) | 0x00 |
//                element by element, a prefix before its extensions: PostgreSQL's array order
//
// A descending part is the complement of all of its bytes (NULL then sorts first, as
// PostgreSQL's DESC NULLS FIRST).
#include "storage/key_codec.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "common/exception.h"
#include "common/types/array_value.h"

namespace heliosdb {

namespace {

constexpr uint8_t kNullMarker = 0xFF;
constexpr uint8_t kValueMarker = 0x01;
constexpr uint8_t kDecimalNegative = 0x40;
constexpr uint8_t kDecimalZero = 0x80;
constexpr uint8_t kDecimalPositive = 0xC0;
constexpr int kDecimalExponentBias = 128;
constexpr int64_t kMicrosPerDay = 86400000000LL;

void PutU64(uint64_t v, std::string* out) {
  char b[8];
  for (int i = 7; i >= 0; i--, v >>= 8) b[i] = static_cast<char>(v);
  out->append(b, 8);
}

uint64_t DoubleKeyBits(double d) {
  if (d == 0) d = 0.0;  // -0.0 == 0.0
  if (std::isnan(d)) d = std::numeric_limits<double>::quiet_NaN();
  uint64_t bits;
  std::memcpy(&bits, &d, 8);
  if (std::isnan(d)) bits &= ~(uint64_t{1} << 63);  // canonical positive NaN
  return (bits >> 63) ? ~bits : bits | (uint64_t{1} << 63);
}

double DoubleFromKeyBits(uint64_t bits) {
  bits = (bits >> 63) ? bits & ~(uint64_t{1} << 63) : ~bits;
  double d;
  std::memcpy(&d, &bits, 8);
  return d;
}

__int128 IntervalSpan(const Interval& i) {
  return (static_cast<__int128>(i.months) * 30 + i.days) * kMicrosPerDay + i.micros;
}

void EncodeDecimal(const Decimal& d, std::string* out) {
  if (d.coef == 0) {
    out->push_back(static_cast<char>(kDecimalZero));
    return;
  }
  bool negative = d.coef < 0;
  unsigned __int128 mag =
      negative ? -static_cast<unsigned __int128>(d.coef) : static_cast<unsigned __int128>(d.coef);
  int32_t scale = d.scale;
  while (mag % 10 == 0) {  // normalize: 1.50 -> 1.5, 100 -> 1 x 10^2
    mag /= 10;
    scale--;
  }
  char digits[40];
  int n = 0;
  for (unsigned __int128 m = mag; m != 0; m /= 10) digits[n++] = static_cast<char>(m % 10);
  // digits[] holds the least significant digit first; the value is 0.d(n-1)..d0 x 10^(n-scale).
  int exponent = n - scale;
  size_t start = out->size();
  out->push_back(static_cast<char>(negative ? kDecimalNegative : kDecimalPositive));
  out->push_back(static_cast<char>(exponent + kDecimalExponentBias));
  for (int i = n - 1; i >= 0; i -= 2) {
    uint8_t hi = static_cast<uint8_t>(digits[i] + 1);
    uint8_t lo = i >= 1 ? static_cast<uint8_t>(digits[i - 1] + 1) : 0;
    out->push_back(static_cast<char>((hi << 4) | lo));
  }
  if (n % 2 == 0) out->push_back(0);
  if (negative) {
    for (size_t i = start + 1; i < out->size(); i++) (*out)[i] = static_cast<char>(~(*out)[i]);
  }
}

// Reads bytes of one part, undoing the descending complement on the fly.
class PartReader {
 public:
  PartReader(std::string_view* in, bool descending) : in_(in), mask_(descending ? 0xFF : 0) {}
  uint8_t Byte() {
    if (in_->empty()) Malformed();
    uint8_t b = static_cast<uint8_t>(in_->front()) ^ mask_;
    in_->remove_prefix(1);
    return b;
  }
  uint64_t U64() {
    if (in_->size() < 8) Malformed();
    uint64_t v = 0;
    for (int i = 0; i < 8; i++) v = (v << 8) | (static_cast<uint8_t>((*in_)[i]) ^ mask_);
    in_->remove_prefix(8);
    return v;
  }
  [[noreturn]] static void Malformed() {
    ThrowError(sqlstate::kDataCorrupted, "data corrupted: malformed key encoding");
  }

 private:
  std::string_view* in_;
  uint8_t mask_;
};

Decimal DecodeDecimal(PartReader& r, const LogicalType& type) {
  uint8_t cls = r.Byte();
  if (cls == kDecimalZero) return Decimal{0, type.scale() > 0 ? type.scale() : 0};
  if (cls != kDecimalNegative && cls != kDecimalPositive) PartReader::Malformed();
  uint8_t flip = cls == kDecimalNegative ? 0xFF : 0;
  int exponent = static_cast<uint8_t>(r.Byte() ^ flip) - kDecimalExponentBias;
  unsigned __int128 mag = 0;
  int n = 0;
  for (bool done = false; !done;) {
    uint8_t b = r.Byte() ^ flip;
    for (uint8_t nib : {static_cast<uint8_t>(b >> 4), static_cast<uint8_t>(b & 0x0F)}) {
      if (nib == 0) {
        done = true;
        break;
      }
      if (nib > 10 || n >= 38) PartReader::Malformed();
      mag = mag * 10 + (nib - 1);
      n++;
    }
  }
  int32_t scale = n - exponent;
  // A negative scale cannot be represented: multiply it out (1 x 10^2 -> 100, scale 0).
  while (scale < 0) {
    if (mag >= static_cast<unsigned __int128>(1) << 120) PartReader::Malformed();
    mag *= 10;
    scale++;
  }
  // Restore the column's declared scale where there is one (NUMERIC(10,2): 1.5 -> 1.50).
  constexpr unsigned __int128 kLimit = static_cast<unsigned __int128>(1000000000000000000ULL) *
                                       static_cast<unsigned __int128>(10000000000000000000ULL);
  while (type.scale() > scale && scale < 38 && mag < kLimit) {  // kLimit = 10^37
    mag *= 10;
    scale++;
  }
  __int128 coef = static_cast<__int128>(mag);
  return Decimal{cls == kDecimalNegative ? -coef : coef, scale};
}

}  // namespace

namespace {
void EncodeStringPayload(std::string_view s, std::string* out) {
  size_t pos = 0;
  while (true) {
    size_t zero = s.find('\0', pos);
    if (zero == std::string_view::npos) {
      out->append(s.substr(pos));
      break;
    }
    out->append(s.substr(pos, zero - pos));
    out->push_back('\0');
    out->push_back(static_cast<char>(0xFF));
    pos = zero + 1;
  }
  out->push_back('\0');
  out->push_back('\0');
}

void EncodeIntervalPayload(const Interval& interval, std::string* out) {
  unsigned __int128 span = static_cast<unsigned __int128>(IntervalSpan(interval));
  span ^= static_cast<unsigned __int128>(1) << 127;
  PutU64(static_cast<uint64_t>(span >> 64), out);
  PutU64(static_cast<uint64_t>(span), out);
}

void EncodeArrayPayload(std::string_view array, const LogicalType& type, std::string* out) {
  LogicalType element = type.element_type();
  for (const Value& v : DecodeArray(array, element)) EncodeKeyPart(v, false, out);
  out->push_back('\0');
}

// The payload of a non-NULL value of `type` stored at p (a vector slot of its physical type).
void EncodePayload(const uint8_t* p, const LogicalType& type, std::string* out) {
  switch (type.physical()) {
    case PhysicalType::kBool:
      out->push_back(*reinterpret_cast<const bool*>(p) ? 1 : 0);
      return;
    case PhysicalType::kInt64:
      PutU64(static_cast<uint64_t>(*reinterpret_cast<const int64_t*>(p)) ^ (uint64_t{1} << 63), out);
      return;
    case PhysicalType::kDouble:
      PutU64(DoubleKeyBits(*reinterpret_cast<const double*>(p)), out);
      return;
    case PhysicalType::kDecimal:
      EncodeDecimal(*reinterpret_cast<const Decimal*>(p), out);
      return;
    case PhysicalType::kString: {
      std::string_view s = *reinterpret_cast<const std::string_view*>(p);
      if (type.IsArray()) {
        EncodeArrayPayload(s, type, out);
      } else {
        EncodeStringPayload(s, out);
      }
      return;
    }
    case PhysicalType::kInterval:
      EncodeIntervalPayload(*reinterpret_cast<const Interval*>(p), out);
      return;
    case PhysicalType::kUuid: {
      const Uuid& u = *reinterpret_cast<const Uuid*>(p);
      PutU64(u.hi, out);
      PutU64(u.lo, out);
      return;
    }
  }
}
}  // namespace

void EncodeKeyPart(const Value& value, bool descending, std::string* out) {
  size_t start = out->size();
  if (value.is_null()) {
    out->push_back(static_cast<char>(kNullMarker));
  } else {
    out->push_back(static_cast<char>(kValueMarker));
    switch (value.type().physical()) {
      case PhysicalType::kBool:
        out->push_back(value.GetBool() ? 1 : 0);
        break;
      case PhysicalType::kInt64:
        PutU64(static_cast<uint64_t>(value.GetInt64()) ^ (uint64_t{1} << 63), out);
        break;
      case PhysicalType::kDouble:
        PutU64(DoubleKeyBits(value.GetDouble()), out);
        break;
      case PhysicalType::kDecimal:
        EncodeDecimal(value.GetDecimal(), out);
        break;
      case PhysicalType::kString:
        if (value.type().IsArray()) {
          EncodeArrayPayload(value.GetString(), value.type(), out);
        } else {
          EncodeStringPayload(value.GetString(), out);
        }
        break;
      case PhysicalType::kInterval:
        EncodeIntervalPayload(value.GetInterval(), out);
        break;
      case PhysicalType::kUuid:
        PutU64(value.GetUuid().hi, out);
        PutU64(value.GetUuid().lo, out);
        break;
    }
  }
  if (descending) {
    for (size_t i = start; i < out->size(); i++) (*out)[i] = static_cast<char>(~(*out)[i]);
  }
}

void EncodeKeyPart(const UnifiedFormat& data, const LogicalType& type, idx_t row,
                   std::string* out) {
  if (!data.IsValid(row)) {
    out->push_back(static_cast<char>(kNullMarker));
    return;
  }
  out->push_back(static_cast<char>(kValueMarker));
  EncodePayload(data.data + PhysicalTypeSize(type.physical()) * data.sel[row], type, out);
}

std::string EncodeKey(const std::vector<Value>& values) {
  std::string out;
  for (const Value& v : values) EncodeKeyPart(v, false, &out);
  return out;
}

Value DecodeKeyPart(std::string_view* in, const LogicalType& type, bool descending) {
  PartReader r(in, descending);
  uint8_t marker = r.Byte();
  if (marker == kNullMarker) return Value::Null(type);
  if (marker != kValueMarker) PartReader::Malformed();
  switch (type.physical()) {
    case PhysicalType::kBool: {
      uint8_t b = r.Byte();
      if (b > 1) PartReader::Malformed();
      return Value::Boolean(b == 1).WithType(type);
    }
    case PhysicalType::kInt64:
      return Value::Int(type, static_cast<int64_t>(r.U64() ^ (uint64_t{1} << 63)));
    case PhysicalType::kDouble:
      return Value::Double(DoubleFromKeyBits(r.U64()), type);
    case PhysicalType::kDecimal:
      return Value::Numeric(DecodeDecimal(r, type), type);
    case PhysicalType::kString: {
      if (type.IsArray()) {
        std::vector<Value> elements;
        uint8_t end = descending ? 0xFF : 0x00;
        while (true) {
          if (in->empty()) PartReader::Malformed();
          if (static_cast<uint8_t>(in->front()) == end) break;
          elements.push_back(DecodeKeyPart(in, type.element_type(), descending));
        }
        r.Byte();
        return MakeArray(elements, type.element_type());
      }
      std::string s;
      while (true) {
        uint8_t b = r.Byte();
        if (b != 0) {
          s.push_back(static_cast<char>(b));
          continue;
        }
        uint8_t next = r.Byte();
        if (next == 0) break;
        if (next != 0xFF) PartReader::Malformed();
        s.push_back('\0');
      }
      return Value::Text(std::move(s), type);
    }
    case PhysicalType::kInterval: {
      unsigned __int128 hi = r.U64(), lo = r.U64();
      auto span =
          static_cast<__int128>(((hi << 64) | lo) ^ (static_cast<unsigned __int128>(1) << 127));
      // The key keeps only the span; decode it in justified form (months, days, micros of
      // the same sign), which compares equal to the value that was encoded.
      constexpr __int128 kMicrosPerMonth = static_cast<__int128>(30) * kMicrosPerDay;
      auto clamp32 = [](__int128 v) {
        return static_cast<int32_t>(std::clamp<__int128>(v, INT32_MIN, INT32_MAX));
      };
      Interval iv;
      iv.months = clamp32(span / kMicrosPerMonth);
      __int128 rest = span - static_cast<__int128>(iv.months) * kMicrosPerMonth;
      iv.days = clamp32(rest / kMicrosPerDay);
      iv.micros = static_cast<int64_t>(rest - static_cast<__int128>(iv.days) * kMicrosPerDay);
      return Value::FromInterval(iv).WithType(type);
    }
    case PhysicalType::kUuid: {
      Uuid u;
      u.hi = r.U64();
      u.lo = r.U64();
      return Value::FromUuid(u).WithType(type);
    }
  }
  HELIOS_UNREACHABLE();
}

std::string PrefixSuccessor(std::string_view prefix) {
  std::string out(prefix);
  while (!out.empty()) {
    auto last = static_cast<uint8_t>(out.back());
    if (last != 0xFF) {
      out.back() = static_cast<char>(last + 1);
      return out;
    }
    out.pop_back();
  }
  return out;  // every byte was 0xFF: no successor
}

}  // namespace heliosdb
