#include "planner/binder.h"

#include "common/exception.h"
#include "function/cast/cast.h"
#include "parser/parser.h"
#include "planner/expression_binder.h"

namespace heliosdb {

bool Scope::HasTable(const std::string& table) const {
  for (const auto& c : columns)
    if (c.table == table) return true;
  return false;
}

Binder::Binder(const Catalog& catalog, std::vector<LogicalType> param_types)
    : catalog_(catalog), param_types_(std::move(param_types)) {}

std::vector<LogicalType> Binder::parameter_types() const {
  std::vector<LogicalType> out = param_types_;
  for (auto& t : out)
    if (t.id() == TypeId::kUnknown) t = TypeId::kText;
  return out;
}

Scope Binder::TableScope(const TableInfo& table, const std::string& alias) {
  Scope scope;
  for (const auto& c : table.columns)
    scope.columns.push_back(
        {alias.empty() ? table.name : alias, c.name, c.type, false, false, table.name});
  return scope;
}

BoundExprPtr Binder::BindScalar(const ast::Expr& expr, const Scope& scope) {
  ExpressionBinder binder(*this, scope, nullptr, "this context");
  return binder.Bind(expr);
}

BoundExprPtr Binder::BindExpressionText(const std::string& sql, const Scope& scope) {
  auto statements = Parser::ParseAll("SELECT " + sql);
  HELIOS_ASSERT(statements.size() == 1 && statements[0]->kind == ast::StmtKind::kSelect);
  const auto& select = statements[0]->As<ast::SelectStmt>();
  HELIOS_ASSERT(select.targets.size() == 1);
  return BindScalar(*select.targets[0].expr, scope);
}

std::pair<std::string, std::string> SplitQualifiedName(const std::vector<std::string>& name,
                                                       int location) {
  if (name.size() == 1) return {"", name[0]};
  if (name.size() == 2) return {name[0], name[1]};
  if (name.size() == 3) return {name[1], name[2]};  // catalog.schema.name
  ThrowError(sqlstate::kSyntaxError, "improper qualified name (too many dotted names)", location);
}

const TableInfo& Binder::LookupTable(const std::vector<std::string>& name, int location) const {
  auto [schema, table] = SplitQualifiedName(name, location);
  if (!schema.empty() && !catalog_.FindSchema(schema))
    ThrowError(sqlstate::kInvalidSchemaName, "schema \"" + schema + "\" does not exist",
               location);
  const TableInfo* info = catalog_.FindTable(schema, table);
  if (!info) {
    if (catalog_.FindView(schema, table))
      ThrowError(sqlstate::kWrongObjectType, "\"" + table + "\" is a view", location);
    ThrowError(sqlstate::kUndefinedTable,
               "relation \"" + (schema.empty() ? table : schema + "." + table) +
                   "\" does not exist",
               location);
  }
  return *info;
}

BoundExprPtr Binder::Coerce(BoundExprPtr e, const LogicalType& type, bool assignment,
                            const std::string& what, int location) {
  if (e->type == type) return e;
  if (e->kind == BoundExprKind::kParameter && e->type.id() == TypeId::kUnknown) {
    param_types_[e->index] = type;
    e->type = type;
    return e;
  }
  bool unknown = e->type.id() == TypeId::kUnknown;
  if (!unknown) {
    CastContext context = GetCastContext(e->type, type);
    bool allowed = context == CastContext::kImplicit ||
                   (assignment && context == CastContext::kAssignment);
    if (!allowed) {
      Status s = Status::Error(sqlstate::kDatatypeMismatch,
                               assignment ? what + " is of type " + type.ToString() +
                                                " but expression is of type " +
                                                e->type.ToString()
                                          : what + " of type " + e->type.ToString() +
                                                " cannot be converted to type " +
                                                type.ToString(),
                               location);
      s.WithHint("You will need to rewrite or cast the expression.");
      throw DbException(s);
    }
  }
  if (e->kind == BoundExprKind::kConstant) {
    try {
      return MakeConstant(CastValue(e->constant, type, function_context_, !assignment));
    } catch (DbException& ex) {
      if (ex.status().position() == 0) ex.status().WithPosition(location);
      throw;
    }
  }
  return MakeCast(std::move(e), type, !assignment);
}

BoundExprPtr Binder::CoerceToBoolean(BoundExprPtr expr, const char* clause, int location) {
  if (expr->type.id() == TypeId::kBoolean) return expr;
  if (expr->type.id() == TypeId::kUnknown)
    return Coerce(std::move(expr), TypeId::kBoolean, false, clause, location);
  ThrowError(sqlstate::kDatatypeMismatch,
             std::string("argument of ") + clause + " must be type boolean, not type " +
                 expr->type.ToString(),
             location);
}

namespace {
int NumericRank(TypeId id) {
  switch (id) {
    case TypeId::kSmallInt:
      return 1;
    case TypeId::kInteger:
      return 2;
    case TypeId::kBigInt:
      return 3;
    case TypeId::kNumeric:
      return 4;
    case TypeId::kReal:
      return 5;
    case TypeId::kDouble:
      return 6;
    default:
      return 0;
  }
}

int DatetimeRank(TypeId id) {
  switch (id) {
    case TypeId::kDate:
      return 1;
    case TypeId::kTimestamp:
      return 2;
    case TypeId::kTimestampTz:
      return 3;
    default:
      return 0;
  }
}
}  // namespace

LogicalType CommonType(const std::vector<LogicalType>& types, const char* context,
                       int location) {
  LogicalType result(TypeId::kUnknown);
  for (const auto& t : types) {
    if (t.id() == TypeId::kUnknown) continue;
    if (result.id() == TypeId::kUnknown) {
      result = t;
      continue;
    }
    if (t.id() == result.id()) {
      if (t != result) result = LogicalType(t.id());  // differing modifiers: drop them
      continue;
    }
    if (NumericRank(t.id()) && NumericRank(result.id())) {
      if (NumericRank(t.id()) > NumericRank(result.id())) result = LogicalType(t.id());
      continue;
    }
    if (t.IsString() && result.IsString()) {
      result = TypeId::kText;
      continue;
    }
    if (DatetimeRank(t.id()) && DatetimeRank(result.id())) {
      if (DatetimeRank(t.id()) > DatetimeRank(result.id())) result = LogicalType(t.id());
      continue;
    }
    ThrowError(sqlstate::kDatatypeMismatch,
               std::string(context) + " types " + result.ToString() + " and " + t.ToString() +
                   " cannot be matched",
               location);
  }
  return result.id() == TypeId::kUnknown ? LogicalType(TypeId::kText) : result;
}

BoundExprPtr Binder::BindDefault(const TableInfo& table, int column) {
  const ColumnInfo& c = table.columns[column];
  if (c.default_sql.empty()) return MakeConstant(Value::Null(c.type));
  auto e = BindExpressionText(c.default_sql, Scope());
  return Coerce(std::move(e), c.type, true, "column \"" + c.name + "\"", 0);
}

std::vector<BoundExprPtr> Binder::BindReturning(const std::vector<ast::SelectItem>& items,
                                                const TableInfo& table, const std::string& alias,
                                                std::vector<std::string>* names,
                                                std::vector<LogicalType>* types) {
  return BindReturning(items, TableScope(table, alias), names, types);
}

std::vector<BoundExprPtr> Binder::BindReturning(const std::vector<ast::SelectItem>& items,
                                                const Scope& scope, std::vector<std::string>* names,
                                                std::vector<LogicalType>* types) {
  std::vector<BoundExprPtr> out;
  for (const auto& item : items) {
    if (item.expr->kind == ast::ExprKind::kStar) {
      const auto& star = item.expr->As<ast::StarExpr>();
      std::string table = star.qualifier.empty() ? "" : star.qualifier.back();
      if (!table.empty() && !scope.HasTable(table))
        ThrowError(sqlstate::kUndefinedTable,
                   "missing FROM-clause entry for table \"" + table + "\"", item.location);
      for (size_t i = 0; i < scope.columns.size(); i++) {
        const auto& c = scope.columns[i];
        if (c.row_key || (table.empty() ? c.hidden_unqualified : c.table != table)) continue;
        out.push_back(MakeColumnRef(static_cast<int>(i), c.type, c.name));
        names->push_back(c.name);
        types->push_back(c.type);
      }
      continue;
    }
    auto e = BindScalar(*item.expr, scope);
    if (e->type.id() == TypeId::kUnknown) e = Coerce(std::move(e), TypeId::kText, false, "", 0);
    names->push_back(!item.alias.empty() ? item.alias
                                         : (e->kind == BoundExprKind::kColumn ? e->name
                                                                              : "?column?"));
    types->push_back(e->type);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace heliosdb
