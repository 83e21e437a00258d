// The ordering property: which output columns a plan's rows arrive ordered on. The merge join
// choice (merge_join.cc) asks it of a join's inputs. The order is ascending in the key
// encoding's order (storage/key_codec.h), NULLs last, which is also Sort's order for ASC
// NULLS LAST keys of non-array types (Value::Compare agrees with the encoding).
#pragma once

#include <vector>

#include "planner/logical_plan.h"

namespace heliosdb {

// Output columns c0, c1, ... such that rows arrive ordered on (c0, c1, ...), lexicographically;
// empty when nothing is known. Follows what the operators guarantee:
// - a table scan (whole table or primary-key range) in primary-key order, an index scan in
//   the index's order, a Sort by its leading ascending column keys;
// - Filter and Limit keep their input's order, a Projection the order of the columns it
//   passes through (a column, or one cast as OrderPreservedColumn allows);
// - inner, semi and anti hash and merge joins, and inner and left lateral joins, keep their
//   left input's order (each left batch is probed in order).
std::vector<int> OrderedColumns(const LogicalOp& op);

// The input column an expression passes through in order (a column, an integer column cast to
// another integer type, a varchar column cast to text); -1 otherwise.
int OrderPreservedColumn(const BoundExpr& e);

}  // namespace heliosdb
