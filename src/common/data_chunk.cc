#include "common/data_chunk.h"

namespace heliosdb {

void DataChunk::Initialize(const std::vector<LogicalType>& types, idx_t capacity) {
  columns_.clear();
  columns_.reserve(types.size());
  for (const auto& t : types) columns_.emplace_back(t, capacity);
  size_ = 0;
  capacity_ = capacity;
}

std::vector<LogicalType> DataChunk::types() const {
  std::vector<LogicalType> out;
  out.reserve(columns_.size());
  for (const auto& c : columns_) out.push_back(c.type());
  return out;
}

void DataChunk::Slice(const SelectionVector& sel, idx_t count) {
  for (auto& c : columns_) c.Slice(sel, count);
  size_ = count;
}

void DataChunk::Reset() { Initialize(types(), capacity_); }

void DataChunk::Flatten() {
  for (auto& c : columns_) c.Flatten(size_);
}

void DataChunk::Append(const DataChunk& src) {
  for (idx_t i = 0; i < columns_.size(); i++) columns_[i].Append(src.column(i), src.size(), size_);
  size_ += src.size();
}

}  // namespace heliosdb
