// Binding of INSERT, UPDATE and DELETE into plans whose root writes the table:
//   INSERT: source rows (VALUES or a query) -> Insert; the source yields every table column
//           in table order, unlisted columns taking their defaults.
//   UPDATE: Get(table ++ row key) [x FROM items] -> Filter(where) -> Update(new values of the
//           SET columns)
//   DELETE: Get(table ++ row key) [x USING items] -> Filter(where) -> Delete
// With FROM / USING a target row may pair with several rows: the operator writes it once.
#include <set>

#include "catalog/privileges.h"
#include "common/exception.h"
#include "planner/binder.h"
#include "planner/expression_binder.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {
std::string ColumnWhat(const ColumnInfo& c) { return "column \"" + c.name + "\""; }

void CheckIdentityAlways(const TableInfo& table, int column, const ast::Expr* value) {
  const ColumnInfo& c = table.columns[column];
  if (!c.identity_always || (value && value->kind == ast::ExprKind::kDefault)) return;
  Status s = Status::Error("428C9",
                           "cannot insert a non-DEFAULT value into column \"" + c.name + "\"",
                           value ? value->location : 0);
  s.WithDetail("Column \"" + c.name + "\" is an identity column defined as GENERATED ALWAYS.");
  s.WithHint("Use OVERRIDING SYSTEM VALUE to override.");
  throw DbException(s);
}

LogicalOpPtr ScanForWrite(const TableInfo& table, const std::string& alias, Scope* scope) {
  auto get = std::make_unique<LogicalOp>();
  get->kind = LogicalOpKind::kGet;
  get->table = &table;
  get->emit_row_key = true;
  *scope = Binder::TableScope(table, alias);
  for (size_t i = 0; i < table.columns.size(); i++) {
    get->columns.push_back(static_cast<int>(i));
    get->types.push_back(table.columns[i].type);
    get->names.push_back(table.columns[i].name);
  }
  get->types.push_back(TypeId::kBytea);
  get->names.push_back("?row_key?");
  scope->columns.push_back({alias, "?row_key?", TypeId::kBytea, false, true});
  return get;
}
}  // namespace

// COPY FROM's rows, one column per target, completed with the other columns' defaults.
LogicalOpPtr Binder::ExternalRowsSource(const TableInfo& table, const std::vector<int>& targets) {
  auto rows = std::make_unique<LogicalOp>();
  rows->kind = LogicalOpKind::kTableFunction;
  rows->function = kExternalRowsFunction;
  for (int col : targets) {
    rows->types.push_back(table.columns[col].type);
    rows->names.push_back(table.columns[col].name);
  }
  auto project = std::make_unique<LogicalOp>();
  project->kind = LogicalOpKind::kProjection;
  std::vector<BoundExprPtr> full(table.columns.size());
  for (size_t i = 0; i < targets.size(); i++)
    full[targets[i]] = MakeColumnRef(static_cast<int>(i), rows->types[i], rows->names[i]);
  for (size_t c = 0; c < full.size(); c++)
    if (!full[c]) full[c] = BindDefault(table, static_cast<int>(c));
  project->exprs = std::move(full);
  project->children.push_back(std::move(rows));
  return project;
}

