// time_travel_retention: how long old row versions stay readable by AS OF / VERSIONS BETWEEN.
// A database-wide value (ALTER DATABASE ... SET time_travel_retention, or SET in a session,
// persisted in the store; default 7 days) and a per-table override (CREATE TABLE ... WITH
// (time_travel_retention = '1 day'), ALTER TABLE ... SET (...)). The horizon of a table is the
// newest commit at or before now - retention: reads at or after it are guaranteed; older
// reads fail with 72000, and the compaction filter may collapse history up to it.
#pragma once

#include <cstdint>
#include <string>

#include "catalog/catalog.h"
#include "storage/storage_engine.h"
#include "storage/version_collector.h"

namespace heliosdb {

inline constexpr const char* kRetentionSetting = "time_travel_retention";
inline constexpr const char* kDefaultRetention = "7 days";

// Microseconds of an interval text ('7 days', '1 hour', '0'); 22023 when it is not a
// non-negative interval.
int64_t ParseRetention(const std::string& text);
// The database's retention in microseconds.
int64_t DatabaseRetention(StorageEngine& storage);
// The table's own retention, else the database's.
int64_t TableRetention(StorageEngine& storage, const TableInfo& table);
// The oldest SCN a read may use under `retention_micros` (0: any).
Scn RetentionHorizonScn(StorageEngine& storage, int64_t retention_micros);
// The compaction filter's policy now: per table (and its indexes) its horizon, never above
// the oldest open snapshot; the catalog keeps the longest retention of all; a branch's
// ancestors keep what its fork point sees.
RetentionHorizons CurrentHorizons(StorageEngine& storage, const Catalog& catalog);

}  // namespace heliosdb
