#include "server/host_rules.h"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <fstream>
#include <sstream>

namespace heliosdb::server {

namespace {
std::vector<std::string> Names(const std::string& field) {
  std::vector<std::string> out;
  if (field == "all") return out;
  std::stringstream in(field);
  std::string name;
  while (std::getline(in, name, ',')) out.push_back(name);
  return out;
}

bool Listed(const std::vector<std::string>& names, const std::string& name) {
  if (names.empty()) return true;
  for (const auto& n : names)
    if (n == name) return true;
  return false;
}

// The address in network byte order; family 0 when it is not numeric.
int ParseAddress(const std::string& text, unsigned char out[16]) {
  if (inet_pton(AF_INET, text.c_str(), out) == 1) return AF_INET;
  if (inet_pton(AF_INET6, text.c_str(), out) == 1) return AF_INET6;
  return 0;
}

bool PrefixMatches(const unsigned char* a, const unsigned char* b, int prefix) {
  for (int bit = 0; bit < prefix; bit++) {
    int mask = 0x80 >> (bit % 8);
    if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) return false;
  }
  return true;
}
}  // namespace

std::optional<AuthMethod> ParseAuthMethod(const std::string& name) {
  if (name == "trust") return AuthMethod::kTrust;
  if (name == "scram-sha-256") return AuthMethod::kScramSha256;
  if (name == "reject") return AuthMethod::kReject;
  return std::nullopt;
}

std::optional<HostRules> HostRules::Parse(const std::string& text, std::string* error) {
  HostRules rules;
  std::stringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); number++) {
    line = line.substr(0, line.find('#'));
    std::stringstream words(line);
    std::vector<std::string> f;
    for (std::string w; words >> w;) f.push_back(w);
    if (f.empty()) continue;
    auto fail = [&](const std::string& why) {
      *error = "line " + std::to_string(number) + ": " + why;
      return std::nullopt;
    };
    Rule r;
    if (f[0] == "host") {
      r.type = Rule::Type::kHost;
    } else if (f[0] == "hostssl") {
      r.type = Rule::Type::kHostSsl;
    } else if (f[0] == "hostnossl") {
      r.type = Rule::Type::kHostNoSsl;
    } else {
      return fail("unknown connection type \"" + f[0] + "\" (host, hostssl, hostnossl)");
    }
    if (f.size() != 5) return fail("expected TYPE DATABASE USER ADDRESS METHOD");
    r.databases = Names(f[1]);
    r.users = Names(f[2]);
    if (f[3] == "all") {
      r.any_address = true;
    } else {
      std::string address = f[3] == "samehost" ? "127.0.0.1/32" : f[3];
      size_t slash = address.find('/');
      r.family = ParseAddress(address.substr(0, slash), r.network);
      if (r.family == 0) return fail("invalid address \"" + f[3] + "\"");
      int max_prefix = r.family == AF_INET ? 32 : 128;
      r.prefix = max_prefix;
      if (slash != std::string::npos) {
        std::string bits = address.substr(slash + 1);
        char* end = nullptr;
        long n = std::strtol(bits.c_str(), &end, 10);
        if (bits.empty() || *end != '\0' || n < 0 || n > max_prefix)
          return fail("invalid prefix length in \"" + f[3] + "\"");
        r.prefix = static_cast<int>(n);
      }
    }
    auto method = ParseAuthMethod(f[4]);
    if (!method)
      return fail("unknown authentication method \"" + f[4] + "\" (trust, scram-sha-256, reject)");
    r.method = *method;
    rules.rules_.push_back(r);
  }
  return rules;
}

std::optional<HostRules> HostRules::Load(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "could not read \"" + path + "\"";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  return Parse(text.str(), error);
}

std::optional<AuthMethod> HostRules::Match(const std::string& database, const std::string& user,
                                           const std::string& address, bool tls) const {
  unsigned char client[16] = {};
  int family = ParseAddress(address, client);
  // An IPv4 client seen through an IPv6 socket (::ffff:a.b.c.d) matches IPv4 rules.
  if (family == AF_INET6 && address.rfind("::ffff:", 0) == 0 &&
      ParseAddress(address.substr(7), client) == AF_INET)
    family = AF_INET;
  for (const Rule& r : rules_) {
    if (r.type == Rule::Type::kHostSsl && !tls) continue;
    if (r.type == Rule::Type::kHostNoSsl && tls) continue;
    if (!Listed(r.databases, database) || !Listed(r.users, user)) continue;
    if (!r.any_address && (family != r.family || !PrefixMatches(client, r.network, r.prefix)))
      continue;
    return r.method;
  }
  return std::nullopt;
}

}  // namespace heliosdb::server