LogicalOpPtr Binder::BindInsert(const ast::InsertStmt& s) {
  PushWith(s.with.get());
  const TableInfo& table = LookupTable(s.table, s.location);
  uint32_t needed = kPrivInsert;
  if (!s.returning.empty()) needed |= kPrivSelect;
  if (s.on_conflict && s.on_conflict->do_update) needed |= kPrivUpdate;
  CheckTablePrivileges(catalog_, RoleScope::Current(), table, needed);
  size_t width = table.columns.size();

  std::vector<int> targets;
  if (s.columns.empty()) {
    for (size_t i = 0; i < width; i++) targets.push_back(static_cast<int>(i));
  } else {
    std::set<int> seen;
    for (const auto& name : s.columns) {
      int idx = table.FindColumn(name);
      if (idx < 0)
        ThrowError(sqlstate::kUndefinedColumn,
                   "column \"" + name + "\" of relation \"" + table.name + "\" does not exist",
                   s.location);
      if (!seen.insert(idx).second)
        ThrowError(sqlstate::kDuplicateColumn,
                   "column \"" + name + "\" specified more than once", s.location);
      targets.push_back(idx);
    }
  }

  LogicalOpPtr source;
  const bool plain_values = s.source && !s.source->values.empty() && s.source->order_by.empty() &&
                            !s.source->limit && !s.source->offset && !s.source->with;
  if (s.external_rows) {
    source = ExternalRowsSource(table, targets);
  } else if (!s.source || plain_values) {
    source = std::make_unique<LogicalOp>();
    source->kind = LogicalOpKind::kValues;
    std::vector<const ast::ExprList*> rows;
    if (s.source)
      for (const auto& row : s.source->values) rows.push_back(&row);
    size_t row_count = s.source ? rows.size() : 1;
    for (size_t r = 0; r < row_count; r++) {
      const ast::ExprList* row = s.source ? rows[r] : nullptr;
      size_t given = row ? row->size() : 0;
      if (row && given > targets.size())
        ThrowError(sqlstate::kSyntaxError, "INSERT has more expressions than target columns",
                   (*row)[targets.size()]->location);
      if (row && given < targets.size() && !s.columns.empty())
        ThrowError(sqlstate::kSyntaxError, "INSERT has more target columns than expressions",
                   s.location);
      std::vector<BoundExprPtr> full(width);
      for (size_t i = 0; i < given; i++) {
        int col = targets[i];
        const ast::Expr& e = *(*row)[i];
        if (!s.overriding_system_value) CheckIdentityAlways(table, col, &e);
        if (e.kind == ast::ExprKind::kDefault) continue;
        full[col] = Coerce(BindScalar(e, Scope()), table.columns[col].type, true,
                           ColumnWhat(table.columns[col]), e.location);
      }
      for (size_t c = 0; c < width; c++)
        if (!full[c]) full[c] = BindDefault(table, static_cast<int>(c));
      source->rows.push_back(std::move(full));
    }
  } else {
    LogicalOpPtr query = BindSelect(*s.source);
    if (query->types.size() > targets.size())
      ThrowError(sqlstate::kSyntaxError, "INSERT has more expressions than target columns",
                 s.source->location);
    if (query->types.size() < targets.size() && !s.columns.empty())
      ThrowError(sqlstate::kSyntaxError, "INSERT has more target columns than expressions",
                 s.source->location);
    auto project = std::make_unique<LogicalOp>();
    project->kind = LogicalOpKind::kProjection;
    std::vector<BoundExprPtr> full(width);
    for (size_t i = 0; i < query->types.size(); i++) {
      int col = targets[i];
      if (!s.overriding_system_value) CheckIdentityAlways(table, col, nullptr);
      full[col] = Coerce(MakeColumnRef(static_cast<int>(i), query->types[i], query->names[i]),
                         table.columns[col].type, true, ColumnWhat(table.columns[col]),
                         s.source->location);
    }
    for (size_t c = 0; c < width; c++)
      if (!full[c]) full[c] = BindDefault(table, static_cast<int>(c));
    project->exprs = std::move(full);
    project->children.push_back(std::move(query));
    source = std::move(project);
  }
  for (const auto& c : table.columns) {
    source->types.push_back(c.type);
    source->names.push_back(c.name);
  }

  auto insert = std::make_unique<LogicalOp>();
  insert->kind = LogicalOpKind::kInsert;
  insert->table = &table;
  insert->children.push_back(std::move(source));

  if (s.on_conflict) {
    const auto& oc = *s.on_conflict;
    insert->conflict = oc.do_update ? ConflictAction::kUpdate : ConflictAction::kNothing;
    if (!oc.constraint_name.empty()) {
      for (const auto& c : table.constraints)
        if (c.name == oc.constraint_name &&
            (c.kind == ConstraintKind::kPrimaryKey || c.kind == ConstraintKind::kUnique))
          insert->conflict_columns = c.columns;
      if (insert->conflict_columns.empty())
        ThrowError(sqlstate::kUndefinedObject,
                   "constraint \"" + oc.constraint_name + "\" for table \"" + table.name +
                       "\" does not exist",
                   oc.location);
    }
    for (const auto& name : oc.target_columns) {
      int idx = table.FindColumn(name);
      if (idx < 0)
        ThrowError(sqlstate::kUndefinedColumn, "column \"" + name + "\" does not exist",
                   oc.location);
      insert->conflict_columns.push_back(idx);
    }
    if (!insert->conflict_columns.empty()) {
      std::set<int> wanted(insert->conflict_columns.begin(), insert->conflict_columns.end());
      bool matched = false;
      for (const auto& c : table.constraints)
        if ((c.kind == ConstraintKind::kPrimaryKey || c.kind == ConstraintKind::kUnique) &&
            std::set<int>(c.columns.begin(), c.columns.end()) == wanted)
          matched = true;
      for (const auto* ix : catalog_.TableIndexes(table.id))
        if (ix->unique && std::set<int>(ix->columns.begin(), ix->columns.end()) == wanted)
          matched = true;
      if (!matched)
        ThrowError(sqlstate::kInvalidColumnReference,
                   "there is no unique or exclusion constraint matching the ON CONFLICT "
                   "specification",
                   oc.location);
    } else if (oc.do_update) {
      ThrowError(sqlstate::kSyntaxError,
                 "ON CONFLICT DO UPDATE requires inference specification or constraint name",
                 oc.location);
    }
    if (oc.do_update) {
      Scope scope = TableScope(table, s.alias);
      Scope excluded = TableScope(table, "excluded");
      scope.columns.insert(scope.columns.end(), excluded.columns.begin(), excluded.columns.end());
      BindSetClauses(table, oc.set, scope, &insert->conflict_set_columns,
                     &insert->conflict_set);
      if (oc.where)
        insert->conflict_where =
            CoerceToBoolean(BindScalar(*oc.where, scope), "WHERE", oc.where->location);
    }
  }
  insert->returning = BindReturning(s.returning, table, s.alias, &insert->names, &insert->types);
  PopWith(s.with.get());
  return insert;
}

