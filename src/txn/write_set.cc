#include "txn/write_set.h"

#include <algorithm>
#include <cstring>

#include "common/exception.h"

namespace heliosdb {

namespace {
// Blocks start small (most transactions write a few rows) and double up to a cap.
constexpr size_t kFirstBlockSize = 4 * 1024;
constexpr size_t kMaxBlockSize = 1024 * 1024;
}

WriteSet::WriteSet() = default;
WriteSet::~WriteSet() = default;

std::string_view WriteSet::Copy(std::string_view bytes) {
  if (bytes.empty()) return {};
  if (blocks_.empty() || used_ + bytes.size() > block_sizes_.back()) {
    size_t next = block_sizes_.empty() ? kFirstBlockSize
                                       : std::min(block_sizes_.back() * 2, kMaxBlockSize);
    size_t size = std::max(next, bytes.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    block_sizes_.push_back(size);
    used_ = 0;
  }
  char* dst = blocks_.back().get() + used_;
  std::memcpy(dst, bytes.data(), bytes.size());
  used_ += bytes.size();
  return {dst, bytes.size()};
}

void WriteSet::Append(ObjectId object, std::string_view key, std::string_view value, bool tombstone,
                      Scn base) {
  if (entries_.size() >= WriteEntry::kNone - 1) {
    ThrowError(sqlstate::kProgramLimitExceeded, "too many writes in one transaction");
  }
  auto index = static_cast<uint32_t>(entries_.size());
  WriteEntry e;
  e.object = object;
  e.tombstone = tombstone;
  e.base = base;
  // One descent of the tree serves both the lookup and the insertion; keys written in
  // ascending order (bulk loads) find their place at the end without one.
  const WriteKey probe{object, key};
  auto it = !index_.empty() && index_.rbegin()->first < probe ? index_.end()
                                                                : index_.lower_bound(probe);
  if (it == index_.end() || probe < it->first) {
    e.key = Copy(key);
    e.value = Copy(value);
    index_.emplace_hint(it, WriteKey{object, e.key}, index);
  } else {
    e.key = it->first.key;  // the key bytes are already in the arena
    e.value = Copy(value);
    e.prev = it->second;
    e.base = entries_[e.prev].base;
    it->second = index;
  }
  entries_.push_back(e);
}

void WriteSet::Put(ObjectId object, std::string_view key, std::string_view value, Scn base) {
  Append(object, key, value, false, base);
}

void WriteSet::Delete(ObjectId object, std::string_view key, Scn base) {
  Append(object, key, {}, true, base);
}

size_t WriteSet::arena_bytes() const {
  size_t bytes = used_;
  for (size_t i = 0; i + 1 < block_sizes_.size(); i++) bytes += block_sizes_[i];
  return bytes;
}

const WriteEntry* WriteSet::Find(ObjectId object, std::string_view key) const {
  const WriteKey probe{object, key};
  if (index_.empty() || index_.rbegin()->first < probe) return nullptr;  // past every key
  auto it = index_.find(probe);
  return it == index_.end() ? nullptr : &entries_[it->second];
}

void WriteSet::Savepoint(const std::string& name) {
  savepoints_.push_back(Mark{name, position(), blocks_.size(), used_});
}

int WriteSet::FindMark(const std::string& name) const {
  for (int i = static_cast<int>(savepoints_.size()) - 1; i >= 0; i--) {
    if (savepoints_[i].name == name) return i;
  }
  return -1;
}

namespace {
Status NoSuchSavepoint(const std::string& name) {
  return Status::Error(sqlstate::kInvalidSavepointSpecification,
                       "savepoint \"" + name + "\" does not exist");
}
}  // namespace

void WriteSet::RollbackTo(const Mark& mark) {
  // Undo newest first, so each key ends at the entry it had at the mark.
  for (uint32_t i = position(); i-- > mark.entries;) {
    const WriteEntry& e = entries_[i];
    auto it = index_.find(WriteKey{e.object, e.key});
    HELIOS_ASSERT(it != index_.end() && it->second == i);
    if (e.prev == WriteEntry::kNone) {
      index_.erase(it);
    } else {
      it->second = e.prev;
    }
  }
  entries_.resize(mark.entries);
  // Release the arena bytes written after the mark (nothing before it refers to them).
  blocks_.resize(mark.arena_blocks);
  block_sizes_.resize(mark.arena_blocks);
  used_ = mark.arena_used;
}

Status WriteSet::RollbackToSavepoint(const std::string& name) {
  int i = FindMark(name);
  if (i < 0) return NoSuchSavepoint(name);
  Mark mark = savepoints_[i];
  savepoints_.resize(i + 1);  // later savepoints are gone; this one stays
  RollbackTo(mark);
  return Status::OK();
}

Status WriteSet::ReleaseSavepoint(const std::string& name) {
  int i = FindMark(name);
  if (i < 0) return NoSuchSavepoint(name);
  savepoints_.resize(i);
  return Status::OK();
}

void WriteSet::Clear() {
  entries_.clear();
  entries_.shrink_to_fit();
  index_.clear();
  savepoints_.clear();
  blocks_.clear();
  block_sizes_.clear();
  used_ = 0;
}

}  // namespace heliosdb
