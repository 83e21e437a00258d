#include "storage/kv_store.h"

#include <rocksdb/cache.h>
#include <rocksdb/compaction_filter.h>
#include <rocksdb/convenience.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/checkpoint.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>

#include "common/exception.h"
#include "storage/version_collector.h"
#include "storage/version_key.h"

namespace heliosdb {

namespace {

rocksdb::Slice ToSlice(std::string_view s) {
  return rocksdb::Slice(s.data(), s.size());
}

// The one place a rocksdb::Status becomes ours.
Status FromRocks(const rocksdb::Status& s, std::string_view context) {
  if (s.ok()) return Status::OK();
  std::string msg = std::string(context) + ": " + s.ToString();
  if (s.IsCorruption()) return Status::Error(sqlstate::kDataCorrupted, "data corrupted: " + msg);
  if (s.IsNoSpace())
    return Status::Error(sqlstate::kDiskFull, "could not write: disk full: " + msg);
  if (s.IsIOError() || s.IsPathNotFound()) {
    return Status::Error(sqlstate::kIoError, "could not access database files: " + msg);
  }
  return Status::Error(sqlstate::kInternalError, "storage error: " + msg);
}

void ThrowIfError(const rocksdb::Status& s, std::string_view context) {
  if (!s.ok()) throw DbException(FromRocks(s, context));
}

// Prefix extractor for versioned keys: everything but the 8-byte SCN suffix, i.e. one user key
// of one object of one branch. Bloom filters built on it make "is there any version of this
// key" (the conflict check and point reads of absent keys) cheap. Metadata and time-map keys
// are outside the domain and always read in total order.
class VersionKeyPrefixTransform : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "heliosdb.VersionKeyPrefix.1"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    return rocksdb::Slice(key.data(), key.size() - kScnSuffixSize);
  }
  bool InDomain(const rocksdb::Slice& key) const override {
    return key.size() >= kMinVersionKeySize && key[0] == kVersionPrefix;
  }
};

// Table files of a bulk write that a crash stopped before KvStore::Ingest took them: never
// part of the store, so removed at open (see KvIngestBatch).
void RemoveUningestedFiles(const std::string& dir) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("ingest-", 0) == 0) std::filesystem::remove(entry.path(), error);
  }
}

bool Supported(rocksdb::CompressionType type) {
  auto all = rocksdb::GetSupportedCompressions();
  return std::find(all.begin(), all.end(), type) != all.end();
}

// The compaction filter: a VersionCollector per compaction (keys arrive in order within one).
class VersionFilter : public rocksdb::CompactionFilter {
 public:
  explicit VersionFilter(std::unique_ptr<VersionCollector> c) : collector_(std::move(c)) {}
  const char* Name() const override { return "heliosdb.VersionFilter.1"; }
  bool Filter(int, const rocksdb::Slice& key, const rocksdb::Slice&, std::string*,
              bool*) const override {
    return collector_->Drop(std::string_view(key.data(), key.size()));
  }

 private:
  std::unique_ptr<VersionCollector> collector_;  // Filter() is const; the collector has state
};

class VersionFilterFactory : public rocksdb::CompactionFilterFactory {
 public:
  const char* Name() const override { return "heliosdb.VersionFilterFactory.1"; }
  std::unique_ptr<rocksdb::CompactionFilter> CreateCompactionFilter(
      const rocksdb::CompactionFilter::Context&) override {
    std::lock_guard lock(mu_);
    if (!make_) return nullptr;
    std::unique_ptr<VersionCollector> collector = make_();
    if (!collector) return nullptr;
    return std::make_unique<VersionFilter>(std::move(collector));
  }
  void Set(KvStore::CollectorFactory make) {
    std::lock_guard lock(mu_);
    make_ = std::move(make);
  }

 private:
  std::mutex mu_;
  KvStore::CollectorFactory make_;
};

}  // namespace

struct KvStore::Shared {
  std::shared_ptr<rocksdb::Cache> block_cache;
  std::shared_ptr<VersionFilterFactory> filters = std::make_shared<VersionFilterFactory>();
};

// ---- KvIterator ----

