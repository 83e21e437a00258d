// KvStore: the thin wrapper around the RocksDB instance. It is the only code that includes
// RocksDB headers, tunes RocksDB, and converts rocksdb::Status into our Status (or a
// DbException where the caller has no Status to return: iterators).
//
// Errors map to SQLSTATEs: corruption -> XX001, I/O -> 58030, no space -> 53100, the database
// lock held elsewhere -> 55006, anything else -> XX000.
// Thread safety: KvStore is thread-safe. A KvIterator / KvWriteBatch belongs to one thread.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "heliosdb/status.h"

namespace rocksdb {
class DB;
class Iterator;
class WriteBatch;
class Slice;
}  // namespace rocksdb

namespace heliosdb {

class VersionCollector;

struct KvReadOptions {
  // Only keys with the seek target's versioned-key prefix (one user key, any version) are
  // wanted: lets the prefix bloom filters skip files. Otherwise a total-order iterator.
  bool prefix_same_as_start = false;
  // Exclusive upper bound of the iteration ("" = none); lets RocksDB stop early.
  std::string upper_bound;
  bool fill_cache = true;
};

// An iterator over raw keys. key()/value() are valid until the next move.
// Moves throw DbException on I/O errors or corruption (never end silently).
class KvIterator {
 public:
  ~KvIterator();
  KvIterator(const KvIterator&) = delete;
  KvIterator& operator=(const KvIterator&) = delete;

  bool Valid() const { return valid_; }
  void Seek(std::string_view target);
  // Positions at the last key <= target.
  void SeekForPrev(std::string_view target);
  void Next();
  // Makes the iterator read the store's latest state (cheap when no flush happened since it
  // was created or last refreshed). False if the iterator cannot be refreshed.
  bool Refresh();
  std::string_view key() const { return key_; }
  std::string_view value() const { return value_; }

 private:
  friend class KvStore;
  KvIterator() = default;
  void Update();

  rocksdb::Iterator* it_ = nullptr;
  std::unique_ptr<rocksdb::Slice> bound_;
  std::string bound_bytes_;
  bool valid_ = false;
  std::string_view key_;
  std::string_view value_;
};

// Writes applied atomically by KvStore::Write.
class KvWriteBatch {
 public:
  KvWriteBatch();
  ~KvWriteBatch();
  void Put(std::string_view key, std::string_view value);
  // Removes a raw key (the cold tier's swap removes the hot versions it froze).
  void Delete(std::string_view key);
  // Put whose key and value are concatenations of parts (no temporary strings).
  void PutParts(std::initializer_list<std::string_view> key_parts,
                std::initializer_list<std::string_view> value_parts);
  size_t count() const;
  size_t byte_size() const;

 private:
  friend class KvStore;
  std::unique_ptr<rocksdb::WriteBatch> batch_;
};

class KvStore;

// Writes too large to go through the log and the memtable one key at a time (bulk loads):
// sorted runs of keys, each written to a table file, all ingested by KvStore::Ingest in one
// atomic step. Within a run keys must be added in ascending byte order.
class KvIngestBatch {
 public:
  ~KvIngestBatch();  // removes files not ingested
  void BeginRun();
  void PutParts(std::initializer_list<std::string_view> key_parts,
                std::initializer_list<std::string_view> value_parts);

 private:
  friend class KvStore;
  explicit KvIngestBatch(KvStore* store);
  void FinishRun();
  KvStore* store_;
  struct Run;
  std::unique_ptr<Run> run_;
  std::vector<std::string> files_;
  std::string key_, value_;
};

class KvStore {
 public:
  struct Options {
    bool read_only = false;
    bool create_if_missing = true;
    size_t block_cache_bytes = size_t{128} << 20;
  };

  // Opens (or creates) the RocksDB directory `dir`.
  static Status Open(const std::string& dir, const Options& options, std::unique_ptr<KvStore>* out);
  ~KvStore();

  // Point read of a raw key (metadata). Returns false when absent.
  // Throws DbException on I/O errors or corruption.
  bool Get(std::string_view key, std::string* value);
  std::unique_ptr<KvIterator> NewIterator(const KvReadOptions& options);
  // sync: fsync the write-ahead log before returning. Concurrent writers are grouped by
  // RocksDB into one log write and one fsync.
  Status Write(KvWriteBatch* batch, bool sync);
  Status Put(std::string_view key, std::string_view value, bool sync);
  // A batch for Ingest. Throws DbException on I/O errors.
  std::unique_ptr<KvIngestBatch> NewIngestBatch();
  // Adds the batch's files to the store at once (durably; no log, no memtable). Newer than
  // every earlier write. The batch is spent afterwards.
  Status Ingest(KvIngestBatch* batch);
  // A cheap size estimate of the keys in [start, end): bytes in table files, plus the
  // number of entries still in memtables. Never reads data.
  struct RangeSize {
    uint64_t file_bytes = 0;
    uint64_t memtable_entries = 0;
    uint64_t memtable_bytes = 0;
  };
  RangeSize ApproximateSize(std::string_view start, std::string_view end);
  // Removes every key in [start, end) (a dropped branch's keyspace) with one range tombstone.
  Status DeleteRange(std::string_view start, std::string_view end);
  // An online, consistent copy of the store in directory `dest` (which must not exist): a
  // RocksDB checkpoint, hard links to the table files where the file system allows.
  Status Checkpoint(const std::string& dest);
  bool read_only() const { return read_only_; }
  const std::string& dir() const { return dir_; }

  // Old row versions are dropped by compactions as `make_collector` decides: it is called
  // (on a RocksDB background thread) at the start of each compaction for a collector with the
  // policy of that moment. Unset (the default), every version is kept. Setting it again, or
  // to null, waits for no running compaction: collectors own their policy.
  using CollectorFactory = std::function<std::unique_ptr<VersionCollector>()>;
  void SetVersionCollector(CollectorFactory make_collector);
  // Flushes the memtables and compacts every level (maintenance and tests): old versions are
  // collected now instead of when RocksDB compacts on its own.
  Status CompactAll();

 private:
  friend class KvIngestBatch;
  KvStore() = default;
  rocksdb::DB* db_ = nullptr;
  bool read_only_ = false;
  std::string dir_;
  struct Shared;  // options objects that must outlive db_
  std::unique_ptr<Shared> shared_;
};

}  // namespace heliosdb
