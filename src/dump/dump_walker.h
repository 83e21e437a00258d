// Walks a dump's sections in order: the catalog, then each table with a stream of its rows,
// then each branch with its tables.
// Shared by import, verify --dump and the first checking pass of import.
#pragma once

#include <functional>

#include "dump/dump_branch.h"
#include "dump/dump_catalog.h"
#include "dump/dump_reader.h"
#include "dump/dump_rows_stream.h"

namespace heliosdb::dump {

struct DumpHandlers {
  std::function<void(const DumpCatalog&)> on_catalog;
  // Called per table; what it does not read of `rows` is drained after it returns.
  std::function<void(const DumpTable&, DumpRowsStream& rows)> on_table;
  // Called per branch (after main's tables); the tables that follow, until the next branch,
  // are the branch's (looked up in its catalog).
  std::function<void(const DumpBranch&)> on_branch;
  Progress* progress = nullptr;
};

// Throws DbException (XX001 naming the offset) on a damaged or incomplete dump. Returns the
// dump's catalog.
DumpCatalog WalkDump(DumpReader& reader, const DumpHandlers& handlers);

}  // namespace heliosdb::dump
