// encode(bytea, format) / decode(text, format) for PostgreSQL's hex, base64 (76-character
// lines on output; white space ignored on input) and escape (backslash doubled, zero and
// high-bit bytes as \nnn) formats, and the SHA-2 digests sha224 / sha256 / sha384 / sha512.
#include <openssl/evp.h>

#include <cstdio>
#include <cstring>

#include "common/exception.h"
#include "function/builtin_functions.h"
#include "function/kernel_util.h"

namespace heliosdb {

namespace {

using SV = std::string_view;

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

[[noreturn]] void UnknownEncoding(SV format) {
  ThrowError(sqlstate::kInvalidParameterValue,
             "unrecognized encoding: \"" + std::string(format) + "\"");
}

std::string EncodeBase64(SV in) {
  std::string out;
  int line = 0;
  for (size_t i = 0; i < in.size(); i += 3) {
    uint32_t v = static_cast<uint8_t>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<uint8_t>(in[i + 1]) << 8;
    if (i + 2 < in.size()) v |= static_cast<uint8_t>(in[i + 2]);
    if (line == 76) {
      out += '\n';
      line = 0;
    }
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += i + 1 < in.size() ? kBase64[(v >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kBase64[v & 63] : '=';
    line += 4;
  }
  return out;
}

std::string DecodeBase64(SV in) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0, pad = 0;
  for (char c : in) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == '=') {
      pad++;
      continue;
    }
    const char* p = c ? std::strchr(kBase64, c) : nullptr;
    if (!p || pad > 0)
      ThrowError(sqlstate::kInvalidParameterValue, "invalid symbol \"" + std::string(1, c) +
                                                       "\" found while decoding base64 sequence");
    acc = (acc << 6) | static_cast<uint32_t>(p - kBase64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  if ((bits + pad * 6) % 8 != 0 || pad > 2)
    ThrowError(sqlstate::kInvalidParameterValue, "invalid base64 end sequence");
  return out;
}

std::string EncodeEscape(SV in) {
  std::string out;
  for (char ch : in) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == 0 || c >= 0x80) {
      char buf[5];
      std::snprintf(buf, sizeof(buf), "\\%03o", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out;
}

std::string DecodeEscape(SV in) {
  std::string out;
  for (size_t i = 0; i < in.size(); i++) {
    if (in[i] != '\\') {
      out += in[i];
    } else if (i + 1 < in.size() && in[i + 1] == '\\') {
      out += '\\';
      i++;
    } else if (i + 3 < in.size() && in[i + 1] >= '0' && in[i + 1] <= '3' && in[i + 2] >= '0' &&
               in[i + 2] <= '7' && in[i + 3] >= '0' && in[i + 3] <= '7') {
      out += static_cast<char>(((in[i + 1] - '0') << 6) | ((in[i + 2] - '0') << 3) |
                               (in[i + 3] - '0'));
      i += 3;
    } else {
      ThrowError(sqlstate::kInvalidTextRepresentation, "invalid input syntax for type bytea");
    }
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  ThrowError(sqlstate::kInvalidParameterValue,
             "invalid hexadecimal digit: \"" + std::string(1, c) + "\"");
}

std::string DecodeHex(SV in) {
  std::string out;
  for (size_t i = 0; i < in.size(); i++) {
    if (in[i] == ' ' || in[i] == '\t' || in[i] == '\n' || in[i] == '\r') continue;
    int hi = HexValue(in[i]);
    if (i + 1 >= in.size())
      ThrowError(sqlstate::kInvalidParameterValue,
                 "invalid hexadecimal data: odd number of digits");
    out += static_cast<char>((hi << 4) | HexValue(in[++i]));
  }
  return out;
}

std::string Encode(SV bytes, SV format) {
  if (format == "hex") {
    static const char kDigits[] = "0123456789abcdef";
    std::string out;
    for (char c : bytes) {
      out += kDigits[static_cast<uint8_t>(c) >> 4];
      out += kDigits[static_cast<uint8_t>(c) & 15];
    }
    return out;
  }
  if (format == "base64") return EncodeBase64(bytes);
  if (format == "escape") return EncodeEscape(bytes);
  UnknownEncoding(format);
}

std::string Decode(SV text, SV format) {
  if (format == "hex") return DecodeHex(text);
  if (format == "base64") return DecodeBase64(text);
  if (format == "escape") return DecodeEscape(text);
  UnknownEncoding(format);
}

ScalarKernel Digest(const EVP_MD* (*md)()) {
  return MakeUnary<SV>([md](SV in) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(in.data(), in.size(), digest, &len, md(), nullptr) != 1)
      ThrowError(sqlstate::kInternalError, "could not compute a SHA-2 digest");
    return std::string(reinterpret_cast<char*>(digest), len);
  });
}

}  // namespace

void RegisterEncodeFunctions(FunctionRegistry& reg) {
  LogicalType text(TypeId::kText), bytea(TypeId::kBytea);
  reg.AddScalar(Scalar("encode", {bytea, text}, text, MakeBinary<SV, SV>(Encode)));
  reg.AddScalar(Scalar("decode", {text, text}, bytea, MakeBinary<SV, SV>(Decode)));
  reg.AddScalar(Scalar("sha224", {bytea}, bytea, Digest(EVP_sha224)));
  reg.AddScalar(Scalar("sha256", {bytea}, bytea, Digest(EVP_sha256)));
  reg.AddScalar(Scalar("sha384", {bytea}, bytea, Digest(EVP_sha384)));
  reg.AddScalar(Scalar("sha512", {bytea}, bytea, Digest(EVP_sha512)));
}

}  // namespace heliosdb
