// The column values that codecs read and write, in the storage types of the cold tier.
//
// Execution keeps every integer as int64 and every float as double (common/types.h); the cold
// tier stores each column at its declared width, so a codec sees the narrow type and can pack it:
//   kBool            1 byte, 0 or 1               BOOLEAN
//   kInt8 .. kInt64  little-endian two's complement SMALLINT (kInt16), INTEGER (kInt32), BIGINT,
//                                                 DATE (kInt32 days), TIME / TIMESTAMP (kInt64
//                                                 microseconds), NUMERIC(p<=18, s) as the
//                                                 coefficient scaled by 10^s (kInt64)
//   kFloat, kDouble  IEEE-754 bits, kept exactly  REAL, DOUBLE PRECISION
//   kString          bytes                        TEXT, VARCHAR, CHAR, BYTEA
// Thread safety: none; a ColumnBuffer belongs to one reader at a time.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "common/types.h"

namespace heliosdb::codec {

enum class StorageType : uint8_t {
  kBool = 0,
  kInt8 = 1,
  kInt16 = 2,
  kInt32 = 3,
  kInt64 = 4,
  kFloat = 5,
  kDouble = 6,
  kString = 7,
};
inline constexpr uint8_t kStorageTypeCount = 8;

// Bytes of one value; 0 for kString.
size_t StorageTypeWidth(StorageType type);
const char* StorageTypeName(StorageType type);
inline bool IsIntegerType(StorageType t) {
  return t <= StorageType::kInt64;
}
inline bool IsFloatType(StorageType t) {
  return t == StorageType::kFloat || t == StorageType::kDouble;
}

// A read-only view of count values. Fixed-width types: `fixed` holds count * width bytes.
// Strings: `strings` holds count views. `validity` bit i (word i / 64, bit i % 64) is set when row
// i is not NULL; nullptr means no NULLs. The viewed memory must outlive the view.
struct ColumnView {
  StorageType type = StorageType::kInt64;
  idx_t count = 0;
  const uint8_t* fixed = nullptr;
  const std::string_view* strings = nullptr;
  const uint64_t* validity = nullptr;

  bool IsValid(idx_t i) const { return !validity || ((validity[i >> 6] >> (i & 63)) & 1); }
  // Integer types (kBool .. kInt64) widened to int64.
  int64_t GetInt(idx_t i) const;
  template <typename T>
  T Get(idx_t i) const {
    T v;
    std::memcpy(&v, fixed + i * sizeof(T), sizeof(T));
    return v;
  }
  // Rows [offset, offset + n) as their own view (validity is dropped: codecs see filled values).
  ColumnView Slice(idx_t offset, idx_t n) const;
  // Uncompressed size: values plus 4 bytes of length per string, as a flat file would need.
  uint64_t RawBytes() const;
};

// Decoded values owned by the reader. Strings view into heap(), which a codec fills first
// (ReserveHeap) and then points strings at, or into memory the codec keeps alive otherwise.
class ColumnBuffer {
 public:
  // Sizes the buffer for count values of type; previous contents are dropped.
  void Reset(StorageType type, idx_t count);
  StorageType type() const { return type_; }
  idx_t count() const { return count_; }
  uint8_t* fixed() { return fixed_.data(); }
  const uint8_t* fixed() const { return fixed_.data(); }
  std::string_view* strings() { return strings_.data(); }
  const std::string_view* strings() const { return strings_.data(); }
  // Writes integer v (which must fit the type) at row i.
  void SetInt(idx_t i, int64_t v);
  template <typename T>
  void Set(idx_t i, T v) {
    std::memcpy(fixed_.data() + i * sizeof(T), &v, sizeof(T));
  }
  // A heap of exactly n bytes for string data; the pointer stays valid until the next Reset.
  char* ReserveHeap(size_t n);
  // Resets to one kString row holding a copy of s.
  void SetToString(std::string_view s);
  // Resets to one row holding a copy of row `row` of src.
  void SetToRow(const ColumnView& src, idx_t row);
  // Takes other's string heap (views into it stay valid: vector moves keep the bytes in place).
  void TakeHeap(ColumnBuffer& other) { heap_ = std::move(other.heap_); }
  ColumnView view() const;

 private:
  StorageType type_ = StorageType::kInt64;
  idx_t count_ = 0;
  std::vector<uint8_t> fixed_;
  std::vector<std::string_view> strings_;
  std::vector<char> heap_;
};

}  // namespace heliosdb::codec
