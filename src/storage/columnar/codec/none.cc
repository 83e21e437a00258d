// 'none': values stored plainly, with random access.
//
//   fixed width:  count * width bytes, little-endian
//   strings:      a string block (string_block.h)
#include "storage/columnar/codec/none.h"

#include "storage/columnar/codec/codecs.h"
#include "storage/columnar/codec/string_block.h"

namespace heliosdb::codec {

void EncodePlain(const ColumnView& column, std::string& out) {
  if (column.type == StorageType::kString) return EncodeStrings(column.strings, column.count, out);
  out.append(reinterpret_cast<const char*>(column.fixed),
             column.count * StorageTypeWidth(column.type));
}

uint64_t PlainBytes(const ColumnView& column) {
  if (column.type == StorageType::kString) return EncodedStringBytes(column.strings, column.count);
  return column.count * StorageTypeWidth(column.type);
}

void DecodePlain(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out) {
  PayloadReader in(payload);
  if (type == StorageType::kString) {
    StringBlockReader block(in, count);
    out.Reset(type, count);
    block.CopyAll(out);
    return;
  }
  std::string_view bytes = in.Bytes(count * StorageTypeWidth(type));
  out.Reset(type, count);
  if (count) std::memcpy(out.fixed(), bytes.data(), bytes.size());
}

namespace {

bool Compress(const ColumnView& column, std::string& out) {
  EncodePlain(column, out);
  return true;
}

void Fetch(std::string_view payload, StorageType type, idx_t count, idx_t row, ColumnBuffer& out) {
  PayloadReader in(payload);
  if (type == StorageType::kString) {
    StringBlockReader block(in, count);
    out.SetToString(block.Get(row));
    return;
  }
  size_t width = StorageTypeWidth(type);
  CheckFormat(in.remaining() >= count * width, "truncated");
  out.Reset(type, 1);
  std::memcpy(out.fixed(), payload.data() + row * width, width);
}

}  // namespace

const Codec kNoneCodec = {CodecId::kNone, "none",      SupportsAnyType, PlainBytes,
                          Compress,       DecodePlain, Fetch,           nullptr};

}  // namespace heliosdb::codec
