// PhysicalPlanner: turns an optimized logical plan into executable operators. Operators
// borrow expressions from the logical plan, which must outlive them.
#pragma once

#include "execution/physical_operator.h"
#include "planner/logical_plan.h"

namespace heliosdb {

// With a profile (EXPLAIN ANALYZE), every operator counts its rows and time into the
// profile's entry for its logical operator. With threads > 1, the pipelines the optimizer
// marked parallel run as that many clones (planner/parallelism.h) when they are big enough.
PhysicalOperatorPtr CreatePhysicalPlan(const LogicalOp& op, PlanProfile* profile = nullptr,
                                       int threads = 1);

}  // namespace heliosdb
