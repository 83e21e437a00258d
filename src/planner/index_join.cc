// Index nested-loop joins. When a join's right input is a table (or a filter over one) whose
// primary key or an index leads with a column the join equates to the left side, and the
// left side is much smaller than that table, the join runs as a lateral join: per left row,
// the right side looks its rows up by key (the equality becomes an access-path conjunct over
// the left row, depth 1) instead of the whole table being hashed. An inner join whose small
// side is on the right is flipped first.
#include <functional>
#include <set>

#include "planner/cardinality.h"
#include "planner/optimizer.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {
// Probing costs a plan and a seek per left row: worth it when the table is this many times
// bigger (a margin for estimates that run low).
constexpr double kProbeAdvantage = 50;

const LogicalOp* TableOf(const LogicalOp& op) {
  const LogicalOp* get = op.kind == LogicalOpKind::kFilter ? op.children[0].get() : &op;
  // An AS OF read probes no index: the index may not have existed at that SCN.
  if (get->kind != LogicalOpKind::kGet || get->access.type != AccessPath::Type::kFullScan ||
      get->as_of_scn != 0)
    return nullptr;
  return get;
}

// True when table column `column` leads the primary key or a btree index.
bool LeadsAnIndex(const LogicalOp& get, int column, const Catalog& catalog) {
  const TableInfo& t = *get.table;
  if (!t.primary_key.empty() && t.primary_key[0] == column) return true;
  for (const IndexInfo* index : catalog.TableIndexes(t.id))
    if (index->method == "btree" && index->columns[0] == column) return true;
  return false;
}

// The left row's expression as seen from the right side, one query level further in.
BoundExprPtr AsOuter(const BoundExpr& e) {
  BoundExprPtr out = e.Copy();
  if (e.kind == BoundExprKind::kColumn) {
    out->kind = BoundExprKind::kOuterColumn;
    out->depth = 1;
  } else if (e.kind == BoundExprKind::kOuterColumn) {
    out->depth++;
  }
  for (size_t i = 0; i < e.children.size(); i++) out->children[i] = AsOuter(*e.children[i]);
  return out;
}

// The join's `left expr = right column` conjuncts over an index-leading column, rewritten as
// `column = outer expr` for the right side's filter.
std::vector<BoundExprPtr> ProbeConjuncts(const LogicalOp& join, const LogicalOp& get,
                                         const Catalog& catalog, bool* leads) {
  int left_width = static_cast<int>(join.children[0]->types.size());
  std::vector<BoundExprPtr> out;
  for (const BoundExpr* c : ConjunctsOf(*join.predicate)) {
    if (c->kind != BoundExprKind::kFunction || c->name != "=" || c->children.size() != 2) continue;
    for (int side = 0; side < 2; side++) {
      const BoundExpr& right = *c->children[side];
      const BoundExpr& left = *c->children[1 - side];
      std::set<int> columns;
      if (right.kind != BoundExprKind::kColumn || right.index < left_width ||
          !CollectColumns(left, &columns) || columns.empty() || *columns.rbegin() >= left_width ||
          RefersOutside(left, 0))
        continue;
      int column = get.columns[right.index - left_width];
      *leads |= LeadsAnIndex(get, column, catalog);
      BoundExprPtr probe = c->Copy();
      probe->children[side] = MakeColumnRef(right.index - left_width, right.type, right.name);
      probe->children[1 - side] = AsOuter(left);
      out.push_back(std::move(probe));
      break;
    }
  }
  return out;
}

// Exchanges an inner join's inputs, keeping its output columns in place with a projection.
void Flip(LogicalOpPtr& op) {
  LogicalOp& join = *op;
  int left_width = static_cast<int>(join.children[0]->types.size());
  int right_width = static_cast<int>(join.children[1]->types.size());
  std::vector<int> position(left_width + right_width);
  for (int i = 0; i < left_width; i++) position[i] = right_width + i;
  for (int i = 0; i < right_width; i++) position[left_width + i] = i;
  std::function<void(BoundExpr&)> remap = [&](BoundExpr& e) {
    if (e.kind == BoundExprKind::kColumn) e.index = position[e.index];
    for (auto& c : e.children) remap(*c);
  };
  if (join.predicate) remap(*join.predicate);
  std::swap(join.children[0], join.children[1]);
  std::vector<LogicalType> types = join.children[0]->types;
  std::vector<std::string> names = join.children[0]->names;
  types.insert(types.end(), join.children[1]->types.begin(), join.children[1]->types.end());
  names.insert(names.end(), join.children[1]->names.begin(), join.children[1]->names.end());
  std::vector<LogicalType> original_types = std::move(join.types);
  join.types = std::move(types);
  join.names.swap(names);
  auto project = std::make_unique<LogicalOp>();
  project->kind = LogicalOpKind::kProjection;
  for (int i = 0; i < left_width + right_width; i++) {
    project->exprs.push_back(MakeColumnRef(position[i], op->types[position[i]], names[i]));
    project->types.push_back(original_types[i]);
    project->names.push_back(names[i]);
  }
  project->children.push_back(std::move(op));
  op = std::move(project);
}

// Turns the join at `op` into an index nested-loop join if it qualifies.
bool TryIndexJoin(LogicalOp& join, const Catalog& catalog, CardinalityEstimator& estimator) {
  const LogicalOp* get = TableOf(*join.children[1]);
  if (!get || PlanRefersOutside(*join.children[1], 0)) return false;
  double outer = estimator.Rows(*join.children[0]);
  if (outer * kProbeAdvantage >= estimator.Rows(*get)) return false;
  bool leads = false;
  std::vector<BoundExprPtr> probes = ProbeConjuncts(join, *get, catalog, &leads);
  if (!leads) return false;
  AddFilter(join.children[1], Conjunction(std::move(probes)));
  join.lateral = true;
  return true;
}
}  // namespace

void ChooseIndexJoins(LogicalOpPtr& op, const Catalog& catalog, CardinalityEstimator& estimator) {
  ForEachSubqueryPlan(*op, [&](LogicalOpPtr& plan) { ChooseIndexJoins(plan, catalog, estimator); });
  for (auto& c : op->children) ChooseIndexJoins(c, catalog, estimator);
  LogicalOp& join = *op;
  if (join.kind != LogicalOpKind::kJoin || join.lateral || !join.predicate ||
      (join.join_type != JoinType::kInner && join.join_type != JoinType::kLeft))
    return;
  if (TryIndexJoin(join, catalog, estimator)) return;
  // A small input on the right (the hash build side) may probe the left table instead.
  if (join.join_type != JoinType::kInner || !TableOf(*join.children[0])) return;
  Flip(op);
  if (!TryIndexJoin(*op->children[0], catalog, estimator)) {
    // Flip back: the second projection undoes the first, so the join alone remains.
    LogicalOpPtr flipped = std::move(op->children[0]);
    Flip(flipped);
    op = std::move(flipped->children[0]);
  }
}

}  // namespace heliosdb
