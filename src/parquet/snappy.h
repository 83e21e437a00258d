// Snappy decompression (google/snappy's format_description.txt), for the pages of files
// written with Parquet's default codec. We never write Snappy.
//
//   stream  := varint uncompressed_length | element ...
//   element := tag byte, its low two bits the kind:
//     00 literal: length - 1 in the upper six bits, or 60..63 there meaning 1..4 bytes of
//        length - 1 follow (little-endian); then the literal bytes
//     01 copy: length 4 + bits 2..4, offset bits 5..7 (high) and one more byte
//     10 copy: length 1 + upper six bits, offset in 2 bytes (little-endian)
//     11 copy: length 1 + upper six bits, offset in 4 bytes (little-endian)
//   A copy repeats `length` bytes starting `offset` bytes back in the output (they may overlap).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace heliosdb::parquet {

// Throws 22P04 naming base_offset + the position of a malformed element, or when the stream's
// length is not expected_size (checked before anything is allocated).
std::string SnappyDecompress(std::string_view in, size_t expected_size, uint64_t base_offset);

}  // namespace heliosdb::parquet
