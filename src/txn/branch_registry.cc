#include "txn/branch_registry.h"

#include <algorithm>
#include <iterator>

#include "common/exception.h"
#include "storage/kv_store.h"
#include "storage/version_key.h"

namespace heliosdb {

namespace {
constexpr std::string_view kRecordPrefix = "branch/";
constexpr size_t kFixedPart = 4 + 8 + 8 + 1;  // parent | fork SCN | created_at | status

std::string EncodeRecord(const BranchInfo& info) {
  std::string out;
  PutFixed32BE(info.parent, &out);
  PutFixed64BE(info.fork_scn, &out);
  PutFixed64BE(static_cast<uint64_t>(info.created_at), &out);
  out.push_back(info.merged ? 1 : 0);
  out.append(info.name);
  return out;
}

bool DecodeRecord(BranchId id, std::string_view v, BranchInfo* out) {
  if (v.size() < kFixedPart) return false;
  out->id = id;
  out->parent = GetFixed32BE(v.data());
  out->fork_scn = GetFixed64BE(v.data() + 4);
  out->created_at = static_cast<int64_t>(GetFixed64BE(v.data() + 12));
  out->merged = v[20] != 0;
  out->name.assign(v.substr(kFixedPart));
  return true;
}

Status UndefinedBranch(BranchId id) {
  return Status::Error(sqlstate::kInvalidCatalogName,
                       "database branch with id " + std::to_string(id) + " does not exist");
}
}  // namespace

std::string BranchRecordKey(BranchId id) {
  std::string k = MetaKey(kRecordPrefix);
  PutFixed32BE(id, &k);
  return k;
}

BranchRegistry::BranchRegistry(KvStore* kv) : kv_(kv) {
  BranchInfo main;
  main.name = "main";
  branches_.push_back(main);
  std::string prefix = MetaKey(kRecordPrefix);
  auto it = kv_->NewIterator(KvReadOptions());
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    std::string_view k = it->key();
    if (k.size() != prefix.size() + 4 || k.compare(0, prefix.size(), prefix) != 0) break;
    BranchInfo info;
    BranchId id = GetFixed32BE(k.data() + prefix.size());
    if (!DecodeRecord(id, it->value(), &info))
      ThrowError(sqlstate::kDataCorrupted, "branch record " + std::to_string(id) + " is corrupt");
    if (id == kMainBranch) {
      branches_[0] = info;  // main's status once it has one
    } else {
      branches_.push_back(info);
    }
    next_id_ = std::max(next_id_, id + 1);
  }
  // Ids of dropped branches are never reused: the high-water mark outlives their records.
  std::string next;
  if (kv_->Get(MetaKey("branch_next_id"), &next) && next.size() == 4)
    next_id_ = std::max(next_id_, GetFixed32BE(next.data()));
  for (const BranchInfo& b : branches_)
    if (b.id != kMainBranch) written_[b.id] = std::make_shared<const ObjectSet>(ScanWritten(b.id));
}

ObjectSet BranchRegistry::ScanWritten(BranchId branch) const {
  ObjectSet out;
  KvReadOptions ro;
  std::string end(1, kVersionPrefix);
  PutFixed32BE(branch + 1, &end);
  ro.upper_bound = end;
  auto it = kv_->NewIterator(ro);
  std::string seek(1, kVersionPrefix);
  PutFixed32BE(branch, &seek);
  // One seek per object: from each object's first key to the next object's prefix.
  for (it->Seek(seek); it->Valid() && it->key().size() >= kObjectPrefixSize;) {
    ObjectId object = GetFixed32BE(it->key().data() + 5);
    out.push_back(object);
    if (object == UINT32_MAX) break;
    it->Seek(ObjectEnd(branch, object));
  }
  return out;
}

bool BranchLayer::MayHold(ObjectId object) const {
  return written == nullptr || std::binary_search(written->begin(), written->end(), object);
}

void BranchRegistry::NoteWritten(BranchId branch, const ObjectSet& objects) {
  if (branch == kMainBranch) return;
  std::lock_guard lock(mu_);
  std::shared_ptr<const ObjectSet>& set = written_[branch];
  if (set != nullptr && std::includes(set->begin(), set->end(), objects.begin(), objects.end()))
    return;  // the common case: nothing new, nothing copied
  ObjectSet merged;
  if (set != nullptr) std::set_union(set->begin(), set->end(), objects.begin(), objects.end(),
                                     std::back_inserter(merged));
  else merged = objects;
  set = std::make_shared<const ObjectSet>(std::move(merged));
}

