// Order-preserving, prefix-free encoding of values into key bytes, so that memcmp order of the
// encodings equals SQL order of the values (NULLs last, as PostgreSQL's ASC NULLS LAST), and a
// composite key is the concatenation of its parts. Every encoding is self-delimiting, which
// the versioned keyspace relies on (a key's versions follow it directly).
//
//   NULL          0xFF
//   non-NULL      0x01 then the payload:
//     bool        1 byte 0/1
//     int64       8 bytes big-endian with the sign bit flipped
//     double      8 bytes: sign-flipped IEEE bits (negatives inverted); -0.0 as 0.0, NaN last
//     decimal     normalized (trailing zeros stripped) sign, exponent and digits, comparable
//     string      bytes with 0x00 escaped as 0x00 0xFF, terminated by 0x00 0x00
//     array       each element's part, then 0x00 (a prefix sorts before its extensions)
//     interval    16 bytes: the span in microseconds as a 128-bit big-endian signed number
//     uuid        16 bytes big-endian
// Descending parts are the bitwise complement of the ascending encoding.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/value.h"
#include "common/vector.h"

namespace heliosdb {

void EncodeKeyPart(const Value& value, bool descending, std::string* out);
// The ascending part of row `row` of a vector read through `data` (Vector::ToUnified), without
// making a Value: what hash joins and aggregates key their tables by.
void EncodeKeyPart(const UnifiedFormat& data, const LogicalType& type, idx_t row,
                   std::string* out);
std::string EncodeKey(const std::vector<Value>& values);
// Decodes one part of the given type from *in, advancing it. Throws XX001 on malformed bytes.
Value DecodeKeyPart(std::string_view* in, const LogicalType& type, bool descending = false);
// The smallest key greater than every key that starts with prefix ("" if none exists).
std::string PrefixSuccessor(std::string_view prefix);

}  // namespace heliosdb
