#include "heliosdb/database.h"

#include "common/exception.h"
#include "engine/connection_impl.h"
#include "engine/database_impl.h"
#include "engine/time_travel_retention.h"
#include "storage/kv_store.h"

namespace heliosdb {

std::shared_ptr<const Catalog> Database::Impl::CatalogFor(Transaction& txn) {
  {
    std::lock_guard<std::mutex> lock(mu);
    if (catalog_changes_in_flight == 0 && txn.snapshot_scn() >= catalog_scn) return catalog;
  }
  return Catalog::Load(txn);
}

void Database::Impl::BeginCatalogChange() {
  std::lock_guard<std::mutex> lock(mu);
  catalog_changes_in_flight++;
}

void Database::Impl::EndCatalogChange() {
  auto txn = storage->transactions().Begin();
  std::shared_ptr<const Catalog> fresh = Catalog::Load(*txn);
  std::lock_guard<std::mutex> lock(mu);
  if (txn->snapshot_scn() >= catalog_scn) {
    catalog = std::move(fresh);
    catalog_scn = txn->snapshot_scn();
  }
  catalog_changes_in_flight--;
  txn->Rollback();
}

Database::Impl::~Impl() {
  if (storage) storage->kv().SetVersionCollector(nullptr);
}

void Database::Impl::StartVersionCollection() {
  storage->kv().SetVersionCollector([this]() -> std::unique_ptr<VersionCollector> {
    std::shared_ptr<const Catalog> current;
    {
      std::lock_guard<std::mutex> lock(mu);
      current = catalog;
    }
    try {
      return std::make_unique<VersionCollector>(CurrentHorizons(*storage, *current));
    } catch (const DbException&) {
      return nullptr;  // a setting that no longer parses: keep every version
    }
  });
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                 const Options& options) {
  StorageOptions storage_options;
  storage_options.create_if_missing = options.create_if_missing;
  storage_options.read_only = options.read_only;
  auto storage = StorageEngine::Open(path, storage_options);
  if (!storage.ok()) return storage.status();
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  impl->storage = std::move(storage.value());
  try {
    auto txn = impl->storage->transactions().Begin();
    impl->catalog = Catalog::Load(*txn);
    impl->catalog_scn = txn->snapshot_scn();
    txn->Rollback();
    impl->StartVersionCollection();
  } catch (const DbException& e) {
    return e.status();
  }
  return std::make_unique<Database>(std::move(impl));
}

std::unique_ptr<Connection> Database::Connect() {
  return std::make_unique<Connection>(std::make_unique<Connection::Impl>(impl_.get()));
}

}  // namespace heliosdb