std::optional<BranchInfo> BranchRegistry::Find(const std::string& name) const {
  std::lock_guard lock(mu_);
  for (const BranchInfo& b : branches_)
    if (b.name == name) return b;
  return std::nullopt;
}

std::optional<BranchInfo> BranchRegistry::Get(BranchId id) const {
  std::lock_guard lock(mu_);
  for (const BranchInfo& b : branches_)
    if (b.id == id) return b;
  return std::nullopt;
}

std::vector<BranchInfo> BranchRegistry::List() const {
  std::lock_guard lock(mu_);
  return branches_;
}

bool BranchRegistry::HasChildren(BranchId id) const {
  std::lock_guard lock(mu_);
  return std::any_of(branches_.begin(), branches_.end(),
                     [&](const BranchInfo& b) { return b.parent == id; });
}

Status BranchRegistry::Persist(const BranchInfo& info, bool sync) {
  KvWriteBatch batch;
  batch.Put(BranchRecordKey(info.id), EncodeRecord(info));
  std::string next;
  PutFixed32BE(next_id_, &next);
  batch.Put(MetaKey("branch_next_id"), next);
  return kv_->Write(&batch, sync);
}

Result<BranchInfo> BranchRegistry::Create(const std::string& name, BranchId parent, Scn fork_scn,
                                          int64_t created_at, bool sync) {
  std::lock_guard lock(mu_);
  for (const BranchInfo& b : branches_)
    if (b.name == name)
      return Status::Error("42P04", "database branch \"" + name + "\" already exists");
  if (next_id_ == UINT32_MAX)
    return Status::Error(sqlstate::kProgramLimitExceeded, "too many database branches");
  BranchInfo info;
  info.id = next_id_++;
  info.name = name;
  info.parent = parent;
  info.fork_scn = fork_scn;
  info.created_at = created_at;
  Status s = Persist(info, sync);
  if (!s.ok()) return s;
  branches_.push_back(info);
  written_[info.id] = std::make_shared<const ObjectSet>();
  return info;
}

Status BranchRegistry::MarkMerged(BranchId id) {
  std::lock_guard lock(mu_);
  for (BranchInfo& b : branches_) {
    if (b.id != id) continue;
    b.merged = true;
    return Persist(b, true);
  }
  return UndefinedBranch(id);
}

Status BranchRegistry::Drop(BranchId id) {
  {
    std::lock_guard lock(mu_);
    auto it = std::find_if(branches_.begin(), branches_.end(),
                           [&](const BranchInfo& b) { return b.id == id; });
    if (it == branches_.end()) return UndefinedBranch(id);
    std::string key = BranchRecordKey(id);
    Status s = kv_->DeleteRange(key, key + '\0');
    if (!s.ok()) return s;
    branches_.erase(it);
    written_.erase(id);
  }
  // The record is gone first: a crash now leaves only unreachable versions behind.
  std::string begin(1, kVersionPrefix), end(1, kVersionPrefix);
  PutFixed32BE(id, &begin);
  PutFixed32BE(id + 1, &end);
  return kv_->DeleteRange(begin, end);
}

Result<std::vector<BranchLayer>> BranchRegistry::Layers(BranchId branch, Scn scn) const {
  std::vector<BranchLayer> out;
  if (branch == kMainBranch) {
    out.push_back({kMainBranch, scn, nullptr});
    return out;
  }
  std::lock_guard lock(mu_);
  Scn cap = scn;
  BranchId id = branch;
  while (id != 0) {
    auto it = std::find_if(branches_.begin(), branches_.end(),
                           [&](const BranchInfo& b) { return b.id == id; });
    if (it == branches_.end()) return UndefinedBranch(id);
    auto written = written_.find(id);
    out.push_back({id, cap, written == written_.end() ? nullptr : written->second});
    cap = std::min(cap, it->fork_scn);
    id = it->parent;
  }
  return out;
}

}  // namespace heliosdb
