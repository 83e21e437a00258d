#include "planner/plan_order.h"

#include <algorithm>

namespace heliosdb {

namespace {
// Positions in the scan's output of the leading key columns it produces.
// (descending: the index's per-column DESC flags; the order stops at the first one).
std::vector<int> ScanOrder(const LogicalOp& get, const std::vector<int>& key,
                           const std::vector<bool>& descending = {}) {
  std::vector<int> out;
  for (size_t k = 0; k < key.size(); k++) {
    int column = key[k];
    if (k < descending.size() && descending[k]) break;
    auto it = std::find(get.columns.begin(), get.columns.end(), column);
    if (it == get.columns.end()) break;
    out.push_back(static_cast<int>(it - get.columns.begin()));
  }
  return out;
}

std::vector<int> SortOrder(const LogicalOp& sort) {
  std::vector<int> out;
  for (const SortKey& key : sort.sort_keys) {
    const BoundExpr& e = *key.expr;
    if (key.descending || key.nulls_first || e.kind != BoundExprKind::kColumn ||
        e.type.IsArray())  // arrays: Sort's comparison is not the key encoding's
      break;
    out.push_back(e.index);
  }
  return out;
}

std::vector<int> ProjectionOrder(const LogicalOp& projection) {
  std::vector<int> out;
  for (int column : OrderedColumns(*projection.children[0])) {
    int found = -1;
    for (size_t i = 0; i < projection.exprs.size() && found < 0; i++)
      if (OrderPreservedColumn(*projection.exprs[i]) == column) found = static_cast<int>(i);
    if (found < 0) break;
    out.push_back(found);
  }
  return out;
}

std::vector<int> JoinOrder(const LogicalOp& join) {
  bool keeps_left = false;
  if (join.lateral) {
    keeps_left = join.join_type == JoinType::kInner || join.join_type == JoinType::kLeft ||
                 join.join_type == JoinType::kCross;
  } else if (join.predicate) {
    // Hash and merge joins; a nested-loop join pairs rows in no promised order.
    keeps_left = join.join_type == JoinType::kInner || join.join_type == JoinType::kSemi ||
                 join.join_type == JoinType::kAnti;
  }
  return keeps_left ? OrderedColumns(*join.children[0]) : std::vector<int>{};
}
}  // namespace

int OrderPreservedColumn(const BoundExpr& e) {
  if (e.kind == BoundExprKind::kColumn) return e.index;
  if (e.kind != BoundExprKind::kCast || e.children[0]->kind != BoundExprKind::kColumn) return -1;
  const LogicalType& from = e.children[0]->type;
  // An integer cast keeps the value (or fails); varchar to text keeps the bytes. (char(n) to
  // text drops trailing blanks, which can reorder values.)
  if ((e.type.IsInteger() && from.IsInteger()) ||
      (e.type.id() == TypeId::kText && from.id() == TypeId::kVarchar))
    return e.children[0]->index;
  return -1;
}

std::vector<int> OrderedColumns(const LogicalOp& op) {
  switch (op.kind) {
    case LogicalOpKind::kGet:
      switch (op.access.type) {
        case AccessPath::Type::kFullScan:
        case AccessPath::Type::kPrimaryKey:
          return ScanOrder(op, op.table->primary_key);
        case AccessPath::Type::kIndex:
          if (op.access.index->method != "btree") break;
          return ScanOrder(op, op.access.index->columns, op.access.index->descending);
      }
      break;
    case LogicalOpKind::kFilter:
    case LogicalOpKind::kLimit:
      return OrderedColumns(*op.children[0]);
    case LogicalOpKind::kProjection:
      return ProjectionOrder(op);
    case LogicalOpKind::kSort:
      return SortOrder(op);
    case LogicalOpKind::kJoin:
      return JoinOrder(op);
    default:
      break;
  }
  return {};
}

}  // namespace heliosdb
