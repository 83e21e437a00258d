// Vector: one column of a batch of up to kVectorSize values, the unit execution works on.
//
// A vector is one of three kinds (STYLE.md, after DuckDB):
//   FLAT        values[i] and validity[i] for i in [0, count)
//   CONSTANT    one value (index 0) standing for every row
//   DICTIONARY  row i is child[sel[i]]: a filter or a dictionary-encoded scan selects rows
//               without copying them
// Kernels read any kind through UnifiedFormat: data[sel[i]] with validity at sel[i].
// Copying a Vector shares its buffers (cheap); Flatten() materializes into private buffers.
// Strings are string_views into a heap owned by the vector's buffer (or a buffer it shares).
// Thread safety: none; a vector belongs to one operator at a time.
#pragma once

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "common/types.h"
#include "common/value.h"

namespace heliosdb {

constexpr idx_t kVectorSize = 2048;

class ValidityMask {
 public:
  bool AllValid() const { return bits_.empty(); }
  bool IsValid(idx_t i) const {
    return (i >> 6) >= bits_.size() || ((bits_[i >> 6] >> (i & 63)) & 1);
  }
  void SetInvalid(idx_t i) {
    if ((i >> 6) >= bits_.size()) bits_.resize(std::max<size_t>((i >> 6) + 1, kVectorSize / 64), ~uint64_t{0});
    bits_[i >> 6] &= ~(uint64_t{1} << (i & 63));
  }
  void SetValid(idx_t i) {
    if ((i >> 6) < bits_.size()) bits_[i >> 6] |= uint64_t{1} << (i & 63);
  }
  void Set(idx_t i, bool valid) { valid ? SetValid(i) : SetInvalid(i); }
  void Reset() { bits_.clear(); }

 private:
  std::vector<uint64_t> bits_;  // empty: every row valid
};

// Row indexes into another vector or chunk.
class SelectionVector {
 public:
  SelectionVector() = default;
  explicit SelectionVector(idx_t capacity)
      : sel_(std::make_shared<std::vector<uint32_t>>(capacity)) {}
  uint32_t get(idx_t i) const { return (*sel_)[i]; }
  void set(idx_t i, uint32_t v) { (*sel_)[i] = v; }
  uint32_t* data() { return sel_->data(); }
  const uint32_t* data() const { return sel_->data(); }
  bool empty() const { return !sel_; }

  static const uint32_t* Incremental();  // 0, 1, 2, ... kVectorSize-1
  static const uint32_t* Zero();         // all zeros (constant vectors)

 private:
  std::shared_ptr<std::vector<uint32_t>> sel_;
};

// Owns string bytes for a vector; append-only, never moves what it handed out.
class StringHeap {
 public:
  std::string_view Add(std::string_view s);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = 0;
  size_t capacity_ = 0;
};

struct VectorBuffer {
  std::unique_ptr<uint8_t[]> data;
  idx_t capacity = 0;
  std::shared_ptr<StringHeap> heap;  // strings (also shared with vectors sliced from this one)
};

enum class VectorKind : uint8_t { kFlat, kConstant, kDictionary };

// A read view over any vector kind: value of row i is Get<T>(i), valid if IsValid(i).
struct UnifiedFormat {
  const uint8_t* data = nullptr;
  const uint32_t* sel = nullptr;
  const ValidityMask* validity = nullptr;
  template <typename T>
  const T& Get(idx_t i) const {
    return reinterpret_cast<const T*>(data)[sel[i]];
  }
  bool IsValid(idx_t i) const { return validity->IsValid(sel[i]); }
};

class Vector {
 public:
  Vector() = default;
  explicit Vector(LogicalType type, idx_t capacity = kVectorSize);
  static Vector Constant(const Value& value);

  const LogicalType& type() const { return type_; }
  void SetType(LogicalType type) { type_ = type; }  // REQUIRES: same physical type
  VectorKind kind() const { return kind_; }

  // Flat and constant vectors: direct access. REQUIRES: kind() != kDictionary for writes.
  template <typename T>
  T* data() {
    return reinterpret_cast<T*>(buffer_->data.get());
  }
  template <typename T>
  const T* data() const {
    return reinterpret_cast<const T*>(buffer_->data.get());
  }
  ValidityMask& validity() { return validity_; }
  const ValidityMask& validity() const { return validity_; }

  // Copies s into this vector's heap; the view stays valid while any vector shares the buffer.
  std::string_view AddString(std::string_view s);
  void SetString(idx_t i, std::string_view s) { data<std::string_view>()[i] = AddString(s); }
  void SetNull(idx_t i) { validity_.SetInvalid(i); }

  // Becomes a constant vector holding value (typed as value.type() unless it is unknown).
  void SetConstant(const Value& value);
  void MarkConstant() { kind_ = VectorKind::kConstant; }
  // Becomes a dictionary: row i is (old this)[sel[i]]. Nested dictionaries are merged.
  void Slice(const SelectionVector& sel, idx_t count);
  const Vector& dictionary_child() const { return *child_; }
  const SelectionVector& dictionary_sel() const { return sel_; }

  // Materializes count rows into a flat vector with its own buffers.
  void Flatten(idx_t count);
  UnifiedFormat ToUnified() const;

  Value GetValue(idx_t i) const;           // any kind
  void SetValue(idx_t i, const Value& v);  // flat; v must have this vector's physical type
  // Copies rows [0,count) of src (any kind) to rows [offset, offset+count) of this flat vector.
  void Append(const Vector& src, idx_t count, idx_t offset);
  // Copies row src_row of src (any kind) to row dst_row of this flat vector.
  void CopyRow(const Vector& src, idx_t src_row, idx_t dst_row);
  // Makes this vector reference other's buffers (no copy).
  void Reference(const Vector& other) { *this = other; }
  // Grows a flat vector's buffer, keeping its contents. REQUIRES: kind() == kFlat.
  void Reserve(idx_t capacity);
  idx_t capacity() const { return buffer_ ? buffer_->capacity : 0; }

 private:
  LogicalType type_;
  VectorKind kind_ = VectorKind::kFlat;
  std::shared_ptr<VectorBuffer> buffer_;
  ValidityMask validity_;
  std::shared_ptr<Vector> child_;  // dictionary: the flat vector rows are selected from
  SelectionVector sel_;
};

}  // namespace heliosdb
