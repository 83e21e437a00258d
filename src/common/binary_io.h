// Little helpers to write and read compact binary records (catalog entries, dump records):
// unsigned LEB128 varints, zigzag signed varints and length-prefixed strings.
// BinaryReader throws XX001 "... is corrupted" on truncated or malformed input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/exception.h"

namespace heliosdb {

class BinaryWriter {
 public:
  void PutU8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void PutVarint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void PutSigned(int64_t v) {
    PutVarint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
  }
  void PutBool(bool v) { PutU8(v ? 1 : 0); }
  void PutString(std::string_view s) {
    PutVarint(s.size());
    out_.append(s);
  }
  std::string& data() { return out_; }

 private:
  std::string out_;
};

class BinaryReader {
 public:
  BinaryReader(std::string_view in, const char* what) : in_(in), what_(what) {}
  uint8_t GetU8() {
    Need(1);
    uint8_t v = static_cast<uint8_t>(in_[0]);
    in_.remove_prefix(1);
    return v;
  }
  uint64_t GetVarint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = GetU8();
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    Corrupt();
  }
  int64_t GetSigned() {
    uint64_t u = GetVarint();
    return static_cast<int64_t>((u >> 1) ^ (~(u & 1) + 1));
  }
  bool GetBool() { return GetU8() != 0; }
  std::string GetString() {
    uint64_t n = GetVarint();
    Need(n);
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  bool AtEnd() const { return in_.empty(); }

 private:
  void Need(uint64_t n) {
    if (in_.size() < n) Corrupt();
  }
  [[noreturn]] void Corrupt() {
    ThrowError(sqlstate::kDataCorrupted, std::string(what_) + " is corrupted");
  }
  std::string_view in_;
  const char* what_;
};

}  // namespace heliosdb
