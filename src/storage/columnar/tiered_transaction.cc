#include "storage/columnar/tiered_transaction.h"

#include <algorithm>
#include <map>

#include "common/exception.h"
#include "storage/columnar/tiered_row_iterator.h"
#include "storage/version_key.h"

namespace heliosdb {

namespace {

// The begin SCN an end marker names (cold_tier.h); nullopt without a marker.
std::optional<Scn> ParseMarker(const std::optional<std::string>& value) {
  if (!value) return std::nullopt;
  if (value->size() != 8) ThrowError(sqlstate::kDataCorrupted, "cold tier end marker is corrupted");
  return GetFixed64BE(value->data());
}

// True when no row of the group can satisfy every zone predicate.
bool ZonesExclude(const RowGroup& rows, const std::vector<ZonePredicate>& zones) {
  for (const ZonePredicate& z : zones) {
    // A slot added after the group was written is NULL in all its rows; be conservative.
    if (z.slot < 0 || static_cast<size_t>(z.slot) >= rows.zone_maps().size()) continue;
    const ZoneMap& zone = rows.zone_maps()[z.slot];
    if (!zone.has_values) return true;  // every value NULL: no comparison holds
    if (zone.min.type().physical() != z.constant.type().physical()) continue;
    int vs_min = z.constant.Compare(zone.min), vs_max = z.constant.Compare(zone.max);
    if (z.op == "=" && (vs_min < 0 || vs_max > 0)) return true;
    if (z.op == "<" && vs_min <= 0) return true;
    if (z.op == "<=" && vs_min < 0) return true;
    if (z.op == ">" && vs_max >= 0) return true;
    if (z.op == ">=" && vs_max > 0) return true;
  }
  return false;
}

bool IsTableObject(ObjectId object) {
  return (object & kEndMarkerBit) == 0;
}

}  // namespace

TieredTransaction::TieredTransaction(std::unique_ptr<Transaction> hot, const ColdTier& cold,
                                     const BranchRegistry& branches)
    : hot_(std::move(hot)), cold_(cold), branches_(branches), start_epoch_(cold.epoch()) {}

std::vector<VisibleGroup> TieredTransaction::Groups(ObjectId object) {
  if (cold_.empty() || !IsTableObject(object)) return {};
  std::vector<BranchLayer> layers;
  {
    std::lock_guard lock(layers_mu_);
    if (!layers_) {
      auto computed = branches_.Layers(hot_->branch(), hot_->snapshot_scn());
      if (!computed.ok()) throw DbException(computed.status());
      layers_ = std::move(computed.value());
    }
    layers = *layers_;
  }
  return cold_.Visible(layers, object);
}

// READ COMMITTED's next statement: a new snapshot may see other row groups.
void TieredTransaction::RefreshSnapshot() {
  hot_->RefreshSnapshot();
  std::lock_guard lock(layers_mu_);
  layers_.reset();
}

std::optional<TieredTransaction::ColdRow> TieredTransaction::FindCold(ObjectId object,
                                                                      std::string_view key) {
  std::optional<Scn> ended;
  bool marker_read = false;
  for (const VisibleGroup& vg : Groups(object)) {
    std::optional<idx_t> row = vg.group->rows.Find(key);
    if (!row) continue;
    Scn begin = vg.group->rows.BeginAt(*row);
    if (begin > vg.cap) continue;
    if (!marker_read) {
      ended = ParseMarker(hot_->Get(ColdEndMarkerObject(object), key));
      marker_read = true;
    }
    if (ended && *ended >= begin) continue;
    return ColdRow{vg.group.get(), *row, begin};
  }
  return std::nullopt;
}

std::optional<std::string> TieredTransaction::Get(ObjectId object, std::string_view key) {
  if (std::optional<ColdRow> cold = FindCold(object, key))
    return cold->group->rows.FetchRow(cold->row);
  return hot_->Get(object, key);
}

void TieredTransaction::EndColdRow(ObjectId object, std::string_view key) {
  if (IsTableObject(object)) {
    if (written_.empty() || written_.back() != object) written_.push_back(object);
  }
  std::optional<ColdRow> cold = FindCold(object, key);
  if (!cold) return;
  std::string marker;
  PutFixed64BE(cold->begin, &marker);
  hot_->Put(ColdEndMarkerObject(object), key, marker);
}

void TieredTransaction::Put(ObjectId object, std::string_view key, std::string_view value) {
  EndColdRow(object, key);
  hot_->Put(object, key, value);
}

void TieredTransaction::Delete(ObjectId object, std::string_view key) {
  EndColdRow(object, key);
  hot_->Delete(object, key);
}

std::unique_ptr<RowIterator> TieredTransaction::Scan(ObjectId object, std::string_view lower,
                                                     std::string_view upper) {
  return ScanZoned(object, lower, upper, {});
}

std::unique_ptr<RowIterator> TieredTransaction::ScanZoned(ObjectId object, std::string_view lower,
                                                          std::string_view upper,
                                                          const std::vector<ZonePredicate>& zones) {
  std::vector<VisibleGroup> groups = Groups(object);
  // Zone maps on the key: row groups wholly outside [lower, upper) are never read.
  std::erase_if(groups, [&](const VisibleGroup& vg) {
    return vg.group->rows.max_key() < lower ||
           (!upper.empty() && vg.group->rows.min_key() >= upper);
  });
  if (groups.empty()) return hot_->Scan(object, lower, upper);
  std::vector<VisibleGroup> skipped;
  for (auto it = groups.begin(); it != groups.end();) {
    if (ZonesExclude(it->group->rows, zones)) {
      skipped.push_back(std::move(*it));
      it = groups.erase(it);
    } else {
      ++it;
    }
  }
  if (!skipped.empty()) cold_.NoteZoneSkips(object, skipped.size());
  return std::make_unique<TieredRowIterator>(hot_->Scan(object, lower, upper), std::move(groups),
                                             std::move(skipped), EndMarkers(object, lower, upper),
                                             lower, upper);
}

std::map<std::string, Scn, std::less<>> TieredTransaction::EndMarkers(ObjectId table,
                                                                      std::string_view lower,
                                                                      std::string_view upper) {
  std::map<std::string, Scn, std::less<>> ended;
  for (auto it = hot_->Scan(ColdEndMarkerObject(table), lower, upper); it->Valid(); it->Next())
    ended.emplace(std::string(it->key()), *ParseMarker(std::string(it->value())));
  return ended;
}

std::vector<TieredTransaction::GroupRows> TieredTransaction::ColdGroups(ObjectId table) {
  std::vector<GroupRows> out;
  std::vector<VisibleGroup> groups = Groups(table);
  if (groups.empty()) return out;
  std::map<std::string, Scn, std::less<>> ended = EndMarkers(table, "", "");
  for (const VisibleGroup& vg : groups) {
    RowGroup::Decoded d = vg.group->rows.Decode(0, vg.group->rows.count(), /*with_rows=*/false);
    uint64_t visible = 0;
    for (size_t i = 0; i < d.keys.size(); i++) {
      if (d.begins[i] > vg.cap) continue;
      auto it = ended.find(d.keys[i]);
      if (it == ended.end() || it->second < d.begins[i]) visible++;
    }
    out.push_back({vg.group, visible});
  }
  return out;
}

bool TieredTransaction::KeyBounds(ObjectId object, std::string_view lower, std::string_view upper,
                                  std::string* first, std::string* last) {
  bool found = hot_->KeyBounds(object, lower, upper, first, last);
  for (const VisibleGroup& vg : Groups(object)) {
    const RowGroup& rows = vg.group->rows;
    idx_t from = rows.LowerBound(lower);
    idx_t to = upper.empty() ? rows.count() : rows.LowerBound(upper);
    if (from >= to) continue;
    std::string lo = rows.KeyAt(from), hi = rows.KeyAt(to - 1);
    if (!found || lo < *first) *first = lo;
    if (!found || hi > *last) *last = hi;
    found = true;
  }
  return found;
}

Status TieredTransaction::Commit(Scn* commit_scn) {
  if (cold_.epoch() != start_epoch_) {
    for (ObjectId table : written_) {
      if (!cold_.FrozenAfter(table, start_epoch_)) continue;
      hot_->Rollback();
      return Status::Error(sqlstate::kSerializationFailure,
                           "could not serialize access due to concurrent update");
    }
  }
  return hot_->Commit(commit_scn);
}

}  // namespace heliosdb
