// pg_storage_tiers() and pg_column_compression(table): what the hot row tier and the cold
// columnar tier hold, as the connection's snapshot sees it.
#pragma once

#include <string>

#include "engine/branch_statements.h"

namespace heliosdb {

// One row per table: its hybrid_storage setting, rows and bytes in each tier, its row groups,
// and how many row groups scans skipped by zone maps since the database opened.
SystemRows StorageTiers(Connection::Impl& conn);
// One row per segment of the table's row groups: column, codec, bytes before and after, ratio.
// table: a name, optionally schema-qualified; 42P01 when there is no such table.
SystemRows ColumnCompression(Connection::Impl& conn, const std::string& table, int location);

}  // namespace heliosdb
