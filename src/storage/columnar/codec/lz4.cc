// 'lz4': the plain layout compressed by LZ4 (liblz4, default acceleration), the general fallback
// with the faster decompression. Layout in general_purpose.h.
#include <lz4.h>

#include <limits>

#include "common/exception.h"
#include "storage/columnar/codec/codecs.h"
#include "storage/columnar/codec/general_purpose.h"

namespace heliosdb::codec {

namespace {

void CompressBytes(std::string_view src, std::string& out) {
  HELIOS_ASSERT(src.size() <= LZ4_MAX_INPUT_SIZE);
  size_t at = out.size();
  int bound = LZ4_compressBound(static_cast<int>(src.size()));
  out.resize(at + bound);
  int n = LZ4_compress_default(src.data(), out.data() + at, static_cast<int>(src.size()), bound);
  HELIOS_ASSERT(n > 0 || src.empty());
  out.resize(at + n);
}

bool DecompressBytes(std::string_view frame, char* dst, size_t dst_size) {
  if (frame.size() > std::numeric_limits<int>::max() || dst_size > LZ4_MAX_INPUT_SIZE) {
    return false;
  }
  int n = LZ4_decompress_safe(frame.data(), dst, static_cast<int>(frame.size()),
                              static_cast<int>(dst_size));
  return n >= 0 && static_cast<size_t>(n) == dst_size;
}

// An LZ4 block expands at most 255 times (a match token and length bytes for 255 output bytes
// each), plus the literals of its last sequence.
uint64_t MaxDecoded(std::string_view frame) {
  return frame.size() * 255 + 16;
}

constexpr ByteCompressor kLz4 = {CompressBytes, DecompressBytes, MaxDecoded};

uint64_t Analyze(const ColumnView& sample) {
  return AnalyzeWith(kLz4, sample);
}
bool Compress(const ColumnView& column, std::string& out) {
  CompressWith(kLz4, column, out);
  return true;
}
void Decompress(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out) {
  DecompressWith(kLz4, payload, type, count, out);
}

}  // namespace

const Codec kLz4Codec = {CodecId::kLz4, "lz4",      SupportsAnyType, Analyze,
                         Compress,      Decompress, nullptr,         nullptr};

}  // namespace heliosdb::codec
