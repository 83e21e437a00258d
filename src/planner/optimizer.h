// Optimizer: rewrites a bound logical plan: subquery unnesting, filter push-down into joins,
// then access-path selection, turning a Filter over a table scan into a primary-key point lookup or key-range scan, or an index scan,
// when conjuncts compare key columns with constants or parameters. The Filter stays above
// the scan and re-checks every row, so a path only narrows what is read.
#pragma once

#include "catalog/catalog.h"
#include "planner/logical_plan.h"

namespace heliosdb {

void Optimize(LogicalOpPtr& plan, const Catalog& catalog);

// Moves WHERE conjuncts over inner and cross joins down to the inputs they reference, or into
// the join condition (filter_pushdown.cc).
void PushDownFilters(LogicalOpPtr& plan);

// Rewrites EXISTS / IN / NOT EXISTS / NOT IN and correlated aggregate subqueries into joins
// (decorrelate.cc).
void UnnestSubqueries(LogicalOpPtr& plan);

}  // namespace heliosdb
