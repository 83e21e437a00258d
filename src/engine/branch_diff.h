// What changed on a branch and on its parent since the fork: the three-way view that
// pg_compare_branches and MERGE DATABASE BRANCH share. A child branch's changes are exactly
// the keys in its own keyspace (every version there is newer than the fork); the parent's are
// the keys of its keyspace with a version newer than the fork SCN.
//
// REQUIRES (documented limitation): the child's fork SCN is at or after the parent's own fork
// (a branch forked from its parent's past before the parent existed compares against the
// parent's keyspace only).
// Thread safety: one BranchDiff belongs to one statement.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "engine/database_impl.h"
#include "txn/branch_registry.h"

namespace heliosdb {

class BranchDiff {
 public:
  // parent must be child's parent (0A000 otherwise).
  BranchDiff(Database::Impl& db, const BranchInfo& parent, const BranchInfo& child);
  ~BranchDiff();

  Transaction& base() { return *base_; }        // the parent as of the fork
  Transaction& child() { return *child_txn_; }  // the child now
  const Catalog& base_catalog() const { return *base_catalog_; }
  const Catalog& child_catalog() const { return *child_catalog_; }
  const BranchInfo& parent_info() const { return parent_; }
  const BranchInfo& child_info() const { return child_; }

  // Keys of object with a version in the branch's own keyspace committed after `after` and at
  // or before `upto`, in key order.
  std::vector<std::string> ChangedKeys(BranchId branch, ObjectId object, Scn after, Scn upto) const;
  // Keys the child changed (all of its own keys).
  std::vector<std::string> ChildKeys(ObjectId object) const;
  // True when the parent holds a version of key committed after the fork.
  bool ParentChanged(ObjectId object, const std::string& key) const;

 private:
  Database::Impl& db_;
  BranchInfo parent_, child_;
  std::unique_ptr<Transaction> base_, child_txn_;
  std::shared_ptr<const Catalog> base_catalog_, child_catalog_;
};

// A row as PostgreSQL prints a record: (1,abc,"a b",) with NULL as nothing.
std::string RowText(const TableInfo& table, const std::optional<std::string>& bytes);
// The key of a row for reports: "(id)=(1)" with a primary key, else the hidden row id.
std::string KeyText(const TableInfo& table, const std::string& key,
                    const std::optional<std::string>& row);

}  // namespace heliosdb
