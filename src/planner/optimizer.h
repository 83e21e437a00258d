// Optimizer: rewrites a bound logical plan. Today: access-path selection, turning a Filter
// over a table scan into a primary-key point lookup or key-range scan, or an index scan,
// when conjuncts compare key columns with constants or parameters. The Filter stays above
// the scan and re-checks every row, so a path only narrows what is read.
#pragma once

#include "catalog/catalog.h"
#include "planner/logical_plan.h"

namespace heliosdb {

void Optimize(LogicalOpPtr& plan, const Catalog& catalog);

}  // namespace heliosdb
