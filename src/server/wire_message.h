// PostgreSQL protocol v3 message framing (the protocol's "Message Formats" chapter).
//
//   regular message:  +------+----------------+-------------------------+
//                     | type | length (int32) | body (length - 4 bytes) |
//                     | 1 B  | big-endian,    |                         |
//                     |      | counts itself  |                         |
//                     +------+----------------+-------------------------+
//   startup packet:   | length (int32) | code (int32) | body |   (no type byte; the code is
//                                                                196608 for protocol 3.0,
//                                                                80877103 SSLRequest, ...)
// Integers are big-endian; strings are NUL-terminated (String) or length-prefixed (Int32 n,
// then n bytes, n = -1 for NULL).
// MessageWriter appends whole messages to a buffer; MessageReader reads the fields of one
// received body and throws ProtocolError when the body is shorter than its fields claim.
// Thread safety: values, one thread at a time.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace heliosdb::server {

// A client broke the protocol (bad framing, truncated or oversized message): the session
// answers with a FATAL 08P01 ErrorResponse and closes the connection.
class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class MessageWriter {
 public:
  // Starts a message of the given type; Finish() writes its length.
  void Begin(char type);
  void Int8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void Int16(int16_t v);
  void Int32(int32_t v);
  void Int64(int64_t v);
  void Bytes(std::string_view v) { out_.append(v); }
  void String(std::string_view v);  // NUL-terminated; REQUIRES: v holds no NUL
  void Finish();

  std::string& buffer() { return out_; }

 private:
  std::string out_;
  size_t start_ = 0;  // offset of the current message's length field
};

class MessageReader {
 public:
  explicit MessageReader(std::string_view body) : body_(body) {}
  uint8_t Int8();
  int16_t Int16();
  int32_t Int32();
  std::string_view String();  // up to the NUL, which is consumed
  std::string_view Bytes(size_t n);
  size_t remaining() const { return body_.size() - pos_; }

 private:
  std::string_view body_;
  size_t pos_ = 0;
};

// Big-endian helpers shared with the binary type codec.
inline void PutBigEndian(std::string* out, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; i--) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
inline uint64_t GetBigEndian(std::string_view in, size_t pos, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; i++) v = v << 8 | static_cast<uint8_t>(in[pos + i]);
  return v;
}

}  // namespace heliosdb::server
