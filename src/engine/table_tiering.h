// The tiering settings of a table (`hybrid_storage`, `compression`, per column
// `<column>.compression`, all in TableInfo::options) and ALTER TABLE ... SET (hybrid_storage =
// 'cold' | 'hot'), which moves the table's rows between the tiers at once.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "catalog/catalog_entry.h"
#include "storage/columnar/codec/codec.h"
#include "storage/storage_engine.h"

namespace heliosdb {

inline constexpr const char* kHybridStorageSetting = "hybrid_storage";

// Throws 22023 for a bad hybrid_storage value, an unknown compression method, or one that
// cannot store a column's type.
void ValidateTieringOptions(const TableInfo& table);
// The codec each storage slot's `compression` setting forces (nullptr: the analysis picks).
std::vector<const codec::Codec*> ForcedCodecs(const TableInfo& table);
// Moves the table's rows as its hybrid_storage setting says: 'cold' freezes the committed rows
// every open snapshot sees into row groups, 'hot' thaws them; 'auto' moves nothing now.
// Throws the swap's error (nothing moved then).
void ApplyHybridStorage(StorageEngine& storage, BranchId branch, const TableInfo& table);

}  // namespace heliosdb
