// Reading a row group back (row_group.cc draws the bytes): header checks, point reads by key
// through single-row fetches, and whole-group decoding for scans.
#include <xxhash.h>

#include "common/exception.h"
#include "storage/columnar/codec/payload_reader.h"
#include "storage/columnar/row_group.h"
#include "storage/columnar/row_key_form.h"
#include "storage/row_codec.h"

namespace heliosdb {

namespace {

const LogicalType kKeyType(TypeId::kBytea);
const LogicalType kBigIntType(TypeId::kBigInt);

[[noreturn]] void Corrupt(const std::string& detail) {
  ThrowError(sqlstate::kDataCorrupted, "row group is corrupted: " + detail);
}

Value DecodeValue(std::string_view bytes, const LogicalType& type) {
  return DecodeRow(bytes, {type})[0];
}

LogicalType ReadType(codec::PayloadReader& r) {
  auto id = static_cast<TypeId>(r.U8());
  auto element = static_cast<TypeId>(r.U8());
  int32_t mod1 = r.Fixed<int32_t>();
  int32_t mod2 = r.Fixed<int32_t>();
  if (id == TypeId::kArray) return LogicalType::Array(LogicalType(element, mod1, mod2));
  return LogicalType(id, mod1, mod2);
}

}  // namespace

RowGroup::RowGroup(std::string header, std::vector<std::string> segments)
    : header_(std::move(header)), bytes_(std::move(segments)) {
  try {
    if (header_.size() < 9) Corrupt("header truncated");
    uint64_t sum;
    std::memcpy(&sum, header_.data() + header_.size() - 8, 8);
    if (XXH64(header_.data(), header_.size() - 8, 0) != sum) Corrupt("header checksum mismatch");
    codec::PayloadReader r(std::string_view(header_).substr(0, header_.size() - 8));
    uint8_t version = r.U8();
    if (version != kRowGroupFormatVersion)
      Corrupt("format version " + std::to_string(version) + ", this build reads " +
              std::to_string(kRowGroupFormatVersion));
    uint8_t key_form = r.U8();
    if (key_form > static_cast<uint8_t>(RowKeyForm::kInt64)) Corrupt("unknown key form");
    key_form_ = static_cast<RowKeyForm>(key_form);
    count_ = r.Fixed<uint32_t>();
    min_begin_ = r.Fixed<uint64_t>();
    min_key_ = r.Bytes(r.Varint());
    max_key_ = r.Bytes(r.Varint());
    size_t slots = r.Count(1u << 16);
    for (size_t s = 0; s < slots; s++) {
      types_.push_back(ReadType(r));
      encodings_.push_back(r.U8());
      ZoneMap zone;
      zone.has_values = r.U8() != 0;
      std::string_view min = r.Bytes(r.Varint()), max = r.Bytes(r.Varint());
      if (zone.has_values) {
        zone.min = DecodeValue(min, types_.back());
        zone.max = DecodeValue(max, types_.back());
      }
      zones_.push_back(std::move(zone));
    }
    size_t count = r.Count(1u << 16);
    if (count != kFirstColumnSegment + slots || count != bytes_.size())
      Corrupt("segment count mismatch");
    for (size_t i = 0; i < count; i++) {
      if (r.Varint() != bytes_[i].size())
        Corrupt("segment " + std::to_string(i) + " size mismatch");
      raw_bytes_.push_back(r.Varint());
      segments_.emplace_back(bytes_[i]);
      if (segments_.back().count() != count_) Corrupt("segment row count mismatch");
    }
    if (r.remaining() != 0) Corrupt("trailing header bytes");
  } catch (const DbException& e) {
    // A segment's own check names the segment, not the row group: say both.
    if (std::string_view(e.what()).starts_with("row group")) throw;
    Corrupt(e.what());
  }
}

uint64_t RowGroup::stored_bytes() const {
  uint64_t n = header_.size();
  for (const std::string& s : bytes_) n += s.size();
  return n;
}

std::vector<SegmentInfo> RowGroup::Segments() const {
  std::vector<SegmentInfo> out;
  for (size_t i = 0; i < segments_.size(); i++)
    out.push_back({segments_[i].codec().name, raw_bytes_[i], bytes_[i].size()});
  return out;
}

std::string RowGroup::KeyOf(const codec::ColumnBuffer& keys, idx_t row) const {
  if (key_form_ == RowKeyForm::kInt64) return KeyFromInt64(keys.view().Get<int64_t>(row));
  return std::string(keys.view().strings[row]);
}

std::string RowGroup::KeyAt(idx_t row) const {
  Vector v;
  if (key_form_ == RowKeyForm::kInt64) {
    codec::FetchVector(segments_[kKeySegment], kBigIntType, row, v);
    return KeyFromInt64(v.data<int64_t>()[0]);
  }
  codec::FetchVector(segments_[kKeySegment], kKeyType, row, v);
  return std::string(v.data<std::string_view>()[0]);
}

Scn RowGroup::BeginAt(idx_t row) const {
  Vector v;
  codec::FetchVector(segments_[kBeginScnSegment], kBigIntType, row, v);
  return static_cast<Scn>(v.data<int64_t>()[0]);
}

idx_t RowGroup::LowerBound(std::string_view key) const {
  if (key <= min_key_) return 0;
  if (key > max_key_) return count_;
  idx_t lo = 0, hi = count_;
  while (lo < hi) {
    idx_t mid = lo + (hi - lo) / 2;
    if (KeyAt(mid) < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

std::optional<idx_t> RowGroup::Find(std::string_view key) const {
  if (key < min_key_ || key > max_key_) return std::nullopt;
  idx_t row = LowerBound(key);
  if (row < count_ && KeyAt(row) == key) return row;
  return std::nullopt;
}

Value RowGroup::FetchValue(size_t s, idx_t row) const {
  const codec::SegmentReader& seg = segments_[kFirstColumnSegment + s];
  if (!seg.IsValid(row)) return Value::Null(types_[s]);
  Vector v;
  if (encodings_[s] == 0) {
    codec::FetchVector(seg, types_[s], row, v);
    return v.GetValue(0);
  }
  codec::FetchVector(seg, kKeyType, row, v);
  return DecodeValue(v.data<std::string_view>()[0], types_[s]);
}

std::string RowGroup::FetchRow(idx_t row) const {
  std::vector<Value> values;
  for (size_t s = 0; s < types_.size(); s++) values.push_back(FetchValue(s, row));
  std::string out;
  EncodeRow(values, types_, &out);
  return out;
}

void RowGroup::ScanSlot(size_t s, idx_t offset, idx_t n, codec::ScanCache& cache,
                        DataChunk& out) const {
  const codec::SegmentReader& seg = segments_[kFirstColumnSegment + s];
  if (encodings_[s] == 0) {
    codec::ScanVector(seg, types_[s], offset, n, cache, out.column(s));
    return;
  }
  Vector bytes;
  codec::ScanVector(seg, kKeyType, offset, n, cache, bytes);
  Vector& col = out.column(s);
  col = Vector(types_[s], n);
  for (idx_t i = 0; i < n; i++) {
    Value v = bytes.GetValue(i);
    if (v.is_null()) {
      col.SetNull(i);
    } else {
      col.SetValue(i, DecodeValue(v.GetString(), types_[s]));
    }
  }
}

RowGroup::Decoded RowGroup::Decode(idx_t from, idx_t to, bool with_rows) const {
  HELIOS_ASSERT(from <= to && to <= count_);
  Decoded out;
  codec::ColumnBuffer keys, begins;
  segments_[kKeySegment].Decompress(keys);
  segments_[kBeginScnSegment].Decompress(begins);
  std::vector<codec::ScanCache> caches(types_.size());
  if (!with_rows) {
    for (idx_t i = from; i < to; i++) {
      out.keys.push_back(KeyOf(keys, i));
      out.begins.push_back(static_cast<Scn>(begins.view().Get<int64_t>(i)));
    }
    return out;
  }
  for (idx_t at = from; at < to; at += kVectorSize) {
    idx_t n = std::min<idx_t>(kVectorSize, to - at);
    DataChunk chunk(types_, n);
    for (size_t s = 0; s < types_.size(); s++) ScanSlot(s, at, n, caches[s], chunk);
    chunk.SetSize(n);
    chunk.Flatten();
    for (idx_t i = 0; i < n; i++) {
      out.keys.push_back(KeyOf(keys, at + i));
      out.begins.push_back(static_cast<Scn>(begins.view().Get<int64_t>(at + i)));
      EncodeRowFromChunk(chunk, i, types_, &out.rows.emplace_back());
    }
  }
  return out;
}

}  // namespace heliosdb
