// The ordering property: which output columns a plan's rows arrive ordered on. The merge join
// choice (merge_join.cc) asks it of a join's inputs and of the join under a Sort. The order is
// ascending in the key encoding's order (storage/key_codec.h), NULLs last, which is also
// Sort's order for ASC NULLS LAST keys of non-array types (Value::Compare agrees with the
// encoding).
#pragma once

#include <vector>

#include "planner/logical_plan.h"

namespace heliosdb {

// One position of an order: the output columns the rows are ordered on there. More than one
// when an inner join equated them (l.k = r.k: ordered on l.k is ordered on r.k).
using OrderPosition = std::vector<int>;
using PlanOrder = std::vector<OrderPosition>;

// Rows arrive ordered lexicographically on (position 0, position 1, ...); empty when nothing
// is known. Follows what the operators guarantee:
// - a table scan (whole table or primary-key range) in primary-key order, an index scan in
//   the index's order, a Sort by its leading ascending column keys;
// - Filter and Limit keep their input's order, a Projection the order of the columns it
//   passes through (a column, or one cast as OrderPreservedColumn allows);
// - inner, semi and anti hash and merge joins, and inner and left lateral joins, keep their
//   left input's order (each left batch is probed in order); an inner hash or merge join adds
//   the right columns its keys equate to the left ones.
PlanOrder OrderOf(const LogicalOp& op);

// True when position holds column.
bool OrderedOn(const OrderPosition& position, int column);

// The input column an expression passes through in order (a column, an integer column cast to
// another integer type, a varchar column cast to text); -1 otherwise.
int OrderPreservedColumn(const BoundExpr& e);

// `a = b` over two order-preserved columns whose equal values have one key encoding (one
// physical type; char(n) only of one length); false otherwise.
bool OrderEquality(const BoundExpr& e, int* a, int* b);

}  // namespace heliosdb
