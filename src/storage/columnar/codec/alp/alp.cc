// 'alp': Adaptive Lossless floating-Point compression (Afroozeh, Kuffo, Boncz, SIGMOD 2024).
// Floats that are decimals at heart (prices, measurements) become integers: value v is stored as
// n = round(v * 10^e * 10^-f), bit-packed with a frame of reference, and decodes as
// n * 10^f * 10^-e. Per vector of 1024 values the (e, f) pair is the best of the few that won on
// the segment's sample; values that do not come back bit for bit (-0.0, NaN, infinities, more
// digits than e) are exceptions stored as they are.
//
//   +-----------------------------------------------------------------------------------+
//   | per vector: u8 e, u8 f, u16 exception count                                       |
//   +-----------------------------------------------------------------------------------+
//   | bitpack: the n encoded integers (exception slots hold a neighbour's integer)      |
//   +-----------------------------------------------------------------------------------+
//   | per vector: its exceptions' u16 positions, then their raw values (sizeof(T) each) |
//   +-----------------------------------------------------------------------------------+
#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "storage/columnar/codec/alp/float_traits.h"
#include "storage/columnar/codec/bitpack.h"
#include "storage/columnar/codec/codecs.h"

namespace heliosdb::codec {

namespace {

constexpr idx_t kVector = bitpack::kBlockSize;
constexpr size_t kTopCombinations = 5;
constexpr idx_t kSegmentSamples = 1024;
constexpr idx_t kVectorSamples = 32;

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8, 1e9,
                             1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
constexpr double kInvPow10[] = {1e0,   1e-1,  1e-2,  1e-3,  1e-4,  1e-5,  1e-6,  1e-7,  1e-8, 1e-9,
                                1e-10, 1e-11, 1e-12, 1e-13, 1e-14, 1e-15, 1e-16, 1e-17, 1e-18};

struct Combination {
  uint8_t e, f;
};

// Round to nearest without a library call: adding and subtracting 2^52 + 2^51 leaves the
// integer part in the mantissa (valid for |x| < 2^51, checked by the caller).
inline double FastRound(double x) {
  constexpr double kMagic = 6755399441055744.0;
  return (x + kMagic) - kMagic;
}

inline double Decode(int64_t n, Combination c) {
  return static_cast<double>(n) * kPow10[c.f] * kInvPow10[c.e];
}

// The integer v encodes to under c, if it comes back exactly.
template <typename T>
inline bool Encode(T v, Combination c, int64_t* n) {
  double scaled = static_cast<double>(v) * kPow10[c.e] * kInvPow10[c.f];
  if (!(std::fabs(scaled) < 2251799813685248.0)) return false;  // 2^51; also NaN and infinity
  *n = static_cast<int64_t>(FastRound(scaled));
  return ToBits<T>(static_cast<T>(Decode(*n, c))) == ToBits<T>(v);
}

// Estimated bits of values[0, n) under c (exceptions cost their value and position).
template <typename T>
uint64_t EstimateBits(const T* values, idx_t n, idx_t stride, Combination c) {
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  uint64_t exceptions = 0, encoded = 0;
  for (idx_t i = 0; i < n; i += stride) {
    int64_t x;
    if (Encode(values[i], c, &x)) {
      lo = std::min(lo, x), hi = std::max(hi, x);
      encoded++;
    } else {
      exceptions++;
    }
  }
  uint64_t width =
      encoded ? bitpack::BitWidth(static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo)) : 0;
  return (encoded + exceptions) * width + exceptions * (sizeof(T) * 8 + 16);
}

// The segment-level search: every (e, f) on a spread sample, the best few kept for the vectors.
template <typename T>
std::vector<Combination> TopCombinations(const std::vector<T>& values) {
  idx_t stride = std::max<idx_t>(1, values.size() / kSegmentSamples);
  std::vector<std::pair<uint64_t, Combination>> scored;
  for (int e = FloatTraits<T>::kMaxExponent; e >= 0; e--) {
    for (int f = e; f >= 0; f--) {
      Combination c{static_cast<uint8_t>(e), static_cast<uint8_t>(f)};
      scored.push_back({EstimateBits(values.data(), values.size(), stride, c), c});
    }
  }
  // On ties the larger exponent, tried first, wins (stable sort).
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Combination> top;
  for (size_t i = 0; i < std::min(kTopCombinations, scored.size()); i++)
    top.push_back(scored[i].second);
  return top;
}

template <typename T>
void CompressTyped(const ColumnView& column, std::string& out) {
  std::vector<T> values = LoadFloats<T>(column);
  std::vector<Combination> top = TopCombinations(values);
  idx_t n = values.size();
  std::vector<int64_t> ints(n);
  std::string exceptions;
  for (idx_t start = 0; start < n; start += kVector) {
    idx_t len = std::min(kVector, n - start);
    const T* v = values.data() + start;
    Combination best = top[0];
    if (top.size() > 1) {
      uint64_t best_bits = UINT64_MAX;
      idx_t stride = std::max<idx_t>(1, len / kVectorSamples);
      for (Combination c : top) {
        uint64_t bits = EstimateBits(v, len, stride, c);
        if (bits < best_bits) best_bits = bits, best = c;
      }
    }
    std::vector<uint16_t> positions;
    int64_t fill = 0;
    bool have_fill = false;
    for (idx_t i = 0; i < len; i++) {
      if (Encode(v[i], best, &ints[start + i])) {
        if (!have_fill) fill = ints[start + i], have_fill = true;
      } else {
        positions.push_back(static_cast<uint16_t>(i));
      }
    }
    for (uint16_t p : positions) ints[start + p] = fill;
    PutFixed<uint8_t>(out, best.e);
    PutFixed<uint8_t>(out, best.f);
    PutFixed<uint16_t>(out, static_cast<uint16_t>(positions.size()));
    for (uint16_t p : positions) PutFixed<uint16_t>(exceptions, p);
    for (uint16_t p : positions) PutFixed<T>(exceptions, v[p]);
  }
  bitpack::Encode(ints.data(), n, out);
  out.append(exceptions);
}

template <typename T>
uint64_t AnalyzeTyped(const ColumnView& sample) {
  std::string out;
  CompressTyped<T>(sample, out);
  return out.size();
}

uint64_t Analyze(const ColumnView& sample) {
  return sample.type == StorageType::kDouble ? AnalyzeTyped<double>(sample)
                                             : AnalyzeTyped<float>(sample);
}

bool Compress(const ColumnView& column, std::string& out) {
  if (column.type == StorageType::kDouble) {
    CompressTyped<double>(column, out);
  } else {
    CompressTyped<float>(column, out);
  }
  return true;
}

struct VectorHeader {
  Combination c;
  uint16_t exceptions;
  uint64_t exceptions_at;  // byte offset of its positions in the exception area
};

template <typename T>
struct Opened {
  std::vector<VectorHeader> vectors;
  std::unique_ptr<bitpack::Decoder> ints;
  std::string_view exceptions;

