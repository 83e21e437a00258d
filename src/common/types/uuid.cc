#include "common/types/uuid.h"

#include <sys/random.h>

#include <cstring>

#include "common/exception.h"

namespace heliosdb {

namespace {
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

Uuid ParseUuid(std::string_view text) {
  auto fail = [&]() {
    ThrowError(sqlstate::kInvalidTextRepresentation,
               "invalid input syntax for type uuid: \"" + std::string(text) + "\"");
  };
  size_t i = 0;
  bool brace = !text.empty() && text[0] == '{';
  if (brace) i++;
  uint8_t bytes[16];
  for (int b = 0; b < 16; b++) {
    if (i + 2 > text.size()) fail();
    int hi = HexValue(text[i]), lo = HexValue(text[i + 1]);
    if (hi < 0 || lo < 0) fail();
    bytes[b] = static_cast<uint8_t>(hi << 4 | lo);
    i += 2;
    if (b % 2 == 1 && b < 15 && i < text.size() && text[i] == '-') i++;
  }
  if (brace) {
    if (i >= text.size() || text[i] != '}') fail();
    i++;
  }
  if (i != text.size()) fail();
  Uuid u;
  for (int b = 0; b < 8; b++) u.hi = u.hi << 8 | bytes[b];
  for (int b = 8; b < 16; b++) u.lo = u.lo << 8 | bytes[b];
  return u;
}

std::string FormatUuid(const Uuid& u) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(36, '-');
  int pos = 0;
  for (int b = 0; b < 16; b++) {
    uint8_t byte = b < 8 ? static_cast<uint8_t>(u.hi >> (56 - 8 * b))
                         : static_cast<uint8_t>(u.lo >> (56 - 8 * (b - 8)));
    if (pos == 8 || pos == 13 || pos == 18 || pos == 23) pos++;
    out[pos++] = kHex[byte >> 4];
    out[pos++] = kHex[byte & 15];
  }
  return out;
}

Uuid RandomUuid() {
  thread_local uint8_t pool[4096];
  thread_local size_t used = sizeof(pool);
  if (used + 16 > sizeof(pool)) {
    size_t got = 0;
    while (got < sizeof(pool)) {
      ssize_t n = getrandom(pool + got, sizeof(pool) - got, 0);
      if (n <= 0) ThrowError(sqlstate::kInternalError, "could not generate random values");
      got += static_cast<size_t>(n);
    }
    used = 0;
  }
  Uuid u;
  std::memcpy(&u.hi, pool + used, 8);
  std::memcpy(&u.lo, pool + used + 8, 8);
  used += 16;
  u.hi = (u.hi & ~0xF000ULL) | 0x4000ULL;                         // version 4
  u.lo = (u.lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  return u;
}

}  // namespace heliosdb
