#include "common/scram.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <cstdlib>
#include <vector>

namespace heliosdb {

namespace {
constexpr const char* kPrefix = "SCRAM-SHA-256$";
constexpr size_t kKeyLength = SHA256_DIGEST_LENGTH;
constexpr size_t kSaltLength = 16;
constexpr size_t kNonceLength = 18;

std::string Hmac(const std::string& key, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &n);
  return std::string(reinterpret_cast<char*>(out), n);
}

std::string Sha256(const std::string& data) {
  unsigned char out[kKeyLength];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
  return std::string(reinterpret_cast<char*>(out), kKeyLength);
}

std::string RandomBytes(size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1)
    std::abort();  // no entropy: nothing secure can be done
  return out;
}

std::string Xor(std::string a, const std::string& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); i++) a[i] ^= b[i];
  return a;
}

// "k=value" attributes of a SCRAM message, in order.
bool Attribute(const std::string& message, size_t* pos, char key, std::string* value) {
  if (*pos + 2 > message.size() || message[*pos] != key || message[*pos + 1] != '=') return false;
  size_t end = message.find(',', *pos);
  if (end == std::string::npos) end = message.size();
  *value = message.substr(*pos + 2, end - *pos - 2);
  *pos = end < message.size() ? end + 1 : end;
  return true;
}
}  // namespace

std::string Base64Encode(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::optional<std::string> Base64Decode(const std::string& text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out(text.size() / 4 * 3 + 1, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  // EVP_DecodeBlock counts the padding as zero bytes.
  size_t padding = 0;
  for (size_t i = text.size(); i > 0 && text[i - 1] == '=' && padding < 2; i--) padding++;
  out.resize(static_cast<size_t>(n) - padding);
  return out;
}

ScramVerifier MakeScramVerifier(const std::string& password, int iterations,
                                const std::string& salt) {
  ScramVerifier v;
  v.iterations = iterations;
  v.salt = salt.empty() ? RandomBytes(kSaltLength) : salt;
  unsigned char salted[kKeyLength];
  PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                    reinterpret_cast<const unsigned char*>(v.salt.data()),
                    static_cast<int>(v.salt.size()), iterations, EVP_sha256(), kKeyLength, salted);
  std::string salted_password(reinterpret_cast<char*>(salted), kKeyLength);
  v.stored_key = Sha256(Hmac(salted_password, "Client Key"));
  v.server_key = Hmac(salted_password, "Server Key");
  return v;
}

std::string FormatScramVerifier(const ScramVerifier& v) {
  return kPrefix + std::to_string(v.iterations) + ":" + Base64Encode(v.salt) + "$" +
         Base64Encode(v.stored_key) + ":" + Base64Encode(v.server_key);
}

std::optional<ScramVerifier> ParseScramVerifier(const std::string& text) {
  std::string prefix = kPrefix;
  if (text.rfind(prefix, 0) != 0) return std::nullopt;
  size_t colon1 = text.find(':', prefix.size());
  size_t dollar = text.find('$', prefix.size());
  if (colon1 == std::string::npos || dollar == std::string::npos || dollar < colon1)
    return std::nullopt;
  size_t colon2 = text.find(':', dollar);
  if (colon2 == std::string::npos) return std::nullopt;
  ScramVerifier v;
  std::string iterations = text.substr(prefix.size(), colon1 - prefix.size());
  char* end = nullptr;
  long n = std::strtol(iterations.c_str(), &end, 10);
  if (iterations.empty() || *end != '\0' || n <= 0 || n > 1000000000) return std::nullopt;
  v.iterations = static_cast<int>(n);
  auto salt = Base64Decode(text.substr(colon1 + 1, dollar - colon1 - 1));
  auto stored = Base64Decode(text.substr(dollar + 1, colon2 - dollar - 1));
  auto server = Base64Decode(text.substr(colon2 + 1));
  if (!salt || !stored || !server || stored->size() != kKeyLength || server->size() != kKeyLength)
    return std::nullopt;
  v.salt = *salt;
  v.stored_key = *stored;
  v.server_key = *server;
  return v;
}

ScramExchange::ScramExchange(std::optional<ScramVerifier> verifier, std::string server_nonce)
    : known_(verifier.has_value()), server_nonce_(std::move(server_nonce)) {
  // An unknown role gets a verifier nobody knows the password of.
  verifier_ = known_ ? *verifier : MakeScramVerifier(RandomBytes(kKeyLength));
  if (server_nonce_.empty()) server_nonce_ = Base64Encode(RandomBytes(kNonceLength));
}

bool ScramExchange::ClientFirst(const std::string& message, std::string* reply) {
  // gs2-header: "n,," (no channel binding) or "y,," (client could, server did not offer);
  // "p=" asks for channel binding, which this server does not advertise.
  if (message.size() < 3 || (message[0] != 'n' && message[0] != 'y') || message[1] != ',')
    return false;
  size_t authzid_end = message.find(',', 2);
  if (authzid_end == std::string::npos) return false;
  client_first_bare_ = message.substr(authzid_end + 1);
  size_t pos = 0;
  std::string user, client_nonce;
  // PostgreSQL ignores the user name here (libpq sends it empty): the startup packet's counts.
  if (!Attribute(client_first_bare_, &pos, 'n', &user) ||
      !Attribute(client_first_bare_, &pos, 'r', &client_nonce) || client_nonce.empty())
    return false;
  nonce_ = client_nonce + server_nonce_;
  server_first_ = "r=" + nonce_ + ",s=" + Base64Encode(verifier_.salt) +
                  ",i=" + std::to_string(verifier_.iterations);
  *reply = server_first_;
  return true;
}

bool ScramExchange::ClientFinal(const std::string& message, std::string* reply) {
  size_t pos = 0;
  std::string binding, nonce, proof_text;
  if (!Attribute(message, &pos, 'c', &binding) || !Attribute(message, &pos, 'r', &nonce))
    return false;
  size_t proof_at = message.rfind(",p=");
  if (proof_at == std::string::npos) return false;
  proof_text = message.substr(proof_at + 3);
  std::string without_proof = message.substr(0, proof_at);
  if (binding != "biws" && binding != "eSws") return false;  // base64 of "n,," / "y,,"
  if (nonce != nonce_) return false;
  auto proof = Base64Decode(proof_text);
  if (!proof || proof->size() != kKeyLength) return false;
  std::string auth_message = client_first_bare_ + "," + server_first_ + "," + without_proof;
  std::string client_signature = Hmac(verifier_.stored_key, auth_message);
  std::string client_key = Xor(*proof, client_signature);
  std::string stored = Sha256(client_key);
  bool match = CRYPTO_memcmp(stored.data(), verifier_.stored_key.data(), kKeyLength) == 0;
  if (!match || !known_) return false;
  *reply = "v=" + Base64Encode(Hmac(verifier_.server_key, auth_message));
  return true;
}

}  // namespace heliosdb
