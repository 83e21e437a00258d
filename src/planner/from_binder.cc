// Binding of the FROM clause: base tables, views, CTE references, subqueries and joins.
#include "catalog/privileges.h"
#include "common/exception.h"
#include "parser/parser.h"
#include "planner/binder.h"
#include "planner/expression_binder.h"
#include "planner/input_check.h"
#include "planner/plan_util.h"
#include "planner/read_parquet_binder.h"
#include "planner/set_function_binder.h"
#include "planner/system_views.h"

namespace heliosdb {

namespace {
bool ReadsWorkingTable(const LogicalOp& op) {
  if (op.kind == LogicalOpKind::kWorkingTable) return true;
  for (const auto& c : op.children)
    if (ReadsWorkingTable(*c)) return true;
  return false;
}

// PostgreSQL refuses an aggregate over the working table in a recursive term (42P19): the
// recursion would feed it one iteration's rows at a time.
bool AggregatesWorkingTable(const LogicalOp& op) {
  if (op.kind == LogicalOpKind::kAggregate && ReadsWorkingTable(op)) return true;
  for (const auto& c : op.children)
    if (AggregatesWorkingTable(*c)) return true;
  return false;
}

LogicalOpPtr MakeJoin(LogicalOpPtr left, LogicalOpPtr right, JoinType type) {
  return MakeJoinOp(std::move(left), std::move(right), type, nullptr);
}

bool IsLateral(const ast::TableRef& ref) {
  // Table functions are lateral without the keyword, as in PostgreSQL.
  if (ref.kind == ast::TableRefKind::kFunction) return true;
  return ref.kind == ast::TableRefKind::kSubquery && ref.As<ast::SubqueryRef>().lateral;
}

// `item` is the right side's FROM item: only a lateral one was bound with the left items as
// its nearest outer scope, so only then does an outer reference need the left row.
LogicalOpPtr MakeLateralJoin(LogicalOpPtr left, LogicalOpPtr right, JoinType type,
                             const ast::TableRef& item) {
  bool lateral = IsLateral(item) && PlanRefersOutside(*right, 0);
  LogicalOpPtr join = MakeJoin(std::move(left), std::move(right), type);
  join->lateral = lateral;
  return join;
}

// The only visible unqualified column of that name in scope, or -1.
int FindUnqualified(const Scope& scope, size_t begin, size_t end, const std::string& name,
                    int location) {
  int found = -1;
  for (size_t i = begin; i < end; i++) {
    const auto& c = scope.columns[i];
    if (c.name != name || c.hidden_unqualified || c.row_key) continue;
    if (found >= 0)
      ThrowError(sqlstate::kAmbiguousColumn,
                 "common column name \"" + name + "\" appears more than once in left table",
                 location);
    found = static_cast<int>(i);
  }
  return found;
}
}  // namespace

namespace {
// The names FROM items are known by (aliases, or table names), for the duplicate check.
void CollectRangeNames(const ast::TableRef& ref, std::vector<std::pair<std::string, int>>* out) {
  if (ref.kind == ast::TableRefKind::kJoin) {
    const auto& join = ref.As<ast::JoinRef>();
    CollectRangeNames(*join.left, out);
    CollectRangeNames(*join.right, out);
    return;
  }
  std::string name = ref.alias;
  if (name.empty() && ref.kind == ast::TableRefKind::kBaseTable)
    name = ref.As<ast::BaseTableRef>().name.back();
  if (!name.empty()) out->emplace_back(name, ref.location);
}
}  // namespace

LogicalOpPtr Binder::BindFrom(const std::vector<ast::TableRefPtr>& from, Scope* scope,
                              const std::string& target_name) {
  std::vector<std::pair<std::string, int>> names;
  if (!target_name.empty()) names.emplace_back(target_name, 0);
  for (const auto& ref : from) CollectRangeNames(*ref, &names);
  for (size_t i = 0; i < names.size(); i++)
    for (size_t j = 0; j < i; j++)
      if (names[i].first == names[j].first)
        ThrowError(sqlstate::kDuplicateAlias, "table name \"" + names[i].first + "\" specified more than once",
                   names[i].second);
  LogicalOpPtr plan;
  for (const auto& ref : from) {
    if (!plan) {
      plan = BindTableRef(*ref, scope);
      continue;
    }
    Scope left = *scope;  // what a LATERAL item may read
    LogicalOpPtr next = BindLateralRef(*ref, left, scope);
    plan = MakeLateralJoin(std::move(plan), std::move(next), JoinType::kCross, *ref);
  }
  return plan;
}

LogicalOpPtr Binder::BindLateralRef(const ast::TableRef& ref, const Scope& left, Scope* scope) {
  if (!IsLateral(ref)) return BindTableRef(ref, scope);
  // The left items' columns resolve as the nearest outer query's (depth 1): the join runs the
  // item once per left row with that row as the outer row.
  Scope lateral = left;
  lateral.outer = outer_scope_;
  const Scope* saved = outer_scope_;
  outer_scope_ = &lateral;
  try {
    LogicalOpPtr plan = BindTableRef(ref, scope);
    outer_scope_ = saved;
    return plan;
  } catch (...) {
    outer_scope_ = saved;
    throw;
  }
}


LogicalOpPtr Binder::BindTableRef(const ast::TableRef& ref, Scope* scope) {
  switch (ref.kind) {
    case ast::TableRefKind::kBaseTable:
      return BindBaseTable(ref.As<ast::BaseTableRef>(), scope);
    case ast::TableRefKind::kSubquery: {
      const auto& sub = ref.As<ast::SubqueryRef>();
      return BindSubquery(*sub.query, sub.alias, sub.column_aliases, scope);
    }
    case ast::TableRefKind::kJoin:
      return BindJoin(ref.As<ast::JoinRef>(), scope);
    case ast::TableRefKind::kFunction:
      return BindTableFunction(ref.As<ast::FunctionRef>(), scope);
  }
  HELIOS_UNREACHABLE();
}

LogicalOpPtr Binder::BindSubquery(const ast::SelectStmt& query, const std::string& alias,
                                  const std::vector<std::string>& column_aliases, Scope* scope) {
  LogicalOpPtr plan = BindSelect(query);
  if (column_aliases.size() > plan->names.size())
    ThrowError(sqlstate::kInvalidColumnReference,
               "table \"" + alias + "\" has " + std::to_string(plan->names.size()) +
                   " columns available but " + std::to_string(column_aliases.size()) +
                   " columns specified",
               query.location);
  for (size_t i = 0; i < plan->names.size(); i++) {
    if (i < column_aliases.size()) plan->names[i] = column_aliases[i];
    scope->columns.push_back({alias, plan->names[i], plan->types[i]});
  }
  return plan;
}

LogicalOpPtr Binder::BindBaseTable(const ast::BaseTableRef& ref, Scope* scope) {
  if (ref.as_of) return BindHistoricTable(ref, scope);
  auto [schema, name] = SplitQualifiedName(ref.name, ref.location);
  std::string alias = ref.alias.empty() ? name : ref.alias;
  if (schema.empty()) {
    for (auto it = working_tables_.rbegin(); it != working_tables_.rend(); ++it) {
      if (it->name != name) continue;
      it->used = true;
      auto scan = std::make_unique<LogicalOp>();
      scan->kind = LogicalOpKind::kWorkingTable;
      scan->index = it->id;
      scan->types = it->types;
      scan->names = it->names;
      for (size_t i = 0; i < it->types.size(); i++)
        scope->columns.push_back({alias, it->names[i], it->types[i]});
      return scan;
    }
    for (size_t frame = ctes_.size(); frame-- > 0;) {
      auto [with, visible] = ctes_[frame];
      for (size_t i = 0; i < visible; i++) {
        const ast::CommonTableExpr& cte = with->ctes[i];
        if (cte.name != name) continue;
        // The body sees the frames outside this one and the CTEs defined before it.
        auto saved = ctes_;
        ctes_.resize(frame);
        ctes_.emplace_back(with, i);
        std::vector<std::string> names = cte.column_names;
        for (size_t k = 0; k < ref.column_aliases.size(); k++) {
          if (k < names.size()) {
            names[k] = ref.column_aliases[k];
          } else {
            names.push_back(ref.column_aliases[k]);
          }
        }
        LogicalOpPtr plan;
        if (with->recursive) {
          // The term may refer to the CTE itself; earlier CTEs of the clause stay visible.
          ctes_.back().second = i;
          plan = BindRecursiveCte(cte, names);
        }
        if (plan) {
          for (size_t k = 0; k < plan->names.size(); k++)
            scope->columns.push_back({alias, plan->names[k], plan->types[k]});
        } else {
          plan = BindSubquery(*cte.query, alias, names, scope);
        }
        ctes_ = std::move(saved);
        return plan;
      }
    }
  }
  if (const TableInfo* table = catalog_.FindTable(schema, name)) {
    CheckTablePrivileges(catalog_, RoleScope::Current(), *table, kPrivSelect);
    if (dependencies_) dependencies_->push_back(table->id);
    auto get = std::make_unique<LogicalOp>();
    get->kind = LogicalOpKind::kGet;
    get->table = table;
    for (size_t i = 0; i < table->columns.size(); i++) {
      std::string column =
          i < ref.column_aliases.size() ? ref.column_aliases[i] : table->columns[i].name;
      get->columns.push_back(static_cast<int>(i));
      get->types.push_back(table->columns[i].type);
      get->names.push_back(column);
      scope->columns.push_back({alias, column, table->columns[i].type, false, false, name});
    }
    return get;
  }
  if (LogicalOpPtr system = BuildSystemView(catalog_, schema, name)) {
    for (size_t i = 0; i < system->names.size(); i++) {
      if (i < ref.column_aliases.size()) system->names[i] = ref.column_aliases[i];
      scope->columns.push_back({alias, system->names[i], system->types[i]});
    }
    return system;
  }
  if (const ViewInfo* view = catalog_.FindView(schema, name)) {
    CheckViewPrivileges(catalog_, RoleScope::Current(), *view, kPrivSelect);
    // The view's own tables are read with its owner's privileges, as in PostgreSQL.
    RoleScope owner_rights(view->owner == 0 ? kBootstrapSuperuserId : view->owner);
    if (dependencies_) dependencies_->push_back(view->id);
    if (++depth_ > 32)
      ThrowError(sqlstate::kProgramLimitExceeded, "views nest too deeply", ref.location);
    auto statements = Parser::ParseAll(view->query_sql);
    HELIOS_ASSERT(statements.size() == 1 && statements[0]->kind == ast::StmtKind::kSelect);
    std::vector<std::string> names =
        ref.column_aliases.empty() ? view->column_names : ref.column_aliases;
    auto saved = std::move(ctes_);
    ctes_.clear();
    LogicalOpPtr plan =
        BindSubquery(statements[0]->As<ast::SelectStmt>(), alias, names, scope);
    ctes_ = std::move(saved);
    depth_--;
    return plan;
  }
  ThrowError(sqlstate::kUndefinedTable,
             "relation \"" + (schema.empty() ? name : schema + "." + name) + "\" does not exist",
             ref.location);
}

LogicalOpPtr Binder::BindEngineTableFunction(const ast::FunctionRef& ref, Scope* scope) {
  const ast::FunctionExpr& call = *ref.call;
  if (time_travel_ == nullptr || !time_travel_->HasTableFunction(call.name.back())) return nullptr;
  std::vector<BoundExprPtr> args;
  Scope none;  // constants only: the rows are computed now
  for (const auto& a : call.args) args.push_back(BindScalar(*a, none));
  TimeTravelSource::FunctionRows rows;
  if (!time_travel_->TableFunctionRows(call.name.back(), args, ref.location, &rows))
    return nullptr;
  auto op = std::make_unique<LogicalOp>();
  op->kind = LogicalOpKind::kValues;
  op->types = rows.types;
  std::string alias = ref.alias.empty() ? call.name.back() : ref.alias;
  for (size_t i = 0; i < rows.names.size(); i++) {
    std::string column = i < ref.column_aliases.size() ? ref.column_aliases[i] : rows.names[i];
    op->names.push_back(column);
    scope->columns.push_back({alias, column, rows.types[i]});
  }
  for (const auto& row : rows.rows) {
    op->rows.emplace_back();
    for (const Value& v : row) op->rows.back().push_back(MakeConstant(v));
  }
  return op;
}

LogicalOpPtr Binder::BindTableFunction(const ast::FunctionRef& ref, Scope* scope) {
  const ast::FunctionExpr& call = *ref.call;
  std::string name = call.name.back();
  if (name == "pg_input_error_info") return BindInputErrorInfo(*this, ref, scope);
  if (LogicalOpPtr rows = BindEngineTableFunction(ref, scope)) return rows;
  if (name == kReadParquet) return BindReadParquet(*this, catalog_, ref, scope);
  if (!IsSetFunctionName(name))
    ThrowError(sqlstate::kUndefinedFunction,
               "function " + name + " does not exist as a set-returning function", ref.location);
  // Arguments see the enclosing query (correlation), not the other FROM items.
  Scope args_scope;
  args_scope.outer = outer_scope_;
  auto op = std::make_unique<LogicalOp>();
  op->kind = LogicalOpKind::kTableFunction;
  op->function = name;
  op->with_ordinality = ref.with_ordinality;
  for (const auto& a : call.args) op->exprs.push_back(BindScalar(*a, args_scope));
  std::vector<LogicalType> columns = BindSetFunctionArgs(*this, name, &op->exprs, ref.location);
  std::string alias = ref.alias.empty() ? name : ref.alias;
  // One column takes the alias as its name (PostgreSQL); several keep the function's name.
  for (size_t i = 0; i < columns.size(); i++) {
    std::string column = i < ref.column_aliases.size() ? ref.column_aliases[i]
                         : ref.alias.empty() || columns.size() > 1 ? name
                                                                   : ref.alias;
    op->types.push_back(columns[i]);
    op->names.push_back(column);
    scope->columns.push_back({alias, column, columns[i]});
  }
  if (ref.with_ordinality) {
    std::string ordinality = ref.column_aliases.size() > columns.size()
                                 ? ref.column_aliases[columns.size()]
                                 : "ordinality";
    op->types.push_back(TypeId::kBigInt);
    op->names.push_back(ordinality);
    scope->columns.push_back({alias, ordinality, TypeId::kBigInt});
  }
  return op;
}

LogicalOpPtr Binder::BindRecursiveCte(const ast::CommonTableExpr& cte,
                                      const std::vector<std::string>& names) {
  const ast::SelectStmt& q = *cte.query;
  if (q.set_op != ast::SelectStmt::SetOp::kUnion || q.with || !q.order_by.empty() || q.limit ||
      q.offset)
    return nullptr;
  LogicalOpPtr anchor = BindSelect(*q.left);
  WorkingTable working{cte.name, next_working_table_++, anchor->types, anchor->names};
  for (size_t i = 0; i < names.size() && i < working.names.size(); i++)
    working.names[i] = names[i];
  working_tables_.push_back(working);
  LogicalOpPtr term;
  try {
    term = BindSelect(*q.right);
  } catch (...) {
    working_tables_.pop_back();
    throw;
  }
  bool recursive = working_tables_.back().used;
  working_tables_.pop_back();
  if (!recursive) return nullptr;
  if (AggregatesWorkingTable(*term))
    ThrowError(sqlstate::kInvalidRecursion,
               "aggregate functions are not allowed in a recursive query's recursive term",
               q.right->location);
  if (term->types.size() != anchor->types.size())
    ThrowError(sqlstate::kSyntaxError, "each UNION query must have the same number of columns",
               q.right->location);
  // The recursive term's rows take the anchor's types.
  if (term->types != anchor->types) {
    auto project = std::make_unique<LogicalOp>();
    project->kind = LogicalOpKind::kProjection;
    for (size_t c = 0; c < anchor->types.size(); c++) {
      auto ref = MakeColumnRef(static_cast<int>(c), term->types[c], term->names[c]);
      project->exprs.push_back(term->types[c] == anchor->types[c]
                                   ? std::move(ref)
                                   : Coerce(std::move(ref), anchor->types[c], true,
                                            "recursive query column", q.right->location));
    }
    project->types = anchor->types;
    project->names = term->names;
    project->children.push_back(std::move(term));
    term = std::move(project);
  }
  auto op = std::make_unique<LogicalOp>();
  op->kind = LogicalOpKind::kRecursiveCte;
  op->index = working.id;
  op->set_all = q.set_all;
  op->types = anchor->types;
  op->names = working.names;
  op->children.push_back(std::move(anchor));
  op->children.push_back(std::move(term));
  return op;
}

LogicalOpPtr Binder::BindView(const Catalog& catalog, const ViewInfo& view,
                              std::vector<ObjectId>* dependencies) {
  Binder binder(catalog);
  binder.record_dependencies(dependencies);
  auto statements = Parser::ParseAll(view.query_sql);
  HELIOS_ASSERT(statements.size() == 1 && statements[0]->kind == ast::StmtKind::kSelect);
  LogicalOpPtr plan = binder.BindSelect(statements[0]->As<ast::SelectStmt>());
  for (size_t i = 0; i < view.column_names.size() && i < plan->names.size(); i++)
    plan->names[i] = view.column_names[i];
  return plan;
}

LogicalOpPtr Binder::BindJoin(const ast::JoinRef& ref, Scope* scope) {
  using T = ast::JoinRef::Type;
  bool right_join = ref.type == T::kRight;
  Scope sides[2];
  LogicalOpPtr left = BindTableRef(*ref.left, &sides[0]);
  LogicalOpPtr right = BindLateralRef(*ref.right, sides[0], &sides[1]);
  if (IsLateral(*ref.right) && PlanRefersOutside(*right, 0) && ref.type != T::kInner &&
      ref.type != T::kLeft && ref.type != T::kCross) {
    Status status = Status::Error(sqlstate::kInvalidColumnReference,
                                  "invalid reference to FROM-clause entry in a LATERAL item",
                                  ref.location);
    status.WithDetail("The combining JOIN type must be INNER or LEFT for a LATERAL reference.");
    throw DbException(status);
  }
  size_t left_width = sides[0].columns.size();
  // A RIGHT JOIN runs as a LEFT JOIN with the inputs swapped, then restores column order.
  LogicalOpPtr join = right_join ? MakeJoin(std::move(right), std::move(left), JoinType::kLeft)
                                 : MakeLateralJoin(std::move(left), std::move(right),
                                            ref.type == T::kLeft    ? JoinType::kLeft
                                            : ref.type == T::kFull  ? JoinType::kFull
                                            : ref.type == T::kCross ? JoinType::kCross
                                                                    : JoinType::kInner,
                                            *ref.right);
  Scope joined;  // in the join operator's column order
  const Scope& first = right_join ? sides[1] : sides[0];
  const Scope& second = right_join ? sides[0] : sides[1];
  joined.columns = first.columns;
  joined.columns.insert(joined.columns.end(), second.columns.begin(), second.columns.end());

  std::vector<std::string> using_columns = ref.using_columns;
  if (ref.natural) {
    for (const auto& l : sides[0].columns)
      for (const auto& r : sides[1].columns)
        if (l.name == r.name && !l.hidden_unqualified) using_columns.push_back(l.name);
  }
  BoundExprPtr condition;
  std::vector<std::pair<int, int>> merged;  // FULL JOIN USING: (left, right) column pairs
  if (ref.on) {
    condition = CoerceToBoolean(BindScalar(*ref.on, joined), "JOIN/ON", ref.on->location);
  } else if (!using_columns.empty()) {
    auto all = std::make_unique<BoundExpr>();
    all->kind = BoundExprKind::kAnd;
    all->type = TypeId::kBoolean;
    size_t first_width = first.columns.size();
    std::vector<std::pair<int, int>> merged_pairs;
    for (const auto& name : using_columns) {
      int l = FindUnqualified(joined, 0, first_width, name, ref.location);
      int r = FindUnqualified(joined, first_width, joined.columns.size(), name, ref.location);
      if (l < 0 || r < 0)
        ThrowError(sqlstate::kUndefinedColumn,
                   "column \"" + name + "\" specified in USING clause does not exist in " +
                       ((l < 0) != right_join ? "left" : "right") + " table",
                   ref.location);
      std::vector<BoundExprPtr> args;
      args.push_back(MakeColumnRef(l, joined.columns[l].type, name));
      args.push_back(MakeColumnRef(r, joined.columns[r].type, name));
      ExpressionBinder binder(*this, joined, nullptr, "JOIN/USING");
      auto cond = binder.CallFunction("=", std::move(args), ref.location, true);
      all->children.push_back(std::move(cond));
      // The joined column appears once for unqualified references: the outer side's copy, or
      // for FULL JOIN a merged COALESCE(left, right) column.
      joined.columns[right_join ? l : r].hidden_unqualified = true;
      if (ref.type == T::kFull) {
        joined.columns[l].hidden_unqualified = true;
        merged_pairs.emplace_back(l, r);
      }
    }
    condition = std::move(all);
    merged = std::move(merged_pairs);
  }
  join->predicate = std::move(condition);
  if (ref.type != T::kCross && !join->predicate && !ref.natural)
    join->join_type = ref.type == T::kFull                    ? JoinType::kFull
                      : ref.type == T::kLeft || right_join ? JoinType::kLeft
                                                           : JoinType::kInner;

  if (!merged.empty()) {
    auto project = std::make_unique<LogicalOp>();
    project->kind = LogicalOpKind::kProjection;
    for (size_t i = 0; i < join->types.size(); i++)
      project->exprs.push_back(MakeColumnRef(static_cast<int>(i), join->types[i], join->names[i]));
    for (auto [l, r] : merged) {
      std::vector<BoundExprPtr> sides;
      sides.push_back(MakeColumnRef(l, join->types[l], join->names[l]));
      sides.push_back(MakeColumnRef(r, join->types[r], join->names[r]));
      auto coalesce = std::make_unique<BoundExpr>();
      coalesce->kind = BoundExprKind::kCoalesce;
      LogicalType type = CommonType({sides[0]->type, sides[1]->type}, "JOIN/USING", ref.location);
      for (auto& s : sides)
        coalesce->children.push_back(s->type == type ? std::move(s)
                                                     : Coerce(std::move(s), type, false,
                                                              "JOIN/USING", ref.location));
      coalesce->type = type;
      joined.columns.push_back({"", joined.columns[l].name, type});
      project->exprs.push_back(std::move(coalesce));
    }
    for (const auto& e : project->exprs) {
      project->types.push_back(e->type);
      project->names.push_back(e->kind == BoundExprKind::kColumn ? e->name : "?merged?");
    }
    project->children.push_back(std::move(join));
    scope->columns.insert(scope->columns.end(), joined.columns.begin(), joined.columns.end());
    return project;
  }
  if (!right_join) {
    scope->columns.insert(scope->columns.end(), joined.columns.begin(), joined.columns.end());
    return join;
  }
  // Restore left-then-right column order for the RIGHT JOIN.
  auto project = std::make_unique<LogicalOp>();
  project->kind = LogicalOpKind::kProjection;
  size_t right_width = sides[1].columns.size();
  for (size_t i = 0; i < left_width; i++) {
    size_t pos = right_width + i;
    project->exprs.push_back(MakeColumnRef(static_cast<int>(pos), join->types[pos],
                                           join->names[pos]));
    scope->columns.push_back(joined.columns[pos]);
  }
  for (size_t i = 0; i < right_width; i++) {
    project->exprs.push_back(MakeColumnRef(static_cast<int>(i), join->types[i], join->names[i]));
    scope->columns.push_back(joined.columns[i]);
  }
  for (const auto& e : project->exprs) {
    project->types.push_back(e->type);
    project->names.push_back(e->name);
  }
  project->children.push_back(std::move(join));
  return project;
}

}  // namespace heliosdb
