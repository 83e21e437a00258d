// 'constant': every row holds the same value (bit for bit), stored once.
//
//   fixed width:  width bytes of the value
//   strings:      varint length, bytes
// A scan can hand execution a CONSTANT vector; a filter is decided once for the whole segment.
#include <cstring>

#include "storage/columnar/codec/codecs.h"
#include "storage/columnar/codec/compare.h"
#include "storage/columnar/codec/payload_reader.h"

namespace heliosdb::codec {

namespace {

bool AllEqual(const ColumnView& c) {
  if (c.count == 0) return true;
  if (c.type == StorageType::kString) {
    for (idx_t i = 1; i < c.count; i++) {
      if (c.strings[i] != c.strings[0]) return false;
    }
    return true;
  }
  size_t width = StorageTypeWidth(c.type);
  for (idx_t i = 1; i < c.count; i++) {
    if (std::memcmp(c.fixed, c.fixed + i * width, width) != 0) return false;
  }
  return true;
}

uint64_t Analyze(const ColumnView& sample) {
  if (!AllEqual(sample)) return kNotApplicable;
  if (sample.type != StorageType::kString) return StorageTypeWidth(sample.type);
  return 1 + (sample.count ? sample.strings[0].size() : 0);
}

bool Compress(const ColumnView& column, std::string& out) {
  if (!AllEqual(column)) return false;
  if (column.type == StorageType::kString) {
    std::string_view s = column.count ? column.strings[0] : std::string_view();
    PutVarint(out, s.size());
    out.append(s);
  } else if (column.count) {
    out.append(reinterpret_cast<const char*>(column.fixed), StorageTypeWidth(column.type));
  } else {
    out.append(StorageTypeWidth(column.type), '\0');
  }
  return true;
}

// The constant as a one-row buffer.
void ReadValue(std::string_view payload, StorageType type, ColumnBuffer& out) {
  PayloadReader in(payload);
  out.Reset(type, 1);
  if (type == StorageType::kString) {
    out.SetToString(in.Bytes(in.Count(in.remaining())));
  } else {
    std::string_view bytes = in.Bytes(StorageTypeWidth(type));
    std::memcpy(out.fixed(), bytes.data(), bytes.size());
  }
}

void Decompress(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out) {
  ColumnBuffer one;
  ReadValue(payload, type, one);
  out.Reset(type, count);
  if (type == StorageType::kString) {
    std::string_view s = one.strings()[0];
    char* heap = out.ReserveHeap(s.size());
    if (!s.empty()) std::memcpy(heap, s.data(), s.size());
    for (idx_t i = 0; i < count; i++) out.strings()[i] = std::string_view(heap, s.size());
    return;
  }
  size_t width = StorageTypeWidth(type);
  for (idx_t i = 0; i < count; i++) std::memcpy(out.fixed() + i * width, one.fixed(), width);
}

void Fetch(std::string_view payload, StorageType type, idx_t, idx_t, ColumnBuffer& out) {
  ReadValue(payload, type, out);
}

void Filter(std::string_view payload, StorageType type, idx_t count, CompareOp op,
            const CompareConstant& constant, Selection& sel) {
  ColumnBuffer one;
  ReadValue(payload, type, one);
  if (!Satisfies(op, CompareRow(one.view(), 0, constant))) return;
  for (idx_t i = 0; i < count; i++) sel.push_back(static_cast<uint32_t>(i));
}

}  // namespace

const Codec kConstantCodec = {CodecId::kConstant, "constant", SupportsAnyType, Analyze,
                              Compress,           Decompress, Fetch,           Filter};

}  // namespace heliosdb::codec
