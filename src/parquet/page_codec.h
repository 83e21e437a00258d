// Page compression by a column chunk's codec: zstd (libzstd) both ways, Snappy for reading
// (snappy.h), uncompressed. Other codecs (gzip, LZO, Brotli, LZ4) are refused with 0A000
// naming the codec.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "parquet/file_metadata.h"

namespace heliosdb::parquet {

const char* CodecName(Codec codec);
std::string CompressPage(Codec codec, std::string_view in);
// REQUIRES: base_offset is the file offset of in[0]. Throws 22P04 when the data does not
// decompress to exactly uncompressed_size bytes.
std::string DecompressPage(Codec codec, std::string_view in, size_t uncompressed_size,
                           uint64_t base_offset);

}  // namespace heliosdb::parquet
