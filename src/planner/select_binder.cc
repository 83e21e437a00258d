// Binding of SELECT: FROM, WHERE, GROUP BY and aggregates, HAVING, the select list, DISTINCT,
// ORDER BY (output names, ordinals or expressions, adding hidden columns as needed) and
// LIMIT / OFFSET. The plan is:
//   from -> Filter(where) -> [Aggregate -> Filter(having)] -> Projection(targets ++ hidden)
//        -> [Distinct] -> [Sort] -> [Limit] -> [Projection dropping hidden columns]
#include <functional>
#include <set>

#include "common/exception.h"
#include "planner/binder.h"
#include "planner/expression_binder.h"
#include "planner/plan_util.h"
#include "planner/set_function_binder.h"

namespace heliosdb {

namespace {
LogicalOpPtr Wrap(LogicalOpKind kind, LogicalOpPtr child) {
  auto op = std::make_unique<LogicalOp>();
  op->kind = kind;
  op->types = child->types;
  op->names = child->names;
  op->children.push_back(std::move(child));
  return op;
}

LogicalOpPtr Project(LogicalOpPtr child, std::vector<BoundExprPtr> exprs,
                     std::vector<std::string> names) {
  auto op = std::make_unique<LogicalOp>();
  op->kind = LogicalOpKind::kProjection;
  for (const auto& e : exprs) op->types.push_back(e->type);
  op->names = std::move(names);
  op->exprs = std::move(exprs);
  op->children.push_back(std::move(child));
  return op;
}

const char* InternalTypeName(TypeId id) {
  switch (id) {
    case TypeId::kBoolean: return "bool";
    case TypeId::kSmallInt: return "int2";
    case TypeId::kInteger: return "int4";
    case TypeId::kBigInt: return "int8";
    case TypeId::kReal: return "float4";
    case TypeId::kDouble: return "float8";
    case TypeId::kNumeric: return "numeric";
    case TypeId::kVarchar: return "varchar";
    case TypeId::kChar: return "bpchar";
    case TypeId::kTimestamp: return "timestamp";
    case TypeId::kTimestampTz: return "timestamptz";
    case TypeId::kTime: return "time";
    case TypeId::kDate: return "date";
    case TypeId::kInterval: return "interval";
    case TypeId::kBytea: return "bytea";
    case TypeId::kUuid: return "uuid";
    default: return "text";
  }
}

bool IsIntegerConstant(const ast::Expr& e, int64_t* value) {
  if (e.kind != ast::ExprKind::kConstant) return false;
  const auto& c = e.As<ast::ConstantExpr>();
  if (c.type != ast::ConstantExpr::Type::kInteger) return false;
  *value = std::strtoll(c.text.c_str(), nullptr, 10);
  return true;
}
}  // namespace

std::string FigureColumnName(const ast::Expr& expr) {
  using K = ast::ExprKind;
  switch (expr.kind) {
    case K::kColumnRef:
      return expr.As<ast::ColumnRefExpr>().names.back();
    case K::kFunction:
      return expr.As<ast::FunctionExpr>().name.back();
    case K::kCast: {
      const auto& c = expr.As<ast::CastExpr>();
      std::string inner = FigureColumnName(*c.operand);
      if (inner != "?column?") return inner;
      TypeId id = TypeIdFromName(c.type.name);
      return id == TypeId::kUnknown ? c.type.name : InternalTypeName(id);
    }
    case K::kCase:
      return "case";
    case K::kConstant: {
      auto t = expr.As<ast::ConstantExpr>().type;
      if (t == ast::ConstantExpr::Type::kTrue || t == ast::ConstantExpr::Type::kFalse)
        return "bool";
      return "?column?";
    }
    case K::kSubquery: {
      const auto& sub = expr.As<ast::SubqueryExpr>();
      if (sub.type == ast::SubqueryExpr::Type::kExists) return "exists";
      if (sub.type != ast::SubqueryExpr::Type::kScalar) return "?column?";
      // A scalar subquery is named after its own (first) output column.
      const ast::SelectStmt* q = sub.query.get();
      while (q->set_op != ast::SelectStmt::SetOp::kNone) q = q->left.get();
      if (q->targets.empty()) return "?column?";
      return q->targets[0].alias.empty() ? FigureColumnName(*q->targets[0].expr)
                                         : q->targets[0].alias;
    }
    case K::kArray:
      return "array";
    case K::kRow:
      return "row";
    case K::kCollate:
      return FigureColumnName(*expr.As<ast::CollateExpr>().operand);
    case K::kSubscript:
      return FigureColumnName(*expr.As<ast::SubscriptExpr>().operand);
    default:
      return "?column?";
  }
}

class SelectBinder {
 public:
  SelectBinder(Binder& binder, const ast::SelectStmt& stmt) : binder_(binder), stmt_(stmt) {
    scope_.outer = binder.outer_scope_;
  }

