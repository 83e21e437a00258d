// 'dictionary': distinct values once, rows as bit-packed codes (first-seen order).
//
//   +----------+------------------------------------------------+-------------------------+
//   | varint D | entries: D x width bytes, or a string block of D | bitpack: count codes    |
//   +----------+------------------------------------------------+-------------------------+
//
// Code c < D names entry c. A filter compares each entry once and then only tests codes; a scan
// can hand execution a DICTIONARY vector over the entries.
#include "storage/columnar/codec/dictionary.h"

#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/columnar/codec/bitpack.h"
#include "storage/columnar/codec/codecs.h"
#include "storage/columnar/codec/compare.h"
#include "storage/columnar/codec/string_block.h"

namespace heliosdb::codec {

namespace {

struct Encoding {
  std::vector<int64_t> codes;
  std::vector<idx_t> first_rows;  // the row where each entry first appears
};

Encoding Encode(const ColumnView& c) {
  Encoding e;
  e.codes.resize(c.count);
  if (c.type == StorageType::kString) {
    std::unordered_map<std::string_view, int64_t> ids;
    for (idx_t i = 0; i < c.count; i++) {
      auto [it, added] = ids.emplace(c.strings[i], static_cast<int64_t>(e.first_rows.size()));
      if (added) e.first_rows.push_back(i);
      e.codes[i] = it->second;
    }
    return e;
  }
  size_t width = StorageTypeWidth(c.type);
  std::unordered_map<uint64_t, int64_t> ids;
  for (idx_t i = 0; i < c.count; i++) {
    uint64_t key = 0;
    std::memcpy(&key, c.fixed + i * width, width);
    auto [it, added] = ids.emplace(key, static_cast<int64_t>(e.first_rows.size()));
    if (added) e.first_rows.push_back(i);
    e.codes[i] = it->second;
  }
  return e;
}

std::vector<std::string_view> EntryStrings(const ColumnView& c, const Encoding& e) {
  std::vector<std::string_view> entries;
  for (idx_t row : e.first_rows) entries.push_back(c.strings[row]);
  return entries;
}

uint64_t Analyze(const ColumnView& sample) {
  Encoding e = Encode(sample);
  // A dictionary that grows with the sample will keep growing with the segment: not a dictionary.
  if (sample.count >= 64 && e.first_rows.size() * 2 > sample.count) return kNotApplicable;
  uint64_t entries = sample.type == StorageType::kString
                         ? EncodedStringBytes(EntryStrings(sample, e).data(), e.first_rows.size())
                         : e.first_rows.size() * StorageTypeWidth(sample.type);
  return 2 + entries + bitpack::EncodedBytes(e.codes.data(), e.codes.size());
}

bool Compress(const ColumnView& column, std::string& out) {
  Encoding e = Encode(column);
  PutVarint(out, e.first_rows.size());
  if (column.type == StorageType::kString) {
    std::vector<std::string_view> entries = EntryStrings(column, e);
    EncodeStrings(entries.data(), entries.size(), out);
  } else {
    size_t width = StorageTypeWidth(column.type);
    for (idx_t row : e.first_rows) {
      out.append(reinterpret_cast<const char*>(column.fixed + row * width), width);
    }
  }
  bitpack::Encode(e.codes.data(), e.codes.size(), out);
  return true;
}

// The dictionary of a payload: entries decoded into rows [0, D) of a buffer (Reset to at least
// count rows, so the caller's output can hold them while it is filled), codes read in place.
struct Dictionary {
  ColumnView entries;
  std::unique_ptr<bitpack::Decoder> codes;