KvIterator::~KvIterator() {
  delete it_;
}

void KvIterator::Update() {
  valid_ = it_->Valid();
  if (valid_) {
    rocksdb::Slice k = it_->key(), v = it_->value();
    key_ = std::string_view(k.data(), k.size());
    value_ = std::string_view(v.data(), v.size());
  } else {
    ThrowIfError(it_->status(), "iterator");
  }
}

void KvIterator::Seek(std::string_view target) {
  it_->Seek(ToSlice(target));
  Update();
}

void KvIterator::SeekForPrev(std::string_view target) {
  it_->SeekForPrev(ToSlice(target));
  Update();
}

void KvIterator::Next() {
  it_->Next();
  Update();
}

// ---- KvWriteBatch ----

KvWriteBatch::KvWriteBatch() : batch_(std::make_unique<rocksdb::WriteBatch>()) {}
KvWriteBatch::~KvWriteBatch() = default;

void KvWriteBatch::Put(std::string_view key, std::string_view value) {
  ThrowIfError(batch_->Put(ToSlice(key), ToSlice(value)), "write batch");
}

void KvWriteBatch::Delete(std::string_view key) {
  ThrowIfError(batch_->Delete(ToSlice(key)), "write batch");
}

void KvWriteBatch::PutParts(std::initializer_list<std::string_view> key_parts,
                            std::initializer_list<std::string_view> value_parts) {
  constexpr size_t kMaxParts = 4;
  HELIOS_ASSERT(key_parts.size() <= kMaxParts && value_parts.size() <= kMaxParts);
  rocksdb::Slice keys[kMaxParts], values[kMaxParts];
  int nk = 0, nv = 0;
  for (std::string_view p : key_parts) keys[nk++] = ToSlice(p);
  for (std::string_view p : value_parts) values[nv++] = ToSlice(p);
  ThrowIfError(batch_->Put(rocksdb::SliceParts(keys, nk), rocksdb::SliceParts(values, nv)),
               "write batch");
}

size_t KvWriteBatch::count() const {
  return batch_->Count();
}
size_t KvWriteBatch::byte_size() const {
  return batch_->GetDataSize();
}

// ---- KvStore ----

Status KvStore::Open(const std::string& dir, const Options& options,
                     std::unique_ptr<KvStore>* out) {
  auto store = std::unique_ptr<KvStore>(new KvStore());
  store->dir_ = dir;
  store->read_only_ = options.read_only;
  store->shared_ = std::make_unique<Shared>();

  rocksdb::Options opts;
  opts.create_if_missing = options.create_if_missing && !options.read_only;
  // A small machine shared with the application: two background threads for flush and
  // compaction, 64 MB memtables, dynamic level sizes so space amplification stays low.
  opts.max_background_jobs = 2;
  opts.write_buffer_size = size_t{64} << 20;
  opts.max_write_buffer_number = 3;
  opts.level_compaction_dynamic_level_bytes = true;
  opts.bytes_per_sync = size_t{1} << 20;
  opts.keep_log_file_num = 4;
  opts.max_log_file_size = size_t{8} << 20;
  // After kill -9 the log may end in a torn record: recover every complete batch before it
  // and drop the tail, never refuse to open.
  opts.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
  // Concurrent committers share one log write and fsync (RocksDB's write-group leader).
  opts.enable_pipelined_write = false;
  opts.allow_concurrent_memtable_write = true;

  // Hot levels uncompressed or LZ4 (cheap to decompress on the OLTP path); ZSTD at the
  // bottom where most bytes live and reads are scans.
  rocksdb::CompressionType fast = Supported(rocksdb::kLZ4Compression) ? rocksdb::kLZ4Compression
                                  : Supported(rocksdb::kSnappyCompression)
                                      ? rocksdb::kSnappyCompression
                                      : rocksdb::kNoCompression;
  opts.compression = fast;
  opts.bottommost_compression = Supported(rocksdb::kZSTD) ? rocksdb::kZSTD : fast;

  opts.prefix_extractor = std::make_shared<VersionKeyPrefixTransform>();
  opts.compaction_filter_factory = store->shared_->filters;
  opts.memtable_prefix_bloom_size_ratio = 0.05;
  opts.memtable_whole_key_filtering = false;

  rocksdb::BlockBasedTableOptions table;
  store->shared_->block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  table.block_cache = store->shared_->block_cache;
  table.block_size = 16 * 1024;  // larger blocks suit the scan path and compress better
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  // Versioned keys are only ever sought by prefix, never by whole key.
  table.whole_key_filtering = false;
  table.cache_index_and_filter_blocks = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  table.format_version = 5;
  opts.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));

  rocksdb::Status s = options.read_only ? rocksdb::DB::OpenForReadOnly(opts, dir, &store->db_)
                                        : rocksdb::DB::Open(opts, dir, &store->db_);
  if (!s.ok()) {
    std::string text = s.ToString();
    if (s.IsIOError() &&
        (text.find("lock") != std::string::npos || text.find("LOCK") != std::string::npos)) {
      return Status::Error("55006", "database \"" + dir + "\" is locked by another process")
          .WithDetail(text);
    }
    return FromRocks(s, "could not open database \"" + dir + "\"");
  }
  // Only now: the store's lock is ours, so no other process is writing such files.
  if (!options.read_only) RemoveUningestedFiles(dir);
  *out = std::move(store);
  return Status::OK();
}

