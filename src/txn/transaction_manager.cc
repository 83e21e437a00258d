#include "txn/transaction_manager.h"

#include <algorithm>

#include "common/exception.h"
#include "txn/branch_registry.h"
#include "txn/commit_pipeline.h"
#include "txn/mvcc_transaction.h"

namespace heliosdb {

TransactionManager::TransactionManager(KvStore* kv) : impl_(std::make_unique<Impl>(kv)) {}

TransactionManager::~TransactionManager() = default;

namespace {
// The keyspaces below the branch's own that the snapshot falls through to.
void AddParents(const BranchRegistry& branches, Snapshot* snapshot) {
  if (snapshot->branch == kMainBranch) return;
  auto layers = branches.Layers(snapshot->branch, snapshot->scn);
  if (!layers.ok()) throw DbException(layers.status());
  snapshot->written = layers.value().front().written;
  snapshot->parents.assign(layers.value().begin() + 1, layers.value().end());
}
}  // namespace

std::unique_ptr<Transaction> TransactionManager::Begin(const TransactionOptions& options) {
  Snapshot snapshot{options.branch, impl_->OpenSnapshot(0), {}, nullptr};
  try {
    AddParents(impl_->branches(), &snapshot);
  } catch (...) {
    impl_->CloseSnapshot(snapshot.scn);
    throw;
  }
  return Decorate(std::make_unique<MvccTransaction>(impl_.get(), snapshot, options));
}

std::unique_ptr<Transaction> TransactionManager::BeginAt(Scn scn,
                                                         const TransactionOptions& options) {
  // A snapshot past the last published SCN could see part of a commit still landing.
  Snapshot snapshot{options.branch, impl_->OpenSnapshot(std::min(scn, impl_->last_committed())),
                    {}, nullptr};
  try {
    AddParents(impl_->branches(), &snapshot);
  } catch (...) {
    impl_->CloseSnapshot(snapshot.scn);
    throw;
  }
  TransactionOptions read_only = options;
  read_only.read_only = true;
  return Decorate(std::make_unique<MvccTransaction>(impl_.get(), snapshot, read_only));
}

Scn TransactionManager::last_committed_scn() const {
  return impl_->last_committed();
}

BranchRegistry& TransactionManager::branches() {
  return impl_->branches();
}

Scn TransactionManager::oldest_snapshot_scn() const {
  return impl_->OldestSnapshot();
}

}  // namespace heliosdb
