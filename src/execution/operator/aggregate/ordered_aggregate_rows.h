// The rows of an aggregate with ORDER BY (string_agg(x, ',' ORDER BY y)), put in the order the
// aggregate reads them. Each row holds the arguments, then the ORDER BY values.
#pragma once

#include <vector>

#include "common/value.h"
#include "planner/logical_plan.h"

namespace heliosdb {

// Sorts rows by the aggregate's ORDER BY keys (stable: ties keep their input order). With
// DISTINCT, as PostgreSQL does, ties are then ordered by the arguments (ascending, NULLs last)
// and only the first row of each run of equal argument lists is kept (NULLs equal each other).
void OrderAggregateRows(const BoundAggregate& agg, std::vector<std::vector<Value>>* rows);

}  // namespace heliosdb
