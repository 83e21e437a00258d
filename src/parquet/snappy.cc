#include "parquet/snappy.h"

#include "parquet/parquet_error.h"

namespace heliosdb::parquet {

namespace {
// A page holds at most 2 GB (its header's sizes are i32).
constexpr uint64_t kMaxOutput = uint64_t{1} << 31;
}  // namespace

std::string SnappyDecompress(std::string_view in, size_t expected_size, uint64_t base) {
  size_t pos = 0;
  auto fail = [&](const char* what) {
    ThrowCorrupt(base + pos, std::string("Snappy data ") + what);
  };
  auto byte = [&]() -> uint8_t {
    if (pos >= in.size()) fail("truncated");
    return static_cast<uint8_t>(in[pos++]);
  };
  uint64_t length = 0;
  for (int shift = 0;; shift += 7) {
    if (shift > 28) fail("has a bad length");
    uint8_t b = byte();
    length |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) break;
  }
  if (length > kMaxOutput || length != expected_size) fail("states another length than its page");
  std::string out;
  out.reserve(length);
  while (pos < in.size()) {
    uint8_t tag = byte();
    uint64_t len;
    uint64_t offset = 0;
    switch (tag & 3) {
      case 0: {
        len = tag >> 2;
        if (len >= 60) {
          int bytes = static_cast<int>(len - 59);
          len = 0;
          for (int i = 0; i < bytes; i++) len |= static_cast<uint64_t>(byte()) << (8 * i);
        }
        len += 1;
        if (len > in.size() - pos) fail("literal overruns the input");
        if (out.size() + len > length) fail("is longer than its stated length");
        out.append(in.substr(pos, len));
        pos += len;
        continue;
      }
      case 1:
        len = 4 + ((tag >> 2) & 7);
        offset = static_cast<uint64_t>(tag >> 5) << 8;
        offset |= byte();
        break;
      case 2:
        len = (tag >> 2) + 1;
        offset = byte();
        offset |= static_cast<uint64_t>(byte()) << 8;
        break;
      default:
        len = (tag >> 2) + 1;
        for (int i = 0; i < 4; i++) offset |= static_cast<uint64_t>(byte()) << (8 * i);
        break;
    }
    if (offset == 0 || offset > out.size()) fail("copies from before its start");
    if (out.size() + len > length) fail("is longer than its stated length");
    size_t from = out.size() - offset;
    for (uint64_t i = 0; i < len; i++) out.push_back(out[from + i]);
  }
  if (out.size() != length) fail("is shorter than its stated length");
  return out;
}

}  // namespace heliosdb::parquet
