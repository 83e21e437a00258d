// Zone conjuncts: the `column op constant` conjuncts of a filter directly over a table scan are
// copied to the scan's access path, so the cold tier can skip row groups by their min/max zone
// maps (storage/columnar/tiered_transaction.h). The filter keeps them: the zone maps only say
// which row groups cannot match. Limited to columns kept as 64-bit integers (integers, dates,
// times, timestamps), whose order in zone maps is the SQL order.
#include "planner/optimizer.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {

void Collect(const BoundExpr& e, LogicalOp& get) {
  if (e.kind == BoundExprKind::kAnd) {
    for (const auto& c : e.children) Collect(*c, get);
    return;
  }
  if (e.kind != BoundExprKind::kFunction || e.children.size() != 2) return;
  static const char* kOps[] = {"=", "<", "<=", ">", ">="};
  if (std::find(std::begin(kOps), std::end(kOps), e.name) == std::end(kOps)) return;
  const BoundExpr* column = e.children[0].get();
  const BoundExpr* value = e.children[1].get();
  std::string op = e.name;
  if (column->kind != BoundExprKind::kColumn) {
    std::swap(column, value);
    op = FlipComparison(op);
  }
  if (column->kind != BoundExprKind::kColumn || !value->IsConstant() ||
      column->index >= static_cast<int>(get.columns.size()))
    return;
  int table_column = get.columns[column->index];
  const LogicalType& type = get.table->columns[table_column].type;
  if (type.physical() != PhysicalType::kInt64 || type.IsArray() || !(value->type == type)) return;
  get.access.zones.push_back({table_column, op, value->Copy()});
}

}  // namespace

void MarkZoneConjuncts(LogicalOp& op) {
  for (auto& c : op.children) MarkZoneConjuncts(*c);
  ForEachSubqueryPlan(op, [](LogicalOpPtr& plan) { MarkZoneConjuncts(*plan); });
  if (op.kind != LogicalOpKind::kFilter || op.children.empty()) return;
  LogicalOp& get = *op.children[0];
  if (get.kind != LogicalOpKind::kGet || !get.table ||
      get.access.type == AccessPath::Type::kIndex || !get.access.zones.empty())
    return;
  Collect(*op.predicate, get);
}

}  // namespace heliosdb
