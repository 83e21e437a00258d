// Filter push-down: moves WHERE conjuncts above joins to the input they reference (or into
// an inner join's condition when they reference both), and single-input conjuncts of a join
// condition into that input, so joins see their equality conditions and inputs shrink
// before they are joined.
#include <set>

#include "planner/optimizer.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {
// Where a conjunct over a join's output (or in its condition) may move without changing the
// join's result.
struct Moves {
  bool to_left, to_right, to_condition;
};

// Distributes the conjuncts over a join's inputs and condition; returns those that must stay.
std::vector<BoundExprPtr> Distribute(LogicalOp& join, std::vector<BoundExprPtr> conjuncts,
                                     Moves moves) {
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
    if (left && moves.to_left) {
      AddFilter(join.children[0], std::move(c));
    } else if (right && moves.to_right) {
      ShiftColumns(*c, -left_width);
      AddFilter(join.children[1], std::move(c));
    } else if (moves.to_condition) {
      condition.push_back(std::move(c));
    } else {
      keep.push_back(std::move(c));
    }
  }
  if (!condition.empty()) {
    if (join.predicate) SplitConjuncts(std::move(join.predicate), &condition);
    join.predicate = Conjunction(std::move(condition));
    if (join.join_type == JoinType::kCross) join.join_type = JoinType::kInner;
  }
  return keep;
}

// WHERE over a join: an inner join takes conjuncts anywhere; the others keep all their left
// rows (or decide them by the right input alone), so only left-only conjuncts move, to the left.
Moves WhereMoves(JoinType type) {
  bool inner = type == JoinType::kInner || type == JoinType::kCross;
  return {type != JoinType::kFull, inner, inner};
}

// A join's own condition: right-only conjuncts of an outer, semi or anti join filter the
// right input; left-only ones of a semi join filter the left input.
Moves ConditionMoves(JoinType type) {
  bool inner = type == JoinType::kInner;
  return {inner || type == JoinType::kSemi, inner || type != JoinType::kFull, false};
}

void PushDown(LogicalOpPtr& op) {
  if (op->kind == LogicalOpKind::kFilter && op->children[0]->kind == LogicalOpKind::kJoin) {
    std::vector<BoundExprPtr> conjuncts;
    SplitConjuncts(std::move(op->predicate), &conjuncts);
    LogicalOp& join = *op->children[0];
    std::vector<BoundExprPtr> keep =
        Distribute(join, std::move(conjuncts), WhereMoves(join.join_type));
    if (keep.empty()) {
      op = std::move(op->children[0]);
    } else {
      op->predicate = Conjunction(std::move(keep));
    }
  }
  if (op->kind == LogicalOpKind::kJoin && op->predicate) {
    std::vector<BoundExprPtr> conjuncts;
    SplitConjuncts(std::move(op->predicate), &conjuncts);
    std::vector<BoundExprPtr> keep =
        Distribute(*op, std::move(conjuncts), ConditionMoves(op->join_type));
    op->predicate = Conjunction(std::move(keep));
  }
  for (auto& c : op->children) PushDown(c);
}
}  // namespace

void PushDownFilters(LogicalOpPtr& plan) { PushDown(plan); }

}  // namespace heliosdb
