// Visibility: which version of a key a snapshot sees, over the versioned keyspace
// (storage/version_key.h), and the merge of those versions with a transaction's own writes.
//
// The rule: a snapshot (branch, SCN) sees, for each user key, the newest version whose commit
// SCN <= the snapshot SCN; a tombstone there means the key is absent. Versions newer than the
// snapshot (commits landing while a scan runs) are skipped, so a scan is consistent without a
// RocksDB snapshot.
//
// BRANCHES: this file is the one place that decides visibility. Read-through to a parent
// branch (a key with no version in the branch's own keyspace is read from the parent as of
// the fork SCN) is to be added here: StoreCursor would merge a second cursor over
// (parent branch, min(snapshot, fork SCN)) below the branch's own, and ReadVisible would retry
// on the parent when the branch has no version at all.
//
// Thread safety: none; one cursor belongs to one transaction.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "storage/kv_store.h"
#include "txn/transaction.h"
#include "txn/write_set.h"

namespace heliosdb {

struct Snapshot {
  BranchId branch = kMainBranch;
  Scn scn = 0;
};

// Point read of the version of (object, key) that `snapshot` sees, through `it` (a prefix-mode
// iterator created after the snapshot was taken). Returns false when the key is absent or
// deleted; else sets *row to a view valid until `it` moves. *seek_buf is scratch space.
bool ReadVisible(KvIterator* it, const Snapshot& snapshot, ObjectId object, std::string_view key,
                 std::string* seek_buf, std::string_view* row);

// The visible, non-deleted (key, row) pairs of one object in [lower, upper) from the store.
class StoreCursor {
 public:
  // REQUIRES: it is a total-order iterator created after the snapshot was taken.
  StoreCursor(std::unique_ptr<KvIterator> it, const Snapshot& snapshot, ObjectId object,
              std::string_view lower, std::string_view upper);
  bool Valid() const { return valid_; }
  void Next();
  std::string_view key() const { return key_; }
  std::string_view value() const { return value_; }

 private:
  void Settle();
  // Moves past every version of the user key at the iterator's position.
  void SkipCurrentKey(std::string_view user_key);
  // Moves to the newest version of user_key with SCN <= snapshot (or past the key).
  void SeekVisibleVersion(std::string_view user_key);

  std::unique_ptr<KvIterator> it_;
  Snapshot snapshot_;
  std::string prefix_;  // 'v' | branch | object
  std::string lower_, upper_;
  std::string buf_;  // reused seek key
  bool valid_ = false;
  std::string_view key_, value_;
};

// StoreCursor merged with the transaction's own writes made before the iterator was opened
// (own writes win; own tombstones hide store rows).
// REQUIRES: the write set is not rolled back (to a savepoint, or finished) while this is open.
class MergedRowIterator : public RowIterator {
 public:
  MergedRowIterator(std::unique_ptr<KvIterator> it, const Snapshot& snapshot,
                    const WriteSet* writes, ObjectId object, std::string_view lower,
                    std::string_view upper);
  bool Valid() const override { return current_ != Source::kNone; }
  void Next() override;
  std::string_view key() const override;
  std::string_view value() const override;

 private:
  enum class Source { kNone, kStore, kWrites };
  void SettleWrites();  // skips write-set keys written after the horizon
  void Settle();
  bool WritesInRange() const;

  StoreCursor store_;
  const WriteSet* writes_;
  ObjectId object_;
  std::string upper_;
  uint32_t horizon_;
  WriteSet::Index::const_iterator w_;
  // The visible entry at w_, or kNone when exhausted. Kept as an index: the write set's
  // entry vector may grow (and move) while the scan is open.
  uint32_t w_entry_ = WriteEntry::kNone;
  const WriteEntry& w_entry() const { return writes_->entry(w_entry_); }
  Source current_ = Source::kNone;
};

}  // namespace heliosdb
