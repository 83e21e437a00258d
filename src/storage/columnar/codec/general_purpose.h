// zstd and lz4 compress the plain layout of 'none' (none.h) as one frame:
//
//   +-----------------------------+-------------------------------------------+
//   | varint plain byte count P   | the compressor's frame of the P bytes     |
//   +-----------------------------+-------------------------------------------+
//
// They have no random access and no filter: the segment decompresses them.
#pragma once

#include <string>
#include <string_view>

#include "storage/columnar/codec/column_data.h"

namespace heliosdb::codec {

// One general-purpose compressor: Compress appends a frame of src; Decompress fills exactly
// dst_size bytes or returns false; MaxDecoded bounds what a frame can decode to, so a corrupted
// size never sizes an allocation.
struct ByteCompressor {
  void (*compress)(std::string_view src, std::string& out);
  bool (*decompress)(std::string_view frame, char* dst, size_t dst_size);
  uint64_t (*max_decoded)(std::string_view frame);
};

uint64_t AnalyzeWith(const ByteCompressor& c, const ColumnView& sample);
void CompressWith(const ByteCompressor& c, const ColumnView& column, std::string& out);
void DecompressWith(const ByteCompressor& c, std::string_view payload, StorageType type,
                    idx_t count, ColumnBuffer& out);

}  // namespace heliosdb::codec
