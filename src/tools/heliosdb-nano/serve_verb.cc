// `heliosdb-nano serve`: opens a database and serves it over the PostgreSQL wire protocol
// until SIGTERM (graceful: running statements finish, then sessions close) or SIGINT (fast:
// running statements are canceled).
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "server/server.h"
#include "server/tls_context.h"
#include "verbs.h"
#include "version.h"

namespace heliosdb::shell {
namespace {

server::Server* g_server = nullptr;

void OnSignal(int signal) {
  if (g_server) g_server->RequestStop(signal == SIGINT);
}

void PrintServeUsage() {
  std::printf(
      "Usage:\n"
      "  heliosdb-nano serve PATH [OPTION]...\n\n"
      "Serves the database at PATH to PostgreSQL clients (psql, drivers).\n\n"
      "Options:\n"
      "  --listen ADDR           address to listen on (default 127.0.0.1; * for all)\n"
      "  --port N                TCP port (default 5432; 0 picks a free one)\n"
      "  --max-connections N     sessions at once (default 100)\n"
      "  --auth METHOD           trust or scram-sha-256 (default trust: anyone connects, a\n"
      "                          development default meant for 127.0.0.1)\n"
      "  --hba FILE              host rules as in pg_hba.conf (host|hostssl|hostnossl\n"
      "                          DATABASE USER ADDRESS/MASK trust|scram-sha-256|reject);\n"
      "                          they replace --auth, and unmatched connections are refused\n"
      "  --tls-cert FILE         PEM certificate: SSLRequest is answered with TLS\n"
      "  --tls-key FILE          its PEM private key\n\n"
      "Every database starts with the superuser role \"heliosdb\" (no password: give it one\n"
      "with ALTER ROLE heliosdb PASSWORD '...' before using scram-sha-256). Under trust, a\n"
      "user name that names no role runs as heliosdb.\n"
      "SIGTERM stops gracefully (running statements finish), SIGINT stops fast.\n");
}

// Accepts "--name VALUE" and "--name=VALUE".
bool Option(int argc, char** argv, int* i, const char* name, std::string* value) {
  std::string a = argv[*i];
  std::string prefix = std::string(name) + "=";
  if (a == name && *i + 1 < argc) {
    *value = argv[++*i];
    return true;
  }
  if (a.rfind(prefix, 0) == 0) {
    *value = a.substr(prefix.size());
    return true;
  }
  return false;
}

bool ParseCount(const std::string& text, int min, int max, int* out) {
  char* end = nullptr;
  long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || v < min || v > max) return false;
  *out = static_cast<int>(v);
  return true;
}

}  // namespace

int RunServeVerb(int argc, char** argv) {
  server::ServerOptions options;
  options.server_version = std::string("15.0 (HeliosDB Nano ") + kHeliosVersion + ")";
  std::string path, tls_cert, tls_key;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i], value;
    if (a == "--help" || a == "-?") {
      PrintServeUsage();
      return 0;
    } else if (Option(argc, argv, &i, "--listen", &value)) {
      options.listen_address = value;
    } else if (Option(argc, argv, &i, "--port", &value)) {
      if (!ParseCount(value, 0, 65535, &options.port)) {
        std::fprintf(stderr, "heliosdb-nano serve: invalid port \"%s\"\n", value.c_str());
        return 1;
      }
    } else if (Option(argc, argv, &i, "--max-connections", &value)) {
      if (!ParseCount(value, 1, 100000, &options.max_connections)) {
        std::fprintf(stderr, "heliosdb-nano serve: invalid connection limit \"%s\"\n",
                     value.c_str());
        return 1;
      }
    } else if (Option(argc, argv, &i, "--auth", &value)) {
      auto method = server::ParseAuthMethod(value);
      if (!method || *method == server::AuthMethod::kReject) {
        std::fprintf(stderr, "heliosdb-nano serve: invalid --auth \"%s\" (trust, scram-sha-256)\n",
                     value.c_str());
        return 1;
      }
      options.auth = *method;
    } else if (Option(argc, argv, &i, "--hba", &value)) {
      std::string error;
      auto rules = server::HostRules::Load(value, &error);
      if (!rules) {
        std::fprintf(stderr, "heliosdb-nano serve: %s: %s\n", value.c_str(), error.c_str());
        return 1;
      }
      options.host_rules = std::make_shared<server::HostRules>(std::move(*rules));
    } else if (Option(argc, argv, &i, "--tls-cert", &value)) {
      tls_cert = value;
    } else if (Option(argc, argv, &i, "--tls-key", &value)) {
      tls_key = value;
    } else if (a.rfind("-", 0) != 0 && path.empty()) {
      path = a;
    } else {
      std::fprintf(stderr, "heliosdb-nano serve: unknown argument \"%s\"\n", a.c_str());
      PrintServeUsage();
      return 1;
    }
  }
  if (path.empty()) {
    std::fprintf(stderr, "heliosdb-nano serve: no database PATH given\n");
    PrintServeUsage();
    return 1;
  }
  if (tls_cert.empty() != tls_key.empty()) {
    std::fprintf(stderr, "heliosdb-nano serve: --tls-cert and --tls-key go together\n");
    return 1;
  }
  if (!tls_cert.empty()) {
    std::string error;
    options.tls = server::CreateTlsContext(tls_cert, tls_key, &error);
    if (!options.tls) {
      std::fprintf(stderr, "heliosdb-nano serve: %s\n", error.c_str());
      return 1;
    }
  }
  auto db = Database::Open(path);
  if (!db.ok()) {
    std::fprintf(stderr, "heliosdb-nano serve: %s\n", db.status().ToString().c_str());
    return 2;
  }
  server::Server server(db.value().get(), options);
  Status listening = server.Listen();
  if (!listening.ok()) {
    std::fprintf(stderr, "heliosdb-nano serve: %s\n", listening.message().c_str());
    return 1;
  }
  g_server = &server;
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  std::fprintf(stderr, "heliosdb-nano: serving %s on %s:%d\n", path.c_str(),
               options.listen_address.c_str(), server.port());
  std::fflush(stderr);
  server.Run();
  g_server = nullptr;
  std::fprintf(stderr, "heliosdb-nano: server stopped\n");
  return 0;
}

}  // namespace heliosdb::shell