  Opened(std::string_view payload, idx_t count) {
    PayloadReader in(payload);
    idx_t n_vectors = (count + kVector - 1) / kVector;
    CheckFormat(n_vectors <= in.remaining() / 4, "ALP vector headers truncated");
    uint64_t at = 0;
    for (idx_t v = 0; v < n_vectors; v++) {
      VectorHeader h;
      h.c.e = in.U8();
      h.c.f = in.U8();
      h.exceptions = in.Fixed<uint16_t>();
      h.exceptions_at = at;
      CheckFormat(h.c.e <= FloatTraits<T>::kMaxExponent && h.c.f <= h.c.e, "bad ALP exponent");
      CheckFormat(h.exceptions <= std::min(kVector, count - v * kVector),
                  "bad ALP exception count");
      at += h.exceptions * (2 + sizeof(T));
      vectors.push_back(h);
    }
    ints = std::make_unique<bitpack::Decoder>(in, count);
    exceptions = in.Bytes(at);
  }
  uint16_t Position(const VectorHeader& h, idx_t k, idx_t len) const {
    uint16_t p;
    std::memcpy(&p, exceptions.data() + h.exceptions_at + 2 * k, 2);
    CheckFormat(p < len, "ALP exception position out of range");
    return p;
  }
  T Exception(const VectorHeader& h, idx_t k) const {
    T v;
    std::memcpy(&v, exceptions.data() + h.exceptions_at + 2 * h.exceptions + k * sizeof(T),
                sizeof(T));
    return v;
  }
};

template <typename T>
void DecompressTyped(std::string_view payload, idx_t count, ColumnBuffer& out) {
  Opened<T> seg(payload, count);
  int64_t ints[kVector];
  for (idx_t v = 0; v < seg.vectors.size(); v++) {
    const VectorHeader& h = seg.vectors[v];
    idx_t start = v * kVector, len = std::min(kVector, count - start);
    seg.ints->DecodeBlock(v, ints);
    for (idx_t i = 0; i < len; i++) out.Set<T>(start + i, static_cast<T>(Decode(ints[i], h.c)));
    for (idx_t k = 0; k < h.exceptions; k++) {
      out.Set<T>(start + seg.Position(h, k, len), seg.Exception(h, k));
    }
  }
}

void Decompress(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out) {
  out.Reset(type, count);
  if (type == StorageType::kDouble) return DecompressTyped<double>(payload, count, out);
  DecompressTyped<float>(payload, count, out);
}

template <typename T>
void FetchTyped(std::string_view payload, idx_t count, idx_t row, ColumnBuffer& out) {
  Opened<T> seg(payload, count);
  const VectorHeader& h = seg.vectors[row / kVector];
  idx_t len = std::min(kVector, count - row / kVector * kVector);
  for (idx_t k = 0; k < h.exceptions; k++) {
    if (seg.Position(h, k, len) == row % kVector) return out.Set<T>(0, seg.Exception(h, k));
  }
  out.Set<T>(0, static_cast<T>(Decode(seg.ints->Get(row), h.c)));
}

void Fetch(std::string_view payload, StorageType type, idx_t count, idx_t row, ColumnBuffer& out) {
  out.Reset(type, 1);
  if (type == StorageType::kDouble) return FetchTyped<double>(payload, count, row, out);
  FetchTyped<float>(payload, count, row, out);
}

}  // namespace

const Codec kAlpCodec = {CodecId::kAlp, "alp",      SupportsFloats, Analyze,
                         Compress,      Decompress, Fetch,          nullptr};

}  // namespace heliosdb::codec
