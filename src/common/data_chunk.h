// DataChunk: a batch of rows as one Vector per column, at most kVectorSize rows (except the
// materialized collections that Reserve more). Operators exchange DataChunks.
#pragma once

#include <vector>

#include "common/vector.h"

namespace heliosdb {

class DataChunk {
 public:
  DataChunk() = default;
  explicit DataChunk(const std::vector<LogicalType>& types, idx_t capacity = kVectorSize) {
    Initialize(types, capacity);
  }
  void Initialize(const std::vector<LogicalType>& types, idx_t capacity = kVectorSize);

  idx_t size() const { return size_; }
  void SetSize(idx_t n) { size_ = n; }
  idx_t column_count() const { return columns_.size(); }
  Vector& column(idx_t i) { return columns_[i]; }
  const Vector& column(idx_t i) const { return columns_[i]; }
  std::vector<Vector>& columns() { return columns_; }
  std::vector<LogicalType> types() const;

  // Keeps only the rows sel[0..count): each column becomes a dictionary vector (no copy).
  void Slice(const SelectionVector& sel, idx_t count);
  // Fresh flat vectors of the same types, size 0.
  void Reset();
  void Flatten();
  Value GetValue(idx_t col, idx_t row) const { return columns_[col].GetValue(row); }
  // Appends src's rows (same column types) after this chunk's rows.
  void Append(const DataChunk& src);

 private:
  std::vector<Vector> columns_;
  idx_t size_ = 0;
  idx_t capacity_ = kVectorSize;
};

}  // namespace heliosdb
