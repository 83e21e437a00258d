#include "storage/columnar/codec/general_purpose.h"

#include "storage/columnar/codec/none.h"
#include "storage/columnar/codec/payload_reader.h"

namespace heliosdb::codec {

// Plain layouts larger than this are not produced by any segment (row groups hold ~120k rows);
// a larger count in a payload is corruption and must not size an allocation.
constexpr uint64_t kMaxPlainBytes = uint64_t{1} << 34;

uint64_t AnalyzeWith(const ByteCompressor& c, const ColumnView& sample) {
  std::string out;
  CompressWith(c, sample, out);
  return out.size();
}

void CompressWith(const ByteCompressor& c, const ColumnView& column, std::string& out) {
  std::string plain;
  EncodePlain(column, plain);
  PutVarint(out, plain.size());
  c.compress(plain, out);
}

void DecompressWith(const ByteCompressor& c, std::string_view payload, StorageType type,
                    idx_t count, ColumnBuffer& out) {
  PayloadReader in(payload);
  uint64_t size = in.Count(kMaxPlainBytes);
  if (type != StorageType::kString) {
    CheckFormat(size == count * StorageTypeWidth(type), "plain size does not match the rows");
  }
  CheckFormat(size <= c.max_decoded(in.Rest()), "plain size larger than the frame can hold");
  std::string plain(size, '\0');
  CheckFormat(c.decompress(in.Rest(), plain.data(), size), "frame does not decompress");
  DecodePlain(plain, type, count, out);
}

}  // namespace heliosdb::codec
