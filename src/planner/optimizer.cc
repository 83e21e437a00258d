#include "planner/optimizer.h"

#include <algorithm>
#include <map>

#include "planner/cardinality.h"
#include "planner/parallelism.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {
// One usable conjunct: table column `column` <op> value.
struct KeyPredicate {
  int column;
  std::string op;  // "=", "<", "<=", ">", ">="
  const BoundExpr* value;
  const BoundExpr* conjunct;  // the comparison itself
  bool exact;  // the value has the column's type: the key range decides the comparison
};

// A value fixed for one execution of the scan: constants, parameters and the enclosing
// query's columns (a correlated subquery looks rows up by them).
bool IsKeyValue(const BoundExpr& e) {
  if (e.kind == BoundExprKind::kColumn || e.kind == BoundExprKind::kSubquery ||
      e.kind == BoundExprKind::kAggregateRef || e.IsVolatile())
    return false;
  for (const auto& c : e.children)
    if (!IsKeyValue(*c)) return false;
  return true;
}

bool ReferencesColumns(const BoundExpr& e) {
  if (e.kind == BoundExprKind::kColumn) return true;
  for (const auto& c : e.children)
    if (ReferencesColumns(*c)) return true;
  return false;
}

void CollectConjuncts(const BoundExpr& e, const LogicalOp& get, std::vector<KeyPredicate>* out) {
  if (e.kind == BoundExprKind::kAnd) {
    for (const auto& c : e.children) CollectConjuncts(*c, get, out);
    return;
  }
  if (e.kind != BoundExprKind::kFunction || e.children.size() != 2) return;
  static const char* kOps[] = {"=", "<", "<=", ">", ">="};
  bool comparison = false;
  for (const char* op : kOps) comparison |= e.name == op;
  if (!comparison) return;
  const BoundExpr* l = e.children[0].get();
  const BoundExpr* r = e.children[1].get();
  std::string op = e.name;
  if (l->kind != BoundExprKind::kColumn) {
    std::swap(l, r);
    op = FlipComparison(op);
  }
  if (l->kind != BoundExprKind::kColumn || !IsKeyValue(*r) || ReferencesColumns(*r)) return;
  int column = get.columns[l->index];
  if (get.table->columns[column].type.id() != l->type.id()) return;
  out->push_back({column, op, r, &e, r->type == get.table->columns[column].type});
}

// Fills `path` for the key columns `key`; returns how many key columns it constrains
// (equalities count fully, a trailing range counts half).
double MatchKey(const std::vector<int>& key, const std::vector<KeyPredicate>& preds,
                AccessPath* path, std::vector<const KeyPredicate*>* used) {
  double score = 0;
  for (int column : key) {
    const KeyPredicate* eq = nullptr;
    for (const auto& p : preds)
      if (p.column == column && p.op == "=") eq = &p;
    if (eq) {
      path->eq.push_back(eq->value->Copy());
      used->push_back(eq);
      score += 1;
      continue;
    }
    for (const auto& p : preds) {
      if (p.column != column) continue;
      if ((p.op == ">" || p.op == ">=") && !path->lower) {
        path->lower = p.value->Copy();
        path->lower_inclusive = p.op == ">=";
        used->push_back(&p);
      } else if ((p.op == "<" || p.op == "<=") && !path->upper) {
        path->upper = p.value->Copy();
        path->upper_inclusive = p.op == "<=";
        used->push_back(&p);
      }
    }
    if (path->lower || path->upper) score += 0.5;
    break;
  }
  return score;
}

// Chooses the scan's access path; returns the conjuncts the path decides exactly (they need
// no re-check in the filter).
std::vector<const BoundExpr*> ChooseAccessPath(LogicalOp& filter, const Catalog& catalog) {
  LogicalOp& get = *filter.children[0];
  std::vector<KeyPredicate> preds;
  CollectConjuncts(*filter.predicate, get, &preds);
  if (preds.empty()) return {};
  AccessPath best;
  std::vector<const KeyPredicate*> best_used;
  double best_score = 0;
  if (get.table->has_primary_key()) {
    AccessPath path;
    std::vector<const KeyPredicate*> used;
    path.type = AccessPath::Type::kPrimaryKey;
    double score = MatchKey(get.table->primary_key, preds, &path, &used);
    // A full primary-key equality is a single Get: nothing beats it.
    if (path.eq.size() == get.table->primary_key.size()) score += 100;
    if (score > best_score) {
      best_score = score;
      best = std::move(path);
      best_used = std::move(used);
    }
  }
  for (const IndexInfo* index : catalog.TableIndexes(get.table->id)) {
    if (index->primary || index->method != "btree") continue;
    AccessPath path;
    std::vector<const KeyPredicate*> used;
    path.type = AccessPath::Type::kIndex;
    path.index = index;
    double score = MatchKey(index->columns, preds, &path, &used);
    if (index->unique && path.eq.size() == index->columns.size()) score += 50;
    if (score > best_score) {
      best_score = score;
      best = std::move(path);
      best_used = std::move(used);
    }
  }
  if (best_score == 0) return {};
  get.access = std::move(best);
  std::vector<const BoundExpr*> decided;
  for (const KeyPredicate* p : best_used)
    if (p->exact) decided.push_back(p->conjunct);
  return decided;
}

