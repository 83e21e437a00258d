// The session's life and message dispatch.
#include "server/session.h"

#include <random>

#include "common/exception.h"
#include "server/backend_messages.h"
#include "server/server.h"

namespace heliosdb::server {

namespace {
constexpr int kStartupTimeoutSeconds = 60;
}  // namespace

Session::Session(Server* server, Database* db, int fd)
    : server_(server), db_(db), socket_(fd), socket_fd_(fd) {
  std::random_device random;
  secret_ = static_cast<int32_t>(random());
}

Session::~Session() = default;

void Session::Cancel() {
  if (Connection::Impl* impl = impl_atomic_.load()) impl->cancel.store(true);
}

void Session::CancelIfClientGone() {
  if (busy_.load() && socket_.PeerClosed()) Cancel();
}

void Session::Interrupt() {
  interrupted_.store(true);
  socket_.Interrupt();
}

TextFormatOptions Session::TextOptions() const {
  TextFormatOptions options;
  options.timezone = impl_->settings.timezone();
  return options;
}

void Session::Run() {
  bool admitted = false;
  try {
    // A connection that never completes its startup must not hold a thread forever
    // (PostgreSQL's authentication_timeout).
    socket_.SetReadTimeout(kStartupTimeoutSeconds);
    admitted = Startup();
    socket_.SetReadTimeout(0);
    while (admitted && !socket_.broken() && !connection_lost_) {
      char type;
      std::string body;
      // idle_in_transaction_session_timeout: a client that leaves a transaction open and
      // says nothing for that long loses its session (and the transaction rolls back).
      int64_t idle_limit =
          impl_->TransactionStatus() == 'I'
              ? 0
              : impl_->settings.Milliseconds("idle_in_transaction_session_timeout");
      socket_.SetReadTimeoutMillis(idle_limit);
      if (!socket_.ReadMessage(&type, &body)) {
        if (interrupted_.load()) {
          SendFatal("57P01", "terminating connection due to administrator command");
        } else if (idle_limit > 0 && socket_.timed_out()) {
          SendFatal(sqlstate::kIdleInTransactionSessionTimeout,
                    "terminating connection due to idle-in-transaction timeout");
        }
        break;
      }
      busy_.store(true);
      bool go_on = Dispatch(type, body);
      busy_.store(false);
      if (!go_on) break;
    }
  } catch (const ProtocolError& e) {
    SendFatal(sqlstate::kProtocolViolation, e.what());
  } catch (const DbException& e) {
    SendError(e.status(), "FATAL");
  } catch (const std::exception& e) {
    SendFatal(sqlstate::kInternalError, std::string("internal error: ") + e.what());
  }
  if (!protocol_error_.empty()) SendFatal(sqlstate::kProtocolViolation, protocol_error_);
  socket_.Flush();
  if (impl_) {
    impl_->RollbackAll();  // a client that vanished leaves nothing half done
    impl_->copy_stream = nullptr;
  }
  if (admitted) server_->Leave(this);
}

bool Session::Dispatch(char type, const std::string& body) {
  MessageReader in(body);
  if (ignore_till_sync_ && type != 'S' && type != 'X') return true;
  switch (type) {
    case 'Q': {
      std::string sql(in.String());
      HandleQuery(sql);
      if (!connection_lost_) ReadyForQuery();
      return true;
    }
    case 'P':
      HandleParse(in);
      return true;
    case 'B':
      HandleBind(in);
      return true;
    case 'D':
      HandleDescribe(in);
      return true;
    case 'E':
      HandleExecute(in);
      socket_.FlushIfLarge();
      return true;
    case 'C':
      HandleClose(in);
      return true;
    case 'S':
      HandleSync();
      return true;
    case 'H':
      socket_.Flush();
      return true;
    case 'X':
      return false;
    case 'd':
    case 'c':
    case 'f':
      return true;  // the rest of a COPY that already failed
    case 'F':
      SendError(Status::Error(sqlstate::kFeatureNotSupported,
                              "the fast-path function call interface is not supported"));
      ignore_till_sync_ = true;
      return true;
    default: {
      char hex[8];
      std::snprintf(hex, sizeof(hex), "0x%02x", static_cast<unsigned char>(type));
      SendFatal(sqlstate::kProtocolViolation, std::string("invalid frontend message type ") + hex);
      return false;
    }
  }
}

void Session::SendError(const Status& status, const char* severity) {
  WriteErrorResponse(socket_.out(), status, severity);
}

void Session::SendNotices() {
  for (const auto& notice : impl_->notices)
    WriteErrorResponse(socket_.out(), notice.status, notice.severity, 'N');
  impl_->notices.clear();
}

void Session::SendFatal(const char* sqlstate, const std::string& message) {
  SendError(Status::Error(sqlstate, message), "FATAL");
  socket_.Flush();
}

void Session::ReadyForQuery() {
  WriteReadyForQuery(socket_.out(), impl_->TransactionStatus());
  socket_.Flush();
}

}  // namespace heliosdb::server
