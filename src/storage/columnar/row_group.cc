// Row group bytes. A row group is a header plus 3 + N segments, each stored as its own value
// (cold_tier.h says where). Integers in the header are little-endian; varints are LEB128.
//
// Header:
//   +--------+-------------+-----------+---------------+-------------------+-------------------+
//   | u8 ver | u8 key form | u32 rows  | u64 min begin | varint len, min   | varint len, max   |
//   |        |             |           |               | key               | key               |
//   +--------+-------------+-----------+---------------+-------------------+-------------------+
//   | varint N slots | N x slot (below)  | varint S segments | S x (varint stored bytes,  |
//   |                |                   |                   |      varint raw bytes)     |
//   +----------------+-------------------+-------------------+----------------------------+
//   | u64 XXH64 of every header byte before it |
//   +------------------------------------------+
//   slot: | u8 type id | u8 element type id | i32 mod1 | i32 mod2 | u8 encoding | u8 has values |
//         | varint len, min | varint len, max |
//     encoding 0: the segment holds the column in its storage type (codec/vector_bridge.h);
//     encoding 1: the type has no storage type (or a value did not fit it, NUMERIC 'NaN'): the
//                 segment holds each value's one-column row encoding (row_codec.h) as a string.
//     min / max: the one-column row encoding of the zone map's bounds (empty without values).
//
// Segments (codec/segment.h, each with its own version byte, null map and checksum):
//   0 key        the rows' user keys (key_codec.h), ascending: key form 0 as strings; key form 1
//                (every key one integer part) as int64 values (row_key_form.h)
//   1 begin SCN  int64: the commit SCN of each row version
//   2 end SCN    int64: 0 (open) when written; ends committed later are versioned end markers
//   3 + i        slot i of the row encoding (dropped columns are all-NULL slots)
#include "storage/columnar/row_group.h"

#include <xxhash.h>

#include "common/exception.h"
#include "storage/columnar/codec/codec_registry.h"
#include "storage/columnar/codec/payload_reader.h"
#include "storage/columnar/codec/vector_bridge.h"
#include "storage/columnar/row_key_form.h"
#include "storage/row_codec.h"

