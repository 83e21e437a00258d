// Parallel pipelines (the analytical, OLAP, execution mode).
//
// A pipeline is a chain of streaming operators (filter, projection, the probe side of a hash
// join, the left side of a lateral join, a set-returning projection) over a driving table scan.
// Such a chain can run as several clones, each reading its own share of the scan's rows (the
// executor hands rows out in morsels), with their output gathered, or consumed by a hash
// aggregate that merges the clones' partial states. The optimizer marks the top of each
// pipeline where that is safe (LogicalOp::parallel); the executor decides at run time how
// many clones to make, from the session's `threads` and the driving scan's estimated size,
// so one cached plan serves every setting. Short statements (point lookups, small scans, DML)
// stay single-threaded: the transactional, OLTP mode.
#pragma once

#include "planner/logical_plan.h"

namespace heliosdb {

// Scans estimated below this many rows are not worth threads.
constexpr double kParallelMinRows = 50000;

// Marks pipeline tops in a plan whose estimates are set. Never marks anything in a
// data-modifying statement, under a lateral join's right side or in a recursive term.
void MarkParallelPipelines(LogicalOp& root);

// The table scan at the bottom of a marked pipeline.
const LogicalOp& DrivingScan(const LogicalOp& pipeline_top);

// How many clones a marked pipeline runs as with `threads` threads: 1 when the driving scan
// is too small.
int PipelineWorkers(const LogicalOp& pipeline_top, int threads);

// A hash aggregate whose input pipeline may be split: every aggregate can merge partial
// states (no DISTINCT or ORDER BY inside, a combine function).
bool CanMergePartialAggregates(const LogicalOp& aggregate);

// True when op is a hash aggregate that consumes its split input's clones itself (merging
// their tables); a split input of any other operator is gathered.
bool MergesClones(const LogicalOp& op, int threads);

// True when some pipeline of the plan runs split with `threads` threads: EXPLAIN calls the
// plan analytical (OLAP) then, transactional (OLTP) otherwise.
bool RunsInParallel(const LogicalOp& root, int threads);

}  // namespace heliosdb
