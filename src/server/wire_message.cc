#include "server/wire_message.h"

#include <cstring>

namespace heliosdb::server {

void MessageWriter::Begin(char type) {
  out_.push_back(type);
  start_ = out_.size();
  out_.append(4, '\0');
}

void MessageWriter::Int16(int16_t v) {
  PutBigEndian(&out_, static_cast<uint16_t>(v), 2);
}
void MessageWriter::Int32(int32_t v) {
  PutBigEndian(&out_, static_cast<uint32_t>(v), 4);
}
void MessageWriter::Int64(int64_t v) {
  PutBigEndian(&out_, static_cast<uint64_t>(v), 8);
}

void MessageWriter::String(std::string_view v) {
  out_.append(v);
  out_.push_back('\0');
}

void MessageWriter::Finish() {
  uint32_t length = static_cast<uint32_t>(out_.size() - start_);
  for (int i = 0; i < 4; i++)
    out_[start_ + i] = static_cast<char>((length >> (8 * (3 - i))) & 0xff);
}

uint8_t MessageReader::Int8() {
  return static_cast<uint8_t>(Bytes(1)[0]);
}

int16_t MessageReader::Int16() {
  std::string_view b = Bytes(2);
  return static_cast<int16_t>(GetBigEndian(b, 0, 2));
}

int32_t MessageReader::Int32() {
  std::string_view b = Bytes(4);
  return static_cast<int32_t>(GetBigEndian(b, 0, 4));
}

std::string_view MessageReader::String() {
  size_t nul = body_.find('\0', pos_);
  if (nul == std::string_view::npos) throw ProtocolError("invalid string in message");
  std::string_view s = body_.substr(pos_, nul - pos_);
  pos_ = nul + 1;
  return s;
}

std::string_view MessageReader::Bytes(size_t n) {
  if (n > remaining()) throw ProtocolError("insufficient data left in message");
  std::string_view s = body_.substr(pos_, n);
  pos_ += n;
  return s;
}

}  // namespace heliosdb::server