KvStore::~KvStore() {
  if (shared_) shared_->filters->Set(nullptr);
  if (db_ != nullptr) {
    // Flushed at a clean close, the next open need not replay the log into a memtable (after
    // a large write that replay cost the next open a large part of the write's own time).
    // A small memtable replays faster than a flush would write a small file.
    constexpr uint64_t kFlushAtCloseBytes = 4 << 20;
    uint64_t memtable_bytes = 0;
    if (!read_only_ &&
        db_->GetIntProperty("rocksdb.cur-size-all-mem-tables", &memtable_bytes) &&
        memtable_bytes >= kFlushAtCloseBytes)
      db_->Flush(rocksdb::FlushOptions()).PermitUncheckedError();
    db_->Close().PermitUncheckedError();
    delete db_;
  }
}

bool KvStore::Get(std::string_view key, std::string* value) {
  rocksdb::PinnableSlice pinned;
  rocksdb::Status s =
      db_->Get(rocksdb::ReadOptions(), db_->DefaultColumnFamily(), ToSlice(key), &pinned);
  if (s.IsNotFound()) return false;
  ThrowIfError(s, "read");
  value->assign(pinned.data(), pinned.size());
  return true;
}

bool KvIterator::Refresh() {
  rocksdb::Status s = it_->Refresh();
  valid_ = false;
  return s.ok();
}

std::unique_ptr<KvIterator> KvStore::NewIterator(const KvReadOptions& options) {
  auto it = std::unique_ptr<KvIterator>(new KvIterator());
  rocksdb::ReadOptions ro;
  ro.fill_cache = options.fill_cache;
  if (options.prefix_same_as_start) {
    ro.prefix_same_as_start = true;
  } else {
    ro.total_order_seek = true;
  }
  if (!options.upper_bound.empty()) {
    it->bound_bytes_ = options.upper_bound;
    it->bound_ = std::make_unique<rocksdb::Slice>(it->bound_bytes_);
    ro.iterate_upper_bound = it->bound_.get();
  }
  it->it_ = db_->NewIterator(ro);
  return it;
}

Status KvStore::Write(KvWriteBatch* batch, bool sync) {
  if (read_only_) {
    return Status::Error(sqlstate::kReadOnlySqlTransaction, "database is opened read-only");
  }
  rocksdb::WriteOptions wo;
  wo.sync = sync;
  return FromRocks(db_->Write(wo, batch->batch_.get()), "commit");
}

Status KvStore::Put(std::string_view key, std::string_view value, bool sync) {
  KvWriteBatch batch;
  batch.Put(key, value);
  return Write(&batch, sync);
}

