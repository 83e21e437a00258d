#include "storage/columnar/codec/column_data.h"

#include "common/exception.h"

namespace heliosdb::codec {

size_t StorageTypeWidth(StorageType type) {
  switch (type) {
    case StorageType::kBool:
    case StorageType::kInt8:
      return 1;
    case StorageType::kInt16:
      return 2;
    case StorageType::kInt32:
    case StorageType::kFloat:
      return 4;
    case StorageType::kInt64:
    case StorageType::kDouble:
      return 8;
    case StorageType::kString:
      return 0;
  }
  HELIOS_UNREACHABLE();
}

const char* StorageTypeName(StorageType type) {
  static const char* const kNames[] = {"bool",  "int8",   "int16",  "int32",
                                       "int64", "float4", "float8", "string"};
  return kNames[static_cast<uint8_t>(type)];
}

int64_t ColumnView::GetInt(idx_t i) const {
  switch (type) {
    case StorageType::kBool:
      return fixed[i] != 0;
    case StorageType::kInt8:
      return static_cast<int8_t>(fixed[i]);
    case StorageType::kInt16:
      return Get<int16_t>(i);
    case StorageType::kInt32:
      return Get<int32_t>(i);
    case StorageType::kInt64:
      return Get<int64_t>(i);
    default:
      HELIOS_UNREACHABLE();
  }
}

ColumnView ColumnView::Slice(idx_t offset, idx_t n) const {
  ColumnView v;
  v.type = type;
  v.count = n;
  if (type == StorageType::kString) {
    v.strings = strings + offset;
  } else {
    v.fixed = fixed + offset * StorageTypeWidth(type);
  }
  return v;
}

uint64_t ColumnView::RawBytes() const {
  if (type != StorageType::kString) return count * StorageTypeWidth(type);
  uint64_t bytes = 4 * count;
  for (idx_t i = 0; i < count; i++) bytes += strings[i].size();
  return bytes;
}

void ColumnBuffer::Reset(StorageType type, idx_t count) {
  type_ = type;
  count_ = count;
  heap_.clear();
  if (type == StorageType::kString) {
    fixed_.clear();
    strings_.assign(count, std::string_view());
  } else {
    strings_.clear();
    fixed_.resize(count * StorageTypeWidth(type));
  }
}

void ColumnBuffer::SetInt(idx_t i, int64_t v) {
  switch (type_) {
    case StorageType::kBool:
    case StorageType::kInt8:
      fixed_[i] = static_cast<uint8_t>(v);
      return;
    case StorageType::kInt16:
      return Set<int16_t>(i, static_cast<int16_t>(v));
    case StorageType::kInt32:
      return Set<int32_t>(i, static_cast<int32_t>(v));
    case StorageType::kInt64:
      return Set<int64_t>(i, v);
    default:
      HELIOS_UNREACHABLE();
  }
}

char* ColumnBuffer::ReserveHeap(size_t n) {
  heap_.resize(n);
  return heap_.data();
}

void ColumnBuffer::SetToString(std::string_view s) {
  Reset(StorageType::kString, 1);
  char* heap = ReserveHeap(s.size());
  if (!s.empty()) std::memcpy(heap, s.data(), s.size());
  strings_[0] = std::string_view(heap, s.size());
}

void ColumnBuffer::SetToRow(const ColumnView& src, idx_t row) {
  if (src.type == StorageType::kString) return SetToString(src.strings[row]);
  size_t width = StorageTypeWidth(src.type);
  Reset(src.type, 1);
  std::memcpy(fixed_.data(), src.fixed + row * width, width);
}

ColumnView ColumnBuffer::view() const {
  ColumnView v;
  v.type = type_;
  v.count = count_;
  v.fixed = fixed_.data();
  v.strings = strings_.data();
  return v;
}

}  // namespace heliosdb::codec
