// The keyspace of a HeliosDB database inside RocksDB, and the multi-version key encoding
// (LevelDB's dbformat.h). Every byte written to RocksDB is laid out here; docs/format/keyspace.md
// describes it in prose. Keys sort by RocksDB's default bytewise comparator.
//
// Versioned data (tables, indexes, catalog tables):
//
//   +-----+-----------+-----------+---------------------------+---------------+
//   | 'v' | branch    | object    | user key bytes            | ~commit SCN   |
//   | 1 B | u32 BE    | u32 BE    | prefix-free, order-       | u64 BE,       |
//   |     |           |           | preserving (key_codec.h)  | inverted      |
//   +-----+-----------+-----------+---------------------------+---------------+
//   value:  | tag u8 (0 = put, 1 = tombstone) | row bytes (row_codec.h) for a put |
//
//   Because the user key is prefix-free, the versions of one key are contiguous, and because
//   the SCN is stored inverted (~scn), the newest version of a key sorts first. SCN 0 is never
//   assigned, so the suffix 0xFF x 8 sorts after every real version of a key.
//
// Metadata (not versioned; written by the storage engine only):
//
//   'm' "format_version"      -> u32 BE      the keyspace/row format version (kFormatVersion)
//   'm' "last_scn"            -> u64 BE      the SCN of the newest commit (also in every commit)
//   'm' "counter/" name       -> i64 BE      the reserved high-water mark of a durable counter
//   'm' "setting/" name       -> text        a database-wide setting (ALTER DATABASE ... SET)
//   'm' "branch/" id u32 BE   -> branch record (txn/branch_registry.h draws it)
//   'm' "branch_next_id"      -> u32 BE      the next branch id
//
// Commit-time map (for AS OF TIMESTAMP), one entry per commit, in the commit's batch:
//
//   't' | SCN u64 BE          -> i64 BE      commit time, microseconds since 2000-01-01 UTC
//
// Cold-tier row groups ('c' prefix) and their end markers are drawn in
// storage/columnar/cold_tier.h.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "txn/transaction.h"

namespace heliosdb {

// Bump when the meaning of any byte written to the store changes; checked on open.
constexpr uint32_t kFormatVersion = 1;

constexpr char kVersionPrefix = 'v';
constexpr char kMetaPrefix = 'm';
constexpr char kTimePrefix = 't';

constexpr size_t kObjectPrefixSize = 1 + 4 + 4;  // 'v' | branch | object
constexpr size_t kScnSuffixSize = 8;
constexpr size_t kMinVersionKeySize = kObjectPrefixSize + kScnSuffixSize;

enum class VersionTag : uint8_t { kPut = 0, kTombstone = 1 };

inline void PutFixed32BE(uint32_t v, std::string* out) {
  char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
               static_cast<char>(v)};
  out->append(b, 4);
}

inline void PutFixed64BE(uint64_t v, std::string* out) {
  char b[8];
  for (int i = 7; i >= 0; i--, v >>= 8) b[i] = static_cast<char>(v);
  out->append(b, 8);
}

inline uint32_t GetFixed32BE(const char* p) {
  const auto* u = reinterpret_cast<const uint8_t*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) | u[3];
}

inline uint64_t GetFixed64BE(const char* p) {
  uint64_t v = 0;
  const auto* u = reinterpret_cast<const uint8_t*>(p);
  for (int i = 0; i < 8; i++) v = (v << 8) | u[i];
  return v;
}

// 'v' | branch | object: the start of an object's key range.
inline void AppendObjectPrefix(BranchId branch, ObjectId object, std::string* out) {
  out->push_back(kVersionPrefix);
  PutFixed32BE(branch, out);
  PutFixed32BE(object, out);
}

// The first key past every version of every key of (branch, object).
inline std::string ObjectEnd(BranchId branch, ObjectId object) {
  std::string out;
  if (object == UINT32_MAX) {
    out.push_back(kVersionPrefix);
    PutFixed32BE(branch + 1, &out);  // REQUIRES (checked by callers): branch < UINT32_MAX
    PutFixed32BE(0, &out);
  } else {
    AppendObjectPrefix(branch, object + 1, &out);
  }
  return out;
}

inline void AppendScnSuffix(Scn scn, std::string* out) {
  PutFixed64BE(~scn, out);
}

// The full versioned key of (branch, object, user_key) at commit SCN scn.
inline void AppendVersionKey(BranchId branch, ObjectId object, std::string_view user_key, Scn scn,
                             std::string* out) {
  AppendObjectPrefix(branch, object, out);
  out->append(user_key);
  AppendScnSuffix(scn, out);
}

// A versioned key taken apart; views point into the encoded key.
struct ParsedVersionKey {
  BranchId branch = 0;
  ObjectId object = 0;
  std::string_view user_key;
  Scn scn = 0;
};

// Returns false when `key` is not a versioned key.
inline bool ParseVersionKey(std::string_view key, ParsedVersionKey* out) {
  if (key.size() < kMinVersionKeySize || key[0] != kVersionPrefix) return false;
  out->branch = GetFixed32BE(key.data() + 1);
  out->object = GetFixed32BE(key.data() + 5);
  out->user_key = key.substr(kObjectPrefixSize, key.size() - kMinVersionKeySize);
  out->scn = ~GetFixed64BE(key.data() + key.size() - kScnSuffixSize);
  return true;
}

// The part of a versioned key that is the same for all versions of one user key; the RocksDB
// prefix extractor uses it so that bloom filters answer "does any version of this key exist".
inline std::string_view VersionKeyPrefix(std::string_view key) {
  return key.substr(0, key.size() - kScnSuffixSize);
}

inline std::string MetaKey(std::string_view name) {
  std::string k(1, kMetaPrefix);
  k.append(name);
  return k;
}

inline std::string CounterKey(std::string_view name) {
  return MetaKey("counter/" + std::string(name));
}

inline std::string SettingKey(std::string_view name) {
  return MetaKey("setting/" + std::string(name));
}

inline std::string TimeMapKey(Scn scn) {
  std::string k(1, kTimePrefix);
  PutFixed64BE(scn, &k);
  return k;
}

}  // namespace heliosdb
