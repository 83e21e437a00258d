// Integer columns (kBool .. kInt64) widened to int64 for the integer codecs, and narrowed back.
#pragma once

#include <cstdint>
#include <vector>

#include "storage/columnar/codec/column_data.h"

namespace heliosdb::codec {

std::vector<int64_t> LoadInts(const ColumnView& column);
// Writes values into rows [0, n) of out, which the caller has Reset to an integer type. Values
// out of the type's range (possible only from corrupted input) are truncated, never trusted.
void StoreInts(const int64_t* values, idx_t n, ColumnBuffer& out);

}  // namespace heliosdb::codec
