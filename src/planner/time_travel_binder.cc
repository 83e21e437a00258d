// Binding of time travel on a table reference: `t AS OF NOW | SCN n | TRANSACTION n |
// TIMESTAMP ts` reads the table as committed at that SCN, decoded with the catalog of that
// moment (columns added or dropped later do not matter); `t VERSIONS BETWEEN SCN|TIMESTAMP a
// AND b` returns every version of every row alive in that window, with pseudo-columns. The
// values are constant expressions (no columns, no parameters), evaluated once while binding:
// the SCN decides which catalog binds the rest of the query.
#include "catalog/privileges.h"
#include "common/exception.h"
#include "planner/binder.h"

namespace heliosdb {

namespace {
bool HasParameter(const BoundExpr& e) {
  if (e.kind == BoundExprKind::kParameter) return true;
  for (const auto& c : e.children)
    if (HasParameter(*c)) return true;
  return false;
}
}  // namespace

Scn Binder::BindAsOfValue(const ast::AsOfClause& clause, const ast::Expr* value, int location) {
  if (clause.type == ast::AsOfClause::Type::kNow) return time_travel_->NowScn();
  Scope none;  // AS OF sees no columns, not even an enclosing query's
  BoundExprPtr bound;
  try {
    bound = BindScalar(*value, none);
  } catch (const DbException& e) {
    if (e.status().sqlstate() != std::string(sqlstate::kUndefinedColumn)) throw;
    ThrowError(sqlstate::kFeatureNotSupported,
               "AS OF and VERSIONS BETWEEN take a constant expression, not a column reference",
               value->location);
  }
  if (HasParameter(*bound))
    ThrowError(sqlstate::kFeatureNotSupported, "AS OF does not accept parameters", value->location);
  bool timestamp = clause.type == ast::AsOfClause::Type::kTimestamp;
  bound = Coerce(std::move(bound), timestamp ? TypeId::kTimestampTz : TypeId::kBigInt, false,
                 timestamp ? "AS OF TIMESTAMP" : "AS OF SCN", value->location);
  (void)location;
  return time_travel_->ResolveScn(*bound, timestamp, value->location);
}

LogicalOpPtr Binder::BindHistoricTable(const ast::BaseTableRef& ref, Scope* scope) {
  const ast::AsOfClause& clause = *ref.as_of;
  const char* what = clause.versions_between ? "VERSIONS BETWEEN" : "AS OF";
  if (time_travel_ == nullptr)
    ThrowError(sqlstate::kFeatureNotSupported, std::string(what) + " is not supported here",
               ref.location);
  auto [schema, name] = SplitQualifiedName(ref.name, ref.location);
  std::string display = schema.empty() ? name : schema + "." + name;
  const TableInfo* current = catalog_.FindTable(schema, name);
  if (current == nullptr) {
    if (catalog_.FindView(schema, name))
      ThrowError(sqlstate::kFeatureNotSupported,
                 std::string(what) + " cannot be applied to view \"" + display +
                     "\"; apply it to the view's tables",
                 ref.location);
    if (schema.empty()) {
      for (const auto& [with, visible] : ctes_)
        for (size_t i = 0; i < visible; i++)
          if (with->ctes[i].name == name)
            ThrowError(sqlstate::kFeatureNotSupported,
                       std::string(what) + " cannot be applied to WITH query \"" + name + "\"",
                       ref.location);
    }
  }

  Scn scn = 0, from = 0;
  if (clause.versions_between) {
    from = BindAsOfValue(clause, clause.value.get(), ref.location);
    scn = BindAsOfValue(clause, clause.upper.get(), ref.location);
    if (from > scn)
      ThrowError(sqlstate::kInvalidParameterValue,
                 "VERSIONS BETWEEN lower bound (SCN " + std::to_string(from) +
                     ") is after its upper bound (SCN " + std::to_string(scn) + ")",
                 ref.location);
  } else {
    scn = BindAsOfValue(clause, clause.value.get(), ref.location);
  }

  // The table is the one the name means now, as it was then; a table dropped since is found
  // by its old name.
  std::shared_ptr<const Catalog> history = time_travel_->CatalogAt(scn);
  const TableInfo* table =
      current ? history->GetTable(current->id) : history->FindTable(schema, name);
  if (table == nullptr)
    ThrowError(sqlstate::kUndefinedTable,
               "relation \"" + display + "\" did not exist as of SCN " + std::to_string(scn),
               ref.location);
  CheckTablePrivileges(current ? catalog_ : *history, RoleScope::Current(),
                       current ? *current : *table, kPrivSelect);
  time_travel_->CheckRetention(current ? *current : *table, clause.versions_between ? from : scn, ref.location);
  if (dependencies_) dependencies_->push_back(table->id);

  std::string alias = ref.alias.empty() ? name : ref.alias;
  auto op = std::make_unique<LogicalOp>();
  op->table = table;
  op->history_catalog = history;
  for (size_t i = 0; i < table->columns.size(); i++) {
    std::string column =
        i < ref.column_aliases.size() ? ref.column_aliases[i] : table->columns[i].name;
    op->columns.push_back(static_cast<int>(i));
    op->types.push_back(table->columns[i].type);
    op->names.push_back(column);
    scope->columns.push_back({alias, column, table->columns[i].type, false, false, name});
  }
  if (!clause.versions_between) {
    op->kind = LogicalOpKind::kGet;
    op->as_of_scn = scn;
    return op;
  }
  op->kind = LogicalOpKind::kTableFunction;
  op->function = "versions between";
  op->versions_from = from;
  op->versions_to = scn;
  const LogicalType types[] = {TypeId::kBigInt, TypeId::kTimestampTz, TypeId::kBigInt,
                               TypeId::kTimestampTz, TypeId::kText};
  for (size_t i = 0; i < std::size(kVersionColumns); i++) {
    op->types.push_back(types[i]);
    op->names.push_back(kVersionColumns[i]);
    scope->columns.push_back({alias, kVersionColumns[i], types[i]});
  }
  return op;
}

}  // namespace heliosdb