LogicalOpPtr Binder::AddWhere(LogicalOpPtr plan, const ast::Expr& where, const Scope& scope) {
  auto filter = std::make_unique<LogicalOp>();
  filter->kind = LogicalOpKind::kFilter;
  filter->types = plan->types;
  filter->names = plan->names;
  filter->predicate = CoerceToBoolean(BindScalar(where, scope), "WHERE", where.location);
  filter->children.push_back(std::move(plan));
  return filter;
}

void Binder::BindSetClauses(const TableInfo& table,
                            const std::vector<ast::OnConflictClause::SetClause>& clauses,
                            const Scope& scope, std::vector<int>* columns,
                            std::vector<BoundExprPtr>* exprs) {
  std::set<int> assigned;
  for (const auto& set : clauses) {
    std::vector<const ast::Expr*> values;
    std::vector<BoundExprPtr> row_subquery;  // SET (a, b) = (SELECT ...)
    if (set.columns.size() > 1 && set.value->kind == ast::ExprKind::kRow) {
      for (const auto& f : set.value->As<ast::RowExpr>().fields) values.push_back(f.get());
    } else if (set.columns.size() > 1 && set.value->kind == ast::ExprKind::kSubquery) {
      ExpressionBinder eb(*this, scope, nullptr, "UPDATE");
      row_subquery = eb.BindRowSubquery(set.value->As<ast::SubqueryExpr>(), set.columns.size());
      values.assign(set.columns.size(), set.value.get());
    } else {
      values.push_back(set.value.get());
    }
    if (values.size() != set.columns.size())
      ThrowError(sqlstate::kSyntaxError, "number of columns does not match number of values",
                 set.value->location);
    for (size_t i = 0; i < set.columns.size(); i++) {
      int idx = table.FindColumn(set.columns[i]);
      if (idx < 0)
        ThrowError(sqlstate::kUndefinedColumn,
                   "column \"" + set.columns[i] + "\" of relation \"" + table.name +
                       "\" does not exist",
                   set.value->location);
      if (!assigned.insert(idx).second)
        ThrowError(sqlstate::kSyntaxError,
                   "multiple assignments to same column \"" + set.columns[i] + "\"",
                   set.value->location);
      const ColumnInfo& col = table.columns[idx];
      if (col.identity_always && values[i]->kind != ast::ExprKind::kDefault)
        ThrowError("428C9", "column \"" + col.name + "\" can only be updated to DEFAULT",
                   values[i]->location);
      BoundExprPtr e = values[i]->kind == ast::ExprKind::kDefault
                           ? BindDefault(table, idx)
                           : Coerce(row_subquery.empty() ? BindScalar(*values[i], scope)
                                                         : std::move(row_subquery[i]),
                                    col.type, true, ColumnWhat(col), values[i]->location);
      columns->push_back(idx);
      exprs->push_back(std::move(e));
    }
  }
}

