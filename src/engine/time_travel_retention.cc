#include "engine/time_travel_retention.h"

#include <algorithm>
#include <chrono>

#include "common/exception.h"
#include "common/types/date_time.h"
#include "common/types/value_text.h"
#include "storage/commit_time_map.h"
#include "txn/branch_registry.h"

namespace heliosdb {

int64_t ParseRetention(const std::string& text) {
  Value v;
  try {
    v = ParseValue(text, LogicalType(TypeId::kInterval), TextFormatOptions());
  } catch (const DbException&) {
    ThrowError(sqlstate::kInvalidParameterValue,
               "invalid value for parameter \"time_travel_retention\": \"" + text + "\"");
  }
  const Interval& i = v.GetInterval();
  int64_t micros = (int64_t{i.months} * 30 + i.days) * kMicrosPerDay + i.micros;
  if (micros < 0)
    ThrowError(sqlstate::kInvalidParameterValue,
               "time_travel_retention must not be negative: \"" + text + "\"");
  return micros;
}

int64_t DatabaseRetention(StorageEngine& storage) {
  std::optional<std::string> text = storage.GetSetting(kRetentionSetting);
  return ParseRetention(text ? *text : kDefaultRetention);
}

int64_t TableRetention(StorageEngine& storage, const TableInfo& table) {
  auto it = table.options.find(kRetentionSetting);
  if (it != table.options.end()) return ParseRetention(it->second);
  return DatabaseRetention(storage);
}

Scn RetentionHorizonScn(StorageEngine& storage, int64_t retention_micros) {
  Scn last = storage.transactions().last_committed_scn();
  return CommitTimeMap(&storage.kv()).ScnAt(CurrentTimestamp() - retention_micros, last);
}

RetentionHorizons CurrentHorizons(StorageEngine& storage, const Catalog& catalog) {
  // Read first: a snapshot opened later is never older than it (commit_pipeline.h).
  Scn oldest = storage.transactions().oldest_snapshot_scn();
  int64_t database = DatabaseRetention(storage);
  RetentionHorizons out;
  int64_t longest = database;
  for (const auto& [id, table] : catalog.tables()) {
    auto it = table.options.find(kRetentionSetting);
    if (it == table.options.end()) continue;
    int64_t retention = ParseRetention(it->second);
    longest = std::max(longest, retention);
    Scn horizon = std::min(RetentionHorizonScn(storage, retention), oldest);
    out.objects[id] = horizon;
    for (const IndexInfo* index : catalog.TableIndexes(id)) out.objects[index->id] = horizon;
  }
  out.default_horizon = std::min(RetentionHorizonScn(storage, database), oldest);
  // AS OF decodes rows with the catalog of that time: it lives as long as any table's history.
  out.objects[kCatalogObjectId] = std::min(RetentionHorizonScn(storage, longest), oldest);
  // Every ancestor keyspace a branch falls through to keeps what its fork point sees.
  BranchRegistry& registry = storage.transactions().branches();
  for (const BranchInfo& b : registry.List()) {
    auto layers = registry.Layers(b.id, UINT64_MAX);
    if (!layers.ok()) continue;  // dropped meanwhile
    for (size_t i = 1; i < layers.value().size(); i++) {
      const BranchLayer& l = layers.value()[i];
      auto [it, fresh] = out.branches.emplace(l.branch, l.cap);
      if (!fresh) it->second = std::min(it->second, l.cap);
    }
  }
  return out;
}

}  // namespace heliosdb
