// 'fsst': strings compressed symbol by symbol with a table built per segment (symbol_table.h),
// each string on its own, so one row decodes without its neighbours.
//
//   +--------------+------------------------+-----------------------------------------------+
//   | symbol table | varint decoded bytes T | string block (string_block.h) of the n coded  |
//   |              |                        | strings: bit-packed ends, then the codes      |
//   +--------------+------------------------+-----------------------------------------------+
//
// Equality filters compress the constant with the same table and compare codes: the greedy
// encoding is deterministic, so equal strings have equal codes. Other comparisons decode rows.
#include <cstring>

#include "storage/columnar/codec/analyze.h"
#include "storage/columnar/codec/codecs.h"
#include "storage/columnar/codec/compare.h"
#include "storage/columnar/codec/fsst/symbol_table.h"
#include "storage/columnar/codec/string_block.h"

namespace heliosdb::codec {

namespace {

using fsst::SymbolTable;

// A segment's values past this are corruption; it bounds the allocation for a full decode.
constexpr uint64_t kMaxDecodedBytes = uint64_t{1} << 34;

SymbolTable BuildFor(const ColumnView& column) {
  ColumnSample sample = SampleColumn(column);
  return SymbolTable::Build(
      std::vector<std::string_view>(sample.view.strings, sample.view.strings + sample.view.count));
}

void Write(const SymbolTable& table, const ColumnView& column, std::string& out) {
  // All codes in one buffer, then views into it for the string block.
  std::string codes;
  std::vector<size_t> ends(column.count);
  uint64_t decoded = 0;
  for (idx_t i = 0; i < column.count; i++) {
    table.Encode(column.strings[i], codes);
    ends[i] = codes.size();
    decoded += column.strings[i].size();
  }
  std::vector<std::string_view> views(column.count);
  for (idx_t i = 0, begin = 0; i < column.count; begin = ends[i++]) {
    views[i] = std::string_view(codes.data() + begin, ends[i] - begin);
  }
  table.Write(out);
  PutVarint(out, decoded);
  EncodeStrings(views.data(), views.size(), out);
}

uint64_t Analyze(const ColumnView& sample) {
  std::string out;
  Write(SymbolTable::Build(
            std::vector<std::string_view>(sample.strings, sample.strings + sample.count)),
        sample, out);
  return out.size();
}

bool Compress(const ColumnView& column, std::string& out) {
  Write(BuildFor(column), column, out);
  return true;
}

struct Opened {
  SymbolTable table;
  uint64_t decoded_bytes;
  StringBlockReader coded;
};

Opened Open(std::string_view payload, idx_t count, bool for_encoding = false) {
  PayloadReader in(payload);
  SymbolTable table = SymbolTable::Read(in, for_encoding);
  uint64_t decoded = in.Count(kMaxDecodedBytes);
  return Opened{std::move(table), decoded, StringBlockReader(in, count)};
}

void Decompress(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out) {
  Opened seg = Open(payload, count);
  // Every code decodes to at most 8 bytes: a larger recorded size is a lie.
  CheckFormat(seg.decoded_bytes <= seg.coded.total_bytes() * fsst::kMaxSymbolLength,
              "FSST decoded size implausible");
  out.Reset(type, count);
  char* heap = out.ReserveHeap(seg.decoded_bytes + 8);
  std::vector<int64_t> ends(count);
  seg.coded.DecodeEnds(ends.data());
  std::string_view codes = seg.coded.data();
  size_t at = 0;
  uint64_t begin = 0;
  for (idx_t i = 0; i < count; i++) {
    uint64_t end = static_cast<uint64_t>(ends[i]);
    CheckFormat(begin <= end && end <= codes.size(), "string offsets out of range");
    size_t len =
        seg.table.Decode(codes.substr(begin, end - begin), heap + at, seg.decoded_bytes - at);
    out.strings()[i] = std::string_view(heap + at, len);
    at += len;
    begin = end;
  }
  CheckFormat(at == seg.decoded_bytes, "FSST decoded size does not match");
}

// Decodes row into scratch (resized to fit) and returns it.
std::string_view DecodeRow(const Opened& seg, idx_t row, std::string& scratch) {
  std::string_view codes = seg.coded.Get(row);
  scratch.resize(codes.size() * fsst::kMaxSymbolLength + 8);
  size_t len = seg.table.Decode(codes, scratch.data(), codes.size() * fsst::kMaxSymbolLength);
  return std::string_view(scratch.data(), len);
}

void Fetch(std::string_view payload, StorageType, idx_t count, idx_t row, ColumnBuffer& out) {
  Opened seg = Open(payload, count);
  std::string scratch;
  out.SetToString(DecodeRow(seg, row, scratch));
}

void Filter(std::string_view payload, StorageType, idx_t count, CompareOp op,
            const CompareConstant& constant, Selection& sel) {
  bool equality = op == CompareOp::kEq || op == CompareOp::kNe;
  Opened seg = Open(payload, count, equality);
  if (equality) {
    std::string coded;
    seg.table.Encode(constant.s, coded);
    bool want = op == CompareOp::kEq;
    for (idx_t i = 0; i < count; i++) {
      if ((seg.coded.Get(i) == coded) == want) sel.push_back(static_cast<uint32_t>(i));
    }
    return;
  }
  std::string scratch;
  for (idx_t i = 0; i < count; i++) {
    if (Satisfies(op, CompareString(DecodeRow(seg, i, scratch), constant.s))) {
      sel.push_back(static_cast<uint32_t>(i));
    }
  }
}

}  // namespace

const Codec kFsstCodec = {CodecId::kFsst, "fsst",     SupportsStrings, Analyze,
                          Compress,       Decompress, Fetch,           Filter};

}  // namespace heliosdb::codec
