// System views: information_schema and pg_catalog relations computed from the catalog when a
// query binds them (information_schema.tables / columns / schemata / table_constraints /
// sequences / views, pg_catalog.pg_tables / pg_indexes / pg_views / pg_sequences). They
// become literal rows in the plan, so they reflect the catalog the statement runs against.
#pragma once

#include <string>

#include "catalog/catalog.h"
#include "planner/logical_plan.h"

namespace heliosdb {

// The view's rows as a Values operator, or null when (schema, name) is not a system view.
// An empty schema matches pg_catalog views only (pg_catalog is on the search path).
LogicalOpPtr BuildSystemView(const Catalog& catalog, const std::string& schema,
                             const std::string& name);

// CREATE INDEX text for an index, as pg_indexes.indexdef shows it.
std::string IndexDefinition(const Catalog& catalog, const IndexInfo& index);

}  // namespace heliosdb
