#include "storage/columnar/codec/fsst/symbol_table.h"

#include <algorithm>
#include <cstring>

namespace heliosdb::codec::fsst {

namespace {

constexpr int kRounds = 5;
constexpr size_t kMaxSampleBytes = 64 * 1024;

// Up to 8 bytes of s from pos, zero-padded.
inline uint64_t Load(std::string_view s, size_t pos) {
  uint64_t w = 0;
  if (s.size() - pos >= 8) {
    std::memcpy(&w, s.data() + pos, 8);
  } else {
    std::memcpy(&w, s.data() + pos, s.size() - pos);
  }
  return w;
}

inline uint64_t Mask(size_t len) {
  return len >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * len)) - 1;
}

struct Candidate {
  uint64_t symbol;
  uint8_t length;
  uint64_t gain;
};

}  // namespace

void SymbolTable::Add(uint64_t symbol, uint8_t length) {
  symbols_.push_back(symbol & Mask(length));
  lengths_.push_back(length);
}

void SymbolTable::Index() {
  constexpr size_t kPrefixes = 65536;
  byte_codes_.fill(0);
  short_codes_.assign(kPrefixes, 0);
  long_start_.assign(kPrefixes + 1, 0);
  for (size_t c = 0; c < symbols_.size(); c++) {
    if (lengths_[c] == 1) byte_codes_[symbols_[c]] = static_cast<uint16_t>(c | 1 << 8);
    if (lengths_[c] >= 3) long_start_[(symbols_[c] & 0xffff) + 1]++;
  }
  for (size_t p = 0; p < kPrefixes; p++) {
    short_codes_[p] = byte_codes_[p & 0xff];
    long_start_[p + 1] += long_start_[p];
  }
  for (size_t c = 0; c < symbols_.size(); c++) {
    if (lengths_[c] == 2) short_codes_[symbols_[c]] = static_cast<uint16_t>(c | 2 << 8);
  }
  long_codes_.assign(long_start_[kPrefixes], 0);
  std::vector<uint16_t> fill(long_start_.begin(), long_start_.end() - 1);
  for (size_t c = 0; c < symbols_.size(); c++) {
    if (lengths_[c] >= 3) long_codes_[fill[symbols_[c] & 0xffff]++] = static_cast<uint8_t>(c);
  }
  for (size_t p = 0; p < kPrefixes; p++) {
    std::sort(long_codes_.begin() + long_start_[p], long_codes_.begin() + long_start_[p + 1],
              [&](uint8_t a, uint8_t b) { return lengths_[a] > lengths_[b]; });
  }
}

int SymbolTable::Match(uint64_t word, size_t left, size_t* length) const {
  size_t prefix = word & 0xffff;
  if (left >= 3) {
    for (size_t k = long_start_[prefix]; k < long_start_[prefix + 1]; k++) {
      uint8_t c = long_codes_[k];
      if (lengths_[c] <= left && (word & Mask(lengths_[c])) == symbols_[c]) {
        *length = lengths_[c];
        return c;
      }
    }
  }
  uint16_t best = left >= 2 ? short_codes_[prefix] : byte_codes_[word & 0xff];
  *length = 1;
  if (best == 0) return -1;
  *length = best >> 8;
  return best & 0xff;
}

size_t SymbolTable::serialized_bytes() const {
  size_t n = 1 + lengths_.size();
  for (uint8_t len : lengths_) n += len;
  return n;
}

void SymbolTable::Write(std::string& out) const {
  out.push_back(static_cast<char>(lengths_.size()));
  for (uint8_t len : lengths_) out.push_back(static_cast<char>(len));
  for (size_t c = 0; c < symbols_.size(); c++) {
    out.append(reinterpret_cast<const char*>(&symbols_[c]), lengths_[c]);
  }
}

SymbolTable SymbolTable::Read(PayloadReader& in, bool for_encoding) {
  SymbolTable t;
  size_t n = in.U8();
  CheckFormat(n <= kMaxSymbols, "too many FSST symbols");
  std::string_view lengths = in.Bytes(n);
  for (size_t c = 0; c < n; c++) {
    uint8_t len = static_cast<uint8_t>(lengths[c]);
    CheckFormat(len >= 1 && len <= kMaxSymbolLength, "bad FSST symbol length");
    uint64_t symbol = 0;
    std::memcpy(&symbol, in.Bytes(len).data(), len);
    t.Add(symbol, len);
  }
  if (for_encoding) t.Index();
  return t;
}

