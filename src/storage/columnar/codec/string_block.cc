#include "storage/columnar/codec/string_block.h"

#include <vector>

namespace heliosdb::codec {

namespace {
std::vector<int64_t> Ends(const std::string_view* strings, idx_t n) {
  std::vector<int64_t> ends(n);
  int64_t end = 0;
  for (idx_t i = 0; i < n; i++) ends[i] = end += static_cast<int64_t>(strings[i].size());
  return ends;
}

uint64_t VarintBytes(uint64_t v) {
  uint64_t n = 1;
  while (v >= 0x80) v >>= 7, n++;
  return n;
}
}  // namespace

void EncodeStrings(const std::string_view* strings, idx_t n, std::string& out) {
  std::vector<int64_t> ends = Ends(strings, n);
  PutVarint(out, n ? ends.back() : 0);
  bitpack::Encode(ends.data(), n, out);
  for (idx_t i = 0; i < n; i++) out.append(strings[i]);
}

uint64_t EncodedStringBytes(const std::string_view* strings, idx_t n) {
  std::vector<int64_t> ends = Ends(strings, n);
  uint64_t total = n ? ends.back() : 0;
  return VarintBytes(total) + bitpack::EncodedBytes(ends.data(), n) + total;
}

StringBlockReader::StringBlockReader(PayloadReader& in, idx_t n)
    : total_(in.Count(in.remaining())), ends_(in, n), data_(in.Bytes(total_)) {}

std::string_view StringBlockReader::Get(idx_t i) const {
  uint64_t begin = i ? static_cast<uint64_t>(ends_.Get(i - 1)) : 0;
  uint64_t end = static_cast<uint64_t>(ends_.Get(i));
  CheckFormat(begin <= end && end <= data_.size(), "string offsets out of range");
  return data_.substr(begin, end - begin);
}

void StringBlockReader::CopyAll(ColumnBuffer& out) const {
  char* heap = out.ReserveHeap(data_.size());
  if (!data_.empty()) std::memcpy(heap, data_.data(), data_.size());
  std::vector<int64_t> ends(size());
  ends_.DecodeAll(ends.data());
  uint64_t begin = 0;
  for (idx_t i = 0; i < ends.size(); i++) {
    uint64_t end = static_cast<uint64_t>(ends[i]);
    CheckFormat(begin <= end && end <= data_.size(), "string offsets out of range");
    out.strings()[i] = std::string_view(heap + begin, end - begin);
    begin = end;
  }
}

}  // namespace heliosdb::codec