  LogicalOpPtr Bind() {
    for (size_t i = 0; i < stmt_.windows.size(); i++)
      for (size_t k = 0; k < i; k++)
        if (stmt_.windows[k]->name == stmt_.windows[i]->name)
          ThrowError(sqlstate::kWindowingError, "window \"" + stmt_.windows[i]->name + "\" is already defined",
                     stmt_.windows[i]->location);
    LogicalOpPtr plan = BindInput();
    BindTargets();
    BindGroupBy();
    BoundExprPtr having;
    if (stmt_.having) {
      ExpressionBinder eb(binder_, scope_, &aggregates_, "HAVING");
      having = binder_.CoerceToBoolean(eb.Bind(*stmt_.having), "HAVING", stmt_.having->location);
    }
    std::vector<SortKey> sort_keys = BindOrderBy();
    std::vector<int> distinct_on = BindDistinctOn(sort_keys);
    if (!groups_.empty() || !aggregates_.empty() || having || !grouping_sets_.empty()) {
      grouped_ = true;
      // Only HAVING, no GROUP BY and no aggregates: one row or none whatever the input holds,
      // and PostgreSQL does not read the input at all (its "degenerate grouping"), so a WHERE
      // that would fail on some row is never evaluated.
      if (groups_.empty() && aggregates_.empty() && grouping_sets_.empty()) plan = OneRow();
      plan = BuildAggregate(std::move(plan));
      for (auto& t : targets_) t = RewriteForGroups(std::move(t));
      if (having) {
        auto filter = Wrap(LogicalOpKind::kFilter, std::move(plan));
        filter->predicate = RewriteForGroups(std::move(having));
        plan = std::move(filter);
      }
    }
    if (!windows_.empty()) plan = BuildWindow(std::move(plan));
    plan = PlanSetFunctions(std::move(plan), &targets_);
    size_t visible = names_.size();
    for (auto& t : targets_)
      if (t->type.id() == TypeId::kUnknown)
        t = binder_.Coerce(std::move(t), TypeId::kText, false, "", stmt_.location);
    std::vector<std::string> names = names_;
    // Hidden ORDER BY columns are named by their expression (for EXPLAIN's sort keys).
    for (size_t i = names.size(); i < targets_.size(); i++)
      names.push_back(targets_[i]->ToString(plan->names));
    plan = Project(std::move(plan), std::move(targets_), names);
    if (stmt_.distinct && stmt_.distinct_on.empty()) {
      if (plan->types.size() > visible)
        ThrowError(sqlstate::kInvalidColumnReference,
                   "for SELECT DISTINCT, ORDER BY expressions must appear in select list",
                   stmt_.order_by[0].location);
      plan = Wrap(LogicalOpKind::kDistinct, std::move(plan));
    }
    plan = AddSortAndLimit(binder_, stmt_, std::move(plan), std::move(sort_keys), distinct_on);
    if (plan->types.size() > visible) {
      std::vector<BoundExprPtr> keep;
      for (size_t i = 0; i < visible; i++)
        keep.push_back(MakeColumnRef(static_cast<int>(i), plan->types[i], plan->names[i]));
      names.resize(visible);
      plan = Project(std::move(plan), std::move(keep), names);
    }
    return plan;
  }