  Dictionary(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& buffer) {
    PayloadReader in(payload);
    uint64_t size = in.Count(count);
    buffer.Reset(type, count);
    if (type == StorageType::kString) {
      StringBlockReader(in, size).CopyAll(buffer);
    } else {
      std::string_view bytes = in.Bytes(size * StorageTypeWidth(type));
      if (size) std::memcpy(buffer.fixed(), bytes.data(), bytes.size());
    }
    entries = buffer.view();
    entries.count = size;
    codes = std::make_unique<bitpack::Decoder>(in, count);
  }
  uint64_t Code(idx_t row) const {
    uint64_t code = static_cast<uint64_t>(codes->Get(row));
    CheckFormat(code < entries.count, "dictionary code out of range");
    return code;
  }
};

void Decompress(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out) {
  Dictionary dict(payload, type, count, out);
  std::vector<int64_t> codes(count);
  dict.codes->DecodeAll(codes.data());
  for (int64_t code : codes) {
    CheckFormat(static_cast<uint64_t>(code) < dict.entries.count, "dictionary code out of range");
  }
  if (type == StorageType::kString) {
    // Rows [0, D) hold the entries (views into out's heap); keep them before rows overwrite them.
    std::vector<std::string_view> entries(dict.entries.strings,
                                          dict.entries.strings + dict.entries.count);
    for (idx_t i = 0; i < count; i++) out.strings()[i] = entries[codes[i]];
    return;
  }
  size_t width = StorageTypeWidth(type);
  std::vector<uint8_t> entries(dict.entries.fixed, dict.entries.fixed + dict.entries.count * width);
  for (idx_t i = 0; i < count; i++) {
    std::memcpy(out.fixed() + i * width, entries.data() + codes[i] * width, width);
  }
}

}  // namespace

void DecodeDictionary(std::string_view payload, StorageType type, idx_t count,
                      ColumnBuffer& entries, std::vector<uint32_t>& codes) {
  Dictionary dict(payload, type, count, entries);
  std::vector<int64_t> raw(count);
  dict.codes->DecodeAll(raw.data());
  codes.resize(count);
  for (idx_t i = 0; i < count; i++) {
    CheckFormat(static_cast<uint64_t>(raw[i]) < dict.entries.count, "dictionary code out of range");
    codes[i] = static_cast<uint32_t>(raw[i]);
  }
  ColumnBuffer kept;  // entries was sized for count rows: shrink it to the entries
  kept.Reset(type, dict.entries.count);
  if (type == StorageType::kString) {
    // The views stay valid: they point into entries' heap, which moves with it below.
    for (idx_t e = 0; e < dict.entries.count; e++) kept.strings()[e] = dict.entries.strings[e];
  } else if (dict.entries.count) {
    std::memcpy(kept.fixed(), dict.entries.fixed, dict.entries.count * StorageTypeWidth(type));
  }
  kept.TakeHeap(entries);
  entries = std::move(kept);
}

namespace {

// One row reads its code and then only its entry (the entries stay encoded).
void Fetch(std::string_view payload, StorageType type, idx_t count, idx_t row, ColumnBuffer& out) {
  PayloadReader in(payload);
  uint64_t size = in.Count(count);
  out.Reset(type, 1);
  if (type == StorageType::kString) {
    StringBlockReader entries(in, size);
    bitpack::Decoder codes(in, count);
    uint64_t code = static_cast<uint64_t>(codes.Get(row));
    CheckFormat(code < size, "dictionary code out of range");
    out.SetToString(entries.Get(code));
    return;
  }
  size_t width = StorageTypeWidth(type);
  std::string_view entries = in.Bytes(size * width);
  bitpack::Decoder codes(in, count);
  uint64_t code = static_cast<uint64_t>(codes.Get(row));
  CheckFormat(code < size, "dictionary code out of range");
  std::memcpy(out.fixed(), entries.data() + code * width, width);
}

void Filter(std::string_view payload, StorageType type, idx_t count, CompareOp op,
            const CompareConstant& constant, Selection& sel) {
  ColumnBuffer buffer;
  Dictionary dict(payload, type, count, buffer);
  const ColumnView& entries = dict.entries;
  std::vector<uint8_t> match(entries.count);
  bool any = false;
  for (idx_t e = 0; e < entries.count; e++) {
    match[e] = Satisfies(op, CompareRow(entries, e, constant));
    any |= match[e] != 0;
  }
  if (!any) return;
  for (idx_t i = 0; i < count; i++) {
    if (match[dict.Code(i)]) sel.push_back(static_cast<uint32_t>(i));
  }
}

}  // namespace

const Codec kDictionaryCodec = {
    CodecId::kDictionary, "dictionary", SupportsAnyType, Analyze, Compress,
    Decompress,           Fetch,        Filter};

}  // namespace heliosdb::codec
