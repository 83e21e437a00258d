// Splits a join condition into equality keys (`left expr = right expr`, each side reading
// only its own input) and the residual rest. A join with keys runs as a hash join.
#pragma once

#include <cstdint>
#include <vector>

#include "planner/logical_plan.h"

namespace heliosdb {

struct JoinKeys {
  std::vector<BoundExprPtr> left;   // over the left input
  std::vector<BoundExprPtr> right;  // over the right input
  BoundExprPtr residual;            // over the joined row; null when none
};

// False when the join has no equality key (a nested-loop join then). Equalities past the
// first max_keys stay in the residual.
bool SplitJoinKeys(const LogicalOp& join, JoinKeys* keys, size_t max_keys = SIZE_MAX);

}  // namespace heliosdb