  // ORDER BY keys over the plan's columns, then DISTINCT ON (first row per key in that
  // order), then LIMIT / OFFSET.
  static LogicalOpPtr AddSortAndLimit(Binder& binder, const ast::SelectStmt& stmt,
                                      LogicalOpPtr plan, std::vector<SortKey> keys,
                                      const std::vector<int>& distinct_on = {}) {
    if (!keys.empty()) {
      auto sort = Wrap(LogicalOpKind::kSort, std::move(plan));
      sort->sort_keys = std::move(keys);
      plan = std::move(sort);
    }
    if (!distinct_on.empty()) {
      auto distinct = Wrap(LogicalOpKind::kDistinct, std::move(plan));
      distinct->columns = distinct_on;
      plan = std::move(distinct);
    }
    if (stmt.limit || stmt.offset) {
      auto limit = Wrap(LogicalOpKind::kLimit, std::move(plan));
      auto bind_count = [&](const ast::Expr& e, const char* clause) {
        auto bound = binder.BindScalar(e, Scope());
        return binder.Coerce(std::move(bound), TypeId::kBigInt, false,
                             std::string("argument of ") + clause, e.location);
      };
      if (stmt.limit) limit->limit = bind_count(*stmt.limit, "LIMIT");
      if (stmt.offset) limit->offset = bind_count(*stmt.offset, "OFFSET");
      plan = std::move(limit);
    }
    return plan;
  }

 private:
  static LogicalOpPtr OneRow() {  // the input of a query without FROM
    auto plan = std::make_unique<LogicalOp>();
    plan->kind = LogicalOpKind::kValues;
    plan->rows.emplace_back();
    return plan;
  }

  LogicalOpPtr BindInput() {
    LogicalOpPtr plan;
    if (stmt_.from.empty()) {
      plan = OneRow();
    } else {
      plan = binder_.BindFrom(stmt_.from, &scope_);
    }
    if (stmt_.where) {
      ExpressionBinder eb(binder_, scope_, nullptr, "WHERE");
      auto filter = Wrap(LogicalOpKind::kFilter, std::move(plan));
      filter->predicate =
          binder_.CoerceToBoolean(eb.Bind(*stmt_.where), "WHERE", stmt_.where->location);
      plan = std::move(filter);
    }
    return plan;
  }

  void BindTargets() {
    ExpressionBinder eb(binder_, scope_, &aggregates_, "this context");
    eb.AllowWindows(&windows_, &stmt_.windows);
    eb.AllowSetReturning();
    for (const auto& item : stmt_.targets) {
      if (item.expr->kind == ast::ExprKind::kStar) {
        const auto& star = item.expr->As<ast::StarExpr>();
        std::string table = star.qualifier.empty() ? "" : star.qualifier.back();
        if (!table.empty() && !scope_.HasTable(table))
          ThrowError(sqlstate::kUndefinedTable,
                     "missing FROM-clause entry for table \"" + table + "\"", item.location);
        bool any = false;
        for (size_t i = 0; i < scope_.columns.size(); i++) {
          const auto& c = scope_.columns[i];
          if (c.row_key || (table.empty() ? c.hidden_unqualified : c.table != table)) continue;
          targets_.push_back(MakeColumnRef(static_cast<int>(i), c.type, c.name));
          names_.push_back(c.name);
          any = true;
        }
        if (!any && table.empty() && stmt_.from.empty())
          ThrowError(sqlstate::kSyntaxError, "SELECT * with no tables specified is not valid",
                     item.location);
        continue;
      }
      targets_.push_back(eb.Bind(*item.expr));
      names_.push_back(item.alias.empty() ? FigureColumnName(*item.expr) : item.alias);
    }
  }

