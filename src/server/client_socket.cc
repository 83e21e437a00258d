#include "server/client_socket.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>

namespace heliosdb::server {

ClientSocket::~ClientSocket() {
  if (fd_ >= 0) close(fd_);
}

void ClientSocket::Interrupt() {
  shutdown(fd_, SHUT_RD);
}

void ClientSocket::Disconnect() {
  shutdown(fd_, SHUT_RDWR);
}

void ClientSocket::SetReadTimeout(int seconds) {
  timeval timeout{seconds, 0};
  setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
}

bool ClientSocket::PeerClosed() const {
  pollfd p{fd_, POLLRDHUP, 0};
  return poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR));
}

bool ClientSocket::Fill(size_t n) {
  while (in_.size() - in_pos_ < n) {
    if (in_pos_ > 0 && in_pos_ == in_.size()) {
      in_.clear();
      in_pos_ = 0;
    } else if (in_pos_ >= 64 * 1024) {
      in_.erase(0, in_pos_);
      in_pos_ = 0;
    }
    char buf[64 * 1024];
    ssize_t got = recv(fd_, buf, sizeof(buf), 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    in_.append(buf, static_cast<size_t>(got));
  }
  return true;
}

bool ClientSocket::ReadBody(size_t length, std::string* body) {
  // Taken piece by piece so that a claimed length without the data allocates nothing big.
  body->clear();
  while (body->size() < length) {
    if (!Fill(1)) return false;
    size_t take = std::min(length - body->size(), in_.size() - in_pos_);
    body->append(in_, in_pos_, take);
    in_pos_ += take;
  }
  return true;
}

bool ClientSocket::ReadStartupPacket(std::string* body) {
  if (!Fill(4)) return false;
  uint32_t length = static_cast<uint32_t>(GetBigEndian(in_, in_pos_, 4));
  in_pos_ += 4;
  if (length < 8 || length > kMaxStartupPacket)
    throw ProtocolError("invalid length of startup packet");
  return ReadBody(length - 4, body);
}

bool ClientSocket::ReadMessage(char* type, std::string* body) {
  if (!Fill(5)) return false;
  *type = in_[in_pos_];
  uint32_t length = static_cast<uint32_t>(GetBigEndian(in_, in_pos_ + 1, 4));
  in_pos_ += 5;
  if (length < 4 || length - 4 > kMaxMessage) throw ProtocolError("invalid message length");
  return ReadBody(length - 4, body);
}

void ClientSocket::Flush() {
  std::string& buf = out_.buffer();
  size_t sent = 0;
  while (!broken_ && sent < buf.size()) {
    ssize_t n = send(fd_, buf.data() + sent, buf.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      broken_ = true;
      break;
    }
    sent += static_cast<size_t>(n);
  }
  buf.clear();
}

}  // namespace heliosdb::server
