// 'zstd': the plain layout compressed by Zstandard (libzstd, level 3), the general fallback with
// the better ratio. Layout in general_purpose.h.
#include <zstd.h>

#include "common/exception.h"
#include "storage/columnar/codec/codecs.h"
#include "storage/columnar/codec/general_purpose.h"

namespace heliosdb::codec {

namespace {

constexpr int kLevel = 3;

void CompressBytes(std::string_view src, std::string& out) {
  size_t at = out.size();
  out.resize(at + ZSTD_compressBound(src.size()));
  size_t n = ZSTD_compress(out.data() + at, out.size() - at, src.data(), src.size(), kLevel);
  HELIOS_ASSERT(!ZSTD_isError(n));
  out.resize(at + n);
}

bool DecompressBytes(std::string_view frame, char* dst, size_t dst_size) {
  size_t n = ZSTD_decompress(dst, dst_size, frame.data(), frame.size());
  return !ZSTD_isError(n) && n == dst_size;
}

// A zstd frame records its decoded size in its header.
uint64_t MaxDecoded(std::string_view frame) {
  unsigned long long n = ZSTD_getFrameContentSize(frame.data(), frame.size());
  return n == ZSTD_CONTENTSIZE_ERROR || n == ZSTD_CONTENTSIZE_UNKNOWN ? 0 : n;
}

constexpr ByteCompressor kZstd = {CompressBytes, DecompressBytes, MaxDecoded};

uint64_t Analyze(const ColumnView& sample) {
  return AnalyzeWith(kZstd, sample);
}
bool Compress(const ColumnView& column, std::string& out) {
  CompressWith(kZstd, column, out);
  return true;
}
void Decompress(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out) {
  DecompressWith(kZstd, payload, type, count, out);
}

}  // namespace

const Codec kZstdCodec = {CodecId::kZstd, "zstd",     SupportsAnyType, Analyze,
                          Compress,       Decompress, nullptr,         nullptr};

}  // namespace heliosdb::codec
