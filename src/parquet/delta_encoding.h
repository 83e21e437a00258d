// Parquet's delta encodings (Encodings.md), decoded for reading files other writers made:
//
// DELTA_BINARY_PACKED (INT32, INT64):
//   header := varint block_size | varint miniblocks_per_block | varint total_count |
//             zigzag first_value
//   block  := zigzag min_delta | one bit-width byte per miniblock | the miniblocks, each
//             block_size / miniblocks_per_block deltas (minus min_delta) packed LSB-first
// DELTA_LENGTH_BYTE_ARRAY: DELTA_BINARY_PACKED lengths, then the bytes of all values.
// DELTA_BYTE_ARRAY: DELTA_BINARY_PACKED prefix lengths (shared with the previous value), then
//   the suffixes as DELTA_LENGTH_BYTE_ARRAY.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace heliosdb::parquet {

// Each decoder reads from data[*pos] and advances *pos past what it read; base_offset is the
// file offset of data[0] for error messages (22P04 on malformed or truncated data).
std::vector<int64_t> DecodeDeltaBinaryPacked(std::string_view data, size_t* pos, size_t count,
                                             uint64_t base_offset);
std::vector<std::string> DecodeDeltaLengthByteArray(std::string_view data, size_t* pos,
                                                    size_t count, uint64_t base_offset);
std::vector<std::string> DecodeDeltaByteArray(std::string_view data, size_t* pos, size_t count,
                                              uint64_t base_offset);

}  // namespace heliosdb::parquet
