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

std::vector<std::string> EncodeAll(const SymbolTable& table, const ColumnView& column,
                                   uint64_t* decoded_bytes) {
  std::vector<std::string> coded(column.count);
  *decoded_bytes = 0;
  for (idx_t i = 0; i < column.count; i++) {
    table.Encode(column.strings[i], coded[i]);
    *decoded_bytes += column.strings[i].size();
  }
  return coded;
}

void Write(const SymbolTable& table, const ColumnView& column, std::string& out) {
  uint64_t decoded;
  std::vector<std::string> coded = EncodeAll(table, column, &decoded);
  std::vector<std::string_view> views(coded.begin(), coded.end());
  table.Write(out);
  PutVarint(out, decoded);
  EncodeStrings(views.data(), views.size(), out);
}

uint64_t Analyze(const ColumnView& sample) {
  std::string out;
  Write(SymbolTable::Build(std::vector<std::string_view>(sample.strings,
                                                         sample.strings + sample.count)),
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

Opened Open(std::string_view payload, idx_t count) {
  PayloadReader in(payload);
  SymbolTable table = SymbolTable::Read(in);
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
  size_t at = 0;
  for (idx_t i = 0; i < count; i++) {
    size_t len = seg.table.Decode(seg.coded.Get(i), heap + at, seg.decoded_bytes - at);
    out.strings()[i] = std::string_view(heap + at, len);
    at += len;
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

void Fetch(std::string_view payload, StorageType type, idx_t count, idx_t row, ColumnBuffer& out) {
  Opened seg = Open(payload, count);
  std::string scratch;
  std::string_view s = DecodeRow(seg, row, scratch);
  out.Reset(type, 1);
  char* heap = out.ReserveHeap(s.size());
  if (!s.empty()) std::memcpy(heap, s.data(), s.size());
  out.strings()[0] = std::string_view(heap, s.size());
}

void Filter(std::string_view payload, StorageType, idx_t count, CompareOp op,
            const CompareConstant& constant, Selection& sel) {
  Opened seg = Open(payload, count);
  if (op == CompareOp::kEq || op == CompareOp::kNe) {
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

const Codec kFsstCodec = {CodecId::kFsst, "fsst", SupportsStrings, Analyze, Compress,
                          Decompress,     Fetch,  Filter};

}  // namespace heliosdb::codec
