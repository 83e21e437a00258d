#include "server/client_socket.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <openssl/ssl.h>

#include <cerrno>

namespace heliosdb::server {

ClientSocket::~ClientSocket() {
  if (ssl_) {
    if (!broken_) SSL_shutdown(ssl_);  // close_notify, so the client sees a clean end
    SSL_free(ssl_);
  }
  if (fd_ >= 0) close(fd_);
}

bool ClientSocket::StartTls(ssl_ctx_st* context) {
  ssl_ = SSL_new(context);
  if (!ssl_ || SSL_set_fd(ssl_, fd_) != 1 || SSL_accept(ssl_) != 1) {
    broken_ = true;
    return false;
  }
  return true;
}

long ClientSocket::Receive(char* buf, size_t n) {
  if (!ssl_) return recv(fd_, buf, n, 0);
  int got = SSL_read(ssl_, buf, static_cast<int>(n));
  if (got > 0) return got;
  int saved = errno;
  int error = SSL_get_error(ssl_, got);
  errno = saved;
  if (error == SSL_ERROR_ZERO_RETURN) return 0;
  // A read timeout surfaces as WANT_READ with errno EAGAIN on a blocking socket.
  if (error == SSL_ERROR_WANT_READ && errno != EAGAIN && errno != EWOULDBLOCK) errno = EAGAIN;
  return -1;
}

long ClientSocket::Send(const char* buf, size_t n) {
  if (!ssl_) return send(fd_, buf, n, MSG_NOSIGNAL);
  int sent = SSL_write(ssl_, buf, static_cast<int>(n));
  return sent > 0 ? sent : -1;
}

void ClientSocket::Interrupt() {
  shutdown(fd_, SHUT_RD);
}

void ClientSocket::Disconnect() {
  shutdown(fd_, SHUT_RDWR);
}

void ClientSocket::SetReadTimeoutMillis(int64_t milliseconds) {
  timeval timeout{static_cast<time_t>(milliseconds / 1000),
                  static_cast<suseconds_t>(milliseconds % 1000 * 1000)};
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
    long got = Receive(buf, sizeof(buf));
    if (got < 0 && errno == EINTR) continue;
    timed_out_ = got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
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
    long n = Send(buf.data() + sent, buf.size() - sent);
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
