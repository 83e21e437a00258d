#include "storage/columnar/codec/int_column.h"

#include <cstring>

#include "common/exception.h"

namespace heliosdb::codec {

namespace {
template <typename T>
void Widen(const uint8_t* src, idx_t n, int64_t* dst) {
  for (idx_t i = 0; i < n; i++) {
    T v;
    std::memcpy(&v, src + i * sizeof(T), sizeof(T));
    dst[i] = v;
  }
}

template <typename T>
void Narrow(const int64_t* src, idx_t n, uint8_t* dst) {
  for (idx_t i = 0; i < n; i++) {
    T v = static_cast<T>(src[i]);
    std::memcpy(dst + i * sizeof(T), &v, sizeof(T));
  }
}
}  // namespace

std::vector<int64_t> LoadInts(const ColumnView& column) {
  std::vector<int64_t> out(column.count);
  switch (column.type) {
    case StorageType::kBool:
      for (idx_t i = 0; i < column.count; i++) out[i] = column.fixed[i] != 0;
      break;
    case StorageType::kInt8:
      Widen<int8_t>(column.fixed, column.count, out.data());
      break;
    case StorageType::kInt16:
      Widen<int16_t>(column.fixed, column.count, out.data());
      break;
    case StorageType::kInt32:
      Widen<int32_t>(column.fixed, column.count, out.data());
      break;
    case StorageType::kInt64:
      if (column.count) std::memcpy(out.data(), column.fixed, column.count * 8);
      break;
    default:
      HELIOS_UNREACHABLE();
  }
  return out;
}

void StoreInts(const int64_t* values, idx_t n, ColumnBuffer& out) {
  switch (out.type()) {
    case StorageType::kBool:
      for (idx_t i = 0; i < n; i++) out.fixed()[i] = values[i] != 0;
      break;
    case StorageType::kInt8:
      Narrow<int8_t>(values, n, out.fixed());
      break;
    case StorageType::kInt16:
      Narrow<int16_t>(values, n, out.fixed());
      break;
    case StorageType::kInt32:
      Narrow<int32_t>(values, n, out.fixed());
      break;
    case StorageType::kInt64:
      if (n) std::memcpy(out.fixed(), values, n * 8);
      break;
    default:
      HELIOS_UNREACHABLE();
  }
}

}  // namespace heliosdb::codec
