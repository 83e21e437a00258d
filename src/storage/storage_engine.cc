#include "storage/storage_engine.h"

#include <filesystem>

#include <mutex>
#include <unordered_map>

#include "common/exception.h"
#include "storage/db_directory.h"
#include "storage/columnar/tiered_transaction.h"
#include "storage/kv_store.h"
#include "storage/version_key.h"

namespace heliosdb {

namespace {

// Counter values are reserved this far ahead with one synced write, then handed out from
// memory; a crash skips at most this many values.
constexpr int64_t kCounterBlock = 1000;

std::string EncodeI64(int64_t v) {
  std::string out;
  PutFixed64BE(static_cast<uint64_t>(v), &out);
  return out;
}

}  // namespace

struct StorageEngine::Counters {
  struct State {
    int64_t value = 0;     // the last value handed out
    int64_t reserved = 0;  // the durable high-water mark: value <= reserved
  };
  std::mutex mu;
  std::unordered_map<std::string, State> states;  // guarded by mu

  // REQUIRES: mu held.
  State& Load(KvStore* kv, std::string_view name) {
    auto it = states.find(std::string(name));
    if (it != states.end()) return it->second;
    State s;
    std::string v;
    if (kv->Get(CounterKey(name), &v)) {
      if (v.size() != 8) ThrowError(sqlstate::kDataCorrupted, "data corrupted: counter record");
      // Resume after the reservation: values below it may have been handed out before a crash.
      s.value = s.reserved = static_cast<int64_t>(GetFixed64BE(v.data()));
    }
    return states.emplace(std::string(name), s).first->second;
  }

  static void Persist(KvStore* kv, std::string_view name, int64_t reserved) {
    Status st = kv->Put(CounterKey(name), EncodeI64(reserved), /*sync=*/true);
    if (!st.ok()) throw DbException(st);
  }
};

Result<std::unique_ptr<StorageEngine>> StorageEngine::Open(const std::string& path,
                                                           const StorageOptions& options) {
  DbDirectoryState dir_state;
  Status s = PrepareDbDirectory(path, options.create_if_missing, options.read_only, &dir_state);
  if (!s.ok()) return s;

  auto engine = std::unique_ptr<StorageEngine>(new StorageEngine());
  engine->path_ = path;
  engine->read_only_ = options.read_only;
  KvStore::Options kv_options;
  kv_options.read_only = options.read_only;
  // The marker exists, so the directory is ours; RocksDB may still be missing its files when a
  // previous creation was interrupted right after writing the marker.
  kv_options.create_if_missing = true;
  s = KvStore::Open(path, kv_options, &engine->kv_);
  if (!s.ok()) return s;

  try {
    std::string v;
    if (engine->kv_->Get(MetaKey("format_version"), &v)) {
      uint32_t version = v.size() == 4 ? GetFixed32BE(v.data()) : UINT32_MAX;
      if (version != kFormatVersion) {
        return Status::Error(sqlstate::kDataCorrupted,
                             "database \"" + path + "\" has format version " +
                                 std::to_string(version) + ", this build reads " +
                                 std::to_string(kFormatVersion));
      }
    } else if (!options.read_only) {
      std::string bytes;
      PutFixed32BE(kFormatVersion, &bytes);
      s = engine->kv_->Put(MetaKey("format_version"), bytes, /*sync=*/true);
      if (!s.ok()) return s;
    }
    engine->txn_manager_ = std::make_unique<TransactionManager>(engine->kv_.get());
    engine->cold_ = std::make_unique<ColdTier>(*engine->kv_);
    ColdTier* cold = engine->cold_.get();
    BranchRegistry* branches = &engine->txn_manager_->branches();
    engine->txn_manager_->SetDecorator([cold, branches](std::unique_ptr<Transaction> txn) {
      return std::make_unique<TieredTransaction>(std::move(txn), *cold, *branches);
    });
  } catch (const DbException& e) {
    return e.status();
  }
  engine->counters_ = std::make_unique<Counters>();
  return engine;
}

StorageEngine::~StorageEngine() {
  // A clean shutdown records each counter's exact value, so reopening skips nothing.
  if (counters_ && kv_ && !read_only_) {
    std::lock_guard lock(counters_->mu);
    for (const auto& [name, state] : counters_->states) {
      if (state.value == state.reserved) continue;
      kv_->Put(CounterKey(name), EncodeI64(state.value), /*sync=*/true);  // best effort
    }
  }
  txn_manager_.reset();
  cold_.reset();
  kv_.reset();
}

int64_t StorageEngine::IncrementCounter(std::string_view name, int64_t delta) {
  HELIOS_ASSERT(delta > 0);
  if (read_only_) ThrowError(sqlstate::kReadOnlySqlTransaction, "database is opened read-only");
  std::lock_guard lock(counters_->mu);
  Counters::State& s = counters_->Load(kv_.get(), name);
  int64_t next;
  if (__builtin_add_overflow(s.value, delta, &next)) {
    ThrowError(sqlstate::kNumericValueOutOfRange,
               "counter \"" + std::string(name) + "\" reached its maximum value");
  }
  if (next > s.reserved) {
    int64_t reserve;
    if (__builtin_add_overflow(next, kCounterBlock, &reserve)) reserve = INT64_MAX;
    Counters::Persist(kv_.get(), name, reserve);
    s.reserved = reserve;
  }
  s.value = next;
  return next;
}

int64_t StorageEngine::ReadCounter(std::string_view name) {
  std::lock_guard lock(counters_->mu);
  return counters_->Load(kv_.get(), name).value;
}

void StorageEngine::SetCounter(std::string_view name, int64_t value) {
  if (read_only_) ThrowError(sqlstate::kReadOnlySqlTransaction, "database is opened read-only");
  std::lock_guard lock(counters_->mu);
  Counters::State& s = counters_->Load(kv_.get(), name);
  Counters::Persist(kv_.get(), name, value);
  s.value = value;
  s.reserved = value;
}

std::optional<std::string> StorageEngine::GetSetting(std::string_view name) {
  std::string value;
  if (!kv_->Get(SettingKey(name), &value)) return std::nullopt;
  return value;
}

Status StorageEngine::PutSetting(std::string_view name, std::string_view value) {
  return kv_->Put(SettingKey(name), value, true);
}

Status StorageEngine::Backup(const std::string& dest) {
  std::error_code ec;
  if (std::filesystem::exists(dest, ec))
    return Status::Error(sqlstate::kIoError,
                         "could not write backup: \"" + dest + "\" already exists");
  Status s = kv_->Checkpoint(dest);
  if (!s.ok()) return s;
  return WriteDbMarker(dest);
}

}  // namespace heliosdb