  // GROUP BY: plain items, and ROLLUP / CUBE / GROUPING SETS / () expanded into grouping sets
  // (the cross product of each item's sets, as PostgreSQL combines them).
  void BindGroupBy() {
    std::vector<std::vector<std::vector<int>>> per_item;
    bool sets = false;
    for (const auto& g : stmt_.group_by) {
      per_item.push_back(ElementSets(g));
      sets |= g.type != ast::GroupingElement::Type::kExpr;
    }
    if (!sets) return;
    std::vector<std::vector<int>> product = {{}};
    for (const auto& item : per_item) {
      std::vector<std::vector<int>> next;
      for (const auto& left : product)
        for (const auto& right : item) {
          std::vector<int> combined = left;
          for (int c : right)
            if (std::find(combined.begin(), combined.end(), c) == combined.end())
              combined.push_back(c);
          next.push_back(std::move(combined));
        }
      product = std::move(next);
      if (product.size() > 4096)
        ThrowError(sqlstate::kProgramLimitExceeded, "too many grouping sets present (maximum 4096)",
                   stmt_.location);
    }
    grouping_sets_ = std::move(product);
  }

  // The grouping sets one GROUP BY item stands for, as indexes into groups_.
  std::vector<std::vector<int>> ElementSets(const ast::GroupingElement& g) {
    using T = ast::GroupingElement::Type;
    switch (g.type) {
      case T::kExpr:  // (a, b) inside GROUPING SETS is one set of two columns
        return {UnitColumns(*g.expr)};
      case T::kEmpty:
        return {{}};
      case T::kRollup:
      case T::kCube: {
        std::vector<std::vector<int>> units;  // a RowExpr item groups several columns
        for (const auto& e : g.exprs) units.push_back(UnitColumns(*e));
        std::vector<std::vector<int>> out;
        if (g.type == T::kRollup) {
          for (size_t n = units.size() + 1; n-- > 0;) {
            std::vector<int> set;
            for (size_t i = 0; i < n; i++) set.insert(set.end(), units[i].begin(), units[i].end());
            out.push_back(std::move(set));
          }
        } else {
          if (units.size() > 12)
            ThrowError(sqlstate::kProgramLimitExceeded, "CUBE is limited to 12 elements",
                       g.location);
          for (size_t mask = (size_t{1} << units.size()); mask-- > 0;) {
            std::vector<int> set;
            for (size_t i = 0; i < units.size(); i++)
              if (mask & (size_t{1} << (units.size() - 1 - i)))
                set.insert(set.end(), units[i].begin(), units[i].end());
            out.push_back(std::move(set));
          }
        }
        return out;
      }
      case T::kSets: {
        std::vector<std::vector<int>> out;
        for (const auto& inner : g.sets)
          for (auto& set : ElementSets(inner)) out.push_back(std::move(set));
        return out;
      }
    }
    HELIOS_UNREACHABLE();
  }

  std::vector<int> UnitColumns(const ast::Expr& e) {
    if (e.kind != ast::ExprKind::kRow) return {GroupIndex(e)};
    std::vector<int> out;
    for (const auto& f : e.As<ast::RowExpr>().fields) out.push_back(GroupIndex(*f));
    return out;
  }

  // Binds a grouping expression (ordinal, output name or expression) into groups_ once.
  int GroupIndex(const ast::Expr& expr) {
    BoundExprPtr bound = BindGroupExpr(expr);
    for (size_t i = 0; i < groups_.size(); i++)
      if (groups_[i]->Equals(*bound)) return static_cast<int>(i);
    groups_.push_back(std::move(bound));
    return static_cast<int>(groups_.size()) - 1;
  }

  BoundExprPtr BindGroupExpr(const ast::Expr& expr) {
    int64_t ordinal;
    if (IsIntegerConstant(expr, &ordinal)) {
      if (ordinal < 1 || ordinal > static_cast<int64_t>(names_.size()))
        ThrowError(sqlstate::kInvalidColumnReference,
                   "GROUP BY position " + std::to_string(ordinal) + " is not in select list",
                   expr.location);
      CheckGroupable(*targets_[ordinal - 1], expr.location);
      return targets_[ordinal - 1]->Copy();
    }
    if (expr.kind == ast::ExprKind::kColumnRef) {
      // An output column name is accepted when no input column has that name.
      const auto& ref = expr.As<ast::ColumnRefExpr>();
      if (ref.names.size() == 1 && !HasInputColumn(ref.names[0]))
        for (size_t i = 0; i < names_.size(); i++)
          if (names_[i] == ref.names[0]) {
            CheckGroupable(*targets_[i], expr.location);
            return targets_[i]->Copy();
          }
    }
    ExpressionBinder eb(binder_, scope_, nullptr, "GROUP BY");
    return eb.Bind(expr);
  }

