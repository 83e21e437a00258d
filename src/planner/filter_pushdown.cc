// Filter push-down: moves WHERE conjuncts above inner and cross joins to the input they
// reference (or into the join condition when they reference both), so joins see their
// equality conditions and inputs shrink before they are joined.
#include <set>

#include "planner/optimizer.h"

namespace heliosdb {

namespace {
// Input columns an expression reads; false when it cannot move (a subquery may refer to the
// row by position, a volatile function must run where it is written).
bool CollectColumns(const BoundExpr& e, std::set<int>* columns) {
  if (e.kind == BoundExprKind::kSubquery || e.IsVolatile()) return false;
  if (e.kind == BoundExprKind::kColumn) columns->insert(e.index);
  for (const auto& c : e.children)
    if (!CollectColumns(*c, columns)) return false;
  return true;
}

void SplitConjuncts(BoundExprPtr e, std::vector<BoundExprPtr>* out) {
  if (e->kind == BoundExprKind::kAnd) {
    for (auto& c : e->children) SplitConjuncts(std::move(c), out);
    return;
  }
  out->push_back(std::move(e));
}

BoundExprPtr Conjunction(std::vector<BoundExprPtr> parts) {
  if (parts.empty()) return nullptr;
  if (parts.size() == 1) return std::move(parts[0]);
  auto all = std::make_unique<BoundExpr>();
  all->kind = BoundExprKind::kAnd;
  all->type = TypeId::kBoolean;
  all->children = std::move(parts);
  return all;
}

void ShiftColumns(BoundExpr& e, int delta) {
  if (e.kind == BoundExprKind::kColumn) e.index += delta;
  for (auto& c : e.children) ShiftColumns(*c, delta);
}

// Puts a filter on top of op (merging with a filter already there).
void AddFilter(LogicalOpPtr& op, BoundExprPtr predicate) {
  if (op->kind == LogicalOpKind::kFilter) {
    std::vector<BoundExprPtr> parts;
    SplitConjuncts(std::move(op->predicate), &parts);
    parts.push_back(std::move(predicate));
    op->predicate = Conjunction(std::move(parts));
    return;
  }
  auto filter = std::make_unique<LogicalOp>();
  filter->kind = LogicalOpKind::kFilter;
  filter->types = op->types;
  filter->names = op->names;
  filter->predicate = std::move(predicate);
  filter->children.push_back(std::move(op));
  op = std::move(filter);
}

// Distributes the conjuncts over a join's inputs and condition; returns those that must stay.
std::vector<BoundExprPtr> Distribute(LogicalOp& join, std::vector<BoundExprPtr> conjuncts) {
  int left_width = static_cast<int>(join.children[0]->types.size());
  std::vector<BoundExprPtr> keep, condition;
  for (auto& c : conjuncts) {
    std::set<int> columns;
    if (!CollectColumns(*c, &columns)) {
      keep.push_back(std::move(c));
      continue;
    }
    bool left = !columns.empty() && *columns.rbegin() < left_width;
    bool right = !columns.empty() && *columns.begin() >= left_width;
    if (left) {
      AddFilter(join.children[0], std::move(c));
    } else if (right) {
      ShiftColumns(*c, -left_width);
      AddFilter(join.children[1], std::move(c));
    } else {
      condition.push_back(std::move(c));
    }
  }
  if (!condition.empty()) {
    if (join.predicate) SplitConjuncts(std::move(join.predicate), &condition);
    join.predicate = Conjunction(std::move(condition));
    if (join.join_type == JoinType::kCross) join.join_type = JoinType::kInner;
  }
  return keep;
}

void PushDown(LogicalOpPtr& op) {
  if (op->kind == LogicalOpKind::kFilter && op->children[0]->kind == LogicalOpKind::kJoin &&
      (op->children[0]->join_type == JoinType::kInner ||
       op->children[0]->join_type == JoinType::kCross)) {
    std::vector<BoundExprPtr> conjuncts;
    SplitConjuncts(std::move(op->predicate), &conjuncts);
    std::vector<BoundExprPtr> keep = Distribute(*op->children[0], std::move(conjuncts));
    if (keep.empty()) {
      op = std::move(op->children[0]);
    } else {
      op->predicate = Conjunction(std::move(keep));
    }
  }
  if (op->kind == LogicalOpKind::kJoin && op->join_type == JoinType::kInner && op->predicate) {
    // An inner join's own condition may hold single-side conjuncts too.
    std::vector<BoundExprPtr> conjuncts;
    SplitConjuncts(std::move(op->predicate), &conjuncts);
    std::vector<BoundExprPtr> keep = Distribute(*op, std::move(conjuncts));
    std::vector<BoundExprPtr> all;
    if (op->predicate) SplitConjuncts(std::move(op->predicate), &all);
    for (auto& k : keep) all.push_back(std::move(k));
    op->predicate = Conjunction(std::move(all));
  }
  for (auto& c : op->children) PushDown(c);
}
}  // namespace

void PushDownFilters(LogicalOpPtr& plan) { PushDown(plan); }

}  // namespace heliosdb
