#include "engine/storage_tier_functions.h"

#include <cmath>

#include "common/exception.h"
#include "engine/database_impl.h"
#include "engine/table_tiering.h"
#include "storage/columnar/cold_tier.h"
#include "storage/columnar/tiered_transaction.h"
#include "storage/kv_store.h"
#include "storage/version_key.h"

namespace heliosdb {

namespace {

std::vector<TieredTransaction::GroupRows> ColdGroupsOf(Connection::Impl& conn, ObjectId table) {
  auto* tiered = dynamic_cast<TieredTransaction*>(&conn.Txn());
  return tiered ? tiered->ColdGroups(table) : std::vector<TieredTransaction::GroupRows>{};
}

std::string SlotName(const TableInfo& table, size_t segment) {
  switch (segment) {
    case kKeySegment:
      return "(row key)";
    case kBeginScnSegment:
      return "(begin scn)";
    case kEndScnSegment:
      return "(end scn)";
  }
  int slot = static_cast<int>(segment - kFirstColumnSegment);
  for (const ColumnInfo& c : table.columns)
    if (c.slot == slot) return c.name;
  return "(dropped)";
}

}  // namespace

SystemRows StorageTiers(Connection::Impl& conn) {
  SystemRows out;
  out.names = {"schema_name", "table_name", "hybrid_storage", "hot_rows",  "hot_bytes",
               "cold_rows",   "cold_bytes", "row_groups",     "zone_skips"};
  out.types = {TypeId::kText,   TypeId::kText,   TypeId::kText,   TypeId::kBigInt, TypeId::kBigInt,
               TypeId::kBigInt, TypeId::kBigInt, TypeId::kBigInt, TypeId::kBigInt};
  StorageEngine& storage = *conn.db->storage;
  Transaction& txn = conn.Txn();
  for (const auto& [id, table] : conn.CurrentCatalog().tables()) {
    int64_t rows = 0;
    for (auto it = txn.Scan(id, "", ""); it->Valid(); it->Next()) rows++;
    int64_t cold_rows = 0, cold_bytes = 0;
    std::vector<TieredTransaction::GroupRows> groups = ColdGroupsOf(conn, id);
    for (const auto& g : groups) {
      cold_rows += static_cast<int64_t>(g.visible_rows);
      cold_bytes += static_cast<int64_t>(g.group->rows.stored_bytes());
    }
    std::string start;
    AppendObjectPrefix(txn.branch(), id, &start);
    KvStore::RangeSize hot = storage.kv().ApproximateSize(start, ObjectEnd(txn.branch(), id));
    auto setting = table.options.find(kHybridStorageSetting);
    out.rows.push_back({Value::Text(table.schema), Value::Text(table.name),
                        Value::Text(setting == table.options.end() ? "auto" : setting->second),
                        Value::BigInt(rows - cold_rows),
                        Value::BigInt(static_cast<int64_t>(hot.file_bytes + hot.memtable_bytes)),
                        Value::BigInt(cold_rows), Value::BigInt(cold_bytes),
                        Value::BigInt(static_cast<int64_t>(groups.size())),
                        Value::BigInt(static_cast<int64_t>(storage.cold().ZoneSkips(id)))});
  }
  return out;
}

SystemRows ColumnCompression(Connection::Impl& conn, const std::string& name, int location) {
  SystemRows out;
  out.names = {"row_group", "column_name", "codec", "rows", "bytes_before", "bytes_after", "ratio"};
  out.types = {TypeId::kBigInt, TypeId::kText,   TypeId::kText,  TypeId::kBigInt,
               TypeId::kBigInt, TypeId::kBigInt, TypeId::kDouble};
  size_t dot = name.find('.');
  std::string schema = dot == std::string::npos ? "" : name.substr(0, dot);
  std::string relation = dot == std::string::npos ? name : name.substr(dot + 1);
  const TableInfo* table = conn.CurrentCatalog().FindTable(schema, relation);
  if (!table)
    ThrowError(sqlstate::kUndefinedTable, "relation \"" + name + "\" does not exist", location);
  for (const auto& g : ColdGroupsOf(conn, table->id)) {
    std::vector<SegmentInfo> segments = g.group->rows.Segments();
    for (size_t i = 0; i < segments.size(); i++) {
      const SegmentInfo& s = segments[i];
      double ratio = s.stored_bytes ? static_cast<double>(s.raw_bytes) / s.stored_bytes : 0;
      out.rows.push_back({Value::BigInt(static_cast<int64_t>(g.group->id)),
                          Value::Text(SlotName(*table, i)), Value::Text(s.codec),
                          Value::BigInt(static_cast<int64_t>(g.group->rows.count())),
                          Value::BigInt(static_cast<int64_t>(s.raw_bytes)),
                          Value::BigInt(static_cast<int64_t>(s.stored_bytes)),
                          Value::Double(std::round(ratio * 100) / 100)});
    }
  }
  return out;
}

}  // namespace heliosdb
