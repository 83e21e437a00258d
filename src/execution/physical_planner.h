// PhysicalPlanner: turns an optimized logical plan into executable operators. Operators
// borrow expressions from the logical plan, which must outlive them.
#pragma once

#include "execution/physical_operator.h"
#include "planner/logical_plan.h"

namespace heliosdb {

PhysicalOperatorPtr CreatePhysicalPlan(const LogicalOp& op);

}  // namespace heliosdb
