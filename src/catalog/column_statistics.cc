#include "catalog/column_statistics.h"

#include <bit>
#include <cmath>
#include <functional>
#include <string>

#include "common/types/decimal.h"
#include "storage/key_codec.h"

namespace heliosdb {

std::optional<double> NumericPosition(const Value& v) {
  if (v.is_null()) return std::nullopt;
  switch (v.type().physical()) {
    case PhysicalType::kInt64:
      if (v.type().id() == TypeId::kBoolean) return std::nullopt;
      // Dates count days, timestamps microseconds: one scale, so a date column's range and a
      // timestamp bound (date + interval) compare.
      if (v.type().id() == TypeId::kDate) return static_cast<double>(v.GetInt64()) * 86400e6;
      return static_cast<double>(v.GetInt64());
    case PhysicalType::kDouble:
      return v.GetDouble();
    case PhysicalType::kDecimal:
      return DecimalToDouble(v.GetDecimal());
    default:
      return std::nullopt;
  }
}

ColumnStatsBuilder::ColumnStatsBuilder(int slot) : slot_(slot), registers_(1 << kRegisterBits) {}

void ColumnStatsBuilder::Add(const Value& v) {
  rows_++;
  if (v.is_null()) {
    nulls_++;
    return;
  }
  if (auto p = NumericPosition(v)) {
    if (!has_range_ || *p < min_) min_ = *p;
    if (!has_range_ || *p > max_) max_ = *p;
    has_range_ = true;
  }
  // Equal values have equal key encodings, whatever their type.
  std::string bytes;
  EncodeKeyPart(v, false, &bytes);
  uint64_t h = std::hash<std::string>()(bytes);
  h ^= h >> 33;  // the string hash's low bits pick the register: mix the high ones in
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  if (!overflowed_) {
    exact_.insert(h);
    if (exact_.size() > kExactLimit) {
      overflowed_ = true;
      exact_.clear();
    }
  }
  size_t index = h >> (64 - kRegisterBits);
  uint64_t rest = h << kRegisterBits;
  uint8_t rank = static_cast<uint8_t>(rest == 0 ? 64 - kRegisterBits + 1 : std::countl_zero(rest) + 1);
  if (rank > registers_[index]) registers_[index] = rank;
}

ColumnStats ColumnStatsBuilder::Finish() const {
  ColumnStats s;
  s.slot = slot_;
  s.null_fraction = rows_ > 0 ? nulls_ / rows_ : 0;
  s.has_range = has_range_;
  s.min = min_;
  s.max = max_;
  if (!overflowed_) {
    s.distinct = static_cast<double>(exact_.size());
    return s;
  }
  double m = static_cast<double>(registers_.size());
  double sum = 0;
  int zeros = 0;
  for (uint8_t r : registers_) {
    sum += std::ldexp(1.0, -r);
    zeros += r == 0;
  }
  double estimate = 0.7213 / (1 + 1.079 / m) * m * m / sum;
  // Small cardinalities: linear counting over the empty registers is more exact.
  if (estimate <= 2.5 * m && zeros > 0) estimate = m * std::log(m / zeros);
  s.distinct = std::min(estimate, rows_ - nulls_);
  return s;
}

}  // namespace heliosdb
