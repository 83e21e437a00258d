#include "engine/table_tiering.h"

#include "common/exception.h"
#include "storage/columnar/codec/codec_registry.h"
#include "storage/columnar/codec/vector_bridge.h"
#include "storage/columnar/cold_tier.h"

namespace heliosdb {

namespace {

constexpr const char* kCompressionSetting = "compression";

bool IsCompressionKey(const std::string& key) {
  static const std::string suffix = std::string(".") + kCompressionSetting;
  return key == kCompressionSetting || (key.size() > suffix.size() && key.ends_with(suffix));
}

}  // namespace

void ValidateTieringOptions(const TableInfo& table) {
  for (const auto& [key, value] : table.options) {
    if (key == kHybridStorageSetting) {
      if (value != "auto" && value != "hot" && value != "cold") {
        Status s = Status::Error(sqlstate::kInvalidParameterValue,
                                 "invalid value for enum option \"hybrid_storage\": " + value);
        s.WithDetail("Valid values are \"auto\", \"hot\", and \"cold\".");
        throw DbException(s);
      }
    } else if (IsCompressionKey(key)) {
      codec::CodecForSetting(value);  // 22023 for an unknown method
    }
  }
  std::vector<const codec::Codec*> forced = ForcedCodecs(table);
  for (const ColumnInfo& column : table.columns) {
    const codec::Codec* c = forced[column.slot];
    // Types without a storage type are stored as strings (row_group.cc).
    codec::StorageType stored =
        codec::StorageTypeFor(column.type).value_or(codec::StorageType::kString);
    if (c && !c->supports(stored))
      ThrowError(sqlstate::kInvalidParameterValue,
                 std::string("compression method \"") + c->name + "\" does not support column \"" +
                     column.name + "\" of type " + column.type.ToString());
  }
}

std::vector<const codec::Codec*> ForcedCodecs(const TableInfo& table) {
  std::vector<const codec::Codec*> forced(table.slot_types.size(), nullptr);
  auto setting = [&](const std::string& key) -> const std::string* {
    auto it = table.options.find(key);
    return it == table.options.end() ? nullptr : &it->second;
  };
  const std::string* table_wide = setting(kCompressionSetting);
  for (const ColumnInfo& column : table.columns) {
    const std::string* name = setting(column.name + "." + kCompressionSetting);
    if (!name) name = table_wide;
    if (name && column.slot >= 0 && static_cast<size_t>(column.slot) < forced.size())
      forced[column.slot] = codec::CodecForSetting(*name);
  }
  return forced;
}

void ApplyHybridStorage(StorageEngine& storage, BranchId branch, const TableInfo& table) {
  auto it = table.options.find(kHybridStorageSetting);
  if (it == table.options.end() || it->second == "auto") return;
  Result<SwapResult> moved =
      it->second == "cold"
          ? storage.cold().Freeze(
                branch, table.id, table.slot_types, ForcedCodecs(table),
                storage.transactions().oldest_snapshot_scn(),
                [&] { return static_cast<uint64_t>(storage.IncrementCounter("row_group_id")); })
          : storage.cold().Thaw(branch, table.id);
  if (!moved.ok()) throw DbException(moved.status());
}

}  // namespace heliosdb
