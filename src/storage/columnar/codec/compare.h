// The comparison semantics of codec filters, in one place: codecs that filter on compressed data
// (per dictionary entry, per run, per frame-of-reference block) and the decompress-and-compare
// fallback must select exactly the same rows.
#pragma once

#include <cmath>
#include <cstring>
#include <string_view>

#include "storage/columnar/codec/codec.h"

namespace heliosdb::codec {

inline bool Satisfies(CompareOp op, int cmp) {
  switch (op) {
    case CompareOp::kEq:
      return cmp == 0;
    case CompareOp::kNe:
      return cmp != 0;
    case CompareOp::kLt:
      return cmp < 0;
    case CompareOp::kLe:
      return cmp <= 0;
    case CompareOp::kGt:
      return cmp > 0;
    case CompareOp::kGe:
      return cmp >= 0;
  }
  return false;
}

inline int CompareInt(int64_t a, int64_t b) {
  return (a > b) - (a < b);
}

// PostgreSQL's float order: NaN equals NaN and is above every other value; -0.0 equals 0.0.
inline int CompareFloat(double a, double b) {
  bool an = std::isnan(a), bn = std::isnan(b);
  if (an || bn) return an - bn;
  return (a > b) - (a < b);
}

inline int CompareString(std::string_view a, std::string_view b) {
  int c = a.compare(b);
  return (c > 0) - (c < 0);
}

// Compares the fixed-width value stored at p (of type) with the constant.
int CompareFixed(StorageType type, const uint8_t* p, const CompareConstant& c);

// Row i of column against the constant (NULLs are the segment's business, not checked here).
inline int CompareRow(const ColumnView& column, idx_t i, const CompareConstant& c) {
  if (column.type == StorageType::kString) return CompareString(column.strings[i], c.s);
  return CompareFixed(column.type, column.fixed + i * StorageTypeWidth(column.type), c);
}

// The reference filter: appends every row of column satisfying `value op c`.
void FilterDecoded(const ColumnView& column, CompareOp op, const CompareConstant& c,
                   Selection& sel);

}  // namespace heliosdb::codec
