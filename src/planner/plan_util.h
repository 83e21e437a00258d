// Small tools the optimizer's rewrites share: splitting and joining conjunctions, moving
// column references, visiting every expression of a plan node, and asking which columns or
// enclosing queries an expression reads.
#pragma once

#include <functional>
#include <set>
#include <vector>

#include "planner/logical_plan.h"

namespace heliosdb {

// a AND (b AND c) -> [a, b, c]
void SplitConjuncts(BoundExprPtr e, std::vector<BoundExprPtr>* out);
// The conjuncts of a predicate, left in place: a AND b -> [&a, &b]; a -> [&a].
std::vector<const BoundExpr*> ConjunctsOf(const BoundExpr& e);
// A two-argument comparison operator call: =, <>, <, <=, >, >=.
bool IsComparison(const BoundExpr& e);
// The operator that compares the same with its arguments swapped (< becomes >).
std::string FlipComparison(const std::string& op);

// [a, b] -> a AND b; null for an empty list.
BoundExprPtr Conjunction(std::vector<BoundExprPtr> parts);

// Adds delta to every input column reference (not inside subquery plans: those have their
// own inputs).
void ShiftColumns(BoundExpr& e, int delta);
// Replaces input column i by a copy of exprs[i].
BoundExprPtr SubstituteColumns(const BoundExpr& e, const std::vector<BoundExprPtr>& exprs);

// The input columns an expression reads; false when it cannot move to another operator (a
// subquery may read the row by position, a volatile function must run where it is written).
bool CollectColumns(const BoundExpr& e, std::set<int>* columns);

// Calls fn on every expression slot of one operator (not its children).
void ForEachExpr(LogicalOp& op, const std::function<void(BoundExprPtr&)>& fn);
void ForEachExpr(const LogicalOp& op, const std::function<void(const BoundExpr&)>& fn);

// Calls fn on the plan of every subquery in one operator's expressions (not inside those
// plans: fn decides whether to descend); fn may replace the plan's root.
void ForEachSubqueryPlan(LogicalOp& op, const std::function<void(LogicalOpPtr&)>& fn);
// Recomputes BoundExpr::correlated for the subqueries in e after their plans changed.
void RefreshCorrelation(BoundExpr& e);

// True when the expression (or plan) reads a row of a query more than `level` levels out:
// level 0 asks "does it read any enclosing query". Nested subquery plans count one level
// deeper.
bool RefersOutside(const BoundExpr& e, int level);
bool PlanRefersOutside(const LogicalOp& op, int level);
// 1 for the right input of a LATERAL join, which sees the left row as one more outer level.
int LateralLevel(const LogicalOp& op, size_t child);

// A join of two inputs; semi and anti joins output the left input's columns only.
LogicalOpPtr MakeJoinOp(LogicalOpPtr left, LogicalOpPtr right, JoinType type,
                        BoundExprPtr condition);

// Puts a filter on top of op, merged into op when it is a filter already.
void AddFilter(LogicalOpPtr& op, BoundExprPtr predicate);
// A projection of op's first `width` columns (restores an operator's output after a rewrite
// appended columns).
LogicalOpPtr ProjectPrefix(LogicalOpPtr op, size_t width);

}  // namespace heliosdb
