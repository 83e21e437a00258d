#include "storage/columnar/codec/vector_bridge.h"

#include <cstring>

#include "common/exception.h"
#include "common/types/decimal.h"
#include "storage/columnar/codec/dictionary.h"

namespace heliosdb::codec {

namespace {

constexpr int32_t kMaxScaledPrecision = 18;

}  // namespace

std::optional<StorageType> StorageTypeFor(const LogicalType& t) {
  switch (t.id()) {
    case TypeId::kBoolean:
      return StorageType::kBool;
    case TypeId::kSmallInt:
      return StorageType::kInt16;
    case TypeId::kInteger:
    case TypeId::kDate:
      return StorageType::kInt32;
    case TypeId::kBigInt:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return StorageType::kInt64;
    case TypeId::kNumeric:
      if (t.precision() > 0 && t.precision() <= kMaxScaledPrecision && t.scale() >= 0) {
        return StorageType::kInt64;
      }
      return std::nullopt;
    case TypeId::kReal:
      return StorageType::kFloat;
    case TypeId::kDouble:
      return StorageType::kDouble;
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kChar:
    case TypeId::kBytea:
      return StorageType::kString;
    default:
      return std::nullopt;
  }
}

ColumnBuilder::ColumnBuilder(const LogicalType& type) : type_(type) {
  std::optional<StorageType> storage = StorageTypeFor(type);
  HELIOS_ASSERT(storage.has_value());
  storage_ = *storage;
}

bool ColumnBuilder::Append(const Vector& v, idx_t count) {
  UnifiedFormat u = v.ToUnified();
  size_t width = StorageTypeWidth(storage_);
  std::vector<uint8_t> fixed(count * width, 0);
  std::vector<std::string> strings;
  for (idx_t i = 0; i < count; i++) {
    if (!u.IsValid(i)) continue;
    uint8_t* dst = fixed.data() + i * width;
    switch (storage_) {
      case StorageType::kBool:
        *dst = u.Get<bool>(i);
        break;
      case StorageType::kInt16: {
        auto x = static_cast<int16_t>(u.Get<int64_t>(i));
        std::memcpy(dst, &x, 2);
        break;
      }
      case StorageType::kInt32: {
        auto x = static_cast<int32_t>(u.Get<int64_t>(i));
        std::memcpy(dst, &x, 4);
        break;
      }
      case StorageType::kInt64: {
        int64_t x;
        if (type_.id() == TypeId::kNumeric) {
          const Decimal& d = u.Get<Decimal>(i);
          if (DecimalIsSpecial(d)) return false;
          x = static_cast<int64_t>(DecimalRescale(d, type_.scale()).coef);
        } else {
          x = u.Get<int64_t>(i);
        }
        std::memcpy(dst, &x, 8);
        break;
      }
      case StorageType::kFloat: {
        auto x = static_cast<float>(u.Get<double>(i));
        std::memcpy(dst, &x, 4);
        break;
      }
      case StorageType::kDouble:
        std::memcpy(dst, &u.Get<double>(i), 8);
        break;
      default:
        break;
    }
  }
  if (storage_ == StorageType::kString) {
    for (idx_t i = 0; i < count; i++) {
      strings_.emplace_back(u.IsValid(i) ? u.Get<std::string_view>(i) : std::string_view());
    }
  }
  fixed_.insert(fixed_.end(), fixed.begin(), fixed.end());
  validity_.resize((count_ + count + 63) / 64, ~uint64_t{0});
  for (idx_t i = 0; i < count; i++) {
    if (u.IsValid(i)) continue;
    has_nulls_ = true;
    validity_[(count_ + i) >> 6] &= ~(uint64_t{1} << ((count_ + i) & 63));
  }
  count_ += count;
  return true;
}

ColumnView ColumnBuilder::view() const {
  ColumnView v;
  v.type = storage_;
  v.count = count_;
  v.fixed = fixed_.data();
  views_.assign(strings_.begin(), strings_.end());
  v.strings = views_.data();
  v.validity = has_nulls_ ? validity_.data() : nullptr;
  return v;
}

namespace {

// Row i of values into row dst of a flat vector of type.
void PutValue(const ColumnView& values, idx_t i, const LogicalType& type, Vector& out, idx_t dst) {
  switch (values.type) {
    case StorageType::kBool:
      out.data<bool>()[dst] = values.fixed[i] != 0;
      return;
    case StorageType::kInt8:
    case StorageType::kInt16:
    case StorageType::kInt32:
      out.data<int64_t>()[dst] = values.GetInt(i);
      return;
    case StorageType::kInt64:
      if (type.id() == TypeId::kNumeric) {
        out.data<Decimal>()[dst] = Decimal{values.Get<int64_t>(i), type.scale()};
      } else {
        out.data<int64_t>()[dst] = values.Get<int64_t>(i);
      }
      return;
    case StorageType::kFloat:
      out.data<double>()[dst] = values.Get<float>(i);
      return;
    case StorageType::kDouble:
      out.data<double>()[dst] = values.Get<double>(i);
      return;
    case StorageType::kString:
      out.SetString(dst, values.strings[i]);
      return;
  }
}

void LoadCache(const SegmentReader& reader, const LogicalType& type, ScanCache& cache) {
  cache.reader = &reader;
  cache.loaded = true;
  if (reader.codec().id != CodecId::kDictionary) {
    reader.Decompress(cache.values);
    return;
  }
  ColumnBuffer entries;
  DecodeDictionary(reader.payload(), reader.type(), reader.count(), entries, cache.codes);
  cache.dictionary = Vector(type, entries.count() + 1);
  for (idx_t e = 0; e < entries.count(); e++)
    PutValue(entries.view(), e, type, cache.dictionary, e);
  cache.dictionary.SetNull(entries.count());  // the code of NULL rows
  for (idx_t i = 0; i < reader.count(); i++) {
    if (!reader.IsValid(i)) cache.codes[i] = static_cast<uint32_t>(entries.count());
  }
}

}  // namespace

void ScanVector(const SegmentReader& reader, const LogicalType& type, idx_t offset, idx_t count,
                ScanCache& cache, Vector& out) {
  HELIOS_ASSERT(count <= kVectorSize && offset + count <= reader.count());
  if (reader.codec().id == CodecId::kConstant && reader.null_count() == 0) {
    ColumnBuffer one;
    reader.Fetch(0, one);
    out = Vector(type, 1);
    PutValue(one.view(), 0, type, out, 0);
    out.MarkConstant();
    return;
  }
  if (!cache.loaded || cache.reader != &reader) LoadCache(reader, type, cache);
  if (reader.codec().id == CodecId::kDictionary) {
    SelectionVector sel(count);
    std::memcpy(sel.data(), cache.codes.data() + offset, count * sizeof(uint32_t));
    out = cache.dictionary;
    out.Slice(sel, count);
    return;
  }
  out = Vector(type, count);
  ColumnView values = cache.values.view();
  for (idx_t i = 0; i < count; i++) {
    if (reader.IsValid(offset + i)) {
      PutValue(values, offset + i, type, out, i);
    } else {
      out.SetNull(i);
    }
  }
}

void FetchVector(const SegmentReader& reader, const LogicalType& type, idx_t row, Vector& out) {
  out = Vector(type, 1);
  if (!reader.IsValid(row)) {
    out.SetNull(0);
    return;
  }
  ColumnBuffer one;
  reader.Fetch(row, one);
  PutValue(one.view(), 0, type, out, 0);
}

}  // namespace heliosdb::codec
