#include "storage/columnar/cold_tier.h"

#include <unordered_map>

#include "common/exception.h"
#include "storage/kv_store.h"
#include "storage/version_key.h"

namespace heliosdb {

namespace {

constexpr size_t kPartKeySize = 1 + 4 + 4 + 8 + 2;

std::string GroupPrefix(BranchId branch, ObjectId table) {
  std::string k(1, kColdPrefix);
  PutFixed32BE(branch, &k);
  PutFixed32BE(table, &k);
  return k;
}

std::string PartKey(BranchId branch, ObjectId table, uint64_t id, uint16_t part) {
  std::string k = GroupPrefix(branch, table);
  PutFixed64BE(id, &k);
  k.push_back(static_cast<char>(part >> 8));
  k.push_back(static_cast<char>(part));
  return k;
}

// The parts of one row group as read from the store, in part order.
struct StoredGroup {
  BranchId branch = 0;
  ObjectId object = 0;
  uint64_t id = 0;
  std::vector<std::string> parts;
};

std::shared_ptr<const ColdGroup> MakeGroup(StoredGroup stored) {
  if (stored.parts.empty())
    ThrowError(sqlstate::kDataCorrupted, "row group is corrupted: no header");
  std::string header = std::move(stored.parts.front());
  stored.parts.erase(stored.parts.begin());
  return std::make_shared<const ColdGroup>(
      ColdGroup{stored.id, stored.branch, stored.object,
                RowGroup(std::move(header), std::move(stored.parts))});
}

void PutGroup(const ColdGroup& g, const EncodedRowGroup& bytes, KvWriteBatch& batch) {
  batch.Put(PartKey(g.branch, g.object, g.id, 0), bytes.header);
  for (size_t i = 0; i < bytes.segments.size(); i++)
    batch.Put(PartKey(g.branch, g.object, g.id, static_cast<uint16_t>(i + 1)), bytes.segments[i]);
}

// The newest begin SCN of each key in groups: a hot version older than it is one that a
// previous freeze left behind, and stays hot.
std::unordered_map<std::string, Scn> NewestColdBegins(
    const std::vector<std::shared_ptr<const ColdGroup>>& groups) {
  std::unordered_map<std::string, Scn> out;
  for (const auto& g : groups) {
    RowGroup::Decoded d = g->rows.Decode(0, g->rows.count(), /*with_rows=*/false);
    for (size_t i = 0; i < d.keys.size(); i++) {
      Scn& newest = out[std::move(d.keys[i])];
      newest = std::max(newest, d.begins[i]);
    }
  }
  return out;
}

}  // namespace

ColdTier::ColdTier(KvStore& kv) : kv_(kv) {
  KvReadOptions options;
  options.upper_bound = std::string(1, kColdPrefix + 1);
  auto it = kv_.NewIterator(options);
  StoredGroup current;
  for (it->Seek(std::string(1, kColdPrefix)); it->Valid(); it->Next()) {
    std::string_view key = it->key();
    if (key.size() != kPartKeySize)
      ThrowError(sqlstate::kDataCorrupted, "row group is corrupted: bad key");
    BranchId branch = GetFixed32BE(key.data() + 1);
    ObjectId object = GetFixed32BE(key.data() + 5);
    uint64_t id = GetFixed64BE(key.data() + 9);
    if (!current.parts.empty() && current.id != id) {
      Register(MakeGroup(std::move(current)));
      current = StoredGroup();
    }
    current.branch = branch;
    current.object = object;
    current.id = id;
    current.parts.emplace_back(it->value());
  }
  if (!current.parts.empty()) Register(MakeGroup(std::move(current)));
}

void ColdTier::Register(std::shared_ptr<const ColdGroup> group) {
  std::unique_lock lock(mu_);
  groups_[{group->branch, group->object}].push_back(std::move(group));
  any_.store(true, std::memory_order_release);
}

void ColdTier::Unregister(BranchId branch, ObjectId table, const std::vector<uint64_t>& ids) {
  std::unique_lock lock(mu_);
  auto it = groups_.find({branch, table});
  if (it == groups_.end()) return;
  std::erase_if(it->second, [&](const auto& g) {
    return std::find(ids.begin(), ids.end(), g->id) != ids.end();
  });
  if (it->second.empty()) groups_.erase(it);
  any_.store(!groups_.empty(), std::memory_order_release);
}

ColdTier::GroupList ColdTier::GroupsOf(BranchId branch, ObjectId table) const {
  std::shared_lock lock(mu_);
  auto it = groups_.find({branch, table});
  return it == groups_.end() ? GroupList() : it->second;
}

std::vector<VisibleGroup> ColdTier::Visible(const std::vector<BranchLayer>& layers,
                                            ObjectId object) const {
  std::vector<VisibleGroup> out;
  if (empty()) return out;
  std::shared_lock lock(mu_);
  for (const BranchLayer& layer : layers) {
    auto it = groups_.find({layer.branch, object});
    if (it == groups_.end()) continue;
    for (const auto& g : it->second)
      if (g->rows.min_begin() <= layer.cap) out.push_back({g, layer.cap});
  }
  return out;
}

void ColdTier::NoteZoneSkips(ObjectId table, uint64_t n) const {
  std::lock_guard lock(skips_mu_);
  zone_skips_[table] += n;
}

uint64_t ColdTier::ZoneSkips(ObjectId table) const {
  std::lock_guard lock(skips_mu_);
  auto it = zone_skips_.find(table);
  return it == zone_skips_.end() ? 0 : it->second;
}

bool ColdTier::FrozenAfter(ObjectId table, uint64_t epoch) const {
  std::shared_lock lock(mu_);
  auto it = frozen_at_.find(table);
  return it != frozen_at_.end() && it->second > epoch;
}

std::vector<std::shared_ptr<const ColdGroup>> ColdTier::All() const {
  std::shared_lock lock(mu_);
  std::vector<std::shared_ptr<const ColdGroup>> out;
  for (const auto& [key, list] : groups_) out.insert(out.end(), list.begin(), list.end());
  return out;
}

Result<SwapResult> ColdTier::Freeze(BranchId branch, ObjectId table,
                                    const std::vector<LogicalType>& types,
                                    const std::vector<const codec::Codec*>& forced, Scn horizon,
                                    const std::function<uint64_t()>& next_id) {
  std::lock_guard swap(swap_mu_);
  {
    std::unique_lock lock(mu_);
    frozen_at_[table] = epoch_.fetch_add(1, std::memory_order_acq_rel) + 1;
  }
  KvWriteBatch batch;
  std::vector<std::shared_ptr<const ColdGroup>> made;
  SwapResult result;
  auto writer = std::make_unique<RowGroupWriter>(types, forced);
  auto finish = [&] {
    if (writer->count() == 0) return;
    EncodedRowGroup bytes = writer->Finish();
    writer = std::make_unique<RowGroupWriter>(types, forced);
    auto g = std::make_shared<const ColdGroup>(
        ColdGroup{next_id(), branch, table, RowGroup(bytes.header, bytes.segments)});
    PutGroup(*g, bytes, batch);
    made.push_back(std::move(g));
  };
  try {
    std::unordered_map<std::string, Scn> cold = NewestColdBegins(GroupsOf(branch, table));
    std::string prefix;
    AppendObjectPrefix(branch, table, &prefix);
    KvReadOptions options;
    options.upper_bound = ObjectEnd(branch, table);
    options.fill_cache = false;
    auto it = kv_.NewIterator(options);
    std::string last_key;
    bool first = true;
    for (it->Seek(prefix); it->Valid(); it->Next()) {
      ParsedVersionKey parsed;
      if (!ParseVersionKey(it->key(), &parsed)) continue;
      if (!first && parsed.user_key == last_key) continue;  // an older version: stays hot
      first = false;
      last_key.assign(parsed.user_key);
      std::string_view value = it->value();
      if (value.empty() || value[0] != static_cast<char>(VersionTag::kPut)) continue;
      if (parsed.scn > horizon) continue;
      if (auto c = cold.find(last_key); c != cold.end() && c->second >= parsed.scn) continue;
      writer->Add(parsed.user_key, parsed.scn, value.substr(1));
      batch.Delete(it->key());
      result.rows++;
      if (writer->count() == kRowGroupRows) finish();
    }
    finish();
  } catch (const DbException& e) {
    return e.status();
  }
  if (made.empty()) return result;
  // Registered before the batch lands: a reader meanwhile finds a row in both tiers, and the
  // merge takes the cold copy of the same version; registered after, it could find neither.
  std::vector<uint64_t> ids;
  for (auto& g : made) {
    ids.push_back(g->id);
    Register(g);
  }
  Status s = kv_.Write(&batch, /*sync=*/true);
  if (!s.ok()) {
    Unregister(branch, table, ids);
    return s;
  }
  result.row_groups = made.size();
  return result;
}

Result<SwapResult> ColdTier::Thaw(BranchId branch, ObjectId table) {
  std::lock_guard swap(swap_mu_);
  GroupList groups = GroupsOf(branch, table);
  KvWriteBatch batch;
  SwapResult result;
  std::vector<uint64_t> ids;
  try {
    for (const auto& g : groups) {
      RowGroup::Decoded d = g->rows.DecodeAll();
      std::string key;
      const char tag = static_cast<char>(VersionTag::kPut);
      for (size_t i = 0; i < d.keys.size(); i++) {
        key.clear();
        AppendVersionKey(branch, table, d.keys[i], d.begins[i], &key);
        batch.PutParts({key}, {std::string_view(&tag, 1), d.rows[i]});
      }
      for (size_t part = 0; part <= g->rows.Segments().size(); part++)
        batch.Delete(PartKey(branch, table, g->id, static_cast<uint16_t>(part)));
      ids.push_back(g->id);
      result.rows += d.keys.size();
      result.row_groups++;
    }
  } catch (const DbException& e) {
    return e.status();
  }
  if (ids.empty()) return result;
  Status s = kv_.Write(&batch, /*sync=*/true);
  if (!s.ok()) return s;
  Unregister(branch, table, ids);
  return result;
}

}  // namespace heliosdb
