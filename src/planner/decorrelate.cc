// Subquery unnesting. A WHERE conjunct that is EXISTS / NOT EXISTS / IN / NOT IN / op ANY over
// a subquery becomes a semi or anti join with the subquery's plan, its correlation conjuncts
// moving into the join condition; a correlated scalar subquery over an ungrouped aggregate
// (WHERE x < (SELECT avg(y) FROM t WHERE t.k = outer.k)) becomes a join with that aggregate
// grouped by the correlation keys. Each then runs once as a hash join instead of once per
// outer row. Shapes whose rewrite is not equivalent stay subqueries, evaluated per row.
#include "planner/optimizer.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {
bool ContainsSubquery(const BoundExpr& e) {
  if (e.kind == BoundExprKind::kSubquery) return true;
  for (const auto& c : e.children)
    if (ContainsSubquery(*c)) return true;
  return false;
}

bool ReadsColumns(const BoundExpr& e) {
  if (e.kind == BoundExprKind::kColumn) return true;
  for (const auto& c : e.children)
    if (ReadsColumns(*c)) return true;
  return false;
}

// A subquery expression of the subquery being unnested: does it read the parent's row (the
// query one level out)?
bool ReadsParent(const BoundExpr& e) { return RefersOutside(e, 0); }

// Rewrites an expression of the subquery into one over the join's pair row: the subquery's
// columns follow the parent's `left_width` columns, and parent references become columns.
BoundExprPtr ToPairRow(const BoundExpr& e, int left_width) {
  BoundExprPtr out = e.Copy();
  if (e.kind == BoundExprKind::kColumn) {
    out->index += left_width;
  } else if (e.kind == BoundExprKind::kOuterColumn) {
    if (e.depth == 1) return MakeColumnRef(e.index, e.type, e.name);
    out->depth--;
  }
  for (size_t i = 0; i < e.children.size(); i++) out->children[i] = ToPairRow(*e.children[i], left_width);
  return out;
}

void LiftDepths(LogicalOp& op, int level);

// A subtree moving from the subquery into its parent: references to queries further out come
// one level closer. (References to the parent itself were moved into the join condition.)
void LiftExpr(BoundExpr& e, int level) {
  if (e.kind == BoundExprKind::kOuterColumn && e.depth > level + 1) e.depth--;
  if (e.subquery) LiftDepths(*e.subquery, level + 1);
  for (auto& c : e.children) LiftExpr(*c, level);
}

void LiftDepths(LogicalOp& op, int level) {
  ForEachExpr(op, [&](BoundExprPtr& e) { LiftExpr(*e, level); });
  for (size_t i = 0; i < op.children.size(); i++)
    LiftDepths(*op.children[i], level + LateralLevel(op, i));
}

// The body of a subquery below the operators that do not change which rows exist for a
// semi join (projection, sort, plain DISTINCT, and for EXISTS a positive LIMIT), with the
// compared value (ANY) expressed over the body's output.
struct Body {
  LogicalOpPtr* slot = nullptr;
  BoundExprPtr value;
};

bool FindBody(LogicalOpPtr& plan, bool exists, Body* body) {
  LogicalOpPtr* slot = &plan;
  BoundExprPtr value = exists ? nullptr : MakeColumnRef(0, plan->types[0], plan->names[0]);
  while (true) {
    LogicalOp& op = **slot;
    if (op.kind == LogicalOpKind::kProjection) {
      if (value) value = SubstituteColumns(*value, op.exprs);
    } else if (op.kind == LogicalOpKind::kLimit) {
      const BoundExpr* limit = op.limit.get();
      bool positive = exists && !op.offset && limit && limit->kind == BoundExprKind::kConstant &&
                      !limit->constant.is_null() &&
                      limit->type.physical() == PhysicalType::kInt64 &&
                      limit->constant.GetInt64() > 0;
      if (!positive) break;
    } else if (op.kind != LogicalOpKind::kSort &&
               !(op.kind == LogicalOpKind::kDistinct && op.columns.empty())) {
      break;
    }
    slot = &op.children[0];
  }
  if (value && (value->IsVolatile() || ContainsSubquery(*value))) return false;
  body->slot = slot;
  body->value = std::move(value);
  return true;
}

