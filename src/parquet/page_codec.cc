#include "parquet/page_codec.h"

#include <zstd.h>

#include "parquet/parquet_error.h"
#include "parquet/snappy.h"

namespace heliosdb::parquet {

namespace {
// zstd's level 3 is its default and DuckDB's: a good ratio at a small cost.
constexpr int kZstdLevel = 3;
}  // namespace

const char* CodecName(Codec codec) {
  switch (codec) {
    case Codec::kUncompressed:
      return "UNCOMPRESSED";
    case Codec::kSnappy:
      return "SNAPPY";
    case Codec::kGzip:
      return "GZIP";
    case Codec::kLzo:
      return "LZO";
    case Codec::kBrotli:
      return "BROTLI";
    case Codec::kLz4:
      return "LZ4";
    case Codec::kZstd:
      return "ZSTD";
    case Codec::kLz4Raw:
      return "LZ4_RAW";
  }
  return "unknown";
}

std::string CompressPage(Codec codec, std::string_view in) {
  if (codec == Codec::kUncompressed) return std::string(in);
  HELIOS_ASSERT(codec == Codec::kZstd);
  std::string out(ZSTD_compressBound(in.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), in.data(), in.size(), kZstdLevel);
  HELIOS_ASSERT(!ZSTD_isError(n));
  out.resize(n);
  return out;
}

std::string DecompressPage(Codec codec, std::string_view in, size_t uncompressed_size,
                           uint64_t base_offset) {
  std::string out;
  switch (codec) {
    case Codec::kUncompressed:
      out = std::string(in);
      break;
    case Codec::kSnappy:
      out = SnappyDecompress(in, uncompressed_size, base_offset);
      break;
    case Codec::kZstd: {
      // The frame states its size: a page header that disagrees is corrupt, and is caught
      // before a buffer of its size is allocated.
      unsigned long long frame = ZSTD_getFrameContentSize(in.data(), in.size());
      if (frame == ZSTD_CONTENTSIZE_ERROR ||
          (frame != ZSTD_CONTENTSIZE_UNKNOWN && frame != uncompressed_size))
        ThrowCorrupt(base_offset,
                     "zstd page does not hold " + std::to_string(uncompressed_size) + " bytes");
      out.resize(uncompressed_size);
      size_t n = ZSTD_decompress(out.data(), out.size(), in.data(), in.size());
      if (ZSTD_isError(n))
        ThrowCorrupt(base_offset,
                     std::string("zstd page does not decompress (") + ZSTD_getErrorName(n) + ")");
      out.resize(n);
      break;
    }
    default:
      ThrowUnsupported(std::string("compression codec ") + CodecName(codec));
  }
  if (out.size() != uncompressed_size)
    ThrowCorrupt(base_offset, "page decompresses to " + std::to_string(out.size()) +
                                  " bytes, its header says " + std::to_string(uncompressed_size));
  return out;
}

}  // namespace heliosdb::parquet
