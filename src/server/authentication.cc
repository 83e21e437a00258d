// Client authentication after the startup packet: the host rules (or --auth) pick the
// method; SCRAM-SHA-256 runs the SASL exchange
//   S: AuthenticationSASL (R, 10, "SCRAM-SHA-256")   C: SASLInitialResponse (p, client-first)
//   S: AuthenticationSASLContinue (R, 11, server-first)   C: SASLResponse (p, client-final)
//   S: AuthenticationSASLFinal (R, 12, server-final), then AuthenticationOk
// and admits the client only when its proof matches the role's stored verifier.
#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include "catalog/catalog.h"
#include "common/exception.h"
#include "common/scram.h"
#include "server/server.h"
#include "server/session.h"

namespace heliosdb::server {

namespace {
constexpr int32_t kAuthSasl = 10;
constexpr int32_t kAuthSaslContinue = 11;
constexpr int32_t kAuthSaslFinal = 12;
constexpr const char* kScramMechanism = "SCRAM-SHA-256";

std::string PeerAddress(int fd) {
  sockaddr_storage peer{};
  socklen_t len = sizeof(peer);
  char host[NI_MAXHOST] = "";
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) != 0 ||
      getnameinfo(reinterpret_cast<sockaddr*>(&peer), len, host, sizeof(host), nullptr, 0,
                  NI_NUMERICHOST) != 0)
    return "";
  return host;
}
}  // namespace

bool Session::ReadSaslResponse(std::string* data, bool initial) {
  char type;
  std::string body;
  if (!socket_.ReadMessage(&type, &body)) return false;
  if (type != 'p') {
    SendFatal(sqlstate::kProtocolViolation,
              std::string("expected SASL response, got message type ") + type);
    return false;
  }
  MessageReader in(body);
  if (initial) {
    std::string mechanism(in.String());
    if (mechanism != kScramMechanism) {
      SendFatal(sqlstate::kProtocolViolation,
                "client selected an invalid SASL authentication mechanism");
      return false;
    }
    int32_t length = in.Int32();
    *data = length < 0 ? "" : std::string(in.Bytes(static_cast<size_t>(length)));
  } else {
    *data = std::string(in.Bytes(in.remaining()));
  }
  return true;
}

bool Session::ScramAuthenticate(const std::string& stored_password) {
  ScramExchange exchange(ParseScramVerifier(stored_password));
  MessageWriter& out = socket_.out();
  out.Begin('R');
  out.Int32(kAuthSasl);
  out.String(kScramMechanism);
  out.Int8(0);
  out.Finish();
  socket_.Flush();
  std::string message, reply;
  if (!ReadSaslResponse(&message, true)) return false;
  if (!exchange.ClientFirst(message, &reply)) {
    SendFatal(sqlstate::kProtocolViolation, "malformed SCRAM message");
    return false;
  }
  out.Begin('R');
  out.Int32(kAuthSaslContinue);
  out.Bytes(reply);
  out.Finish();
  socket_.Flush();
  if (!ReadSaslResponse(&message, false)) return false;
  if (!exchange.ClientFinal(message, &reply)) return false;
  out.Begin('R');
  out.Int32(kAuthSaslFinal);
  out.Bytes(reply);
  out.Finish();
  return true;
}

bool Session::Authenticate(const std::string& user, const std::string& database) {
  const ServerOptions& options = server_->options();
  AuthMethod method = options.auth;
  std::string address = PeerAddress(socket_fd_);
  std::string where = "host \"" + address + "\", user \"" + user + "\", database \"" + database +
                      "\", " + (socket_.tls() ? "SSL encryption" : "no encryption");
  if (options.host_rules) {
    auto matched = options.host_rules->Match(database, user, address, socket_.tls());
    if (!matched) {
      SendFatal(sqlstate::kInvalidAuthorizationSpecification, "no pg_hba.conf entry for " + where);
      return false;
    }
    method = *matched;
  }
  if (method == AuthMethod::kReject) {
    SendFatal(sqlstate::kInvalidAuthorizationSpecification,
              "pg_hba.conf rejects connection for " + where);
    return false;
  }
  // The newest committed roles; no transaction stays open while the client answers.
  std::optional<RoleInfo> role;
  if (const RoleInfo* found = impl_->CurrentCatalog().FindRole(user)) role = *found;
  impl_->RollbackAll();
  if (method == AuthMethod::kScramSha256) {
    // An unknown role or one without a password goes through the same exchange and fails
    // the same way, so the exchange does not tell which roles exist.
    bool ok = ScramAuthenticate(role ? role->password : "");
    if (!ok || !role) {
      if (!socket_.broken())
        SendFatal(sqlstate::kInvalidPassword,
                  "password authentication failed for user \"" + user + "\"");
      return false;
    }
  }
  if (role && !role->login) {
    SendFatal(sqlstate::kInvalidAuthorizationSpecification,
              "role \"" + user + "\" is not permitted to log in");
    return false;
  }
  impl_->Login(user, role ? role->id : kBootstrapSuperuserId);
  return true;
}

}  // namespace heliosdb::server
