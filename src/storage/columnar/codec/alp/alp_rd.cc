// 'alp_rd': ALP for "real doubles" (Afroozeh, Kuffo, Boncz, SIGMOD 2024, section 3.4), the
// floats that are not decimals (results of arithmetic, random bits). Each value's bits split at
// position r: the right r bits are bit-packed as they are, the left bits (at most 16, the sign,
// exponent and top of the mantissa, which vary little) go through a dictionary of at most 8
// entries; left parts outside it are exceptions. r is chosen on a sample of the segment.
//
//   +-----------+-----------+------------------------+----------------------------------+
//   | u8 right  | u8 dict   | D x u16 left parts     | bitpack: n dictionary codes      |
//   | width r   | size D    |                        | (exceptions hold code 0)         |
//   +-----------+-----------+------------------------+----------------------------------+
//   | bitpack: n right parts | varint E | E x u32 position (ascending) | E x u16 left part  |
//   +------------------------+----------+------------------------------+--------------------+
#include <algorithm>
#include <memory>
#include <unordered_map>
#include <vector>

#include "storage/columnar/codec/alp/float_traits.h"
#include "storage/columnar/codec/analyze.h"
#include "storage/columnar/codec/bitpack.h"
#include "storage/columnar/codec/codecs.h"

namespace heliosdb::codec {

namespace {

constexpr int kMaxLeftBits = 16;
constexpr size_t kMaxDictionary = 8;
constexpr idx_t kSamples = 1024;

struct Split {
  int right_bits = 0;
  std::vector<uint16_t> dictionary;  // most frequent left parts first
};

// The dictionary for the left parts of bits at split r, and what the split costs in bits.
template <typename T>
std::pair<Split, uint64_t> TrySplit(const std::vector<typename FloatTraits<T>::Bits>& bits, int r) {
  std::unordered_map<uint16_t, uint64_t> counts;
  for (auto b : bits) counts[static_cast<uint16_t>(b >> r)]++;
  std::vector<std::pair<uint64_t, uint16_t>> by_count;
  for (auto [left, n] : counts) by_count.push_back({n, left});
  std::sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  Split split;
  split.right_bits = r;
  uint64_t covered = 0;
  for (size_t i = 0; i < std::min(kMaxDictionary, by_count.size()); i++) {
    split.dictionary.push_back(by_count[i].second);
    covered += by_count[i].first;
  }
  uint64_t exceptions = bits.size() - covered;
  uint64_t code_bits =
      bitpack::BitWidth(split.dictionary.empty() ? 0 : split.dictionary.size() - 1);
  uint64_t cost = bits.size() * (r + code_bits) + exceptions * 48 + split.dictionary.size() * 16;
  return {split, cost};
}

template <typename T>
Split ChooseSplit(const ColumnView& column) {
  using Bits = typename FloatTraits<T>::Bits;
  std::vector<Bits> sample;
  idx_t stride = std::max<idx_t>(1, column.count / kSamples);
  for (idx_t i = 0; i < column.count; i += stride) sample.push_back(ToBits<T>(column.Get<T>(i)));
  Split best;
  uint64_t best_cost = UINT64_MAX;
  for (int left = 1; left <= kMaxLeftBits; left++) {
    auto [split, cost] = TrySplit<T>(sample, FloatTraits<T>::kBits - left);
    if (cost < best_cost) best_cost = cost, best = split;
  }
  return best;
}

template <typename T>
void CompressTyped(const ColumnView& column, std::string& out) {
  using Bits = typename FloatTraits<T>::Bits;
  Split split = ChooseSplit<T>(column);
  int r = split.right_bits;
  std::unordered_map<uint16_t, int64_t> code_of;
  for (size_t c = 0; c < split.dictionary.size(); c++) code_of[split.dictionary[c]] = c;
  std::vector<int64_t> codes(column.count), rights(column.count);
  std::vector<std::pair<uint32_t, uint16_t>> exceptions;
  Bits right_mask = (Bits{1} << r) - 1;
  for (idx_t i = 0; i < column.count; i++) {
    Bits b = ToBits<T>(column.Get<T>(i));
    uint16_t left = static_cast<uint16_t>(b >> r);
    rights[i] = static_cast<int64_t>(b & right_mask);
    auto it = code_of.find(left);
    if (it == code_of.end()) {
      exceptions.push_back({static_cast<uint32_t>(i), left});
    } else {
      codes[i] = it->second;
    }
  }
  PutFixed<uint8_t>(out, static_cast<uint8_t>(r));
  PutFixed<uint8_t>(out, static_cast<uint8_t>(split.dictionary.size()));
  for (uint16_t left : split.dictionary) PutFixed<uint16_t>(out, left);
  bitpack::Encode(codes.data(), codes.size(), out);
  bitpack::Encode(rights.data(), rights.size(), out);
  PutVarint(out, exceptions.size());
  for (auto& e : exceptions) PutFixed<uint32_t>(out, e.first);
  for (auto& e : exceptions) PutFixed<uint16_t>(out, e.second);
}

uint64_t Analyze(const ColumnView& sample) {
  std::string out;
  sample.type == StorageType::kDouble ? CompressTyped<double>(sample, out)
                                      : CompressTyped<float>(sample, out);
  return out.size();
}

bool Compress(const ColumnView& column, std::string& out) {
  column.type == StorageType::kDouble ? CompressTyped<double>(column, out)
                                      : CompressTyped<float>(column, out);
  return true;
}

template <typename T>
struct Opened {
  int right_bits;
  std::vector<uint16_t> dictionary;
  std::unique_ptr<bitpack::Decoder> codes, rights;
  std::string_view positions, lefts;  // E x u32, E x u16

