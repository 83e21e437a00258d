// read_parquet('file') in FROM: the file's columns, typed from its footer when the query binds
// (so the path must be a constant). Reading a server file needs the rights of COPY FROM a
// file: superuser. The plan lists the file's columns it reads in `columns` (column pruning
// drops the unused ones); the rows are read by execution/operator/scan/parquet_scan.h.
#pragma once

#include "catalog/catalog.h"
#include "planner/binder.h"

namespace heliosdb {

inline constexpr const char* kReadParquet = "read_parquet";

LogicalOpPtr BindReadParquet(Binder& binder, const Catalog& catalog, const ast::FunctionRef& ref,
                             Scope* scope);

}  // namespace heliosdb