  bool HasInputColumn(const std::string& name) const {
    for (const auto& c : scope_.columns)
      if (c.name == name) return true;
    return false;
  }

  // A select item GROUP BY names by position or output name may not aggregate or window.
  static void CheckGroupable(const BoundExpr& item, int location) {
    if (ContainsKind(item, BoundExprKind::kAggregateRef))
      ThrowError(sqlstate::kGroupingError, "aggregate functions are not allowed in GROUP BY",
                 location);
    if (ContainsKind(item, BoundExprKind::kWindowRef))
      ThrowError(sqlstate::kWindowingError, "window functions are not allowed in GROUP BY",
                 location);
  }

  static bool ContainsKind(const BoundExpr& e, BoundExprKind kind) {
    if (e.kind == kind) return true;
    for (const auto& c : e.children)
      if (ContainsKind(*c, kind)) return true;
    return false;
  }

  std::vector<SortKey> BindOrderBy() {
    std::vector<SortKey> keys;
    for (const auto& item : stmt_.order_by) {
      SortKey key;
      key.descending = item.descending;
      key.nulls_first = item.nulls_first.value_or(item.descending);
      int index = FindOrderTarget(*item.expr);
      if (index < 0) {
        ExpressionBinder eb(binder_, scope_, &aggregates_, "ORDER BY");
        eb.AllowWindows(&windows_, &stmt_.windows);
        BoundExprPtr e = eb.Bind(*item.expr);
        for (size_t i = 0; i < targets_.size() && index < 0; i++)
          if (targets_[i]->Equals(*e)) index = static_cast<int>(i);
        if (index < 0) {
          index = static_cast<int>(targets_.size());
          targets_.push_back(std::move(e));
        }
      }
      key.expr = MakeColumnRef(index, targets_[index]->type,
                               index < static_cast<int>(names_.size()) ? names_[index] : "?");
      keys.push_back(std::move(key));
    }
    return keys;
  }

  // DISTINCT ON keys as projection columns (added as hidden ones when needed); they must
  // lead the ORDER BY, as PostgreSQL requires.
  std::vector<int> BindDistinctOn(const std::vector<SortKey>& sort_keys) {
    std::vector<int> columns;
    for (const auto& e : stmt_.distinct_on) {
      int index = FindOrderTarget(*e);
      if (index < 0) {
        ExpressionBinder eb(binder_, scope_, &aggregates_, "DISTINCT ON");
        BoundExprPtr bound = eb.Bind(*e);
        for (size_t i = 0; i < targets_.size() && index < 0; i++)
          if (targets_[i]->Equals(*bound)) index = static_cast<int>(i);
        if (index < 0) {
          index = static_cast<int>(targets_.size());
          targets_.push_back(std::move(bound));
        }
      }
      columns.push_back(index);
    }
    for (size_t i = 0; i < columns.size() && i < sort_keys.size(); i++) {
      bool found = false;
      for (int c : columns) found |= sort_keys[i].expr->index == c;
      if (!found)
        ThrowError(sqlstate::kInvalidColumnReference,
                   "SELECT DISTINCT ON expressions must match initial ORDER BY expressions",
                   stmt_.distinct_on[0]->location);
    }
    return columns;
  }

  // An ORDER BY item naming an output column or giving its ordinal; -1 otherwise.
  int FindOrderTarget(const ast::Expr& e) {
    int64_t ordinal;
    if (IsIntegerConstant(e, &ordinal)) {
      if (ordinal < 1 || ordinal > static_cast<int64_t>(names_.size()))
        ThrowError(sqlstate::kInvalidColumnReference,
                   "ORDER BY position " + std::to_string(ordinal) + " is not in select list",
                   e.location);
      return static_cast<int>(ordinal - 1);
    }
    if (e.kind != ast::ExprKind::kColumnRef || e.As<ast::ColumnRefExpr>().names.size() != 1)
      return -1;
    const std::string& name = e.As<ast::ColumnRefExpr>().names[0];
    int found = -1;
    for (size_t i = 0; i < names_.size(); i++) {
      if (names_[i] != name) continue;
      if (found >= 0 && !targets_[found]->Equals(*targets_[i]))
        ThrowError(sqlstate::kAmbiguousColumn, "ORDER BY \"" + name + "\" is ambiguous",
                   e.location);
      if (found < 0) found = static_cast<int>(i);
    }
    return found;
  }

