// Strings stored plainly with random access: the byte count, the cumulative end offsets as a
// bit-packed stream (bitpack.h) and the concatenated bytes.
//
//   +----------------+-------------------------------+-------------------------+
//   | varint bytes B | bitpack: end_0 .. end_{n-1}   | B bytes of string data  |
//   +----------------+-------------------------------+-------------------------+
//
// String i is data[end_{i-1}, end_i) with end_{-1} = 0. Used by 'none' (and so by zstd and lz4,
// which compress its payload), dictionary entries and FSST's compressed strings.
#pragma once

#include <string>
#include <string_view>

#include "storage/columnar/codec/bitpack.h"
#include "storage/columnar/codec/column_data.h"

namespace heliosdb::codec {

void EncodeStrings(const std::string_view* strings, idx_t n, std::string& out);
uint64_t EncodedStringBytes(const std::string_view* strings, idx_t n);

// Reads a block in place; Get checks the offsets it uses, so a corrupted block throws XX001.
class StringBlockReader {
 public:
  StringBlockReader(PayloadReader& in, idx_t n);
  idx_t size() const { return ends_.size(); }
  uint64_t total_bytes() const { return data_.size(); }
  std::string_view Get(idx_t i) const;
  // All strings' bytes and their end offsets (unchecked: callers check what they use).
  std::string_view data() const { return data_; }
  void DecodeEnds(int64_t* ends) const { ends_.DecodeAll(ends); }
  // Copies all strings into out's heap and points out's rows [0, n) at them.
  // REQUIRES: out was Reset to kString with at least n rows.
  void CopyAll(ColumnBuffer& out) const;

 private:
  uint64_t total_;  // declared before ends_ and data_: the constructor reads them in this order
  bitpack::Decoder ends_;
  std::string_view data_;
};

}  // namespace heliosdb::codec
