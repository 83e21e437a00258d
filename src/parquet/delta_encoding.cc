#include "parquet/delta_encoding.h"

#include "parquet/parquet_error.h"
#include "parquet/rle_hybrid.h"

namespace heliosdb::parquet {

namespace {

uint64_t Varint(std::string_view data, size_t* pos, uint64_t base) {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (*pos >= data.size()) ThrowCorrupt(base + *pos, "delta-encoded data truncated");
    uint8_t b = static_cast<uint8_t>(data[(*pos)++]);
    v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
  }
  ThrowCorrupt(base + *pos, "varint longer than 10 bytes");
}

int64_t ZigZag(std::string_view data, size_t* pos, uint64_t base) {
  uint64_t v = Varint(data, pos, base);
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

}  // namespace

std::vector<int64_t> DecodeDeltaBinaryPacked(std::string_view data, size_t* pos, size_t count,
                                             uint64_t base) {
  uint64_t block_size = Varint(data, pos, base);
  uint64_t miniblocks = Varint(data, pos, base);
  uint64_t total = Varint(data, pos, base);
  uint64_t value = static_cast<uint64_t>(ZigZag(data, pos, base));
  if (block_size == 0 || miniblocks == 0 || block_size % miniblocks != 0 ||
      (block_size / miniblocks) % 8 != 0 || block_size > (1u << 20))
    ThrowCorrupt(base + *pos, "bad DELTA_BINARY_PACKED block size");
  // The page says how many values it holds; a count that disagrees is corrupt (and bounds the
  // work a header with a huge count and zero-width miniblocks could ask for).
  if (total != count)
    ThrowCorrupt(base + *pos, "DELTA_BINARY_PACKED holds " + std::to_string(total) +
                                  " values where the page has " + std::to_string(count));
  const uint64_t per_miniblock = block_size / miniblocks;
  std::vector<int64_t> out;
  out.reserve(count);
  if (total > 0 && count > 0) out.push_back(static_cast<int64_t>(value));
  uint64_t decoded = total > 0 ? 1 : 0;
  while (decoded < total) {
    uint64_t min_delta = static_cast<uint64_t>(ZigZag(data, pos, base));
    if (miniblocks > data.size() - *pos) ThrowCorrupt(base + *pos, "DELTA_BINARY_PACKED truncated");
    std::string_view widths = data.substr(*pos, miniblocks);
    *pos += miniblocks;
    for (uint64_t m = 0; m < miniblocks && decoded < total; m++) {
      int width = static_cast<uint8_t>(widths[m]);
      if (width > 64) ThrowCorrupt(base + *pos, "DELTA_BINARY_PACKED bit width above 64");
      uint64_t bytes = per_miniblock * width / 8;
      if (bytes > data.size() - *pos) ThrowCorrupt(base + *pos, "DELTA_BINARY_PACKED truncated");
      std::string_view mini = data.substr(*pos, bytes);
      for (uint64_t i = 0; i < per_miniblock && decoded < total; i++, decoded++) {
        value += min_delta + UnpackBits(mini, i * width, width);
        out.push_back(static_cast<int64_t>(value));
      }
      *pos += bytes;
    }
  }
  return out;
}

std::vector<std::string> DecodeDeltaLengthByteArray(std::string_view data, size_t* pos,
                                                    size_t count, uint64_t base) {
  std::vector<int64_t> lengths = DecodeDeltaBinaryPacked(data, pos, count, base);
  std::vector<std::string> out;
  out.reserve(count);
  for (int64_t length : lengths) {
    if (length < 0 || static_cast<uint64_t>(length) > data.size() - *pos)
      ThrowCorrupt(base + *pos, "DELTA_LENGTH_BYTE_ARRAY value overruns the page");
    out.emplace_back(data.substr(*pos, length));
    *pos += length;
  }
  return out;
}

std::vector<std::string> DecodeDeltaByteArray(std::string_view data, size_t* pos, size_t count,
                                              uint64_t base) {
  std::vector<int64_t> prefixes = DecodeDeltaBinaryPacked(data, pos, count, base);
  std::vector<std::string> suffixes = DecodeDeltaLengthByteArray(data, pos, count, base);
  std::vector<std::string> out;
  out.reserve(count);
  for (size_t i = 0; i < count; i++) {
    int64_t prefix = prefixes[i];
    size_t previous = i ? out[i - 1].size() : 0;
    if (prefix < 0 || static_cast<uint64_t>(prefix) > previous)
      ThrowCorrupt(base + *pos, "DELTA_BYTE_ARRAY prefix longer than the previous value");
    out.push_back((i ? out[i - 1].substr(0, prefix) : std::string()) + suffixes[i]);
  }
  return out;
}

}  // namespace heliosdb::parquet