  // Window functions run over the (grouped) rows; each adds a column the targets refer to.
  LogicalOpPtr BuildWindow(LogicalOpPtr child) {
    if (grouped_) {
      for (auto& w : windows_) {
        for (auto& a : w.args) a = RewriteForGroups(std::move(a));
        for (auto& p : w.partition_by) p = RewriteForGroups(std::move(p));
        for (auto& k : w.order_by) k.expr = RewriteForGroups(std::move(k.expr));
      }
    }
    auto op = std::make_unique<LogicalOp>();
    op->kind = LogicalOpKind::kWindow;
    op->types = child->types;
    op->names = child->names;
    int base = static_cast<int>(child->types.size());
    for (const auto& w : windows_) {
      op->types.push_back(w.type);
      op->names.push_back(w.name);
    }
    op->windows = std::move(windows_);
    op->children.push_back(std::move(child));
    std::function<void(BoundExprPtr&)> replace = [&](BoundExprPtr& e) {
      if (e->kind == BoundExprKind::kWindowRef) {
        e = MakeColumnRef(base + e->index, e->type, e->name);
        return;
      }
      for (auto& c : e->children) replace(c);
    };
    for (auto& t : targets_) replace(t);
    return op;
  }

  LogicalOpPtr BuildAggregate(LogicalOpPtr child) {
    for (auto& a : aggregates_) {
      if (a.function.function) continue;
      // GROUPING(...): each argument must be one of the grouping expressions.
      for (const auto& arg : a.args) {
        int found = -1;
        for (size_t i = 0; i < groups_.size() && found < 0; i++)
          if (groups_[i]->Equals(*arg)) found = static_cast<int>(i);
        if (found < 0)
          ThrowError(sqlstate::kGroupingError,
                     "arguments to GROUPING must be grouping expressions of the associated "
                     "query level",
                     stmt_.location);
        a.grouping_columns.push_back(found);
      }
      a.args.clear();
    }
    auto agg = std::make_unique<LogicalOp>();
    agg->kind = LogicalOpKind::kAggregate;
    agg->grouping_sets = grouping_sets_;
    for (const auto& g : groups_) {
      agg->types.push_back(g->type);
      agg->names.push_back(g->ToString(child->names));
      agg->exprs.push_back(g->Copy());
    }
    for (const auto& a : aggregates_) {
      agg->types.push_back(a.function.return_type);
      agg->names.push_back(a.name);
    }
    agg->aggregates = std::move(aggregates_);
    agg->children.push_back(std::move(child));
    return agg;
  }

  // Maps an expression over the input rows to one over the aggregate's output:
  // group expressions become their group column, aggregates their result column, and any
  // other input column reference is a grouping error.
  BoundExprPtr RewriteForGroups(BoundExprPtr e) {
    for (size_t i = 0; i < groups_.size(); i++)
      if (e->Equals(*groups_[i]))
        return MakeColumnRef(static_cast<int>(i), e->type, e->name);
    if (e->kind == BoundExprKind::kAggregateRef)
      return MakeColumnRef(static_cast<int>(groups_.size()) + e->index, e->type, e->name);
    if (e->kind == BoundExprKind::kColumn) {
      const auto& c = scope_.columns[e->index];
      ThrowError(sqlstate::kGroupingError,
                 "column \"" + c.table + "." + c.name +
                     "\" must appear in the GROUP BY clause or be used in an aggregate function",
                 e->location ? e->location : stmt_.location);
    }
    // Copies of an expression share their subquery's plan: rewrite it once.
    if (e->subquery && regrouped_.insert(e->subquery.get()).second)
      RewriteOuterRefsForGroups(*e->subquery, 1);
    for (auto& child : e->children) child = RewriteForGroups(std::move(child));
    return e;
  }

