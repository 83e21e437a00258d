#include "server/server.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "common/exception.h"
#include "server/session.h"

namespace heliosdb::server {

struct Server::Slot {
  std::unique_ptr<Session> session;
  std::thread thread;
  std::atomic<bool> done{false};
};

Server::Server(Database* db, ServerOptions options) : db_(db), options_(std::move(options)) {}

Server::~Server() {
  StopSessions(true);
  if (listen_fd_ >= 0) close(listen_fd_);
  for (int fd : wake_pipe_)
    if (fd >= 0) close(fd);
}

Status Server::Listen() {
  if (pipe2(wake_pipe_, O_NONBLOCK | O_CLOEXEC) != 0)
    return Status::Error(sqlstate::kIoError,
                         std::string("could not create pipe: ") + std::strerror(errno));
  std::string host = options_.listen_address;
  if (host == "*") host = "0.0.0.0";
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  std::string port = std::to_string(options_.port);
  int rc = getaddrinfo(host.c_str(), port.c_str(), &hints, &found);
  if (rc != 0)
    return Status::Error(sqlstate::kConnectionException,
                         "could not resolve \"" + host + "\": " + gai_strerror(rc));
  std::string error = "no address";
  for (addrinfo* a = found; a; a = a->ai_next) {
    int fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 && listen(fd, 128) == 0) {
      listen_fd_ = fd;
      break;
    }
    error = std::strerror(errno);
    close(fd);
  }
  freeaddrinfo(found);
  if (listen_fd_ < 0)
    return Status::Error(sqlstate::kConnectionException,
                         "could not listen on " + host + ":" + port + ": " + error);
  sockaddr_storage bound{};
  socklen_t len = sizeof(bound);
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&bound), &len);
  port_ = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                            : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  return Status::OK();
}

void Server::RequestStop(bool fast) {
  int want = fast ? 2 : 1;
  int current = stop_.load();
  while (current < want && !stop_.compare_exchange_weak(current, want)) {
  }
  char byte = 1;
  if (wake_pipe_[1] >= 0) {
    ssize_t ignored = write(wake_pipe_[1], &byte, 1);
    (void)ignored;
  }
}

void Server::Run() {
  auto last_check = std::chrono::steady_clock::now();
  while (stop_.load() == 0) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    int n = poll(fds, 2, 1000);
    Reap(false);
    if (std::chrono::steady_clock::now() - last_check >= std::chrono::seconds(1)) {
      for (auto& slot : slots_) slot->session->CancelIfClientGone();
      last_check = std::chrono::steady_clock::now();
    }
    if (n <= 0) continue;
    if (fds[1].revents) {
      char buf[16];
      while (read(wake_pipe_[0], buf, sizeof(buf)) > 0) {
      }
    }
    if (fds[0].revents & POLLIN) Accept();
  }
  close(listen_fd_);
  listen_fd_ = -1;
  StopSessions(stop_.load() == 2);
}

void Server::Accept() {
  int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
  if (fd < 0) return;  // EAGAIN, a connection reset before accept, out of descriptors: retry
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one));
  auto slot = std::make_unique<Slot>();
  slot->session = std::make_unique<Session>(this, db_, fd);
  Slot* s = slot.get();
  try {
    s->thread = std::thread([s] {
      s->session->Run();
      s->done.store(true);
    });
  } catch (const std::system_error&) {
    return;  // no thread for it: the session (and its socket) is dropped
  }
  slots_.push_back(std::move(slot));
}

void Server::Reap(bool all) {
  for (auto it = slots_.begin(); it != slots_.end();) {
    if (all || (*it)->done.load()) {
      (*it)->thread.join();
      it = slots_.erase(it);
    } else {
      ++it;
    }
  }
}

void Server::StopSessions(bool fast) {
  if (slots_.empty()) return;
  for (auto& slot : slots_) {
    slot->session->Interrupt();
    if (fast) slot->session->Cancel();
  }
  // Graceful: running statements may finish within the grace period. Then whatever still
  // runs is canceled, and a session still stuck after that (a client that stopped reading
  // its results) is disconnected.
  auto wait_all = [&](std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      bool all_done = true;
      for (auto& slot : slots_) all_done &= slot->done.load();
      if (all_done || (!fast && stop_.load() == 2)) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  };
  if (!fast) wait_all(std::chrono::seconds(options_.shutdown_grace_seconds));
  for (auto& slot : slots_) slot->session->Cancel();
  wait_all(std::chrono::seconds(2));
  for (auto& slot : slots_) slot->session->Disconnect();
  Reap(true);
}

bool Server::Admit(Session* session) {
  std::lock_guard<std::mutex> lock(mu_);
  if (static_cast<int>(sessions_.size()) >= options_.max_connections) return false;
  sessions_[session->pid()] = session;
  return true;
}

void Server::Leave(Session* session) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(session->pid());
  if (it != sessions_.end() && it->second == session) sessions_.erase(it);
}

void Server::CancelSession(int32_t pid, int32_t secret) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(pid);
  if (it != sessions_.end() && it->second->secret() == secret) it->second->Cancel();
}

}  // namespace heliosdb::server