LogicalOpPtr Binder::JoinWriteSources(LogicalOpPtr target,
                                      const std::vector<ast::TableRefPtr>& from,
                                      const std::string& target_name, Scope* scope) {
  if (from.empty()) return target;
  Scope others;
  LogicalOpPtr sources = BindFrom(from, &others, target_name);
  scope->columns.insert(scope->columns.end(), others.columns.begin(), others.columns.end());
  return MakeJoinOp(std::move(target), std::move(sources), JoinType::kCross, nullptr);
}

LogicalOpPtr Binder::BindUpdate(const ast::UpdateStmt& s) {
  PushWith(s.with.get());
  const TableInfo& table = LookupTable(s.table, s.location);
  // Reading the rows (WHERE, RETURNING) needs SELECT as well, as in PostgreSQL.
  CheckTablePrivileges(catalog_, RoleScope::Current(), table,
                       kPrivUpdate | (s.where || !s.returning.empty() ? kPrivSelect : 0));
  Scope scope;
  LogicalOpPtr plan = ScanForWrite(table, s.alias, &scope);
  plan =
      JoinWriteSources(std::move(plan), s.from, s.alias.empty() ? s.table.back() : s.alias, &scope);
  if (s.where) plan = AddWhere(std::move(plan), *s.where, scope);
  auto update = std::make_unique<LogicalOp>();
  update->kind = LogicalOpKind::kUpdate;
  update->table = &table;
  BindSetClauses(table, s.set, scope, &update->update_columns, &update->exprs);
  update->children.push_back(std::move(plan));
  update->returning = BindReturning(s.returning, scope, &update->names, &update->types);
  PopWith(s.with.get());
  return update;
}

LogicalOpPtr Binder::BindDelete(const ast::DeleteStmt& s) {
  PushWith(s.with.get());
  const TableInfo& table = LookupTable(s.table, s.location);
  CheckTablePrivileges(catalog_, RoleScope::Current(), table,
                       kPrivDelete | (s.where || !s.returning.empty() ? kPrivSelect : 0));
  Scope scope;
  LogicalOpPtr plan = ScanForWrite(table, s.alias, &scope);
  plan = JoinWriteSources(std::move(plan), s.using_tables,
                          s.alias.empty() ? s.table.back() : s.alias, &scope);
  if (s.where) plan = AddWhere(std::move(plan), *s.where, scope);
  auto del = std::make_unique<LogicalOp>();
  del->kind = LogicalOpKind::kDelete;
  del->table = &table;
  del->children.push_back(std::move(plan));
  del->returning = BindReturning(s.returning, scope, &del->names, &del->types);
  PopWith(s.with.get());
  return del;
}

}  // namespace heliosdb
