// The server's TLS configuration: an OpenSSL context holding the certificate and key that
// answer SSLRequest. Thread safety: shared read-only by every session once made.
#pragma once

#include <memory>
#include <string>

struct ssl_ctx_st;

namespace heliosdb::server {

// Loads a PEM certificate (chain) and private key; null with *error on failure. TLS 1.2 is
// the oldest version offered, as PostgreSQL 15's default ssl_min_protocol_version.
std::shared_ptr<ssl_ctx_st> CreateTlsContext(const std::string& cert_file,
                                             const std::string& key_file, std::string* error);

}  // namespace heliosdb::server
