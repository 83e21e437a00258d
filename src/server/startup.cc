// Connection start-up: SSLRequest is answered 'S' and the connection wrapped in TLS when the
// server has a certificate ('N' otherwise), GSSENCRequest is refused with 'N', a
// CancelRequest cancels another session's statement, a StartupMessage for protocol 3.0 sets
// the session up, authenticates the user (authentication.cc) and is answered with
// AuthenticationOk, the ParameterStatus values clients read, BackendKeyData and
// ReadyForQuery.
#include <cctype>
#include <optional>

#include "catalog/catalog.h"
#include "common/exception.h"
#include "server/backend_messages.h"
#include "server/server.h"
#include "server/session.h"

namespace heliosdb::server {

namespace {
constexpr uint32_t kProtocol3 = 196608;  // 3.0
constexpr uint32_t kCancelRequest = 80877102;
constexpr uint32_t kSslRequest = 80877103;
constexpr uint32_t kGssEncRequest = 80877104;

// The startup "options" parameter: "-c name=value" and "--name=value", separated by spaces
// (a backslash escapes the next character, as in PostgreSQL).
std::vector<std::pair<std::string, std::string>> ParseOptions(const std::string& options) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < options.size(); i++) {
    char c = options[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
      continue;
    }
    if (c == '\\' && i + 1 < options.size()) c = options[++i];
    word.push_back(c);
    in_word = true;
  }
  if (in_word) words.push_back(word);
  std::vector<std::pair<std::string, std::string>> settings;
  for (size_t i = 0; i < words.size(); i++) {
    std::string setting;
    if (words[i] == "-c" && i + 1 < words.size()) {
      setting = words[++i];
    } else if (words[i].rfind("-c", 0) == 0 && words[i].size() > 2) {
      setting = words[i].substr(2);
    } else if (words[i].rfind("--", 0) == 0) {
      setting = words[i].substr(2);
    } else {
      ThrowError(sqlstate::kSyntaxError,
                 "invalid command-line argument for server process: " + words[i]);
    }
    size_t eq = setting.find('=');
    if (eq == std::string::npos)
      ThrowError(sqlstate::kSyntaxError, "-c " + setting + " requires a value");
    std::string name = setting.substr(0, eq);
    for (char& ch : name)
      if (ch == '-') ch = '_';
    settings.emplace_back(name, setting.substr(eq + 1));
  }
  return settings;
}
}  // namespace

bool Session::Startup() {
  std::string body;
  while (true) {
    if (!socket_.ReadStartupPacket(&body)) return false;
    MessageReader in(body);
    uint32_t code = static_cast<uint32_t>(in.Int32());
    if (code == kSslRequest && server_->options().tls && !socket_.tls()) {
      // Anything the client sent after SSLRequest came in the clear: refuse it (PostgreSQL's
      // answer to CVE-2021-23214).
      if (socket_.HasBufferedInput()) {
        SendFatal(sqlstate::kProtocolViolation, "received unencrypted data after SSL request");
        return false;
      }
      socket_.out().Bytes("S");
      socket_.Flush();
      if (!socket_.StartTls(server_->options().tls.get())) return false;
      continue;
    }
    if (code == kSslRequest || code == kGssEncRequest) {
      socket_.out().Bytes("N");
      socket_.Flush();
      continue;
    }
    if (code == kCancelRequest) {
      int32_t pid = in.Int32();
      int32_t secret = in.Int32();
      server_->CancelSession(pid, secret);
      return false;  // no reply: the requester closes
    }
    if (code >> 16 != 3) {
      SendFatal(sqlstate::kFeatureNotSupported,
                "unsupported frontend protocol " + std::to_string(code >> 16) + "." +
                    std::to_string(code & 0xffff) + ": server supports 3.0 to 3.0");
      return false;
    }
    std::map<std::string, std::string> params;
    while (true) {
      std::string name(in.String());
      if (name.empty()) break;
      params[name] = std::string(in.String());
    }
    return ApplyStartupParameters(params);
  }
}

bool Session::ApplyStartupParameters(const std::map<std::string, std::string>& params) {
  auto user = params.find("user");
  if (user == params.end() || user->second.empty()) {
    SendFatal("28000", "no PostgreSQL user name specified in startup packet");
    return false;
  }
  conn_ = db_->Connect();
  impl_ = conn_->impl();
  impl_->copy_stream = this;
  pid_ = impl_->backend_id;
  impl_atomic_.store(impl_);
  // Everything but user, database, options and replication names a setting, as in PostgreSQL.
  // Who the session runs as is decided by authentication; a role asked for here is set
  // after it, with SET ROLE's checks.
  std::optional<std::string> role;
  auto apply = [&](const std::string& name, const std::string& value) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "role") {
      role = value;
    } else if (lower == "branch") {
      impl_->SetBranch(value);  // 3D000 at connection start for a branch that does not exist
    } else if (lower == "session_authorization") {
      ThrowError(sqlstate::kInsufficientPrivilege,
                 "session_authorization cannot be set at connection start");
    } else {
      impl_->settings.Set(name, value);
    }
  };
  try {
    for (const auto& [name, value] : params) {
      if (name == "user" || name == "database" || name == "replication") continue;
      if (name == "options") {
        for (const auto& [setting, v] : ParseOptions(value)) apply(setting, v);
      } else {
        apply(name, value);
      }
    }
  } catch (const DbException& e) {
    SendError(e.status(), "FATAL");
    socket_.Flush();
    return false;
  }
  auto database = params.find("database");
  if (!Authenticate(user->second, database == params.end() ? user->second : database->second))
    return false;
  if (role) {
    Status set = Guard(*impl_, [&] { impl_->SetRole(*role, false); });
    impl_->RollbackAll();
    if (!set.ok()) {
      SendError(set, "FATAL");
      socket_.Flush();
      return false;
    }
  }
  if (!server_->Admit(this)) {
    SendFatal(sqlstate::kTooManyConnections, "sorry, too many clients already");
    return false;
  }
  SendStartupReply(user->second);
  return true;
}

void Session::SendStartupReply(const std::string& user) {
  MessageWriter& out = socket_.out();
  out.Begin('R');
  out.Int32(0);  // AuthenticationOk
  out.Finish();
  const Catalog& catalog = impl_->CurrentCatalog();
  const RoleInfo* role = catalog.GetRole(impl_->authenticated_role);
  bool superuser = role && role->superuser;
  impl_->RollbackAll();
  const SessionSettings& s = impl_->settings;
  const std::pair<std::string, std::string> reported[] = {
      {"application_name", s.Get("application_name")},
      {"client_encoding", s.Get("client_encoding")},
      {"DateStyle", s.Get("datestyle")},
      {"default_transaction_read_only", s.Get("default_transaction_read_only")},
      {"in_hot_standby", "off"},
      {"integer_datetimes", "on"},
      {"IntervalStyle", s.Get("intervalstyle")},
      {"is_superuser", superuser ? "on" : "off"},
      {"server_encoding", "UTF8"},
      {"server_version", server_->options().server_version},
      {"session_authorization", user},
      {"standard_conforming_strings", s.Get("standard_conforming_strings")},
      {"TimeZone", s.Get("timezone")},
  };
  for (const auto& [name, value] : reported) WriteParameterStatus(out, name, value);
  out.Begin('K');
  out.Int32(pid_);
  out.Int32(secret_);
  out.Finish();
  ReadyForQuery();
}

}  // namespace heliosdb::server