  // A subquery evaluated after grouping sees this query's group row: its references to this
  // query (`depth` levels out from where they stand) must name grouped columns.
  void RewriteOuterRefsForGroups(LogicalOp& plan, int depth) {
    std::function<void(BoundExpr&, int)> visit = [&](BoundExpr& e, int d) {
      if (e.kind == BoundExprKind::kOuterColumn && e.depth == d) {
        int group = -1;
        for (size_t i = 0; i < groups_.size() && group < 0; i++)
          if (groups_[i]->kind == BoundExprKind::kColumn && groups_[i]->index == e.index)
            group = static_cast<int>(i);
        if (group < 0) {
          const auto& c = scope_.columns[e.index];
          ThrowError(sqlstate::kGroupingError,
                     "subquery uses ungrouped column \"" + c.table + "." + c.name +
                         "\" from outer query",
                     stmt_.location);
        }
        e.index = group;
      }
      if (e.subquery) RewriteOuterRefsForGroups(*e.subquery, d + 1);
      for (auto& c : e.children) visit(*c, d);
    };
    ForEachExpr(plan, [&](BoundExprPtr& e) { visit(*e, depth); });
    for (size_t i = 0; i < plan.children.size(); i++)
      RewriteOuterRefsForGroups(*plan.children[i], depth + LateralLevel(plan, i));
  }

