// Optimizer: rewrites a bound logical plan: subquery unnesting, filter push-down into joins,
// then access-path selection, turning a Filter over a table scan into a primary-key point lookup or key-range scan, or an index scan,
// when conjuncts compare key columns with constants or parameters. The Filter stays above
// the scan and re-checks every row, so a path only narrows what is read.
#pragma once

#include "catalog/catalog.h"
#include "planner/logical_plan.h"
#include "planner/planner_environment.h"

namespace heliosdb {

// env answers table sizes and constant values; null where no engine is at hand.
void Optimize(LogicalOpPtr& plan, const Catalog& catalog, const PlannerEnvironment* env);

class CardinalityEstimator;

// Moves WHERE conjuncts over inner and cross joins down to the inputs they reference, or into
// the join condition (filter_pushdown.cc).
void PushDownFilters(LogicalOpPtr& plan);

// Rewrites EXISTS / IN / NOT EXISTS / NOT IN and correlated aggregate subqueries into joins
// (decorrelate.cc).
void UnnestSubqueries(LogicalOpPtr& plan);

// Orders the inputs of every tree of inner and cross joins by estimated cost (join_order.cc).
void ReorderJoins(LogicalOpPtr& plan, CardinalityEstimator& estimator);

// Runs joins of a few rows against an indexed table as index lookups (index_join.cc).
void ChooseIndexJoins(LogicalOpPtr& plan, const Catalog& catalog, CardinalityEstimator& estimator);

// Runs joins whose inputs are both ordered on equated columns as merge joins, and sorts a
// join's inputs instead of its output where that is cheaper (merge_join.cc).
// With threads > 1, joins with an input big enough to split over threads stay hash joins:
// their pipelines run in parallel, while a merge join reads its ordered inputs on one thread.
void ChooseMergeJoins(LogicalOpPtr& plan, CardinalityEstimator& estimator, int threads);

// Has every operator produce only the columns the operators above it read
// (column_pruning.cc).
void PruneColumns(LogicalOp& plan);

// Copies the `column op constant` conjuncts of filters over table scans to the scans' access
// paths, for the cold tier's zone maps (zone_conjuncts.cc). REQUIRES: columns pruned.
void MarkZoneConjuncts(LogicalOp& plan);

// Sets LogicalOp::estimated_rows throughout the plan, for EXPLAIN.
void EstimateRows(LogicalOp& plan, CardinalityEstimator& estimator);

}  // namespace heliosdb
