// Server: the PostgreSQL wire protocol listener. Accepts TCP connections and runs one Session
// per connection on its own thread, each with its own Connection on the shared Database.
// Keeps the registry of started sessions for CancelRequest (backend pid + secret key) and
// max_connections, and ends every session at shutdown.
// Thread safety: Run() on one thread; RequestStop() from anywhere, signal handlers included;
// the session-facing calls (Admit, Leave, CancelSession) from session threads.
#pragma once

#include <atomic>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "heliosdb/database.h"
#include "heliosdb/status.h"
#include "server/host_rules.h"

struct ssl_ctx_st;

namespace heliosdb::server {

class Session;

struct ServerOptions {
  std::string listen_address = "127.0.0.1";
  int port = 5432;  // 0: any free port (see Server::port())
  int max_connections = 100;
  // Reported as server_version; clients parse the leading "major.minor".
  std::string server_version = "15.0 (HeliosDB Nano)";
  // After a graceful stop request, running statements get this long to finish before they
  // are canceled.
  int shutdown_grace_seconds = 30;
  // Authentication when no host rule file is given. trust admits anyone (a user name that
  // names no role runs as the bootstrap superuser): a development default for 127.0.0.1.
  AuthMethod auth = AuthMethod::kTrust;
  std::shared_ptr<const HostRules> host_rules;  // null: `auth` for every connection
  std::shared_ptr<ssl_ctx_st> tls;              // null: SSLRequest is answered 'N'
};

class Server {
 public:
  Server(Database* db, ServerOptions options);
  ~Server();

  Status Listen();
  int port() const { return port_; }
  // Accepts connections until a stop is requested, then ends every session and returns.
  void Run();
  // Graceful (running statements may finish) or fast (they are canceled). Async-signal-safe.
  void RequestStop(bool fast);

  const ServerOptions& options() const { return options_; }
  // A started session takes a connection slot; false when max_connections are in use.
  bool Admit(Session* session);
  void Leave(Session* session);
  // A CancelRequest: cancels the running statement of the session with this pid and key.
  void CancelSession(int32_t pid, int32_t secret);

 private:
  struct Slot;
  void Accept();
  void Reap(bool all);
  void StopSessions(bool fast);

  Database* db_;
  ServerOptions options_;
  int listen_fd_ = -1;
  int port_ = 0;
  int wake_pipe_[2] = {-1, -1};
  std::atomic<int> stop_{0};                // 0 running, 1 graceful, 2 fast
  std::list<std::unique_ptr<Slot>> slots_;  // touched by the Run() thread only

  std::mutex mu_;
  std::map<int32_t, Session*> sessions_;  // admitted sessions by pid
};

}  // namespace heliosdb::server