// Splits a Filter body's conjuncts into those reading the parent (moved to the join) and the
// rest; false when the parent is read anywhere else.
bool PullCorrelation(LogicalOp& body, std::vector<BoundExprPtr>* pulled, bool dry_run) {
  if (body.kind != LogicalOpKind::kFilter) return !PlanRefersOutside(body, 0);
  for (const BoundExpr* c : ConjunctsOf(*body.predicate))
    if (ReadsParent(*c) && ContainsSubquery(*c)) return false;
  if (PlanRefersOutside(*body.children[0], 0)) return false;
  if (dry_run) return true;
  std::vector<BoundExprPtr> all, keep;
  SplitConjuncts(std::move(body.predicate), &all);
  for (auto& c : all) (ReadsParent(*c) ? pulled : &keep)->push_back(std::move(c));
  body.predicate = Conjunction(std::move(keep));
  return true;
}

// The body after moving its correlation out: the filter disappears when nothing is left.
LogicalOpPtr TakeBody(LogicalOpPtr* slot, std::vector<BoundExprPtr>* pulled) {
  LogicalOpPtr body = std::move(*slot);
  PullCorrelation(*body, pulled, false);
  if (body->kind == LogicalOpKind::kFilter && !body->predicate) body = std::move(body->children[0]);
  LiftDepths(*body, 0);
  return body;
}

// Moves a subquery's plan out of its expression (restored with PutBack when the rewrite
// does not apply).
LogicalOpPtr TakePlan(const BoundExpr& s) { return std::make_unique<LogicalOp>(std::move(*s.subquery)); }
void PutBack(const BoundExpr& s, LogicalOpPtr plan) { *s.subquery = std::move(*plan); }

// EXISTS / NOT EXISTS / IN / NOT IN / op ANY as a semi or anti join on `input`.
bool UnnestQuantified(const BoundExpr& s, LogicalOpPtr& input) {
  auto type = static_cast<SubqueryType>(s.index);
  if (type != SubqueryType::kExists && type != SubqueryType::kAny) return false;
  bool exists = type == SubqueryType::kExists;
  // An uncorrelated EXISTS is one constant for the statement: nothing to gain.
  if (exists && !s.correlated) return false;
  if (s.subquery.use_count() != 1) return false;
  LogicalOpPtr plan = TakePlan(s);
  Body body;
  std::vector<BoundExprPtr> none;
  bool ok = FindBody(plan, exists, &body) && PullCorrelation(**body.slot, &none, true);
  if (ok && body.value && ReadsParent(*body.value)) ok = false;
  bool anti = s.negated;
  bool null_aware = anti && !exists;
  if (ok && null_aware) {
    // NOT IN: only uncorrelated equality, where a hash join can apply NULL's rules.
    const BoundExpr& operand = *s.children[0];
    ok = s.function.function && s.function.function->name == "=" && !s.correlated &&
         operand.type.physical() == body.value->type.physical() && !operand.IsVolatile() &&
         !ContainsSubquery(operand);
  }
  if (!ok) {
    PutBack(s, std::move(plan));
    return false;
  }
  int left_width = static_cast<int>(input->types.size());
  std::vector<BoundExprPtr> condition;
  LogicalOpPtr right = TakeBody(body.slot, &condition);
  for (auto& c : condition) c = ToPairRow(*c, left_width);
  if (!exists) {
    auto cmp = std::make_unique<BoundExpr>();
    cmp->kind = BoundExprKind::kFunction;
    cmp->type = TypeId::kBoolean;
    cmp->function = s.function;
    cmp->name = s.function.function->name;
    cmp->children.push_back(s.children[0]->Copy());
    cmp->children.push_back(ToPairRow(*body.value, left_width));
    condition.insert(condition.begin(), std::move(cmp));
  }
  input = MakeJoinOp(std::move(input), std::move(right), anti ? JoinType::kAnti : JoinType::kSemi,
                   Conjunction(std::move(condition)));
  input->null_aware = null_aware;
  return true;
}

// True when the expression is NULL whenever its input columns are. An aggregate-only
// subquery's value then is NULL over no rows (every aggregate but COUNT gives NULL there), so
// a join that finds no group may supply NULL for it.
bool NullWhenColumnsNull(const BoundExpr& e) {
  switch (e.kind) {
    case BoundExprKind::kColumn:
      return true;
    case BoundExprKind::kCast:
      return NullWhenColumnsNull(*e.children[0]);
    case BoundExprKind::kFunction:
      if (!e.function.function || !e.function.function->strict || e.IsVolatile()) return false;
      for (const auto& c : e.children)
        if (NullWhenColumnsNull(*c)) return true;
      return false;
    default:
      return false;
  }
}

