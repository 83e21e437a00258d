// Maps a parsed type name (ast::TypeName) to a LogicalType, checking its modifiers as
// PostgreSQL does. SERIAL types are handled by CREATE TABLE, not here.
#pragma once

#include "common/types.h"
#include "parser/ast.h"

namespace heliosdb {

// Throws 42704 type "x" does not exist, 22023 for out-of-range modifiers, 0A000 for arrays.
LogicalType ResolveTypeName(const ast::TypeName& name);

}  // namespace heliosdb
