#include "txn/transaction_manager.h"

#include <algorithm>

#include "txn/commit_pipeline.h"
#include "txn/mvcc_transaction.h"

namespace heliosdb {

TransactionManager::TransactionManager(KvStore* kv) : impl_(std::make_unique<Impl>(kv)) {}

TransactionManager::~TransactionManager() = default;

std::unique_ptr<Transaction> TransactionManager::Begin(const TransactionOptions& options) {
  Snapshot snapshot{options.branch, impl_->OpenSnapshot(0)};
  return std::make_unique<MvccTransaction>(impl_.get(), snapshot, options);
}

std::unique_ptr<Transaction> TransactionManager::BeginAt(Scn scn,
                                                         const TransactionOptions& options) {
  // A snapshot past the last published SCN could see part of a commit still landing.
  Snapshot snapshot{options.branch, impl_->OpenSnapshot(std::min(scn, impl_->last_committed()))};
  TransactionOptions read_only = options;
  read_only.read_only = true;
  return std::make_unique<MvccTransaction>(impl_.get(), snapshot, read_only);
}

Scn TransactionManager::last_committed_scn() const {
  return impl_->last_committed();
}

Scn TransactionManager::oldest_snapshot_scn() const {
  return impl_->OldestSnapshot();
}

}  // namespace heliosdb