  Binder& binder_;
  const ast::SelectStmt& stmt_;
  Scope scope_;
  std::vector<BoundExprPtr> targets_;  // visible targets, then hidden ORDER BY expressions
  std::vector<std::string> names_;     // names of the visible targets
  std::vector<BoundExprPtr> groups_;
  std::vector<BoundAggregate> aggregates_;
  std::vector<BoundWindow> windows_;
  std::vector<std::vector<int>> grouping_sets_;  // GROUPING SETS / ROLLUP / CUBE, else empty
  bool grouped_ = false;  // an Aggregate runs below the select list
  std::set<const LogicalOp*> regrouped_;  // subquery plans already mapped to the group row
};

LogicalOpPtr Binder::BindValues(const ast::SelectStmt& stmt) {
  auto values = std::make_unique<LogicalOp>();
  values->kind = LogicalOpKind::kValues;
  size_t width = stmt.values[0].size();
  Scope empty;
  for (const auto& row : stmt.values) {
    if (row.size() != width)
      ThrowError(sqlstate::kSyntaxError, "VALUES lists must all be the same length",
                 row.empty() ? stmt.location : row[0]->location);
    std::vector<BoundExprPtr> bound;
    for (const auto& e : row) bound.push_back(BindScalar(*e, empty));
    values->rows.push_back(std::move(bound));
  }
  for (size_t col = 0; col < width; col++) {
    std::vector<LogicalType> types;
    for (const auto& row : values->rows) types.push_back(row[col]->type);
    LogicalType common = CommonType(types, "VALUES", stmt.location);
    for (auto& row : values->rows)
      if (row[col]->type != common)
        row[col] = Coerce(std::move(row[col]), common, false, "VALUES", stmt.location);
    values->types.push_back(common);
    values->names.push_back("column" + std::to_string(col + 1));
  }
  return values;
}

std::vector<SortKey> Binder::BindOutputOrderBy(const ast::SelectStmt& stmt,
                                               const LogicalOp& plan) {
  Scope scope;
  for (size_t i = 0; i < plan.types.size(); i++)
    scope.columns.push_back({"", plan.names[i], plan.types[i]});
  std::vector<SortKey> keys;
  for (const auto& item : stmt.order_by) {
    SortKey key;
    key.descending = item.descending;
    key.nulls_first = item.nulls_first.value_or(item.descending);
    int64_t ordinal;
    if (IsIntegerConstant(*item.expr, &ordinal)) {
      if (ordinal < 1 || ordinal > static_cast<int64_t>(plan.types.size()))
        ThrowError(sqlstate::kInvalidColumnReference,
                   "ORDER BY position " + std::to_string(ordinal) + " is not in select list",
                   item.expr->location);
      key.expr = MakeColumnRef(static_cast<int>(ordinal - 1), plan.types[ordinal - 1],
                               plan.names[ordinal - 1]);
    } else {
      // PostgreSQL sorts a UNION / INTERSECT / EXCEPT by output columns only.
      if (stmt.set_op != ast::SelectStmt::SetOp::kNone &&
          item.expr->kind != ast::ExprKind::kColumnRef)
        ThrowError(sqlstate::kFeatureNotSupported,
                   "invalid UNION/INTERSECT/EXCEPT ORDER BY clause", item.expr->location);
      key.expr = BindScalar(*item.expr, scope);
    }
    keys.push_back(std::move(key));
  }
  return keys;
}

void Binder::PushWith(const ast::WithClause* with) {
  if (!with) return;
  for (size_t i = 0; i < with->ctes.size(); i++)
    for (size_t j = 0; j < i; j++)
      if (with->ctes[i].name == with->ctes[j].name)
        ThrowError(sqlstate::kDuplicateAlias,
                   "WITH query name \"" + with->ctes[i].name + "\" specified more than once",
                   with->ctes[i].location);
  ctes_.emplace_back(with, with->ctes.size());
}

LogicalOpPtr Binder::BindSetOperation(const ast::SelectStmt& stmt) {
  static const char* kNames[] = {"", "UNION", "INTERSECT", "EXCEPT"};
  const char* name = kNames[static_cast<int>(stmt.set_op)];
  LogicalOpPtr sides[2] = {BindSelect(*stmt.left), BindSelect(*stmt.right)};
  if (sides[0]->types.size() != sides[1]->types.size())
    ThrowError(sqlstate::kSyntaxError,
               std::string("each ") + name + " query must have the same number of columns",
               stmt.right->location);
  auto op = std::make_unique<LogicalOp>();
  op->kind = LogicalOpKind::kSetOp;
  op->set_op = stmt.set_op == ast::SelectStmt::SetOp::kUnion       ? SetOpType::kUnion
               : stmt.set_op == ast::SelectStmt::SetOp::kIntersect ? SetOpType::kIntersect
                                                                   : SetOpType::kExcept;
  op->set_all = stmt.set_all;
  op->names = sides[0]->names;
  for (size_t c = 0; c < sides[0]->types.size(); c++)
    op->types.push_back(
        CommonType({sides[0]->types[c], sides[1]->types[c]}, name, stmt.location));
  for (auto& side : sides) {
    if (side->types == op->types) {
      op->children.push_back(std::move(side));
      continue;
    }
    std::vector<BoundExprPtr> casts;
    for (size_t c = 0; c < op->types.size(); c++) {
      auto ref = MakeColumnRef(static_cast<int>(c), side->types[c], side->names[c]);
      casts.push_back(side->types[c] == op->types[c]
                          ? std::move(ref)
                          : Coerce(std::move(ref), op->types[c], false, name, stmt.location));
    }
    std::vector<std::string> names = side->names;
    op->children.push_back(Project(std::move(side), std::move(casts), std::move(names)));
  }
  return op;
}

LogicalOpPtr Binder::BindSelect(const ast::SelectStmt& stmt) {
  if (++depth_ > 64)
    ThrowError(sqlstate::kProgramLimitExceeded, "query nests too deeply", stmt.location);
  PushWith(stmt.with.get());
  LogicalOpPtr plan;
  if (stmt.set_op != ast::SelectStmt::SetOp::kNone) {
    plan = BindSetOperation(stmt);
    plan = SelectBinder::AddSortAndLimit(*this, stmt, std::move(plan),
                                         BindOutputOrderBy(stmt, *plan));
  } else if (!stmt.values.empty()) {
    plan = BindValues(stmt);
    plan = SelectBinder::AddSortAndLimit(*this, stmt, std::move(plan),
                                         BindOutputOrderBy(stmt, *plan));
  } else {
    plan = SelectBinder(*this, stmt).Bind();
  }
  PopWith(stmt.with.get());
  depth_--;
  return plan;
}

}  // namespace heliosdb
