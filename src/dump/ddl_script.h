// The DDL that recreates a dumped catalog, for HeliosDB (import) and for PostgreSQL-protocol
// engines (the SQL export, migrate), in the order a load wants: objects that hold rows first,
// then constraints and indexes (cheaper to build over loaded rows), sequences' states and views.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dump/dump_catalog.h"

namespace heliosdb::dump {

enum class DdlTarget { kHelios, kPostgres, kCitus };

struct DdlOptions {
  DdlTarget target = DdlTarget::kPostgres;
  std::map<std::string, std::string> distribute_by;  // citus: table (or schema.table) -> column
};

// Statements (without the trailing ';') before the rows: schemas, free-standing sequences,
// tables (HeliosDB: with the primary key, which keys the stored rows; others: bare, with
// NOT NULL and defaults), and for Citus the distribution of each table.
std::vector<std::string> PreDataDdl(const DumpCatalog& catalog, const DdlOptions& options);
// Statements after the rows: primary keys (not HeliosDB), unique and check constraints,
// foreign keys, secondary indexes, sequence states (setval), views.
std::vector<std::string> PostDataDdl(const DumpCatalog& catalog, const DdlOptions& options);

// Citus: the distribution of a table. Rule (docs/UPGRADE.md): a table named in
// --distribute-by is distributed by that column; otherwise a table with fewer than
// kReferenceTableRows rows and no foreign keys of its own becomes a reference table
// (replicated to every node); otherwise it is distributed by its primary key's first column,
// or its first column without a primary key. Returns the SELECT that sets it.
inline constexpr int64_t kReferenceTableRows = 10000;
std::string CitusDistribution(const DumpTable& table, const DdlOptions& options);

// A string as an SQL literal: 'it''s'.
std::string QuoteLiteral(const std::string& s);

}  // namespace heliosdb::dump
