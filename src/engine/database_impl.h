// Database::Impl: one open database shared by its connections: the storage engine and the
// newest committed catalog of each branch (DDL is branchable: each branch has its own). A
// transaction uses its branch's shared catalog when no DDL has committed since it was loaded
// at or before the transaction's snapshot; otherwise it loads its own.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>

#include "catalog/catalog.h"
#include "engine/table_size_cache.h"
#include "heliosdb/database.h"
#include "storage/storage_engine.h"

namespace heliosdb {

struct Database::Impl {
  ~Impl();  // stops handing the compaction filter policies that read this database
  std::string path;
  Options options;
  std::unique_ptr<StorageEngine> storage;

  // The catalog as of catalog_scn, for transactions whose snapshot is at or after it.
  std::shared_ptr<const Catalog> CatalogFor(Transaction& txn);
  // Called around the commit of a transaction that changed the catalog of `branch`.
  void BeginCatalogChange();
  void EndCatalogChange(BranchId branch);  // reloads its catalog from the newest snapshot
  // Forgets the catalog of a dropped branch.
  void ForgetBranch(BranchId branch);
  // Makes compactions collect old versions past each table's retention horizon.
  void StartVersionCollection();

  std::mutex mu;
  struct BranchCatalog {
    std::shared_ptr<const Catalog> catalog;
    Scn scn = 0;  // loaded as of this SCN
  };
  std::map<BranchId, BranchCatalog> catalogs;  // guarded by mu; main's always present
  std::shared_ptr<const Catalog> MainCatalog();
  int catalog_changes_in_flight = 0;
  std::atomic<int32_t> next_backend_id{1};
  TableSizeCache table_sizes;  // the planner's table row estimates
};

}  // namespace heliosdb
