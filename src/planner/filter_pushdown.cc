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

// (a AND b) OR (a AND c) -> a AND (b OR c): a join condition repeated in every branch of an
// OR (TPC-H Q19) becomes a conjunct of its own, which the join can use as a key.
void FactorOr(std::vector<BoundExprPtr>* conjuncts) {
  std::vector<BoundExprPtr> extra;
  for (auto& c : *conjuncts) {
    if (c->kind != BoundExprKind::kOr) continue;
    std::vector<std::vector<BoundExprPtr>> branches;
    for (auto& b : c->children) {
      branches.emplace_back();
      SplitConjuncts(b->Copy(), &branches.back());
    }
    std::vector<BoundExprPtr> common;
    for (auto& candidate : branches[0]) {
      if (candidate->IsVolatile()) continue;
      bool everywhere = true;
      for (size_t i = 1; i < branches.size() && everywhere; i++) {
        everywhere = false;
        for (const auto& x : branches[i]) everywhere |= x->Equals(*candidate);
      }
      if (everywhere) common.push_back(candidate->Copy());
    }
    if (common.empty()) continue;
    auto rest = std::make_unique<BoundExpr>();
    rest->kind = BoundExprKind::kOr;
    rest->type = TypeId::kBoolean;
    bool some_branch_empty = false;
    for (auto& branch : branches) {
      std::vector<BoundExprPtr> left;
      for (auto& x : branch) {
        bool shared = false;
        for (const auto& k : common) shared |= x->Equals(*k);
        if (!shared) left.push_back(std::move(x));
      }
      some_branch_empty |= left.empty();
      if (!left.empty()) rest->children.push_back(Conjunction(std::move(left)));
    }
    // A branch that was only the common part makes the rest of the OR true.
    c = some_branch_empty ? nullptr : std::move(rest);
    for (auto& k : common) extra.push_back(std::move(k));
  }
  std::vector<BoundExprPtr> out;
  for (auto& c : *conjuncts)
    if (c) out.push_back(std::move(c));
  for (auto& e : extra) out.push_back(std::move(e));
  *conjuncts = std::move(out);
}

void PushDown(LogicalOpPtr& op) {
  if (op->kind == LogicalOpKind::kFilter && op->children[0]->kind == LogicalOpKind::kJoin) {
    std::vector<BoundExprPtr> conjuncts;
    SplitConjuncts(std::move(op->predicate), &conjuncts);
    FactorOr(&conjuncts);
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
