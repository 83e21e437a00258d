// VersionCollector: which old row versions a compaction may drop (the RocksDB compaction
// filter in kv_store.cc asks it about every key of one compaction, in key order).
//
// The rule: a version may go when a newer version of the same key, with commit SCN <= the
// object's horizon, was seen earlier in the same compaction. Every reader the database still
// allows (an AS OF read at or after the retention horizon, an open snapshot, later a branch's
// fork point: the caller folds them all into the horizons) sees that newer version or a later
// one, never the dropped one. The newest version of a key is never dropped, nor is a version
// whose successor lives in another file (not seen here): collection is conservative.
// Thread safety: one collector belongs to one compaction (one thread).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "txn/transaction.h"

namespace heliosdb {

// The SCN at or below which history may be collapsed, per object (table or index).
struct RetentionHorizons {
  Scn default_horizon = 0;  // 0 keeps every version
  std::unordered_map<ObjectId, Scn> objects;

  // A parent branch's keyspace is read by its children as of their fork points: its history
  // is kept back to the oldest fork point that reads it (per branch id).
  std::unordered_map<BranchId, Scn> branches;

  Scn For(BranchId branch, ObjectId object) const {
    auto it = objects.find(object);
    Scn horizon = it == objects.end() ? default_horizon : it->second;
    auto b = branches.find(branch);
    return b == branches.end() ? horizon : std::min(horizon, b->second);
  }
};

class VersionCollector {
 public:
  explicit VersionCollector(RetentionHorizons horizons) : horizons_(std::move(horizons)) {}
  // REQUIRES: keys arrive in ascending order. True: the version at `key` may be dropped.
  bool Drop(std::string_view key);

 private:
  RetentionHorizons horizons_;
  std::string current_;   // 'v' | branch | object | user key of the last versioned key seen
  bool covered_ = false;  // a version of current_ with SCN <= its horizon was kept
};

}  // namespace heliosdb
