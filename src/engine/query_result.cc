#include <algorithm>

#include "common/exception.h"
#include "engine/query_result_impl.h"

namespace heliosdb {

void QueryResult::Impl::Append(DataChunk chunk) {
  if (chunk.size() == 0) return;
  chunk.Flatten();
  chunk_start.push_back(rows);
  rows += chunk.size();
  chunks.push_back(std::move(chunk));
}

std::pair<const DataChunk*, idx_t> QueryResult::Impl::Locate(size_t row) const {
  if (row >= rows)
    ThrowError(sqlstate::kInvalidParameterValue, "row " + std::to_string(row) + " out of range");
  auto it = std::upper_bound(chunk_start.begin(), chunk_start.end(), row);
  size_t c = static_cast<size_t>(it - chunk_start.begin()) - 1;
  return {&chunks[c], row - chunk_start[c]};
}

QueryResult::QueryResult() : impl_(std::make_unique<Impl>()) {}
QueryResult::QueryResult(QueryResult&&) noexcept = default;
QueryResult& QueryResult::operator=(QueryResult&&) noexcept = default;
QueryResult::~QueryResult() = default;

size_t QueryResult::column_count() const { return impl_->names.size(); }
const std::string& QueryResult::column_name(size_t col) const { return impl_->names.at(col); }
std::string QueryResult::column_type_name(size_t col) const {
  return impl_->types.at(col).ToString();
}
uint32_t QueryResult::column_type_oid(size_t col) const { return impl_->types.at(col).Oid(); }
int32_t QueryResult::column_type_modifier(size_t col) const {
  return impl_->types.at(col).Typmod();
}
size_t QueryResult::row_count() const { return impl_->rows; }

bool QueryResult::IsNull(size_t row, size_t col) const {
  auto [chunk, r] = impl_->Locate(row);
  return !chunk->column(col).validity().IsValid(r);
}

bool QueryResult::GetBool(size_t row, size_t col) const {
  auto [chunk, r] = impl_->Locate(row);
  Value v = chunk->GetValue(col, r);
  return !v.is_null() && v.type().physical() == PhysicalType::kBool && v.GetBool();
}

int64_t QueryResult::GetInt64(size_t row, size_t col) const {
  auto [chunk, r] = impl_->Locate(row);
  Value v = chunk->GetValue(col, r);
  if (v.is_null()) return 0;
  switch (v.type().physical()) {
    case PhysicalType::kInt64:
      return v.GetInt64();
    case PhysicalType::kBool:
      return v.GetBool();
    case PhysicalType::kDouble:
      return static_cast<int64_t>(v.GetDouble());
    default:
      return std::strtoll(v.ToString().c_str(), nullptr, 10);
  }
}

double QueryResult::GetDouble(size_t row, size_t col) const {
  auto [chunk, r] = impl_->Locate(row);
  Value v = chunk->GetValue(col, r);
  if (v.is_null()) return 0;
  switch (v.type().physical()) {
    case PhysicalType::kInt64:
      return static_cast<double>(v.GetInt64());
    case PhysicalType::kDouble:
      return v.GetDouble();
    default:
      return std::strtod(v.ToString().c_str(), nullptr);
  }
}

std::string QueryResult::GetText(size_t row, size_t col) const {
  auto [chunk, r] = impl_->Locate(row);
  const Vector& v = chunk->column(col);
  if (!v.validity().IsValid(r)) return "";
  return FormatValue(v.GetValue(r), impl_->format);
}

const std::string& QueryResult::command_tag() const { return impl_->tag; }
int64_t QueryResult::rows_affected() const { return impl_->affected; }
bool QueryResult::returns_rows() const { return impl_->returns_rows; }

}  // namespace heliosdb
