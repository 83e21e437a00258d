#include "planner/plan_order.h"

#include <algorithm>

#include "planner/join_keys.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {
// Positions in the scan's output of the leading key columns it produces (descending: the
// index's per-column DESC flags; the order stops at the first one).
PlanOrder ScanOrder(const LogicalOp& get, const std::vector<int>& key,
                    const std::vector<bool>& descending = {}) {
  PlanOrder out;
  for (size_t k = 0; k < key.size(); k++) {
    if (k < descending.size() && descending[k]) break;
    auto it = std::find(get.columns.begin(), get.columns.end(), key[k]);
    if (it == get.columns.end()) break;
    out.push_back({static_cast<int>(it - get.columns.begin())});
  }
  return out;
}

PlanOrder SortOrder(const LogicalOp& sort) {
  PlanOrder out;
  for (const SortKey& key : sort.sort_keys) {
    const BoundExpr& e = *key.expr;
    if (key.descending || key.nulls_first || e.kind != BoundExprKind::kColumn ||
        e.type.IsArray())  // arrays: Sort's comparison is not the key encoding's
      break;
    out.push_back({e.index});
  }
  return out;
}

PlanOrder ProjectionOrder(const LogicalOp& projection) {
  PlanOrder out;
  for (const OrderPosition& position : OrderOf(*projection.children[0])) {
    OrderPosition mapped;
    for (size_t i = 0; i < projection.exprs.size(); i++)
      if (OrderedOn(position, OrderPreservedColumn(*projection.exprs[i])))
        mapped.push_back(static_cast<int>(i));
    if (mapped.empty()) break;
    out.push_back(std::move(mapped));
  }
  return out;
}

PlanOrder JoinOrder(const LogicalOp& join) {
  bool keeps_left = false;
  if (join.lateral) {
    keeps_left = join.join_type == JoinType::kInner || join.join_type == JoinType::kLeft ||
                 join.join_type == JoinType::kCross;
  } else {
    // Hash and merge joins (a nested-loop join pairs rows in no promised order).
    JoinKeys keys;
    keeps_left = (join.join_type == JoinType::kInner || join.join_type == JoinType::kSemi ||
                  join.join_type == JoinType::kAnti) &&
                 SplitJoinKeys(join, &keys);
  }
  if (!keeps_left) return {};
  PlanOrder out = OrderOf(*join.children[0]);
  if (join.join_type != JoinType::kInner || join.lateral) return out;
  // Paired rows hold equal values in the columns an equality key compares.
  for (const BoundExpr* c : ConjunctsOf(*join.predicate)) {
    int a, b;
    if (!OrderEquality(*c, &a, &b)) continue;
    for (OrderPosition& position : out) {
      if (OrderedOn(position, a) && !OrderedOn(position, b)) position.push_back(b);
      if (OrderedOn(position, b) && !OrderedOn(position, a)) position.push_back(a);
    }
  }
  return out;
}
}  // namespace

bool OrderedOn(const OrderPosition& position, int column) {
  return column >= 0 && std::find(position.begin(), position.end(), column) != position.end();
}

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

bool OrderEquality(const BoundExpr& e, int* a, int* b) {
  if (e.kind != BoundExprKind::kFunction || e.name != "=" || e.children.size() != 2) return false;
  const LogicalType& left = e.children[0]->type;
  const LogicalType& right = e.children[1]->type;
  if (left.physical() != right.physical()) return false;
  // char(3) 'a' equals char(5) 'a' though they are stored with different padding.
  if ((left.id() == TypeId::kChar || right.id() == TypeId::kChar) && !(left == right)) return false;
  *a = OrderPreservedColumn(*e.children[0]);
  *b = OrderPreservedColumn(*e.children[1]);
  return *a >= 0 && *b >= 0;
}

PlanOrder OrderOf(const LogicalOp& op) {
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
      return OrderOf(*op.children[0]);
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