namespace heliosdb {

namespace {

constexpr uint8_t kNativeEncoding = 0;
constexpr uint8_t kValueBytesEncoding = 1;
const LogicalType kKeyType(TypeId::kBytea);
const LogicalType kBigIntType(TypeId::kBigInt);

std::string EncodeValue(const Value& v, const LogicalType& type) {
  std::string out;
  EncodeRow({v}, {type}, &out);
  return out;
}

void PutBytes(std::string& out, std::string_view s) {
  codec::PutVarint(out, s.size());
  out.append(s);
}

// A segment that allows single-row fetches: the analysis' pick unless it has no random access.
codec::EncodedSegment RandomAccessSegment(const codec::ColumnView& column) {
  codec::EncodedSegment seg = codec::WriteSegment(column);
  // Fallbacks that fetch one row: FSST for strings, bit-packing for integers, else none.
  for (const char* fallback : {"fsst", "bitpacking", "none"}) {
    if (seg.codec->fetch != nullptr) break;
    const codec::Codec* c = codec::CodecForSetting(fallback);
    if (c->supports(column.type)) seg = codec::WriteSegment(column, c);
  }
  return seg;
}

codec::EncodedSegment Int64Segment(const std::vector<int64_t>& values) {
  codec::ColumnBuilder b(kBigIntType);
  for (size_t at = 0; at < values.size(); at += kVectorSize) {
    idx_t n = std::min<idx_t>(kVectorSize, values.size() - at);
    Vector v(kBigIntType, n);
    for (idx_t i = 0; i < n; i++) v.data<int64_t>()[i] = values[at + i];
    b.Append(v, n);
  }
  return RandomAccessSegment(b.view());
}

void UpdateZone(ZoneMap& zone, const Value& v) {
  if (v.is_null()) return;
  if (!zone.has_values) {
    zone = ZoneMap{true, v, v};
  } else if (v.Compare(zone.min) < 0) {
    zone.min = v;
  } else if (v.Compare(zone.max) > 0) {
    zone.max = v;
  }
}

}  // namespace

RowGroupWriter::RowGroupWriter(std::vector<LogicalType> types,
                               std::vector<const codec::Codec*> forced)
    : types_(std::move(types)), forced_(std::move(forced)), zones_(types_.size()) {
  forced_.resize(types_.size(), nullptr);
  chunk_.Initialize(types_);
  for (size_t i = 0; i < types_.size(); i++) all_slots_.push_back(static_cast<int>(i));
}

void RowGroupWriter::Add(std::string_view key, Scn begin, std::string_view row) {
  HELIOS_ASSERT(count_ < kRowGroupRows && (keys_.empty() || key > keys_.back()));
  keys_.emplace_back(key);
  begins_.push_back(static_cast<int64_t>(begin));
  DecodeRowInto(row, types_, all_slots_, &chunk_, chunk_.size());
  chunk_.SetSize(chunk_.size() + 1);
  count_++;
  if (chunk_.size() == kVectorSize) FlushChunk();
}

void RowGroupWriter::FlushChunk() {
  if (chunk_.size() == 0) return;
  chunks_.push_back(std::move(chunk_));
  chunk_ = DataChunk();
  chunk_.Initialize(types_);
}

EncodedRowGroup RowGroupWriter::Finish() {
  HELIOS_ASSERT(count_ > 0);
  FlushChunk();
  EncodedRowGroup out;
  std::vector<uint64_t> raw_bytes;
  auto add = [&](codec::EncodedSegment seg) {
    out.segments.push_back(std::move(seg.bytes));
    raw_bytes.push_back(seg.raw_bytes);
  };
  RowKeyForm key_form =
      std::all_of(keys_.begin(), keys_.end(), IsInt64Key) ? RowKeyForm::kInt64 : RowKeyForm::kBytes;
  if (key_form == RowKeyForm::kInt64) {
    std::vector<int64_t> ints;
    ints.reserve(keys_.size());
    for (const std::string& k : keys_) ints.push_back(Int64FromKey(k));
    add(Int64Segment(ints));
  } else {
    codec::ColumnBuilder keys(kKeyType);
    for (size_t at = 0; at < keys_.size(); at += kVectorSize) {
      idx_t n = std::min<idx_t>(kVectorSize, keys_.size() - at);
      Vector v(kKeyType, n);
      for (idx_t i = 0; i < n; i++) v.SetString(i, keys_[at + i]);
      keys.Append(v, n);
    }
    add(RandomAccessSegment(keys.view()));
  }
  add(Int64Segment(begins_));
  add(Int64Segment(std::vector<int64_t>(count_, 0)));

  std::string slots;
  for (size_t s = 0; s < types_.size(); s++) {
    const LogicalType& type = types_[s];
    for (const DataChunk& c : chunks_)
      for (idx_t r = 0; r < c.size(); r++) UpdateZone(zones_[s], c.GetValue(s, r));
    uint8_t encoding = kValueBytesEncoding;
    codec::EncodedSegment segment;
    if (codec::StorageTypeFor(type)) {
      codec::ColumnBuilder b(type);
      bool fits = true;
      for (const DataChunk& c : chunks_) fits = fits && b.Append(c.column(s), c.size());
      if (fits) {
        segment = codec::WriteSegment(b.view(), forced_[s]);
        encoding = kNativeEncoding;
      }
    }
    if (encoding == kValueBytesEncoding) {
      codec::ColumnBuilder b(kKeyType);
      for (const DataChunk& c : chunks_) {
        Vector v(kKeyType, c.size());
        for (idx_t r = 0; r < c.size(); r++) {
          Value val = c.GetValue(s, r);
          if (val.is_null()) {
            v.SetNull(r);
          } else {
            v.SetString(r, EncodeValue(val, type));
          }
        }
        b.Append(v, c.size());
      }
      segment = codec::WriteSegment(b.view(), forced_[s]);
    }
    add(std::move(segment));
    slots.push_back(static_cast<char>(type.id()));
    slots.push_back(
        static_cast<char>(type.IsArray() ? type.element_type().id() : TypeId::kUnknown));
    codec::PutFixed<int32_t>(slots, type.modifier1());
    codec::PutFixed<int32_t>(slots, type.modifier2());
    slots.push_back(static_cast<char>(encoding));
    slots.push_back(zones_[s].has_values ? 1 : 0);
    PutBytes(slots, zones_[s].has_values ? EncodeValue(zones_[s].min, type) : "");
    PutBytes(slots, zones_[s].has_values ? EncodeValue(zones_[s].max, type) : "");
  }

  std::string& h = out.header;
  h.push_back(static_cast<char>(kRowGroupFormatVersion));
  h.push_back(static_cast<char>(key_form));
  codec::PutFixed<uint32_t>(h, static_cast<uint32_t>(count_));
  Scn min_begin = static_cast<Scn>(*std::min_element(begins_.begin(), begins_.end()));
  codec::PutFixed<uint64_t>(h, min_begin);
  PutBytes(h, keys_.front());
  PutBytes(h, keys_.back());
  codec::PutVarint(h, types_.size());
  h.append(slots);
  codec::PutVarint(h, out.segments.size());
  for (size_t i = 0; i < out.segments.size(); i++) {
    codec::PutVarint(h, out.segments[i].size());
    codec::PutVarint(h, raw_bytes[i]);
  }
  codec::PutFixed<uint64_t>(h, XXH64(h.data(), h.size(), 0));
  return out;
}

}  // namespace heliosdb
