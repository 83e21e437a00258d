// Visibility: which version of a key a snapshot sees, over the versioned keyspace
// (storage/version_key.h), and the merge of those versions with a transaction's own writes.
//
// The rule: a snapshot (branch, SCN) sees, for each user key, the newest version whose commit
// SCN <= the snapshot SCN; a tombstone there means the key is absent. Versions newer than the
// snapshot (commits landing while a scan runs) are skipped, so a scan is consistent without a
// RocksDB snapshot.
//
// BRANCHES: this file is the one place that decides visibility. A snapshot on a branch reads
// a chain of keyspaces (txn/branch_registry.h): its own up to the snapshot SCN, then its
// parent's up to the fork SCN, and so on. A keyspace whose branch never wrote the object is
// skipped without a seek (BranchRegistry's written objects). The first keyspace holding a version of a key at or
// below its cap decides, a tombstone included (a row inherited from the parent and deleted on
// the branch stays deleted). ReadVisible retries down the chain; StoreCursor merges one
// LayerCursor per keyspace, the branch's own winning on equal keys. On main (one keyspace)
// both take the single-layer path of before.
//
// Thread safety: none; one cursor belongs to one transaction.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/kv_store.h"
#include "txn/branch_registry.h"
#include "txn/transaction.h"
#include "txn/write_set.h"

namespace heliosdb {

struct Snapshot {
  BranchId branch = kMainBranch;
  Scn scn = 0;
  // The ancestors a read falls through to, nearest first, each with its cap
  // (BranchRegistry::Layers without the first entry); empty on main.
  std::vector<BranchLayer> parents;
  // The objects the branch's own keyspace may hold (BranchLayer::written); null on main.
  std::shared_ptr<const ObjectSet> written;
};

// Point read of the version of (object, key) that `snapshot` sees, through `it` (a prefix-mode
// iterator created after the snapshot was taken). Returns false when the key is absent or
// deleted; else sets *row to a view valid until `it` moves. *seek_buf is scratch space.
bool ReadVisible(KvIterator* it, const Snapshot& snapshot, ObjectId object, std::string_view key,
                 std::string* seek_buf, std::string_view* row);

// The version of each key of one object in [lower, upper) that one keyspace (a branch, up to
// an SCN cap) holds: tombstones too when keep_tombstones, else only rows.
class LayerCursor {
 public:
  // REQUIRES: it is a total-order iterator created after the snapshot was taken.
  LayerCursor(std::unique_ptr<KvIterator> it, BranchLayer layer, ObjectId object,
              std::string_view lower, std::string_view upper, bool keep_tombstones);
  LayerCursor(LayerCursor&&) = default;
  bool Valid() const { return valid_; }
  void Next();
  std::string_view key() const { return key_; }
  std::string_view value() const { return value_; }
  bool tombstone() const { return tombstone_; }

 private:
  void Settle();
  // Moves past every version of the user key at the iterator's position.
  void SkipCurrentKey(std::string_view user_key);
  // Moves to the newest version of user_key with SCN <= cap (or past the key).
  void SeekVisibleVersion(std::string_view user_key);

  std::unique_ptr<KvIterator> it_;
  Scn cap_;
  bool keep_tombstones_;
  std::string prefix_;  // 'v' | branch | object
  std::string lower_, upper_;
  std::string buf_;  // reused seek key
  bool valid_ = false;
  bool tombstone_ = false;
  std::string_view key_, value_;
};

// The visible, non-deleted (key, row) pairs of one object in [lower, upper) from the store,
// through every keyspace of the snapshot's branch chain.
class StoreCursor {
 public:
  // REQUIRES: kv outlives the cursor; the snapshot was taken before this call.
  StoreCursor(KvStore* kv, const Snapshot& snapshot, ObjectId object, std::string_view lower,
              std::string_view upper);
  bool Valid() const { return valid_; }
  void Next();
  std::string_view key() const { return key_; }
  std::string_view value() const { return value_; }

 private:
  void Settle();  // picks the smallest key; the nearest layer wins; tombstones hide it

  std::vector<LayerCursor> layers_;  // own branch first
  bool valid_ = false;
  std::string current_;  // the key shown (layers move independently)
  std::string_view key_, value_;
};

// StoreCursor merged with the transaction's own writes made before the iterator was opened
// (own writes win; own tombstones hide store rows).
// REQUIRES: the write set is not rolled back (to a savepoint, or finished) while this is open.
class MergedRowIterator : public RowIterator {
 public:
  MergedRowIterator(KvStore* kv, const Snapshot& snapshot, const WriteSet* writes, ObjectId object, std::string_view lower,
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
