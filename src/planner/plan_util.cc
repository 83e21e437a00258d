#include "planner/plan_util.h"

namespace heliosdb {

void SplitConjuncts(BoundExprPtr e, std::vector<BoundExprPtr>* out) {
  if (e->kind == BoundExprKind::kAnd) {
    for (auto& c : e->children) SplitConjuncts(std::move(c), out);
    return;
  }
  out->push_back(std::move(e));
}

std::vector<const BoundExpr*> ConjunctsOf(const BoundExpr& e) {
  if (e.kind != BoundExprKind::kAnd) return {&e};
  std::vector<const BoundExpr*> out;
  for (const auto& c : e.children) out.push_back(c.get());
  return out;
}

bool IsComparison(const BoundExpr& e) {
  if (e.kind != BoundExprKind::kFunction || e.children.size() != 2) return false;
  for (const char* op : {"=", "<>", "<", "<=", ">", ">="})
    if (e.name == op) return true;
  return false;
}

std::string FlipComparison(const std::string& op) {
  if (op == "<") return ">";
  if (op == ">") return "<";
  if (op == "<=") return ">=";
  if (op == ">=") return "<=";
  return op;
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

BoundExprPtr SubstituteColumns(const BoundExpr& e, const std::vector<BoundExprPtr>& exprs) {
  if (e.kind == BoundExprKind::kColumn) return exprs[e.index]->Copy();
  BoundExprPtr out = e.Copy();
  for (size_t i = 0; i < e.children.size(); i++)
    out->children[i] = SubstituteColumns(*e.children[i], exprs);
  return out;
}

bool CollectColumns(const BoundExpr& e, std::set<int>* columns) {
  if (e.kind == BoundExprKind::kSubquery || e.IsVolatile()) return false;
  if (e.kind == BoundExprKind::kColumn) columns->insert(e.index);
  for (const auto& c : e.children)
    if (!CollectColumns(*c, columns)) return false;
  return true;
}

namespace {
// Both ForEachExpr overloads: Op is LogicalOp or const LogicalOp, and the slots follow.
template <typename Op, typename Fn>
void VisitSlots(Op& op, const Fn& fn) {
  auto one = [&](auto& e) {
    if (e) fn(e);
  };
  auto all = [&](auto& list) {
    for (auto& e : list) one(e);
  };
  auto keys = [&](auto& list) {
    for (auto& k : list) one(k.expr);
  };
  one(op.predicate);
  all(op.exprs);
  for (auto& a : op.aggregates) {
    all(a.args);
    one(a.filter);
    keys(a.order_by);
  }
  for (auto& w : op.windows) {
    all(w.args);
    all(w.partition_by);
    keys(w.order_by);
    one(w.start_offset);
    one(w.end_offset);
  }
  keys(op.sort_keys);
  one(op.limit);
  one(op.offset);
  for (auto& row : op.rows) all(row);
  all(op.access.eq);
  one(op.access.lower);
  one(op.access.upper);
  all(op.conflict_set);
  one(op.conflict_where);
  all(op.returning);
}
}  // namespace

void ForEachExpr(LogicalOp& op, const std::function<void(BoundExprPtr&)>& fn) {
  VisitSlots(op, fn);
}

void ForEachExpr(const LogicalOp& op, const std::function<void(const BoundExpr&)>& fn) {
  VisitSlots(op, [&](const BoundExprPtr& e) { fn(*e); });
}

namespace {
void SubqueryPlansIn(BoundExpr& e, const std::function<void(LogicalOpPtr&)>& fn) {
  if (e.subquery) {
    // Plans are shared between copies of the expression; the root object stays in place.
    LogicalOpPtr plan = std::make_unique<LogicalOp>(std::move(*e.subquery));
    fn(plan);
    *e.subquery = std::move(*plan);
  }
  for (auto& c : e.children) SubqueryPlansIn(*c, fn);
}
}  // namespace

void ForEachSubqueryPlan(LogicalOp& op, const std::function<void(LogicalOpPtr&)>& fn) {
  ForEachExpr(op, [&](BoundExprPtr& e) { SubqueryPlansIn(*e, fn); });
}

void RefreshCorrelation(BoundExpr& e) {
  if (e.subquery) e.correlated = PlanRefersOutside(*e.subquery, 0);
  for (auto& c : e.children) RefreshCorrelation(*c);
}

int LateralLevel(const LogicalOp& op, size_t child) {
  return op.kind == LogicalOpKind::kJoin && op.lateral && child == 1 ? 1 : 0;
}

bool RefersOutside(const BoundExpr& e, int level) {
  if (e.kind == BoundExprKind::kOuterColumn && e.depth > level) return true;
  if (e.subquery && PlanRefersOutside(*e.subquery, level + 1)) return true;
  for (const auto& c : e.children)
    if (RefersOutside(*c, level)) return true;
  return false;
}

bool PlanRefersOutside(const LogicalOp& op, int level) {
  bool found = false;
  ForEachExpr(op, [&](const BoundExpr& e) { found = found || RefersOutside(e, level); });
  for (size_t i = 0; i < op.children.size(); i++)
    found = found || PlanRefersOutside(*op.children[i], level + LateralLevel(op, i));
  return found;
}

LogicalOpPtr MakeJoinOp(LogicalOpPtr left, LogicalOpPtr right, JoinType type,
                      BoundExprPtr condition) {
  auto join = std::make_unique<LogicalOp>();
  join->kind = LogicalOpKind::kJoin;
  join->join_type = type;
  join->types = left->types;
  join->names = left->names;
  if (type != JoinType::kSemi && type != JoinType::kAnti) {
    join->types.insert(join->types.end(), right->types.begin(), right->types.end());
    join->names.insert(join->names.end(), right->names.begin(), right->names.end());
  }
  join->predicate = std::move(condition);
  join->children.push_back(std::move(left));
  join->children.push_back(std::move(right));
  return join;
}

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

LogicalOpPtr ProjectPrefix(LogicalOpPtr op, size_t width) {
  auto project = std::make_unique<LogicalOp>();
  project->kind = LogicalOpKind::kProjection;
  for (size_t i = 0; i < width; i++) {
    project->exprs.push_back(MakeColumnRef(static_cast<int>(i), op->types[i], op->names[i]));
    project->types.push_back(op->types[i]);
    project->names.push_back(op->names[i]);
  }
  project->children.push_back(std::move(op));
  return project;
}

}  // namespace heliosdb
