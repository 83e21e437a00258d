// VersionHistory: every stored version of one object (table or index) of one branch, key by
// key, newest first within a key: what VERSIONS BETWEEN and history accounting read. Versions
// committed after `upto` are skipped, so a reader is not disturbed by commits landing while
// it runs.
//
// BRANCHES: a branch's history before its fork point lives in its parent's keyspace; reading
// it means a second VersionHistory over (parent, fork SCN) merged below this one, as
// visible_iterator.h describes for snapshots.
// Thread safety: none; one history belongs to one reader.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "storage/kv_store.h"
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
  // Loads the versions of the next user key; false when none is left.
  bool NextKey();
  const std::string& key() const { return key_; }
  const std::vector<StoredVersion>& versions() const { return versions_; }  // newest first

 private:
  std::unique_ptr<KvIterator> it_;
  std::string prefix_;
  Scn upto_;
  std::string key_;
  std::vector<StoredVersion> versions_;
};

}  // namespace heliosdb
