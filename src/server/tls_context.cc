#include "server/tls_context.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

namespace heliosdb::server {

namespace {
std::string OpenSslError() {
  char buf[256];
  ERR_error_string_n(ERR_get_error(), buf, sizeof(buf));
  return buf;
}
}  // namespace

std::shared_ptr<ssl_ctx_st> CreateTlsContext(const std::string& cert_file,
                                             const std::string& key_file, std::string* error) {
  std::shared_ptr<SSL_CTX> context(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
  if (!context) {
    *error = "could not create a TLS context: " + OpenSslError();
    return nullptr;
  }
  SSL_CTX_set_min_proto_version(context.get(), TLS1_2_VERSION);
  if (SSL_CTX_use_certificate_chain_file(context.get(), cert_file.c_str()) != 1) {
    *error = "could not load server certificate file \"" + cert_file + "\": " + OpenSslError();
    return nullptr;
  }
  if (SSL_CTX_use_PrivateKey_file(context.get(), key_file.c_str(), SSL_FILETYPE_PEM) != 1) {
    *error = "could not load private key file \"" + key_file + "\": " + OpenSslError();
    return nullptr;
  }
  if (SSL_CTX_check_private_key(context.get()) != 1) {
    *error = "private key file \"" + key_file + "\" does not match the certificate";
    return nullptr;
  }
  return context;
}

}  // namespace heliosdb::server
