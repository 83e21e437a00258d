// ClientSocket: one client's TCP connection with buffered reads of whole protocol messages
// and buffered writes (wire_message.h draws the framing), in the clear or, after StartTls,
// through OpenSSL. Owns the file descriptor and the TLS session.
// Thread safety: used by its session's thread only, except Interrupt(), Disconnect() and
// PeerClosed(), which any thread may call (server shutdown, the vanished-client check).
#pragma once

#include <cstdint>
#include <string>

#include "server/wire_message.h"

struct ssl_st;
struct ssl_ctx_st;

namespace heliosdb::server {

// Largest accepted startup packet and regular message (PostgreSQL allows 10000 bytes for the
// startup packet; 1 GB is its limit for one field of data).
constexpr size_t kMaxStartupPacket = 10000;
constexpr size_t kMaxMessage = size_t{1} << 30;

class ClientSocket {
 public:
  explicit ClientSocket(int fd) : fd_(fd) {}
  // Runs the TLS handshake (the 'S' answer to SSLRequest has been sent). False when it
  // fails; the connection is then unusable.
  bool StartTls(ssl_ctx_st* context);
  bool tls() const { return ssl_ != nullptr; }
  // Bytes received but not yet read: after SSLRequest there must be none (they would have
  // been sent in the clear, before the handshake).
  bool HasBufferedInput() const { return in_pos_ < in_.size(); }
  ~ClientSocket();
  ClientSocket(const ClientSocket&) = delete;
  ClientSocket& operator=(const ClientSocket&) = delete;

  // The body of the startup packet (code included). False at end of stream. Throws
  // ProtocolError for a length outside 8..kMaxStartupPacket.
  bool ReadStartupPacket(std::string* body);
  // One message's type and body. False at end of stream. Throws ProtocolError for a length
  // below 4 or above kMaxMessage.
  bool ReadMessage(char* type, std::string* body);

  // Messages to send; Flush() writes them out. Once a write fails, the socket is broken and
  // later writes are dropped.
  MessageWriter& out() { return out_; }
  void Flush();
  void FlushIfLarge() {
    if (out_.buffer().size() >= kFlushBytes) Flush();
  }
  bool broken() const { return broken_; }
  void Interrupt();
  void Disconnect();  // both directions: a blocked send fails as well
  // Reads give up (as at end of stream) after this many seconds without data; 0: never.
  void SetReadTimeout(int seconds) { SetReadTimeoutMillis(int64_t{seconds} * 1000); }
  void SetReadTimeoutMillis(int64_t milliseconds);
  // The last read gave up because of the read timeout (rather than end of stream).
  bool timed_out() const { return timed_out_; }
  // True when the client has closed its end (or the connection failed); any thread may ask.
  bool PeerClosed() const;

 private:
  static constexpr size_t kFlushBytes = 64 * 1024;
  bool Fill(size_t n);  // at least n unread bytes buffered; false at end of stream
  bool ReadBody(size_t length, std::string* body);
  long Receive(char* buf, size_t n);  // recv or SSL_read: > 0 bytes, 0 at end, < 0 error
  long Send(const char* buf, size_t n);

  int fd_;
  std::string in_;
  size_t in_pos_ = 0;
  MessageWriter out_;
  bool broken_ = false;
  bool timed_out_ = false;
  ssl_st* ssl_ = nullptr;
};

}  // namespace heliosdb::server