bool OwnExprsReadOutside(const LogicalOp& op) {
  bool found = false;
  ForEachExpr(op, [&](const BoundExpr& e) { found = found || RefersOutside(e, 0); });
  return found;
}

// `inner = outer` with each side reading only its own query: returns the side reading the
// subquery's columns (0 or 1), or -1.
int CorrelationKeySide(const BoundExpr& c) {
  if (c.kind != BoundExprKind::kFunction || c.name != "=" || c.children.size() != 2) return -1;
  for (int side = 0; side < 2; side++) {
    const BoundExpr& inner = *c.children[side];
    const BoundExpr& outer = *c.children[1 - side];
    if (!ReadsParent(inner) && !inner.IsVolatile() && ReadsParent(outer) && !ReadsColumns(outer) &&
        !ContainsSubquery(outer))
      return side;
  }
  return -1;
}

// A correlated scalar subquery SELECT f(agg...) FROM ... WHERE inner_key = outer_key AND ...
// joined to `input` as the aggregate grouped by inner_key; returns the value's column in the
// new input, or -1. `inner_join`: the caller drops rows whose value is NULL anyway.
int UnnestScalar(const BoundExpr& s, LogicalOpPtr& input, bool inner_join) {
  if (static_cast<SubqueryType>(s.index) != SubqueryType::kScalar || !s.correlated ||
      s.subquery.use_count() != 1)
    return -1;
  LogicalOpPtr plan = TakePlan(s);
  BoundExprPtr value = MakeColumnRef(0, plan->types[0], plan->names[0]);
  LogicalOpPtr* slot = &plan;
  while ((*slot)->kind == LogicalOpKind::kProjection) {
    value = SubstituteColumns(*value, (*slot)->exprs);
    slot = &(*slot)->children[0];
  }
  LogicalOp& agg = **slot;
  bool ok = agg.kind == LogicalOpKind::kAggregate && agg.exprs.empty() &&
            agg.grouping_sets.empty() && NullWhenColumnsNull(*value) && !ReadsParent(*value);
  for (size_t i = 0; ok && i < agg.aggregates.size(); i++) {
    const std::string& name = agg.aggregates[i].name;
    ok = name != "count" && name != "regr_count" && agg.aggregates[i].grouping_columns.empty();
  }
  ok = ok && agg.children[0]->kind == LogicalOpKind::kFilter && !OwnExprsReadOutside(agg) &&
       PullCorrelation(*agg.children[0], nullptr, true);
  if (ok && agg.children[0]->kind == LogicalOpKind::kFilter) {
    const BoundExpr& p = *agg.children[0]->predicate;
    for (const BoundExpr* c : ConjunctsOf(p))
      if (ReadsParent(*c) && CorrelationKeySide(*c) < 0) ok = false;
  }
  if (!ok) {
    PutBack(s, std::move(plan));
    return -1;
  }
  std::vector<BoundExprPtr> keys;
  agg.children[0] = TakeBody(&agg.children[0], &keys);
  LiftDepths(agg, 0);
  int groups = static_cast<int>(keys.size());
  int left_width = static_cast<int>(input->types.size());
  std::vector<BoundExprPtr> condition;
  std::vector<LogicalType> types;
  std::vector<std::string> names;
  for (int i = 0; i < groups; i++) {
    BoundExprPtr& c = keys[i];
    int side = CorrelationKeySide(*c);
    BoundExprPtr inner = std::move(c->children[side]);
    c->children[side] = MakeColumnRef(left_width + i, inner->type, inner->name);
    c->children[1 - side] = ToPairRow(*c->children[1 - side], left_width);
    types.push_back(inner->type);
    names.push_back(inner->name);
    agg.exprs.push_back(std::move(inner));
    condition.push_back(std::move(c));
  }
  agg.types.insert(agg.types.begin(), types.begin(), types.end());
  agg.names.insert(agg.names.begin(), names.begin(), names.end());
  ShiftColumns(*value, groups);
  auto project = std::make_unique<LogicalOp>();
  project->kind = LogicalOpKind::kProjection;
  for (int i = 0; i < groups; i++) project->exprs.push_back(MakeColumnRef(i, types[i], names[i]));
  project->types = types;
  project->names = names;
  project->types.push_back(value->type);
  project->names.push_back(plan->names[0]);
  project->exprs.push_back(std::move(value));
  project->children.push_back(std::move(*slot));
  input = MakeJoinOp(std::move(input), std::move(project),
                   inner_join ? JoinType::kInner : JoinType::kLeft, Conjunction(std::move(condition)));
  return left_width + groups;
}

