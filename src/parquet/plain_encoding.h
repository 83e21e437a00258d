// PLAIN encoding (Encodings.md) of physical values:
//   BOOLEAN     bit-packed, LSB first         INT32 / FLOAT   4 bytes little-endian
//   INT64 / DOUBLE  8 bytes little-endian     INT96           12 bytes
//   BYTE_ARRAY  4-byte little-endian length, then the bytes
//   FIXED_LEN_BYTE_ARRAY  type_length bytes
// Dictionary pages hold their values in PLAIN as well.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/value.h"
#include "parquet/schema_mapping.h"

namespace heliosdb::parquet {

// REQUIRES: physical values of the leaf's physical type. Booleans go through
// EncodePlainBooleans.
void AppendPlain(const Value& physical, const LeafType& leaf, std::string* out);
std::string EncodePlainBooleans(const std::vector<Value>& values);

// Decodes `count` values from data[*pos...], advancing *pos; 22P04 (naming base_offset + the
// position) when the data ends early.
std::vector<Value> DecodePlain(std::string_view data, size_t* pos, size_t count,
                               const LeafType& leaf, uint64_t base_offset);

}  // namespace heliosdb::parquet
