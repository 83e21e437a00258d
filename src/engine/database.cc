#include "heliosdb/database.h"

#include "common/exception.h"
#include "engine/connection_impl.h"
#include "engine/database_impl.h"
#include "engine/time_travel_retention.h"
#include "storage/kv_store.h"
#include "txn/branch_registry.h"

namespace heliosdb {

std::shared_ptr<const Catalog> Database::Impl::CatalogFor(Transaction& txn) {
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = catalogs.find(txn.branch());
    if (catalog_changes_in_flight == 0 && it != catalogs.end() &&
        txn.snapshot_scn() >= it->second.scn)
      return it->second.catalog;
  }
  std::shared_ptr<const Catalog> loaded = Catalog::Load(txn);
  std::lock_guard<std::mutex> lock(mu);
  // A branch's first transaction leaves its catalog for the next ones (main's is loaded at
  // open); later changes replace it through EndCatalogChange.
  if (catalog_changes_in_flight == 0 && !catalogs.count(txn.branch()))
    catalogs[txn.branch()] = {loaded, txn.snapshot_scn()};
  return loaded;
}

std::shared_ptr<const Catalog> Database::Impl::MainCatalog() {
  std::lock_guard<std::mutex> lock(mu);
  return catalogs[kMainBranch].catalog;
}

void Database::Impl::ForgetBranch(BranchId branch) {
  std::lock_guard<std::mutex> lock(mu);
  catalogs.erase(branch);
}

void Database::Impl::BeginCatalogChange() {
  std::lock_guard<std::mutex> lock(mu);
  catalog_changes_in_flight++;
}

void Database::Impl::EndCatalogChange(BranchId branch) {
  std::shared_ptr<const Catalog> fresh;
  Scn scn = 0;
  try {
    TransactionOptions options;
    options.branch = branch;
    auto txn = storage->transactions().Begin(options);
    fresh = Catalog::Load(*txn);
    scn = txn->snapshot_scn();
    txn->Rollback();
  } catch (const DbException&) {
    // The branch was dropped meanwhile: nothing to cache.
  }
  std::lock_guard<std::mutex> lock(mu);
  auto it = catalogs.find(branch);
  if (fresh && (it == catalogs.end() || scn >= it->second.scn)) {
    catalogs[branch] = {std::move(fresh), scn};
  } else if (!fresh && it != catalogs.end()) {
    catalogs.erase(it);
  }
  catalog_changes_in_flight--;
}

Database::Impl::~Impl() {
  if (storage) storage->kv().SetVersionCollector(nullptr);
}

void Database::Impl::StartVersionCollection() {
  storage->kv().SetVersionCollector([this]() -> std::unique_ptr<VersionCollector> {
    std::shared_ptr<const Catalog> current = MainCatalog();
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
    if (!impl->storage->transactions().branches().Find(options.branch))
      return Status::Error(sqlstate::kInvalidCatalogName,
                           "database branch \"" + options.branch + "\" does not exist");
    auto txn = impl->storage->transactions().Begin();
    impl->catalogs[kMainBranch] = {Catalog::Load(*txn), txn->snapshot_scn()};
    txn->Rollback();
    impl->StartVersionCollection();
  } catch (const DbException& e) {
    return e.status();
  }
  return std::make_unique<Database>(std::move(impl));
}

Status Database::Backup(const std::string& dest) {
  return impl_->storage->Backup(dest);
}

std::unique_ptr<Connection> Database::Connect() {
  return std::make_unique<Connection>(std::make_unique<Connection::Impl>(impl_.get()));
}

}  // namespace heliosdb
