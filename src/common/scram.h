// SCRAM-SHA-256 (RFC 5802, RFC 7677): the stored password verifier and the server's side of
// the authentication exchange, computed with OpenSSL.
// A verifier is stored in PostgreSQL's text form:
//   SCRAM-SHA-256$<iterations>:<base64 salt>$<base64 StoredKey>:<base64 ServerKey>
// Thread safety: the free functions are thread-safe; a ScramExchange belongs to one session.
#pragma once

#include <optional>
#include <string>

namespace heliosdb {

constexpr int kScramIterations = 4096;

struct ScramVerifier {
  int iterations = 0;
  std::string salt;        // raw bytes
  std::string stored_key;  // H(ClientKey), 32 bytes
  std::string server_key;  // HMAC(SaltedPassword, "Server Key"), 32 bytes
};

std::string Base64Encode(const std::string& bytes);
// nullopt when text is not valid base64.
std::optional<std::string> Base64Decode(const std::string& text);

// A verifier for password with a fresh random salt (salt given: for tests).
ScramVerifier MakeScramVerifier(const std::string& password, int iterations = kScramIterations,
                                const std::string& salt = "");
std::string FormatScramVerifier(const ScramVerifier& v);
// nullopt unless text is a well-formed "SCRAM-SHA-256$..." verifier.
std::optional<ScramVerifier> ParseScramVerifier(const std::string& text);

// The server's half of one SCRAM-SHA-256 exchange (no channel binding):
//   client-first  "n,,n=user,r=cnonce"          -> server-first "r=cnonce+snonce,s=salt,i=n"
//   client-final  "c=biws,r=nonce,p=proof"      -> server-final "v=signature"
// With no verifier (unknown role), the exchange runs with a made-up one and always fails,
// so a client cannot tell which roles exist from the exchange.
class ScramExchange {
 public:
  // server_nonce empty: a random one.
  explicit ScramExchange(std::optional<ScramVerifier> verifier, std::string server_nonce = "");
  // False when the message is malformed (the caller ends the exchange); *reply is the
  // server-first message otherwise.
  bool ClientFirst(const std::string& message, std::string* reply);
  // True when the proof matches; *reply is the server-final message then.
  bool ClientFinal(const std::string& message, std::string* reply);

 private:
  ScramVerifier verifier_;
  bool known_;
  std::string server_nonce_;
  std::string client_first_bare_;
  std::string server_first_;
  std::string nonce_;  // client nonce + server nonce
};

}  // namespace heliosdb