KvStore::RangeSize KvStore::ApproximateSize(std::string_view start, std::string_view end) {
  rocksdb::Range range(ToSlice(start), ToSlice(end));
  RangeSize out;
  rocksdb::SizeApproximationOptions options;
  options.include_memtables = false;
  options.include_files = true;
  ThrowIfError(db_->GetApproximateSizes(options, db_->DefaultColumnFamily(), &range, 1,
                                        &out.file_bytes),
               "estimate sizes");
  db_->GetApproximateMemTableStats(db_->DefaultColumnFamily(), range, &out.memtable_entries,
                                   &out.memtable_bytes);
  return out;
}

Status KvStore::DeleteRange(std::string_view start, std::string_view end) {
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(db_->DeleteRange(wo, db_->DefaultColumnFamily(), ToSlice(start), ToSlice(end)),
                   "delete range");
}

Status KvStore::Checkpoint(const std::string& dest) {
  rocksdb::Checkpoint* raw = nullptr;
  Status s = FromRocks(rocksdb::Checkpoint::Create(db_, &raw), "checkpoint");
  if (!s.ok()) return s;
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  // log_size_for_flush 0: flush the memtables first, so the copy needs no log replay.
  return FromRocks(checkpoint->CreateCheckpoint(dest, 0), "checkpoint");
}

}  // namespace heliosdb

namespace heliosdb {

void KvStore::SetVersionCollector(CollectorFactory make_collector) {
  shared_->filters->Set(std::move(make_collector));
}

Status KvStore::CompactAll() {
  if (read_only_) return Status::OK();
  rocksdb::CompactRangeOptions options;
  options.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  return FromRocks(db_->CompactRange(options, nullptr, nullptr), "compact");
}

}  // namespace heliosdb

namespace heliosdb {

struct KvIngestBatch::Run {
  explicit Run(const rocksdb::Options& options) : writer(rocksdb::EnvOptions(), options) {}
  rocksdb::SstFileWriter writer;
  bool empty = true;
};

KvIngestBatch::KvIngestBatch(KvStore* store) : store_(store) {}

KvIngestBatch::~KvIngestBatch() {
  run_.reset();
  std::error_code ignored;
  for (const std::string& f : files_) std::filesystem::remove(f, ignored);
}

void KvIngestBatch::BeginRun() {
  FinishRun();
  static std::atomic<uint64_t> next_file{0};
  files_.push_back(store_->dir() + "/ingest-" + std::to_string(next_file.fetch_add(1)) + ".sst");
  run_ = std::make_unique<Run>(store_->db_->GetOptions());
  ThrowIfError(run_->writer.Open(files_.back()), "bulk write");
}

void KvIngestBatch::PutParts(std::initializer_list<std::string_view> key_parts,
                             std::initializer_list<std::string_view> value_parts) {
  key_.clear();
  value_.clear();
  for (std::string_view p : key_parts) key_.append(p);
  for (std::string_view p : value_parts) value_.append(p);
  ThrowIfError(run_->writer.Put(ToSlice(key_), ToSlice(value_)), "bulk write");
  run_->empty = false;
}

void KvIngestBatch::FinishRun() {
  if (!run_) return;
  if (run_->empty) {
    // A table file needs a key: an empty run is no file.
    run_->writer.Finish().PermitUncheckedError();
    std::error_code ignored;
    std::filesystem::remove(files_.back(), ignored);
    files_.pop_back();
  } else {
    ThrowIfError(run_->writer.Finish(), "bulk write");
  }
  run_.reset();
}

std::unique_ptr<KvIngestBatch> KvStore::NewIngestBatch() {
  return std::unique_ptr<KvIngestBatch>(new KvIngestBatch(this));
}

Status KvStore::Ingest(KvIngestBatch* batch) {
  if (read_only_) {
    return Status::Error(sqlstate::kReadOnlySqlTransaction, "database is opened read-only");
  }
  try {
    batch->FinishRun();
  } catch (const DbException& e) {
    return e.status();
  }
  if (batch->files_.empty()) return Status::OK();
  rocksdb::IngestExternalFileOptions options;
  options.move_files = true;  // the files are ours: link them in instead of copying
  Status s = FromRocks(db_->IngestExternalFile(batch->files_, options), "commit");
  if (s.ok()) batch->files_.clear();
  return s;
}

}  // namespace heliosdb