  Opened(std::string_view payload, idx_t count) {
    PayloadReader in(payload);
    right_bits = in.U8();
    CheckFormat(
        right_bits >= FloatTraits<T>::kBits - kMaxLeftBits && right_bits < FloatTraits<T>::kBits,
        "bad ALP-RD split");
    size_t d = in.U8();
    CheckFormat(d <= kMaxDictionary, "bad ALP-RD dictionary size");
    for (size_t i = 0; i < d; i++) dictionary.push_back(in.Fixed<uint16_t>());
    codes = std::make_unique<bitpack::Decoder>(in, count);
    rights = std::make_unique<bitpack::Decoder>(in, count);
    uint64_t e = in.Count(count);
    positions = in.Bytes(e * 4);
    lefts = in.Bytes(e * 2);
  }
  idx_t exception_count() const { return lefts.size() / 2; }
  uint32_t Position(idx_t k) const {
    uint32_t p;
    std::memcpy(&p, positions.data() + 4 * k, 4);
    return p;
  }
  uint16_t Left(idx_t k) const {
    uint16_t l;
    std::memcpy(&l, lefts.data() + 2 * k, 2);
    return l;
  }
  uint16_t DictionaryLeft(int64_t code) const {
    CheckFormat(
        static_cast<uint64_t>(code) < dictionary.size() || (dictionary.empty() && code == 0),
        "ALP-RD code out of range");
    return dictionary.empty() ? 0 : dictionary[code];
  }
  T Join(uint16_t left, int64_t right) const {
    using Bits = typename FloatTraits<T>::Bits;
    return FromBits<T>(
        static_cast<Bits>((static_cast<Bits>(left) << right_bits) |
                          (static_cast<Bits>(right) & ((Bits{1} << right_bits) - 1))));
  }
};

template <typename T>
void DecompressTyped(std::string_view payload, idx_t count, ColumnBuffer& out) {
  Opened<T> seg(payload, count);
  std::vector<int64_t> codes(count), rights(count);
  seg.codes->DecodeAll(codes.data());
  seg.rights->DecodeAll(rights.data());
  std::vector<uint16_t> lefts(count);
  for (idx_t i = 0; i < count; i++) lefts[i] = seg.DictionaryLeft(codes[i]);
  for (idx_t k = 0; k < seg.exception_count(); k++) {
    uint32_t p = seg.Position(k);
    CheckFormat(p < count, "ALP-RD exception position out of range");
    lefts[p] = seg.Left(k);
  }
  for (idx_t i = 0; i < count; i++) out.Set<T>(i, seg.Join(lefts[i], rights[i]));
}

void Decompress(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out) {
  out.Reset(type, count);
  if (type == StorageType::kDouble) return DecompressTyped<double>(payload, count, out);
  DecompressTyped<float>(payload, count, out);
}

template <typename T>
void FetchTyped(std::string_view payload, idx_t count, idx_t row, ColumnBuffer& out) {
  Opened<T> seg(payload, count);
  // Exception positions ascend: binary search for row.
  idx_t lo = 0, hi = seg.exception_count();
  while (lo < hi) {
    idx_t mid = (lo + hi) / 2;
    if (seg.Position(mid) < row) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  uint16_t left = lo < seg.exception_count() && seg.Position(lo) == row
                      ? seg.Left(lo)
                      : seg.DictionaryLeft(seg.codes->Get(row));
  out.Set<T>(0, seg.Join(left, seg.rights->Get(row)));
}

void Fetch(std::string_view payload, StorageType type, idx_t count, idx_t row, ColumnBuffer& out) {
  out.Reset(type, 1);
  if (type == StorageType::kDouble) return FetchTyped<double>(payload, count, row, out);
  FetchTyped<float>(payload, count, row, out);
}

}  // namespace

const Codec kAlpRdCodec = {CodecId::kAlpRd, "alp_rd",   SupportsFloats, Analyze,
                           Compress,        Decompress, Fetch,          nullptr};

}  // namespace heliosdb::codec
