// FSST's symbol table (Boncz, Neumann, Leis, "FSST: Fast Random Access String Compression",
// VLDB 2020): up to 255 symbols of 1 to 8 bytes; a compressed string is a sequence of one-byte
// codes, code c < 255 standing for symbol c and code 255 (the escape) for the literal byte after
// it.
//
// Serialized table:
//   +-------------+----------------------------+-------------------------------------+
//   | u8 count N  | N x u8 symbol length (1-8) | the N symbols' bytes, concatenated  |
//   +-------------+----------------------------+-------------------------------------+
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/columnar/codec/payload_reader.h"

namespace heliosdb::codec::fsst {

inline constexpr uint8_t kEscape = 255;
inline constexpr size_t kMaxSymbols = 255;
inline constexpr size_t kMaxSymbolLength = 8;

class SymbolTable {
 public:
  // Builds a table for strings like those of sample, greedily over a few rounds: each round
  // compresses the sample with the table so far, counts how often each symbol and each pair of
  // adjacent symbols occurs, and keeps the 255 candidates (symbols and concatenated pairs) that
  // save the most bytes.
  static SymbolTable Build(const std::vector<std::string_view>& sample);
  // Reads a serialized table; throws XX001 on a malformed one. Decoding needs no lookup tables;
  // `for_encoding` builds them (64K entries) for Encode.
  static SymbolTable Read(PayloadReader& in, bool for_encoding = false);

  void Write(std::string& out) const;
  size_t size() const { return lengths_.size(); }
  size_t serialized_bytes() const;

  // Appends the codes of s to out (the longest symbol matching at each position, else escape).
  void Encode(std::string_view s, std::string& out) const;
  // Decodes codes into dst, which has room for limit bytes plus 8 bytes of slack (symbols are
  // copied as whole words). Returns the decoded length; throws XX001 when the codes are invalid
  // or would decode past limit.
  size_t Decode(std::string_view codes, char* dst, size_t limit) const;

 private:
  // The longest symbol matching word (the next up to 8 bytes, zero-padded; left of them are the
  // string's): its code, or -1 when only an escape will do. *length is the bytes consumed.
  int Match(uint64_t word, size_t left, size_t* length) const;
  void Add(uint64_t symbol, uint8_t length);
  void Index();  // builds the lookup tables after the symbols are set

  std::vector<uint64_t> symbols_;  // little-endian bytes, zero past the length
  std::vector<uint8_t> lengths_;
  // Lookup (the paper's shortCodes plus a table of the longer symbols): symbols of 3 to 8 bytes
  // grouped by their first two bytes, longest first, in long_codes_[long_start_[p], ...[p+1]);
  // the best symbol of 1 or 2 bytes per two-byte prefix in short_codes_ (code | length << 8,
  // length 0 for none) and per byte in byte_codes_.
  std::vector<uint16_t> long_start_;
  std::vector<uint8_t> long_codes_;
  std::vector<uint16_t> short_codes_;
  std::array<uint16_t, 256> byte_codes_{};
};

}  // namespace heliosdb::codec::fsst
