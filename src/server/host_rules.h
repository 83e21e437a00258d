// HostRules: who may connect from where and how they authenticate, read from a file in
// pg_hba.conf's form. One rule per line, '#' starts a comment:
//   TYPE      DATABASE  USER  ADDRESS        METHOD
//   host      all       all   127.0.0.1/32   trust
//   hostssl   app       bob   10.0.0.0/8     scram-sha-256
//   hostnossl all       all   0.0.0.0/0      reject
// TYPE host matches any TCP connection, hostssl only TLS ones, hostnossl only plain ones.
// DATABASE and USER are `all` or comma-separated names; ADDRESS is `all`, an IPv4 or IPv6
// address with a /prefix length, or `samehost`. The first matching line decides; a
// connection no line matches is refused.
// Thread safety: immutable after Load; shared by every session.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace heliosdb::server {

enum class AuthMethod { kTrust, kScramSha256, kReject };

// "trust", "scram-sha-256", "reject"; nullopt otherwise.
std::optional<AuthMethod> ParseAuthMethod(const std::string& name);

class HostRules {
 public:
  // Parses text; on a malformed line returns nullopt with *error naming the line.
  static std::optional<HostRules> Parse(const std::string& text, std::string* error);
  static std::optional<HostRules> Load(const std::string& path, std::string* error);

  // The method of the first rule matching; nullopt when none does. address is the client's
  // numeric address (as getnameinfo prints it).
  std::optional<AuthMethod> Match(const std::string& database, const std::string& user,
                                  const std::string& address, bool tls) const;

 private:
  struct Rule {
    enum class Type { kHost, kHostSsl, kHostNoSsl } type = Type::kHost;
    std::vector<std::string> databases;  // empty: all
    std::vector<std::string> users;      // empty: all
    bool any_address = false;
    unsigned char network[16] = {};
    int family = 0;  // AF_INET or AF_INET6
    int prefix = 0;
    AuthMethod method = AuthMethod::kReject;
  };
  std::vector<Rule> rules_;
};

}  // namespace heliosdb::server
