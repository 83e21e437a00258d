// VersionHistory: every stored version of one object (table or index) of one branch, key by
// key, newest first within a key: what VERSIONS BETWEEN and history accounting read. Versions
// committed after `upto` are skipped, so a reader is not disturbed by commits landing while
// it runs.
//
// BRANCHES: a branch's history before its fork point lives in its parent's keyspace. Given the
// branch's layers (BranchRegistry::Layers), the versions of a key are the branch's own
// followed by each ancestor's at or below its cap: every own version is newer than the fork,
// so the list stays newest first.
// Thread safety: none; one history belongs to one reader.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "storage/kv_store.h"
#include "txn/branch_registry.h"
#include "txn/transaction.h"

namespace heliosdb {

struct StoredVersion {
  Scn scn = 0;
  bool tombstone = false;
  std::string row;  // the encoded row of a put (row_codec.h); empty for a tombstone
};

class VersionHistory {
 public:
  VersionHistory(KvStore* kv, BranchId branch, ObjectId object, Scn upto);
  // REQUIRES: layers is not empty, own branch first.
  VersionHistory(KvStore* kv, const std::vector<BranchLayer>& layers, ObjectId object);
  // Loads the versions of the next user key; false when none is left.
  bool NextKey();
  const std::string& key() const { return key_; }
  const std::vector<StoredVersion>& versions() const { return versions_; }  // newest first

 private:
  struct Layer {
    std::unique_ptr<KvIterator> it;
    Scn cap = 0;
  };
  // The smallest user key any layer is positioned at; false when all are exhausted.
  bool SmallestKey(std::string* key);

  std::vector<Layer> layers_;
  std::string key_;
  std::vector<StoredVersion> versions_;
};

}  // namespace heliosdb
