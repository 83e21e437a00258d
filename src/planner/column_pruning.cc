// Projection push-down (column pruning): every operator is asked only for the columns the
// operators above it read, so scans decode and joins copy just those. Each rewrite returns
// the map from an operator's old output positions to its new ones (-1: dropped) and the
// parent renumbers its expressions with it. Operators whose meaning depends on all their
// columns (DISTINCT, set operations, DML) or whose expressions hold a subquery that may read
// the input row by position keep their input whole.

#include "common/exception.h"

#include "planner/optimizer.h"
#include "planner/plan_util.h"
#include "planner/read_parquet_binder.h"

namespace heliosdb {

namespace {
using Needed = std::vector<bool>;  // per output column of an operator
using Mapping = std::vector<int>;  // old output column -> new, -1 when dropped

Needed All(const LogicalOp& op) { return Needed(op.types.size(), true); }

bool HasSubquery(const BoundExpr& e) {
  if (e.subquery) return true;
  for (const auto& c : e.children)
    if (HasSubquery(*c)) return true;
  return false;
}

bool OwnExprsHaveSubquery(const LogicalOp& op) {
  bool found = false;
  ForEachExpr(op, [&](const BoundExpr& e) { found = found || HasSubquery(e); });
  return found;
}

// Marks the input columns e reads (offset: where this input starts in the row e reads).
void Mark(const BoundExpr& e, Needed* needed, int offset = 0) {
  if (e.kind == BoundExprKind::kColumn && e.index >= offset &&
      e.index - offset < static_cast<int>(needed->size()))
    (*needed)[e.index - offset] = true;
  for (const auto& c : e.children) Mark(*c, needed, offset);
}

void Renumber(BoundExpr& e, const Mapping& map) {
  if (e.kind == BoundExprKind::kColumn) {
    HELIOS_ASSERT(map[e.index] >= 0);
    e.index = map[e.index];
  }
  for (auto& c : e.children) Renumber(*c, map);
}

Mapping Prune(LogicalOp& op, const Needed& needed);

// The child keeps every column (its own inputs may still shrink).
Mapping Keep(LogicalOp& op) {
  for (auto& c : op.children) Prune(*c, All(*c));
  Mapping identity(op.types.size());
  for (size_t i = 0; i < identity.size(); i++) identity[i] = static_cast<int>(i);
  return identity;
}

// Operators that output their input's columns unchanged (Filter, Sort, Limit).
Mapping PassThrough(LogicalOp& op, Needed needed) {
  for (auto& k : op.sort_keys) Mark(*k.expr, &needed);
  if (op.predicate) Mark(*op.predicate, &needed);
  Mapping map = Prune(*op.children[0], needed);
  if (op.predicate) Renumber(*op.predicate, map);
  for (auto& k : op.sort_keys) Renumber(*k.expr, map);
  op.types = op.children[0]->types;
  op.names = op.children[0]->names;
  return map;
}

Mapping PruneGet(LogicalOp& op, const Needed& needed) {
  Mapping map(op.types.size(), -1);
  std::vector<int> columns;
  std::vector<LogicalType> types;
  std::vector<std::string> names;
  for (size_t i = 0; i < op.columns.size(); i++) {
    // A scan reads at least one column, so every row still comes out.
    if (!needed[i] && !(columns.empty() && i + 1 == op.columns.size())) continue;
    map[i] = static_cast<int>(columns.size());
    columns.push_back(op.columns[i]);
    types.push_back(op.types[i]);
    names.push_back(op.names[i]);
  }
  if (op.emit_row_key) {
    map.back() = static_cast<int>(columns.size());
    types.push_back(op.types.back());
    names.push_back(op.names.back());
  }
  op.columns = std::move(columns);
  op.types = std::move(types);
  op.names = std::move(names);
  return map;
}

Mapping PruneProjection(LogicalOp& op, const Needed& needed) {
  Needed input(op.children[0]->types.size(), false);
  Mapping map(op.exprs.size(), -1);
  std::vector<BoundExprPtr> exprs;
  std::vector<LogicalType> types;
  std::vector<std::string> names;
  for (size_t i = 0; i < op.exprs.size(); i++) {
    if (!needed[i] && !(exprs.empty() && i + 1 == op.exprs.size())) continue;
    Mark(*op.exprs[i], &input);
    map[i] = static_cast<int>(exprs.size());
    exprs.push_back(std::move(op.exprs[i]));
    types.push_back(op.types[i]);
    names.push_back(op.names[i]);
  }
  Mapping child = Prune(*op.children[0], input);
  for (auto& e : exprs) Renumber(*e, child);
  op.exprs = std::move(exprs);
  op.types = std::move(types);
  op.names = std::move(names);
  return map;
}

Mapping PruneJoin(LogicalOp& op, const Needed& needed) {
  size_t left_width = op.children[0]->types.size();
  size_t right_width = op.children[1]->types.size();
  Needed left(left_width, false), right(right_width, false);
  for (size_t i = 0; i < needed.size(); i++) {
    if (!needed[i]) continue;
    if (i < left_width) {
      left[i] = true;
    } else {
      right[i - left_width] = true;
    }
  }
  if (op.predicate) {
    Mark(*op.predicate, &left);
    Mark(*op.predicate, &right, static_cast<int>(left_width));
  }
  // A lateral right side reads left columns by position.
  if (op.lateral) left.assign(left_width, true);
  Mapping lmap = Prune(*op.children[0], left);
  Mapping rmap = Prune(*op.children[1], right);
  int new_left = static_cast<int>(op.children[0]->types.size());
  Mapping pair(left_width + right_width, -1);
  for (size_t i = 0; i < left_width; i++) pair[i] = lmap[i];
  for (size_t i = 0; i < right_width; i++)
    pair[left_width + i] = rmap[i] < 0 ? -1 : new_left + rmap[i];
  if (op.predicate) Renumber(*op.predicate, pair);
  op.types = op.children[0]->types;
  op.names = op.children[0]->names;
  if (op.join_type == JoinType::kSemi || op.join_type == JoinType::kAnti) return lmap;
  op.types.insert(op.types.end(), op.children[1]->types.begin(), op.children[1]->types.end());
  op.names.insert(op.names.end(), op.children[1]->names.begin(), op.children[1]->names.end());
  return pair;
}

Mapping PruneAggregate(LogicalOp& op) {
  Needed input(op.children[0]->types.size(), false);
  ForEachExpr(op, [&](const BoundExpr& e) { Mark(e, &input); });
  Mapping child = Prune(*op.children[0], input);
  ForEachExpr(op, [&](BoundExprPtr& e) { Renumber(*e, child); });
  Mapping identity(op.types.size());
  for (size_t i = 0; i < identity.size(); i++) identity[i] = static_cast<int>(i);
  return identity;
}

Mapping PruneWindow(LogicalOp& op, const Needed& needed) {
  size_t width = op.children[0]->types.size();
  Needed input(needed.begin(), needed.begin() + static_cast<long>(width));
  ForEachExpr(op, [&](const BoundExpr& e) { Mark(e, &input); });
  Mapping child = Prune(*op.children[0], input);
  ForEachExpr(op, [&](BoundExprPtr& e) { Renumber(*e, child); });
  int new_width = static_cast<int>(op.children[0]->types.size());
  Mapping map(op.types.size(), -1);
  for (size_t i = 0; i < width; i++) map[i] = child[i];
  for (size_t i = width; i < op.types.size(); i++) map[i] = new_width + static_cast<int>(i - width);
  std::vector<LogicalType> types = op.children[0]->types;
  std::vector<std::string> names = op.children[0]->names;
  types.insert(types.end(), op.types.begin() + static_cast<long>(width), op.types.end());
  names.insert(names.end(), op.names.begin() + static_cast<long>(width), op.names.end());
  op.types = std::move(types);
  op.names = std::move(names);
  return map;
}

Mapping Prune(LogicalOp& op, const Needed& needed) {
  ForEachSubqueryPlan(op, [](LogicalOpPtr& plan) { Prune(*plan, All(*plan)); });
  if (OwnExprsHaveSubquery(op)) return Keep(op);
  switch (op.kind) {
    case LogicalOpKind::kGet:
      return PruneGet(op, needed);
    case LogicalOpKind::kFilter:
    case LogicalOpKind::kSort:
    case LogicalOpKind::kLimit:
      return PassThrough(op, needed);
    case LogicalOpKind::kProjection:
      return PruneProjection(op, needed);
    case LogicalOpKind::kJoin:
      return PruneJoin(op, needed);
    case LogicalOpKind::kAggregate:
      return PruneAggregate(op);
    case LogicalOpKind::kWindow:
      return PruneWindow(op, needed);
    case LogicalOpKind::kTableFunction:
      // read_parquet lists the file's columns it reads in `columns`, as a table scan does.
      if (op.function == kReadParquet) return PruneGet(op, needed);
      return Keep(op);
    default:
      return Keep(op);
  }
}
}  // namespace

void PruneColumns(LogicalOp& plan) { Prune(plan, All(plan)); }

}  // namespace heliosdb
