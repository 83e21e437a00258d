// StorageEngine: the open database directory. Owns the RocksDB instance (hot row tier,
// write-ahead log, catalog), the format-version record, durable counters and the
// TransactionManager. One per open database; shared by all connections.
//
// Thread safety: all methods are thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "heliosdb/status.h"
#include "txn/transaction_manager.h"

namespace heliosdb {

struct StorageOptions {
  bool create_if_missing = true;
  bool read_only = false;
};

class KvStore;
class ColdTier;

class StorageEngine {
 public:
  // Opens the database directory at path. Errors (nothing is changed on disk then):
  //   58030 could not open ...            the path cannot be read or created
  //   XX001 "... is not a HeliosDB database"  the path exists but is not one of ours
  //   XX001 "... format version N, this build reads M"  another format version
  //   3D000 database "..." does not exist   missing and !create_if_missing
  // A database opens after a crash: a torn log tail is discarded, never refusing to open.
  static Result<std::unique_ptr<StorageEngine>> Open(const std::string& path,
                                                     const StorageOptions& options);
  ~StorageEngine();

  TransactionManager& transactions() { return *txn_manager_; }
  const std::string& path() const { return path_; }
  bool read_only() const { return read_only_; }

  // A durable, monotonic counter (row ids, object ids, sequences). Returns the counter's new
  // value after adding delta (> 0). Values are reserved ahead in blocks, so after a crash a
  // counter may skip values but never repeats one (as PostgreSQL's sequences).
  int64_t IncrementCounter(std::string_view name, int64_t delta = 1);
  // Sets a counter so that the next IncrementCounter(name, d) returns value + d.
  void SetCounter(std::string_view name, int64_t value);
  // The counter's current value (0 for a counter never incremented or set).
  int64_t ReadCounter(std::string_view name);

  // Database-wide settings persisted in the store (ALTER DATABASE ... SET): text values.
  std::optional<std::string> GetSetting(std::string_view name);
  Status PutSetting(std::string_view name, std::string_view value);

  // A RocksDB checkpoint of the store in dest (which must not exist) plus the directory's
  // marker file: dest opens as a database. Online: commits may land meanwhile.
  Status Backup(const std::string& dest);

  KvStore& kv() { return *kv_; }
  // The cold columnar tier: its row groups are read through every transaction Begin hands out.
  ColdTier& cold() { return *cold_; }

 private:
  StorageEngine() = default;
  std::string path_;
  bool read_only_ = false;
  std::unique_ptr<KvStore> kv_;
  std::unique_ptr<TransactionManager> txn_manager_;
  std::unique_ptr<ColdTier> cold_;
  struct Counters;
  std::unique_ptr<Counters> counters_;
};

}  // namespace heliosdb
