// The \d family of the shell, answered from SQL over the catalog views the engine provides:
// information_schema.tables / columns / sequences and pg_indexes.
#pragma once

#include <string>

namespace heliosdb::shell {

class Shell;

// What a listing shows: \d (tables, views, ...), \dt, \dv, \di, \ds.
enum class RelationKind { kAny, kTable, kView, kIndex, kSequence };

// Lists relations of a kind, optionally filtered by a psql pattern (`*` and `?` wildcards).
// False when the catalog query fails (the error is printed).
bool ListRelations(Shell* shell, RelationKind kind, const std::string& pattern);

// \d NAME: the columns (type, nullability, default) and indexes of a table or view.
bool DescribeRelation(Shell* shell, const std::string& name);

}  // namespace heliosdb::shell