// Replaces the correlated scalar subqueries in e by columns of `input`'s unnested joins.
void UnnestScalars(BoundExprPtr& e, LogicalOpPtr& input, bool top_comparison) {
  if (e->kind == BoundExprKind::kSubquery) {
    int column = UnnestScalar(*e, input, top_comparison);
    if (column >= 0) e = MakeColumnRef(column, e->type, input->names[column]);
    return;
  }
  for (auto& c : e->children) UnnestScalars(c, input, top_comparison && IsComparison(*e));
}

bool HasCorrelatedScalar(const BoundExpr& e) {
  if (e.kind == BoundExprKind::kSubquery)
    return e.correlated && static_cast<SubqueryType>(e.index) == SubqueryType::kScalar;
  for (const auto& c : e.children)
    if (HasCorrelatedScalar(*c)) return true;
  return false;
}

void UnnestFilter(LogicalOpPtr& op) {
  std::vector<BoundExprPtr> conjuncts;
  SplitConjuncts(std::move(op->predicate), &conjuncts);
  std::vector<BoundExprPtr> plain, quantified, scalar;
  for (auto& c : conjuncts) {
    // NOT EXISTS / NOT (x = ANY ...) may arrive as a NOT over the subquery.
    if (c->kind == BoundExprKind::kNot && c->children[0]->kind == BoundExprKind::kSubquery &&
        static_cast<SubqueryType>(c->children[0]->index) != SubqueryType::kScalar) {
      BoundExprPtr inner = std::move(c->children[0]);
      inner->negated = !inner->negated;
      c = std::move(inner);
    }
    if (c->kind == BoundExprKind::kSubquery &&
        static_cast<SubqueryType>(c->index) != SubqueryType::kScalar) {
      quantified.push_back(std::move(c));
    } else if (HasCorrelatedScalar(*c)) {
      scalar.push_back(std::move(c));
    } else {
      plain.push_back(std::move(c));
    }
  }
  if (quantified.empty() && scalar.empty()) {
    op->predicate = Conjunction(std::move(plain));
    return;
  }
  size_t width = op->types.size();
  LogicalOpPtr input = std::move(op->children[0]);
  // Plain conjuncts filter first: they can then move further down, below the new joins.
  if (!plain.empty()) AddFilter(input, Conjunction(std::move(plain)));
  std::vector<BoundExprPtr> rest;
  for (auto& q : quantified)
    if (!UnnestQuantified(*q, input)) rest.push_back(std::move(q));
  for (auto& c : scalar) {
    UnnestScalars(c, input, true);
    rest.push_back(std::move(c));
  }
  if (!rest.empty()) AddFilter(input, Conjunction(std::move(rest)));
  op = input->types.size() == width ? std::move(input) : ProjectPrefix(std::move(input), width);
}

void UnnestProjection(LogicalOp& op) {
  for (auto& e : op.exprs)
    if (HasCorrelatedScalar(*e)) UnnestScalars(e, op.children[0], false);
}
}  // namespace

void UnnestSubqueries(LogicalOpPtr& op) {
  ForEachSubqueryPlan(*op, [](LogicalOpPtr& plan) { UnnestSubqueries(plan); });
  for (auto& c : op->children) UnnestSubqueries(c);
  if (op->kind == LogicalOpKind::kFilter) {
    UnnestFilter(op);
  } else if (op->kind == LogicalOpKind::kProjection) {
    UnnestProjection(*op);
  }
  // Unnesting inside a subquery may leave it no longer reading its parent.
  ForEachExpr(*op, [](BoundExprPtr& e) { RefreshCorrelation(*e); });
}

}  // namespace heliosdb
