#include "parquet/thrift_compact.h"

#include "parquet/parquet_error.h"

namespace heliosdb::parquet {

namespace {
constexpr int kMaxDepth = 64;
}  // namespace

void ThriftWriter::Varint(uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<char>(v));
}

void ThriftWriter::FieldHeader(int16_t id, ThriftType type) {
  int16_t& last = last_ids_.back();
  int delta = id - last;
  if (delta > 0 && delta <= 15) {
    out_.push_back(static_cast<char>((delta << 4) | type));
  } else {
    out_.push_back(static_cast<char>(type));
    Varint(ZigZag(id));
  }
  last = id;
}

void ThriftWriter::EndStruct() {
  out_.push_back(static_cast<char>(kThriftStop));
  last_ids_.pop_back();
}

void ThriftWriter::FieldI32(int16_t id, int32_t v) {
  FieldHeader(id, kThriftI32);
  Varint(ZigZag(v));
}

void ThriftWriter::FieldI64(int16_t id, int64_t v) {
  FieldHeader(id, kThriftI64);
  Varint(ZigZag(v));
}

void ThriftWriter::FieldByte(int16_t id, int8_t v) {
  FieldHeader(id, kThriftByte);
  out_.push_back(static_cast<char>(v));
}

void ThriftWriter::FieldBinary(int16_t id, std::string_view v) {
  FieldHeader(id, kThriftBinary);
  ListBinary(v);
}

void ThriftWriter::ListBinary(std::string_view v) {
  Varint(v.size());
  out_.append(v);
}

void ThriftWriter::FieldStruct(int16_t id) {
  FieldHeader(id, kThriftStruct);
  BeginStruct();
}

void ThriftWriter::FieldList(int16_t id, ThriftType element, uint32_t size) {
  FieldHeader(id, kThriftList);
  if (size < 15) {
    out_.push_back(static_cast<char>((size << 4) | element));
  } else {
    out_.push_back(static_cast<char>(0xF0 | element));
    Varint(size);
  }
}

void ThriftReader::Corrupt(const std::string& what) const {
  ThrowCorrupt(base_ + pos_, what);
}

void ThriftReader::Enter() {
  if (++depth_ > kMaxDepth) Corrupt("metadata nests too deeply");
}

uint8_t ThriftReader::ReadByte() {
  if (pos_ >= data_.size()) Corrupt("metadata ends unexpectedly");
  return static_cast<uint8_t>(data_[pos_++]);
}

uint64_t ThriftReader::ReadVarint() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    uint8_t b = ReadByte();
    v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
  }
  Corrupt("varint longer than 10 bytes");
}

uint32_t ThriftReader::ReadListHeader(uint8_t* element_type) {
  uint8_t byte = ReadByte();
  *element_type = byte & 0x0F;
  uint64_t size = byte >> 4;
  if (size == 15) size = ReadVarint();
  // Every element takes at least one byte, so a size beyond the bytes left is corrupt.
  if (size > data_.size() - pos_)
    Corrupt("list of " + std::to_string(size) + " elements overruns the metadata");
  return static_cast<uint32_t>(size);
}

std::string ThriftReader::ReadBinary() {
  uint64_t size = ReadVarint();
  if (size > data_.size() - pos_)
    Corrupt("string of " + std::to_string(size) + " bytes overruns the metadata");
  std::string s(data_.substr(pos_, size));
  pos_ += size;
  return s;
}

void ThriftReader::Expect(uint8_t type, uint8_t wanted, const char* field) {
  bool ok = type == wanted || (wanted == kThriftTrue && type == kThriftFalse) ||
            (wanted == kThriftList && type == kThriftSet);
  if (!ok) Corrupt(std::string("field ") + field + " has wire type " + std::to_string(type));
}

void ThriftReader::Skip(uint8_t type) {
  switch (type) {
    case kThriftTrue:
    case kThriftFalse:
      return;
    case kThriftByte:
      ReadByte();
      return;
    case kThriftI16:
    case kThriftI32:
    case kThriftI64:
      ReadVarint();
      return;
    case kThriftDouble:
      if (data_.size() - pos_ < 8) Corrupt("metadata ends unexpectedly");
      pos_ += 8;
      return;
    case kThriftBinary:
      ReadBinary();
      return;
    case kThriftList:
    case kThriftSet: {
      uint8_t element;
      uint32_t size = ReadListHeader(&element);
      Enter();
      // List elements of type bool are one byte each.
      uint8_t each =
          element == kThriftTrue || element == kThriftFalse ? uint8_t{kThriftByte} : element;
      for (uint32_t i = 0; i < size; i++) Skip(each);
      depth_--;
      return;
    }
    case kThriftMap: {
      uint64_t size = ReadVarint();
      if (size == 0) return;
      if (size > data_.size() - pos_) Corrupt("map overruns the metadata");
      uint8_t types = ReadByte();
      Enter();
      for (uint64_t i = 0; i < size; i++) {
        Skip(types >> 4);
        Skip(types & 0x0F);
      }
      depth_--;
      return;
    }
    case kThriftStruct:
      ReadStruct([&](int16_t, uint8_t t) { Skip(t); });
      return;
    default:
      Corrupt("unknown Thrift wire type " + std::to_string(type));
  }
}

}  // namespace heliosdb::parquet
