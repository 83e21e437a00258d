// FSST's symbol table (Boncz, Neumann, Leis, "FSST: Fast Random Access String Compression",
// VLDB 2020): up to 255 symbols of 1 to 8 bytes; a compressed string is a sequence of one-byte
// codes, code c < 255 standing for symbol c and code 255 (the escape) for the literal byte after it.
//
// Serialized table:
//   +-------------+----------------------------+-------------------------------------+
//   | u8 count N  | N x u8 symbol length (1-8) | the N symbols' bytes, concatenated  |
//   +-------------+----------------------------+-------------------------------------+
#pragma once

#include <array>
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
  // Reads a serialized table; throws XX001 on a malformed one.
  static SymbolTable Read(PayloadReader& in);

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
  void Add(uint64_t symbol, uint8_t length);
  void Index();  // builds by_first_ after the symbols are set

  std::vector<uint64_t> symbols_;  // little-endian bytes, zero past the length
  std::vector<uint8_t> lengths_;
  // Codes of the symbols starting with each byte, longest first.
  std::array<std::vector<uint8_t>, 256> by_first_;
};

}  // namespace heliosdb::codec::fsst
