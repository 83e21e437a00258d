// A raw protocol v3 client for the server tests: connects over TCP, sends hand-built
// messages and reads the replies as (type, body) pairs.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <string>
#include <utility>
#include <vector>

#include "server/wire_message.h"

namespace heliosdb::server::testing {

class TestClient {
 public:
  explicit TestClient(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    timeval timeout{10, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  }
  ~TestClient() { close(fd_); }
  bool connected() const { return connected_; }

  void SendRaw(const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      ssize_t n = send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<size_t>(n);
    }
  }
  // A startup packet for protocol 3.0 with user and database.
  void SendStartup(const std::string& user = "tester") {
    std::string body;
    PutBigEndian(&body, 196608, 4);
    for (const char* s : {"user", user.c_str(), "database", "db", ""})
      body.append(s, strlen(s) + 1);
    std::string packet;
    PutBigEndian(&packet, body.size() + 4, 4);
    SendRaw(packet + body);
  }
  void Send(char type, const std::string& body) {
    std::string m(1, type);
    PutBigEndian(&m, body.size() + 4, 4);
    SendRaw(m + body);
  }
  // The next message; type 0 when the connection closed or timed out.
  std::pair<char, std::string> Receive() {
    char header[5];
    if (!ReadFully(header, 5)) return {0, ""};
    uint32_t length = static_cast<uint32_t>(GetBigEndian(std::string_view(header, 5), 1, 4));
    std::string body(length - 4, '\0');
    if (!ReadFully(body.data(), body.size())) return {0, ""};
    return {header[0], body};
  }
  // Message types up to and including the next ReadyForQuery (or the end of the stream).
  std::string ReceiveUntilReady(std::vector<std::string>* bodies = nullptr) {
    std::string types;
    while (true) {
      auto [type, body] = Receive();
      if (type == 0) return types + "<eof>";
      types.push_back(type);
      if (bodies) bodies->push_back(body);
      if (type == 'Z') return types;
    }
  }
  // Startup through the first ReadyForQuery.
  bool Start() {
    SendStartup();
    return ReceiveUntilReady().back() == 'Z';
  }
  int fd() const { return fd_; }

 private:
  bool ReadFully(char* out, size_t n) {
    size_t got = 0;
    while (got < n) {
      ssize_t r = recv(fd_, out + got, n - got, 0);
      if (r <= 0) return false;
      got += static_cast<size_t>(r);
    }
    return true;
  }
  int fd_;
  bool connected_ = false;
};

// Message bodies.
inline std::string CStr(const std::string& s) {
  return s + std::string(1, '\0');
}
inline std::string I16(int v) {
  std::string s;
  PutBigEndian(&s, static_cast<uint16_t>(v), 2);
  return s;
}
inline std::string I32(int64_t v) {
  std::string s;
  PutBigEndian(&s, static_cast<uint32_t>(v), 4);
  return s;
}
// The SQLSTATE (field C) of an ErrorResponse body.
inline std::string ErrorCode(const std::string& body) {
  for (size_t i = 0; i < body.size() && body[i];) {
    char field = body[i];
    size_t end = body.find('\0', i + 1);
    if (field == 'C') return body.substr(i + 1, end - i - 1);
    i = end + 1;
  }
  return "";
}

}  // namespace heliosdb::server::testing
