// WriteSet: a transaction's buffered writes and savepoints, in memory until commit.
//
// Writes are appended to a log of entries (bytes in an arena); an ordered index maps each
// (object, key) to its newest entry, and every entry links to the entry it superseded. This
// gives, cheaply:
//   - savepoints: a savepoint is a log position; rolling back undoes the log tail, restoring
//     each key's previous entry;
//   - statement-stable scans: an iterator reads the write set "as of" a log position (its
//     horizon), so rows a statement writes while scanning are not seen by that scan (the
//     Halloween problem; PostgreSQL's command ids play this role);
//   - the commit check's base: every entry carries the SCN of the snapshot its key was first
//     read under in this transaction (a READ COMMITTED transaction reads each statement at a
//     newer snapshot), inherited along the key's chain, so the newest entry holds it.
// About 100 bytes of overhead per written key plus the key and value bytes.
//
// Thread safety: none (owned by one transaction).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "heliosdb/status.h"
#include "txn/transaction.h"

namespace heliosdb {

struct WriteEntry {
  static constexpr uint32_t kNone = UINT32_MAX;
  std::string_view key;    // into the arena
  std::string_view value;  // row bytes; empty for a tombstone
  ObjectId object = 0;
  uint32_t prev = kNone;  // the entry this one superseded (same key), or kNone
  bool tombstone = false;
  // The snapshot SCN of the key's first write in this transaction: a version newer than it
  // is a write-write conflict at commit.
  Scn base = 0;
};

struct WriteKey {
  ObjectId object;
  std::string_view key;
  bool operator<(const WriteKey& o) const {
    return object != o.object ? object < o.object : key < o.key;
  }
};

class WriteSet {
 public:
  using Index = std::map<WriteKey, uint32_t>;  // (object, key) -> newest entry

  WriteSet();
  ~WriteSet();

  // base: the snapshot SCN the write was made under (kept only for the key's first write).
  void Put(ObjectId object, std::string_view key, std::string_view value, Scn base);
  void Delete(ObjectId object, std::string_view key, Scn base);

  bool empty() const { return index_.empty(); }
  size_t key_count() const { return index_.size(); }
  // Bytes held in the arena (keys and values written, superseded ones included).
  size_t arena_bytes() const;
  // The log position: writes made so far. Iterators use it as their horizon.
  uint32_t position() const { return static_cast<uint32_t>(entries_.size()); }

  // The newest entry for the key, or nullptr.
  const WriteEntry* Find(ObjectId object, std::string_view key) const;
  // The index of the newest entry of a chain that was written before `horizon`, or kNone.
  // (An index, not a pointer: entries_ may reallocate while a scan is open.)
  uint32_t VisibleAt(uint32_t newest, uint32_t horizon) const {
    while (newest != WriteEntry::kNone && newest >= horizon) newest = entries_[newest].prev;
    return newest;
  }
  const WriteEntry& entry(uint32_t i) const { return entries_[i]; }
  const Index& index() const { return index_; }

  // Savepoints (PostgreSQL semantics; names may repeat, the newest one wins).
  void Savepoint(const std::string& name);
  Status RollbackToSavepoint(const std::string& name);  // keeps the savepoint
  Status ReleaseSavepoint(const std::string& name);     // drops it and every later one

  void Clear();

 private:
  struct Mark {
    std::string name;
    uint32_t entries;
    size_t arena_blocks;
    size_t arena_used;
  };
  std::string_view Copy(std::string_view bytes);
  void Append(ObjectId object, std::string_view key, std::string_view value, bool tombstone,
              Scn base);
  void RollbackTo(const Mark& mark);
  int FindMark(const std::string& name) const;

  std::vector<WriteEntry> entries_;
  Index index_;
  std::vector<Mark> savepoints_;
  // Arena: blocks never move, so the views above stay valid until rollback or Clear.
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<size_t> block_sizes_;
  size_t used_ = 0;  // bytes used in blocks_.back()
};

}  // namespace heliosdb
