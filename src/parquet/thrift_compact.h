// The Thrift compact protocol, the encoding of every Parquet footer and page header
// (Thrift's doc/specs/thrift-compact-protocol.md). Only what parquet.thrift uses:
//
//   field header  one byte (id delta << 4 | type) when the id is 1..15 above the previous one
//                 in the same struct, else the type byte then the id as a zigzag varint
//   bool field    the value is the type: 1 true, 2 false (no payload)
//   i16/i32/i64   zigzag varints                 byte    one byte
//   double        8 bytes little-endian          binary  varint length, then the bytes
//   list / set    one byte (size << 4 | element type) when size < 15, else 0xF0 | element
//                 type and the size as a varint; then the elements without headers
//   map           varint size, then (key type << 4 | value type) when size > 0
//   struct        its fields, then a stop byte 0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace heliosdb::parquet {

enum ThriftType : uint8_t {
  kThriftStop = 0,
  kThriftTrue = 1,
  kThriftFalse = 2,
  kThriftByte = 3,
  kThriftI16 = 4,
  kThriftI32 = 5,
  kThriftI64 = 6,
  kThriftDouble = 7,
  kThriftBinary = 8,
  kThriftList = 9,
  kThriftSet = 10,
  kThriftMap = 11,
  kThriftStruct = 12,
};

// Appends compact-protocol bytes to a string. Structs nest: BeginStruct / EndStruct keep the
// previous field id of each open struct.
class ThriftWriter {
 public:
  void BeginStruct() { last_ids_.push_back(0); }
  void EndStruct();  // writes the stop byte
  void FieldI32(int16_t id, int32_t v);
  void FieldI64(int16_t id, int64_t v);
  void FieldByte(int16_t id, int8_t v);
  void FieldBool(int16_t id, bool v) { FieldHeader(id, v ? kThriftTrue : kThriftFalse); }
  void FieldBinary(int16_t id, std::string_view v);
  // A struct-valued field: its header, then BeginStruct (close it with EndStruct).
  void FieldStruct(int16_t id);
  // A list-valued field's header; write `size` elements with the List* calls after it.
  void FieldList(int16_t id, ThriftType element, uint32_t size);
  void ListI32(int32_t v) { Varint(ZigZag(v)); }
  void ListBinary(std::string_view v);
  std::string& out() { return out_; }

 private:
  static uint64_t ZigZag(int64_t v) {
    return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
  }
  void FieldHeader(int16_t id, ThriftType type);
  void Varint(uint64_t v);

  std::string out_;
  std::vector<int16_t> last_ids_;
};

// Reads compact-protocol bytes. Every read checks its bounds and throws 22P04 naming the file
// offset (base_offset + position) when the bytes are truncated or malformed; nesting deeper
// than 64 structs or lists is refused the same way, so no input can exhaust the stack.
class ThriftReader {
 public:
  ThriftReader(std::string_view data, uint64_t base_offset) : data_(data), base_(base_offset) {}

  // Reads one struct's fields, calling on_field(id, type) for each; on_field must consume the
  // value (a Read* call matching the type, or Skip(type)).
  template <typename OnField>
  void ReadStruct(OnField&& on_field) {
    Enter();
    int16_t last_id = 0;
    while (true) {
      uint8_t byte = ReadByte();
      uint8_t type = byte & 0x0F;
      if (type == kThriftStop) break;
      int16_t id = (byte >> 4) ? static_cast<int16_t>(last_id + (byte >> 4))
                               : static_cast<int16_t>(ReadZigZag());
      last_id = id;
      on_field(id, type);
    }
    depth_--;
  }
  // A list's element type and size.
  uint32_t ReadListHeader(uint8_t* element_type);
  int8_t ReadI8() { return static_cast<int8_t>(ReadByte()); }
  int32_t ReadI32() { return static_cast<int32_t>(ReadZigZag()); }
  int64_t ReadI64() { return ReadZigZag(); }
  // A bool field carries its value in the type; a list element is a byte.
  static bool FieldBool(uint8_t type) { return type == kThriftTrue; }
  std::string ReadBinary();
  void Skip(uint8_t type);
  // Checks a field's wire type, throwing 22P04 on a mismatch.
  void Expect(uint8_t type, uint8_t wanted, const char* field);
  size_t position() const { return pos_; }
  uint64_t file_offset() const { return base_ + pos_; }
  [[noreturn]] void Corrupt(const std::string& what) const;

 private:
  uint8_t ReadByte();
  uint64_t ReadVarint();
  int64_t ReadZigZag() {
    uint64_t v = ReadVarint();
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  void Enter();

  std::string_view data_;
  uint64_t base_;
  size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace heliosdb::parquet
