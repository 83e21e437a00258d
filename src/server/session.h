// Session: one client connection from its startup packet to its end, on its own thread.
// It owns the socket and a Connection on the shared Database, and runs the protocol's state
// machine: startup (startup.cc), then messages until Terminate or end of stream: the simple
// query protocol (simple_query.cc), the extended protocol (extended_query.cc) and COPY
// (copy_protocol.cc; the session is the connection's CopyStream).
// Thread safety: Run() on the session's thread; Cancel() and Interrupt() from any thread
// (the server calls them under its session registry lock).
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/connection_impl.h"
#include "engine/copy_stream.h"
#include "heliosdb/database.h"
#include "server/client_socket.h"

namespace heliosdb::server {

class Server;

class Session : public CopyStream {
 public:
  Session(Server* server, Database* db, int fd);
  ~Session() override;

  void Run();
  void Cancel();     // cancels the statement running now, if any
  void Interrupt();  // server shutdown: a blocked read ends, the session says goodbye
  void Disconnect() { socket_.Disconnect(); }  // last resort: blocked writes fail too
  // Cancels the running statement when its client has gone away (the server asks about once
  // a second), so an abandoned long query stops and its transaction rolls back.
  void CancelIfClientGone();
  int32_t pid() const { return pid_; }
  int32_t secret() const { return secret_; }

  // CopyStream (copy_protocol.cc).
  void BeginCopyIn(size_t columns) override;
  bool Read(std::string* data) override;
  void BeginCopyOut(size_t columns) override;
  void Write(std::string_view data) override;
  void EndCopyOut() override;

 private:
  bool ReadCopyData(std::string* data);
  // A statement of the extended protocol (Parse) and a portal (Bind).
  struct Statement {
    std::shared_ptr<PreparedPlan> plan;  // null for an empty query string
    std::vector<LogicalType> declared;   // Parse's parameter types (kUnknown: infer)
  };
  struct Portal {
    std::shared_ptr<PreparedPlan> plan;
    std::vector<Value> params;
    std::vector<int16_t> result_codes;  // as sent in Bind
    bool ran = false;
    QueryResult::Impl result;
    std::vector<int16_t> formats;  // per result column, once the shape is known
    size_t sent = 0;               // rows already sent by earlier Executes
  };

  // startup.cc
  bool Startup();
  bool ApplyStartupParameters(const std::map<std::string, std::string>& params);
  void SendStartupReply(const std::string& user);
  // authentication.cc: false when the client is refused (the FATAL error is sent).
  bool Authenticate(const std::string& user, const std::string& database);
  bool ScramAuthenticate(const std::string& stored_password);
  bool ReadSaslResponse(std::string* data, bool initial);
  // simple_query.cc
  void HandleQuery(const std::string& sql);
  bool SendResult(const QueryResult::Impl& result);  // rows (text), then CommandComplete
  // extended_query.cc
  void HandleParse(MessageReader& in);
  void HandleBind(MessageReader& in);
  void HandleDescribe(MessageReader& in);
  void HandleExecute(MessageReader& in);
  void HandleClose(MessageReader& in);
  void HandleSync();
  bool RunPortal(Portal& portal);  // runs it once; false after an error (already reported)
  bool DescribeRows(const PreparedPlan& plan, std::vector<std::string>* names,
                    std::vector<LogicalType>* types);
  // session.cc
  bool Dispatch(char type, const std::string& body);  // false: end the session
  void SendError(const Status& status, const char* severity = "ERROR");
  void SendNotices();  // the notices the last statement raised, as NoticeResponse
  void SendFatal(const char* sqlstate, const std::string& message);
  void ReadyForQuery();
  TextFormatOptions TextOptions() const;

  Server* server_;
  Database* db_;
  ClientSocket socket_;
  int socket_fd_;
  std::unique_ptr<Connection> conn_;
  Connection::Impl* impl_ = nullptr;
  // impl_ for other threads (Cancel); the Connection lives until the session is destroyed.
  std::atomic<Connection::Impl*> impl_atomic_{nullptr};
  int32_t pid_ = 0;
  int32_t secret_ = 0;
  std::atomic<bool> interrupted_{false};
  std::atomic<bool> busy_{false};  // a message is being handled
  bool ignore_till_sync_ = false;  // after an error in the extended protocol
  bool connection_lost_ = false;   // the client went away in the middle of a statement
  std::string protocol_error_;     // a protocol violation seen inside a statement (COPY)
  std::map<std::string, Statement> statements_;
  std::map<std::string, Portal> portals_;
};

}  // namespace heliosdb::server