// Removes the decided conjuncts from a filter; drops the filter when none is left.
void RemoveConjuncts(LogicalOpPtr& filter, const std::vector<const BoundExpr*>& decided) {
  auto is_decided = [&](const BoundExpr* e) {
    return std::find(decided.begin(), decided.end(), e) != decided.end();
  };
  BoundExprPtr& predicate = filter->predicate;
  if (predicate->kind == BoundExprKind::kAnd) {
    auto& c = predicate->children;
    c.erase(std::remove_if(c.begin(), c.end(), [&](const BoundExprPtr& e) { return is_decided(e.get()); }),
            c.end());
    if (c.size() == 1) predicate = std::move(c[0]);
    if (!c.empty() || predicate->kind != BoundExprKind::kAnd) return;
  } else if (!is_decided(predicate.get())) {
    return;
  }
  filter = std::move(filter->children[0]);
}

void Visit(LogicalOpPtr& op, const Catalog& catalog) {
  for (auto& c : op->children) Visit(c, catalog);
  // Subqueries left as expressions are planned like queries of their own.
  ForEachSubqueryPlan(*op, [&](LogicalOpPtr& plan) {
    PushDownFilters(plan);
    Visit(plan, catalog);
  });
  if (op->kind == LogicalOpKind::kFilter && op->children[0]->kind == LogicalOpKind::kGet &&
      op->children[0]->access.type == AccessPath::Type::kFullScan) {
    std::vector<const BoundExpr*> decided = ChooseAccessPath(*op, catalog);
    if (!decided.empty()) RemoveConjuncts(op, decided);
  }
}
}  // namespace

// A projection of a projection computes its expressions over the inner one's input (the
// rewrites above stack projections that restore column orders).
// A strict function with a NULL constant argument is NULL whatever its other arguments are:
// PostgreSQL folds it before running anything, so `(a / 0) = NULL` is NULL, never an error.
void FoldStrictNulls(BoundExprPtr& e) {
  for (auto& c : e->children) FoldStrictNulls(c);
  bool strict = e->kind == BoundExprKind::kCast ||  // CAST(NULL AS int) is NULL
                (e->kind == BoundExprKind::kFunction && e->function.function &&
                 e->function.function->strict);
  if (!strict) return;
  for (const auto& c : e->children) {
    if (c->kind == BoundExprKind::kConstant && c->constant.is_null()) {
      LogicalType type = e->type;
      e = MakeConstant(Value::Null(type));
      return;
    }
  }
}

void FoldStrictNulls(LogicalOp& op) {
  ForEachExpr(op, [](BoundExprPtr& e) { FoldStrictNulls(e); });
  ForEachSubqueryPlan(op, [](LogicalOpPtr& plan) { FoldStrictNulls(*plan); });
  for (auto& c : op.children) FoldStrictNulls(*c);
}

void MergeProjections(LogicalOpPtr& op) {
  for (auto& c : op->children) MergeProjections(c);
  ForEachSubqueryPlan(*op, [](LogicalOpPtr& plan) { MergeProjections(plan); });
  if (op->kind != LogicalOpKind::kProjection ||
      op->children[0]->kind != LogicalOpKind::kProjection)
    return;
  LogicalOp& inner = *op->children[0];
  for (const auto& e : inner.exprs)
    if (e->IsVolatile() || RefersOutside(*e, 0) || e->kind == BoundExprKind::kSubquery ||
        (e->kind != BoundExprKind::kColumn && e->kind != BoundExprKind::kConstant))
      return;  // only pure column selections fold without repeating work
  for (auto& e : op->exprs) e = SubstituteColumns(*e, inner.exprs);
  op->children[0] = std::move(inner.children[0]);
}

// ORDER BY ... LIMIT: the sort keeps only the rows the limit can return.
void MarkTopN(LogicalOp& op) {
  for (auto& c : op.children) MarkTopN(*c);
  ForEachSubqueryPlan(op, [](LogicalOpPtr& plan) { MarkTopN(*plan); });
  if (op.kind != LogicalOpKind::kLimit || op.children[0]->kind != LogicalOpKind::kSort) return;
  auto count = [](const BoundExprPtr& e) -> int64_t {
    if (!e) return 0;
    if (e->kind != BoundExprKind::kConstant || e->constant.is_null() ||
        e->type.physical() != PhysicalType::kInt64)
      return -1;
    return e->constant.GetInt64();
  };
  int64_t limit = count(op.limit), offset = count(op.offset);
  if (!op.limit || limit < 0 || offset < 0 || limit > (int64_t{1} << 40)) return;
  op.children[0]->top_n = limit + offset;
}

void EstimateRows(LogicalOp& op, CardinalityEstimator& estimator) {
  for (auto& c : op.children) EstimateRows(*c, estimator);
  ForEachSubqueryPlan(op, [&](LogicalOpPtr& plan) { EstimateRows(*plan, estimator); });
  op.estimated_rows = estimator.Rows(op);
}

void Optimize(LogicalOpPtr& plan, const Catalog& catalog, const PlannerEnvironment* env) {
  FoldStrictNulls(*plan);
  UnnestSubqueries(plan);
  PushDownFilters(plan);
  {
    CardinalityEstimator estimator(catalog, env);
    ReorderJoins(plan, estimator);
    ChooseIndexJoins(plan, catalog, estimator);
  }
  Visit(plan, catalog);
  MergeProjections(plan);
  PruneColumns(*plan);
  MarkZoneConjuncts(*plan);
  MarkTopN(*plan);
  {
    // Last: the choice needs the final access paths and columns.
    CardinalityEstimator estimator(catalog, env);
    ChooseMergeJoins(plan, estimator, env ? env->Threads() : 1);
  }
  MergeProjections(plan);  // a Sort dropped between two projections
  // A fresh estimator: the rewrites above replaced operators it has seen.
  CardinalityEstimator estimator(catalog, env);
  EstimateRows(*plan, estimator);
  MarkParallelPipelines(*plan);
}

}  // namespace heliosdb