void SymbolTable::Encode(std::string_view s, std::string& out) const {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t len;
    int code = Match(Load(s, pos), s.size() - pos, &len);
    if (code < 0) {
      out.push_back(static_cast<char>(kEscape));
      out.push_back(s[pos]);
    } else {
      out.push_back(static_cast<char>(code));
    }
    pos += len;
  }
}

size_t SymbolTable::Decode(std::string_view codes, char* dst, size_t limit) const {
  size_t out = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(codes.data());
  const auto* end = p + codes.size();
  size_t n = symbols_.size();
  while (p < end) {
    uint8_t code = *p++;
    if (code == kEscape) {
      CheckFormat(p < end, "FSST escape at the end of a string");
      CheckFormat(out < limit, "FSST string longer than recorded");
      dst[out++] = static_cast<char>(*p++);
      continue;
    }
    CheckFormat(code < n, "FSST code without a symbol");
    CheckFormat(out + lengths_[code] <= limit, "FSST string longer than recorded");
    std::memcpy(dst + out, &symbols_[code], 8);  // the slack takes the bytes past the length
    out += lengths_[code];
  }
  return out;
}

SymbolTable SymbolTable::Build(const std::vector<std::string_view>& all) {
  // Every k-th string, k chosen so the sample spreads over all of them within the byte budget.
  size_t total = 0;
  for (std::string_view s : all) total += s.size();
  size_t step = std::max<size_t>(1, total / kMaxSampleBytes);
  std::vector<std::string_view> sample;
  size_t bytes = 0;
  for (size_t i = 0; i < all.size() && bytes < kMaxSampleBytes; i += step) {
    std::string_view s = all[i].substr(0, kMaxSampleBytes - bytes);
    sample.push_back(s);
    bytes += s.size();
  }
  SymbolTable table;
  table.Index();
  // Codes 0..254 are symbols, 256 + b the escaped byte b (a single-byte candidate).
  constexpr size_t kCodes = 512;
  std::vector<uint32_t> single(kCodes), pair(kCodes * kCodes);
  for (int round = 0; round < kRounds; round++) {
    std::fill(single.begin(), single.end(), 0);
    std::fill(pair.begin(), pair.end(), 0);
    for (std::string_view s : sample) {
      size_t pos = 0;
      int prev = -1;
      while (pos < s.size()) {
        uint64_t word = Load(s, pos);
        size_t len;
        int code = table.Match(word, s.size() - pos, &len);
        if (code < 0) code = 256 + static_cast<int>(word & 0xff);
        single[code]++;
        if (prev >= 0) pair[prev * kCodes + code]++;
        prev = code;
        pos += len;
      }
    }
    auto symbol_of = [&](int code, uint64_t* sym) -> uint8_t {
      if (code >= 256) {
        *sym = static_cast<uint64_t>(code - 256);
        return 1;
      }
      *sym = table.symbols_[code];
      return table.lengths_[code];
    };
    std::vector<Candidate> candidates;
    for (size_t a = 0; a < kCodes; a++) {
      if (!single[a]) continue;
      uint64_t sa;
      uint8_t la = symbol_of(static_cast<int>(a), &sa);
      candidates.push_back({sa, la, uint64_t{single[a]} * la});
      if (la == kMaxSymbolLength) continue;
      for (size_t b = 0; b < kCodes; b++) {
        uint32_t n = pair[a * kCodes + b];
        if (!n) continue;
        uint64_t sb;
        uint8_t lb = symbol_of(static_cast<int>(b), &sb);
        uint8_t len = static_cast<uint8_t>(std::min<size_t>(la + lb, kMaxSymbolLength));
        uint64_t joined = (sa | (sb << (8 * la))) & Mask(len);
        candidates.push_back({joined, len, uint64_t{n} * len});
      }
    }
    // Candidates repeat (a pair truncated to 8 bytes, a pair equal to a symbol): sum their gains.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
      return x.length != y.length ? x.length < y.length : x.symbol < y.symbol;
    });
    std::vector<Candidate> merged;
    for (const Candidate& c : candidates) {
      if (!merged.empty() && merged.back().symbol == c.symbol && merged.back().length == c.length) {
        merged.back().gain += c.gain;
      } else {
        merged.push_back(c);
      }
    }
    size_t keep = std::min(kMaxSymbols, merged.size());
    std::partial_sort(merged.begin(), merged.begin() + keep, merged.end(),
                      [](const Candidate& x, const Candidate& y) { return x.gain > y.gain; });
    SymbolTable next;
    for (size_t i = 0; i < keep; i++) next.Add(merged[i].symbol, merged[i].length);
    next.Index();
    table = std::move(next);
  }
  return table;
}

}  // namespace heliosdb::codec::fsst
