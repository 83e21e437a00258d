#include "planner/expression_binder.h"

#include <charconv>

#include "common/exception.h"
#include "common/types/array_value.h"
#include "common/types/decimal.h"
#include "common/types/interval.h"
#include "planner/input_check.h"
#include "planner/logical_plan.h"
#include "planner/set_function_binder.h"
#include "planner/type_name.h"

namespace heliosdb {

bool IsUnknownConstant(const BoundExpr& e) {
  return e.kind == BoundExprKind::kConstant && e.type.id() == TypeId::kUnknown;
}

void CheckParameterlessAggregate(const ast::FunctionExpr& call, const std::string& name) {
  if (!call.star && call.args.empty() && !call.within_group)
    ThrowError(sqlstate::kWrongObjectType,
               name + "(*) must be used to call a parameterless aggregate function",
               call.location);
}

std::string ArgTypeList(const std::vector<BoundExprPtr>& args) {
  std::string out;
  for (size_t i = 0; i < args.size(); i++) {
    if (i) out += ", ";
    out += args[i]->type.ToString();
  }
  return out;
}

BoundExprPtr ExpressionBinder::Bind(const ast::Expr& expr) {
  using K = ast::ExprKind;
  switch (expr.kind) {
    case K::kConstant:
      return BindConstant(expr.As<ast::ConstantExpr>());
    case K::kColumnRef: {
      BoundExprPtr column = BindColumnRef(expr.As<ast::ColumnRefExpr>());
      column->location = expr.location;
      return column;
    }
    case K::kParam:
      return BindParam(expr.As<ast::ParamExpr>());
    case K::kUnary:
      return BindUnary(expr.As<ast::UnaryExpr>());
    case K::kBinary:
      return BindBinary(expr.As<ast::BinaryExpr>());
    case K::kFunction:
      return BindFunction(expr.As<ast::FunctionExpr>());
    case K::kCast:
      return BindCast(expr.As<ast::CastExpr>());
    case K::kCase:
      return BindCase(expr.As<ast::CaseExpr>());
    case K::kIsNull: {
      const auto& e = expr.As<ast::IsNullExpr>();
      auto out = std::make_unique<BoundExpr>();
      out->kind = BoundExprKind::kIsNull;
      out->type = TypeId::kBoolean;
      out->negated = e.negated;
      out->children.push_back(Bind(*e.operand));
      return out;
    }
    case K::kIsBool:
      return BindIsBool(expr.As<ast::IsBoolExpr>());
    case K::kBetween:
      return BindBetween(expr.As<ast::BetweenExpr>());
    case K::kInList:
      return BindInList(expr.As<ast::InListExpr>());
    case K::kLike:
      return BindLike(expr.As<ast::LikeExpr>());
    case K::kStar:
      ThrowError(sqlstate::kSyntaxError, "* is not allowed here", expr.location);
    case K::kDefault:
      ThrowError(sqlstate::kFeatureNotSupported, "DEFAULT is not allowed in this context",
                 expr.location);
    case K::kCollate: {
      // Strings compare bytewise, which is what the default and C collations do here.
      const auto& c = expr.As<ast::CollateExpr>();
      std::string name = c.collation.rfind("pg_catalog.", 0) == 0 ? c.collation.substr(11)
                                                                  : c.collation;
      if (name != "default" && name != "C" && name != "POSIX" && name != "ucs_basic")
        ThrowError(sqlstate::kUndefinedObject,
                   "collation \"" + c.collation + "\" for encoding \"UTF8\" does not exist",
                   expr.location);
      return Bind(*c.operand);
    }
    case K::kSubquery:
      return BindSubquery(expr.As<ast::SubqueryExpr>());
    case K::kArray:
      return BindArray(expr.As<ast::ArrayExpr>());
    case K::kSubscript:
      return BindSubscript(expr.As<ast::SubscriptExpr>());
    case K::kAnyAll:
      return BindAnyAll(expr.As<ast::AnyAllExpr>());
    default:
      ThrowError(sqlstate::kFeatureNotSupported, "this kind of expression is not supported yet",
                 expr.location);
  }
}

BoundExprPtr ExpressionBinder::BindConstant(const ast::ConstantExpr& e) {
  using T = ast::ConstantExpr::Type;
  switch (e.type) {
    case T::kNull:
      return MakeConstant(Value::Null());
    case T::kTrue:
      return MakeConstant(Value::Boolean(true));
    case T::kFalse:
      return MakeConstant(Value::Boolean(false));
    case T::kInteger: {
      int64_t v = 0;
      auto [ptr, ec] = std::from_chars(e.text.data(), e.text.data() + e.text.size(), v);
      if (ec == std::errc() && ptr == e.text.data() + e.text.size()) {
        if (v >= INT32_MIN && v <= INT32_MAX) return MakeConstant(Value::Integer(v));
        return MakeConstant(Value::BigInt(v));
      }
      [[fallthrough]];
    }
    case T::kNumeric:
      try {
        return MakeConstant(Value::Numeric(DecimalFromString(e.text)));
      } catch (const DbException&) {
        // Beyond NUMERIC's 38 digits: PostgreSQL would keep it exact; a double keeps the value.
        return MakeConstant(Value::Double(std::strtod(e.text.c_str(), nullptr)));
      }
    case T::kString:
    case T::kBitString:
      return MakeConstant(Value::Text(e.text, LogicalType(TypeId::kUnknown)));
  }
  HELIOS_UNREACHABLE();
}

BoundExprPtr ExpressionBinder::BindColumnRef(const ast::ColumnRefExpr& e) {
  const auto& names = e.names;
  std::string table = names.size() >= 2 ? names[names.size() - 2] : "";
  const std::string& column = names.back();
  bool known_table = table.empty();
  for (const Scope* scope = &scope_; scope && !known_table; scope = scope->outer)
    known_table = scope->HasTable(table);
  if (!known_table) {
    // Naming a table that is in FROM under an alias: PostgreSQL points at the alias.
    for (const Scope* scope = &scope_; scope; scope = scope->outer) {
      for (const auto& c : scope->columns) {
        if (c.relation != table) continue;
        Status s = Status::Error(sqlstate::kUndefinedTable,
                                 "invalid reference to FROM-clause entry for table \"" + table +
                                     "\"",
                                 e.location);
        s.WithHint("Perhaps you meant to reference the table alias \"" + c.table + "\".");
        throw DbException(s);
      }
    }
    ThrowError(sqlstate::kUndefinedTable, "missing FROM-clause entry for table \"" + table + "\"",
               e.location);
  }
  // The innermost scope that has the column wins; outer scopes make a correlated reference.
  int depth = 0;
  for (const Scope* scope = &scope_; scope; scope = scope->outer, depth++) {
    if (!table.empty() && !scope->HasTable(table)) continue;
    int found = -1;
    for (size_t i = 0; i < scope->columns.size(); i++) {
      const auto& c = scope->columns[i];
      if (c.name != column || c.row_key) continue;
      if (table.empty() ? c.hidden_unqualified : c.table != table) continue;
      if (found >= 0)
        ThrowError(sqlstate::kAmbiguousColumn,
                   "column reference \"" + column + "\" is ambiguous", e.location);
      found = static_cast<int>(i);
    }
    if (found < 0) continue;
    if (depth == 0) return MakeColumnRef(found, scope->columns[found].type, column);
    auto outer = std::make_unique<BoundExpr>();
    outer->kind = BoundExprKind::kOuterColumn;
    outer->index = found;
    outer->depth = depth;
    outer->type = scope->columns[found].type;
    outer->name = column;
    return outer;
  }
  std::string shown = table.empty() ? "\"" + column + "\"" : table + "." + column;
  ThrowError(sqlstate::kUndefinedColumn, "column " + shown + " does not exist", e.location);
}

BoundExprPtr ExpressionBinder::BindParam(const ast::ParamExpr& e) {
  if (e.index < 1 || e.index > 65535)
    ThrowError(sqlstate::kUndefinedParameter,
               "there is no parameter $" + std::to_string(e.index), e.location);
  auto& types = binder_.param_types_;
  if (static_cast<size_t>(e.index) > types.size()) types.resize(e.index);
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundExprKind::kParameter;
  out->index = e.index - 1;
  out->type = types[e.index - 1];
  return out;
}

BoundExprPtr ExpressionBinder::BindUnary(const ast::UnaryExpr& e) {
  if (e.op == "NOT") {
    auto out = std::make_unique<BoundExpr>();
    out->kind = BoundExprKind::kNot;
    out->type = TypeId::kBoolean;
    out->children.push_back(binder_.CoerceToBoolean(Bind(*e.operand), "NOT", e.location));
    return out;
  }
  if (e.op == "-" && e.operand->kind == ast::ExprKind::kConstant) {
    const auto& c = e.operand->As<ast::ConstantExpr>();
    if (c.type == ast::ConstantExpr::Type::kInteger || c.type == ast::ConstantExpr::Type::kNumeric) {
      ast::ConstantExpr negated;
      negated.type = c.type;
      negated.text = "-" + c.text;
      negated.location = e.location;
      return BindConstant(negated);
    }
  }
  if (e.op == "+") {
    auto operand = Bind(*e.operand);
    if (operand->type.IsNumeric() || operand->type.id() == TypeId::kInterval) return operand;
  }
  std::vector<BoundExprPtr> args;
  args.push_back(Bind(*e.operand));
  return CallFunction(e.op, std::move(args), e.location, true);
}

BoundExprPtr ExpressionBinder::BindBinary(const ast::BinaryExpr& e) {
  if (e.op == "AND" || e.op == "OR") {
    auto out = std::make_unique<BoundExpr>();
    out->kind = e.op == "AND" ? BoundExprKind::kAnd : BoundExprKind::kOr;
    out->type = TypeId::kBoolean;
    for (const ast::Expr* side : {e.left.get(), e.right.get()}) {
      auto child = binder_.CoerceToBoolean(Bind(*side), e.op.c_str(), side->location);
      if (child->kind == out->kind) {  // flatten a AND (b AND c)
        for (auto& grandchild : child->children) out->children.push_back(std::move(grandchild));
      } else {
        out->children.push_back(std::move(child));
      }
    }
    return out;
  }
  if (e.op == "IS DISTINCT FROM" || e.op == "IS NOT DISTINCT FROM") {
    std::vector<BoundExprPtr> sides;
    sides.push_back(Bind(*e.left));
    sides.push_back(Bind(*e.right));
    UnifyTypes(&sides, "IS DISTINCT FROM", e.location);
    auto out = std::make_unique<BoundExpr>();
    out->kind = BoundExprKind::kIsDistinct;
    out->type = TypeId::kBoolean;
    out->negated = e.op == "IS NOT DISTINCT FROM";
    out->function = FunctionRegistry::Get().ResolveScalar("=", {sides[0]->type, sides[1]->type});
    if (!out->function.function)
      ThrowError(sqlstate::kUndefinedFunction,
                 "operator does not exist: " + sides[0]->type.ToString() + " = " +
                     sides[1]->type.ToString(),
                 e.location);
    out->children = std::move(sides);
    return out;
  }
  std::vector<BoundExprPtr> args;
  args.push_back(Bind(*e.left));
  args.push_back(Bind(*e.right));
  std::string op = e.op == "!=" ? "<>" : e.op;
  return CallFunction(op, std::move(args), e.location, true);
}

BoundExprPtr ExpressionBinder::CallFunction(const std::string& name,
                                            std::vector<BoundExprPtr> args, int location,
                                            bool is_operator) {
  std::vector<LogicalType> types;
  for (const auto& a : args) types.push_back(a->type);
  ResolvedScalar resolved = FunctionRegistry::Get().ResolveScalar(name, types);
  if (!resolved.function) {
    if (is_operator) {
      std::string sig = args.size() == 1 ? name + " " + types[0].ToString()
                                         : types[0].ToString() + " " + name + " " +
                                               types[1].ToString();
      Status s = Status::Error(sqlstate::kUndefinedFunction,
                               "operator does not exist: " + sig, location);
      s.WithHint(
          "No operator matches the given name and argument types. You might need to add "
          "explicit type casts.");
      throw DbException(s);
    }
    Status s = Status::Error(sqlstate::kUndefinedFunction,
                             "function " + name + "(" + ArgTypeList(args) + ") does not exist",
                             location);
    s.WithHint(
        "No function matches the given name and argument types. You might need to add "
        "explicit type casts.");
    throw DbException(s);
  }
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundExprKind::kFunction;
  out->name = name;
  for (size_t i = 0; i < args.size(); i++) {
    const LogicalType& target =
        i < resolved.arg_types.size() ? resolved.arg_types[i] : resolved.arg_types.back();
    if (args[i]->type.id() != target.id() || IsUnknownConstant(*args[i]) ||
        (target.IsArray() && args[i]->type != target))
      args[i] = binder_.Coerce(std::move(args[i]), target, false, "argument", location);
    out->children.push_back(std::move(args[i]));
  }
  out->type = resolved.return_type;
  out->function = std::move(resolved);
  return out;
}

void ExpressionBinder::UnifyTypes(std::vector<BoundExprPtr>* exprs, const char* context,
                                  int location) {
  std::vector<LogicalType> types;
  for (const auto& e : *exprs) types.push_back(e->type);
  LogicalType common = CommonType(types, context, location);
  for (auto& e : *exprs)
    if (e->type != common) e = binder_.Coerce(std::move(e), common, false, context, location);
}

BoundExprPtr ExpressionBinder::BindFunction(const ast::FunctionExpr& e) {
  std::string name = e.name.back();
  if (e.over) return BindWindow(e, name);
  if (name == "grouping") {
    // GROUPING(a, ...) reads the row's grouping set: an aggregate-level value.
    if (!aggregates_)
      ThrowError(sqlstate::kGroupingError,
                 std::string("grouping operations are not allowed in ") + clause_, e.location);
    BoundAggregate agg;
    agg.name = name;
    ExpressionBinder inner(binder_, scope_, nullptr, "GROUPING");
    for (const auto& a : e.args) agg.args.push_back(inner.Bind(*a));
    agg.function.return_type = TypeId::kInteger;
    auto ref = std::make_unique<BoundExpr>();
    ref->kind = BoundExprKind::kAggregateRef;
    ref->type = TypeId::kInteger;
    ref->index = static_cast<int>(aggregates_->size());
    ref->name = name;
    aggregates_->push_back(std::move(agg));
    return ref;
  }
  if (IsSetFunctionName(name)) return BindSetReturning(e, name);
  if (FunctionRegistry::Get().IsAggregate(name) && !FunctionRegistry::Get().IsScalar(name))
    return BindAggregate(e, name);
  if (e.distinct || e.star || e.filter)
    ThrowError(sqlstate::kWrongObjectType,
               (e.distinct ? "DISTINCT specified, but " : "") + name +
                   " is not an aggregate function",
               e.location);
  if (auto special = BindSpecialFunction(e, name)) return special;
  if (auto catalog = BindCatalogFunction(e, name)) return catalog;
  if (e.args.size() == 1 && e.name.size() == 1 && !FunctionRegistry::Get().IsScalar(name)) {
    // A type name called as a function is a cast (PostgreSQL's function-style cast: float8(x)).
    TypeId id = TypeIdFromName(name);
    if (id != TypeId::kUnknown && id != TypeId::kArray) {
      auto operand = Bind(*e.args[0]);
      LogicalType target(id);
      if (IsUnknownConstant(*operand))
        return binder_.Coerce(std::move(operand), target, false, "constant", e.args[0]->location);
      if (operand->type == target) return operand;
      return MakeCast(std::move(operand), target, true);
    }
  }
  std::vector<BoundExprPtr> args;
  for (const auto& a : e.args) args.push_back(Bind(*a));
  return CallFunction(name, std::move(args), e.location, false);
}

BoundExprPtr ExpressionBinder::BindAggregate(const ast::FunctionExpr& e, const std::string& name) {
  if (!aggregates_)
    ThrowError(sqlstate::kGroupingError,
               std::string("aggregate functions are not allowed in ") + clause_, e.location);
  BoundAggregate agg;
  agg.name = name;
  agg.distinct = e.distinct;
  {
    // Aggregate arguments may not themselves contain aggregates.
    ExpressionBinder inner(binder_, scope_, nullptr, "aggregate function calls");
    for (const auto& a : e.args) agg.args.push_back(inner.Bind(*a));
    if (e.filter)
      agg.filter = binder_.CoerceToBoolean(inner.Bind(*e.filter), "FILTER", e.filter->location);
    for (const auto& item : e.order_by) {
      SortKey key;
      key.expr = inner.Bind(*item.expr);
      key.descending = item.descending;
      key.nulls_first = item.nulls_first.value_or(item.descending);
      agg.order_by.push_back(std::move(key));
    }
  }
  // DISTINCT removes duplicate argument lists, so the order can only be one of them.
  if (agg.distinct)
    for (size_t k = 0; k < agg.order_by.size(); k++) {
      const BoundExpr& key = *agg.order_by[k].expr;
      bool found = false;
      for (const auto& a : agg.args) found |= a->Equals(key);
      if (!found)
        ThrowError(sqlstate::kInvalidColumnReference,
                   "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument "
                   "list",
                   e.order_by[k].expr->location);
    }
  std::vector<LogicalType> types;
  for (const auto& a : agg.args) types.push_back(a->type);
  // count(*) is the zero-argument overload of count.
  if (e.star && name != "count")
    ThrowError(sqlstate::kSyntaxError, name + "(*) is not allowed", e.location);
  agg.function = FunctionRegistry::Get().ResolveAggregate(name, types);
  if (!agg.function.function)
    ThrowError(sqlstate::kUndefinedFunction,
               "function " + name + "(" + ArgTypeList(agg.args) + ") does not exist", e.location);
  CheckParameterlessAggregate(e, name);
  for (size_t i = 0; i < agg.args.size() && i < agg.function.arg_types.size(); i++) {
    if (agg.args[i]->type.id() != agg.function.arg_types[i].id() ||
        IsUnknownConstant(*agg.args[i]) ||
        (agg.function.arg_types[i].IsArray() && agg.args[i]->type != agg.function.arg_types[i]))
      agg.args[i] = binder_.Coerce(std::move(agg.args[i]), agg.function.arg_types[i], false,
                                   "argument", e.location);
  }
  auto ref = std::make_unique<BoundExpr>();
  ref->kind = BoundExprKind::kAggregateRef;
  ref->type = agg.function.return_type;
  ref->index = static_cast<int>(aggregates_->size());
  ref->name = name;
  aggregates_->push_back(std::move(agg));
  return ref;
}

BoundExprPtr ExpressionBinder::BindSpecialFunction(const ast::FunctionExpr& e,
                                                   const std::string& name) {
  auto variadic = [&](BoundExprKind kind, const char* context, bool negated) {
    auto out = std::make_unique<BoundExpr>();
    out->kind = kind;
    out->negated = negated;
    for (const auto& a : e.args) out->children.push_back(Bind(*a));
    UnifyTypes(&out->children, context, e.location);
    out->type = out->children.empty() ? LogicalType(TypeId::kText) : out->children[0]->type;
    return out;
  };
  if (name == "coalesce") return variadic(BoundExprKind::kCoalesce, "COALESCE", false);
  if (name == "pg_input_is_valid") return BindInputIsValid(*this, e);
  if (name == "greatest") return variadic(BoundExprKind::kGreatest, "GREATEST", false);
  if (name == "least") return variadic(BoundExprKind::kGreatest, "LEAST", true);
  if (name == "nullif") {
    if (e.args.size() != 2)
      ThrowError(sqlstate::kUndefinedFunction, "function nullif requires two arguments",
                 e.location);
    auto out = variadic(BoundExprKind::kNullIf, "NULLIF", false);
    out->function = FunctionRegistry::Get().ResolveScalar(
        "=", {out->children[0]->type, out->children[1]->type});
    return out;
  }
  if (name == "nextval" || name == "currval" || name == "setval") {
    if (e.args.empty())
      ThrowError(sqlstate::kUndefinedFunction, "function " + name + "() does not exist",
                 e.location);
    const SequenceInfo& seq = SequenceArgument(*e.args[0]);
    auto out = std::make_unique<BoundExpr>();
    out->type = TypeId::kBigInt;
    out->index = static_cast<int>(seq.id);
    out->name = name == "nextval" ? seq.name : name;
    out->kind = name == "nextval" ? BoundExprKind::kNextval : BoundExprKind::kSessionFunction;
    if (name == "setval") {
      if (e.args.size() < 2 || e.args.size() > 3)
        ThrowError(sqlstate::kUndefinedFunction, "function setval requires 2 or 3 arguments",
                   e.location);
      out->children.push_back(binder_.Coerce(Bind(*e.args[1]), TypeId::kBigInt, false,
                                             "argument", e.args[1]->location));
      if (e.args.size() == 3)
        out->children.push_back(binder_.CoerceToBoolean(Bind(*e.args[2]), "setval",
                                                        e.args[2]->location));
    }
    return out;
  }
  if (name == "lastval" || name == "current_setting" || name == "set_config") {
    auto out = std::make_unique<BoundExpr>();
    out->kind = BoundExprKind::kSessionFunction;
    out->name = name;
    out->type = name == "lastval" ? LogicalType(TypeId::kBigInt) : LogicalType(TypeId::kText);
    size_t min_args = name == "lastval" ? 0 : name == "current_setting" ? 1 : 3;
    size_t max_args = name == "current_setting" ? 2 : min_args;
    if (e.args.size() < min_args || e.args.size() > max_args)
      ThrowError(sqlstate::kUndefinedFunction,
                 "function " + name + " does not take " + std::to_string(e.args.size()) +
                     " arguments",
                 e.location);
    for (size_t i = 0; i < e.args.size(); i++) {
      bool boolean = (name == "current_setting" && i == 1) || (name == "set_config" && i == 2);
      auto arg = Bind(*e.args[i]);
      out->children.push_back(boolean ? binder_.CoerceToBoolean(std::move(arg), name.c_str(),
                                                                e.args[i]->location)
                                      : binder_.Coerce(std::move(arg), TypeId::kText, false,
                                                       "argument", e.args[i]->location));
    }
    return out;
  }
  if (name == "current_scn" || name == "scn_to_timestamp" || name == "timestamp_to_scn") {
    // Time travel's clock: answered by the session, which reaches the commit-time map.
    bool has_arg = name != "current_scn";
    if (e.args.size() != (has_arg ? 1u : 0u))
      ThrowError(sqlstate::kUndefinedFunction,
                 "function " + name + (has_arg ? " requires one argument" : " takes no arguments"),
                 e.location);
    auto out = std::make_unique<BoundExpr>();
    out->kind = BoundExprKind::kSessionFunction;
    out->name = name;
    out->type = name == "scn_to_timestamp" ? TypeId::kTimestampTz : TypeId::kBigInt;
    if (has_arg)
      out->children.push_back(binder_.Coerce(
          Bind(*e.args[0]), name == "scn_to_timestamp" ? TypeId::kBigInt : TypeId::kTimestampTz,
          false, "argument", e.args[0]->location));
    return out;
  }
  if (name == "pg_sleep") {
    // Answered by the session, which can stop sleeping on cancel or statement_timeout. The
    // result stands for PostgreSQL's void: an empty text.
    if (e.args.size() != 1)
      ThrowError(sqlstate::kUndefinedFunction, "function pg_sleep requires one argument",
                 e.location);
    auto out = std::make_unique<BoundExpr>();
    out->kind = BoundExprKind::kSessionFunction;
    out->name = name;
    out->type = TypeId::kText;
    out->children.push_back(
        binder_.Coerce(Bind(*e.args[0]), TypeId::kDouble, false, "argument", e.args[0]->location));
    return out;
  }
  return nullptr;
}

const SequenceInfo& ExpressionBinder::SequenceArgument(const ast::Expr& arg) {
  // nextval('name') or nextval('name'::regclass)
  const ast::Expr* e = &arg;
  if (e->kind == ast::ExprKind::kCast) e = e->As<ast::CastExpr>().operand.get();
  if (e->kind != ast::ExprKind::kConstant ||
      e->As<ast::ConstantExpr>().type != ast::ConstantExpr::Type::kString)
    ThrowError(sqlstate::kFeatureNotSupported, "the sequence must be given by name",
               arg.location);
  std::string seq = e->As<ast::ConstantExpr>().text;
  std::string schema;
  if (auto dot = seq.find('.'); dot != std::string::npos) {
    schema = seq.substr(0, dot);
    seq = seq.substr(dot + 1);
  }
  const SequenceInfo* info = binder_.catalog().FindSequence(schema, seq);
  if (!info)
    ThrowError(sqlstate::kUndefinedTable, "relation \"" + seq + "\" does not exist", arg.location);
  return *info;
}

BoundExprPtr ExpressionBinder::BindCast(const ast::CastExpr& e) {
  std::string type_name = e.type.name.rfind("pg_catalog.", 0) == 0 ? e.type.name.substr(11)
                                                                   : e.type.name;
  if (e.type.array_dims == 0)
    if (auto reg = BindRegCast(e, type_name)) return reg;
  LogicalType target = ResolveTypeName(e.type);
  // ARRAY[]::int[]: the cast gives the empty constructor its type.
  if (target.IsArray() && e.operand->kind == ast::ExprKind::kArray) {
    const auto& a = e.operand->As<ast::ArrayExpr>();
    if (!a.query && a.elements.empty())
      return MakeConstant(MakeArray({}, target.element_type()));
  }
  auto operand = Bind(*e.operand);
  // INTERVAL '1' YEAR: the fields say how to read the text.
  if (target.id() == TypeId::kInterval && !e.type.interval_fields.empty() &&
      IsUnknownConstant(*operand) && !operand->constant.is_null()) {
    return MakeConstant(Value::FromInterval(
        ParseIntervalWithFields(operand->constant.GetString(), e.type.interval_fields)));
  }
  if (operand->kind == BoundExprKind::kParameter && operand->type.id() == TypeId::kUnknown)
    return binder_.Coerce(std::move(operand), target, false, "parameter", e.location);
  // A literal that does not read as the type is reported at the literal, as PostgreSQL does.
  if (IsUnknownConstant(*operand))
    return binder_.Coerce(std::move(operand), target, false, "constant", e.operand->location);
  if (operand->type == target) return operand;
  return MakeCast(std::move(operand), target, true);
}

BoundExprPtr ExpressionBinder::BindCase(const ast::CaseExpr& e) {
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundExprKind::kCase;
  BoundExprPtr operand = e.operand ? Bind(*e.operand) : nullptr;
  std::vector<BoundExprPtr> results;
  std::vector<BoundExprPtr> conditions;
  for (const auto& [when, then] : e.whens) {
    BoundExprPtr cond;
    if (operand) {
      std::vector<BoundExprPtr> args;
      args.push_back(operand->Copy());
      args.push_back(Bind(*when));
      cond = CallFunction("=", std::move(args), when->location, true);
    } else {
      cond = binder_.CoerceToBoolean(Bind(*when), "CASE/WHEN", when->location);
    }
    conditions.push_back(std::move(cond));
    results.push_back(Bind(*then));
  }
  if (e.else_expr) results.push_back(Bind(*e.else_expr));
  if (e.else_expr) {
    // PostgreSQL resolves the ELSE branch first, so its type leads in error messages.
    std::vector<LogicalType> types = {results.back()->type};
    for (size_t i = 0; i + 1 < results.size(); i++) types.push_back(results[i]->type);
    CommonType(types, "CASE", e.location);
  }
  UnifyTypes(&results, "CASE", e.location);
  out->type = results[0]->type;
  for (size_t i = 0; i < conditions.size(); i++) {
    out->children.push_back(std::move(conditions[i]));
    out->children.push_back(std::move(results[i]));
  }
  if (e.else_expr) out->children.push_back(std::move(results.back()));
  return out;
}

BoundExprPtr ExpressionBinder::BindBetween(const ast::BetweenExpr& e) {
  auto range = [&](const ast::Expr& low, const ast::Expr& high) {
    std::vector<BoundExprPtr> lo_args, hi_args;
    lo_args.push_back(Bind(*e.operand));
    lo_args.push_back(Bind(low));
    hi_args.push_back(Bind(*e.operand));
    hi_args.push_back(Bind(high));
    auto out = std::make_unique<BoundExpr>();
    out->kind = BoundExprKind::kAnd;
    out->type = TypeId::kBoolean;
    out->children.push_back(CallFunction(">=", std::move(lo_args), e.location, true));
    out->children.push_back(CallFunction("<=", std::move(hi_args), e.location, true));
    return out;
  };
  BoundExprPtr result = range(*e.low, *e.high);
  if (e.symmetric) {
    auto either = std::make_unique<BoundExpr>();
    either->kind = BoundExprKind::kOr;
    either->type = TypeId::kBoolean;
    either->children.push_back(std::move(result));
    either->children.push_back(range(*e.high, *e.low));
    result = std::move(either);
  }
  if (!e.negated) return result;
  auto negated = std::make_unique<BoundExpr>();
  negated->kind = BoundExprKind::kNot;
  negated->type = TypeId::kBoolean;
  negated->children.push_back(std::move(result));
  return negated;
}

BoundExprPtr ExpressionBinder::BindInList(const ast::InListExpr& e) {
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundExprKind::kInList;
  out->type = TypeId::kBoolean;
  out->negated = e.negated;
  out->children.push_back(Bind(*e.operand));
  for (const auto& item : e.list) out->children.push_back(Bind(*item));
  UnifyTypes(&out->children, "IN", e.location);
  const LogicalType& t = out->children[0]->type;
  out->function = FunctionRegistry::Get().ResolveScalar("=", {t, t});
  if (!out->function.function)
    ThrowError(sqlstate::kUndefinedFunction,
               "operator does not exist: " + t.ToString() + " = " + t.ToString(), e.location);
  return out;
}

BoundExprPtr ExpressionBinder::BindLike(const ast::LikeExpr& e) {
  if (e.similar) {
    // x SIMILAR TO p is x ~ similar_to_escape(p), as PostgreSQL rewrites it.
    std::vector<BoundExprPtr> pattern;
    pattern.push_back(Bind(*e.pattern));
    if (e.escape) pattern.push_back(Bind(*e.escape));
    std::vector<BoundExprPtr> args;
    args.push_back(Bind(*e.operand));
    args.push_back(CallFunction("similar_to_escape", std::move(pattern), e.location, false));
    return CallFunction(e.negated ? "!~" : "~", std::move(args), e.location, true);
  }
  std::string op = e.case_insensitive ? "~~*" : "~~";
  if (e.negated) op = "!" + op;
  std::vector<BoundExprPtr> args;
  args.push_back(Bind(*e.operand));
  args.push_back(Bind(*e.pattern));
  if (e.escape) args.push_back(Bind(*e.escape));
  return CallFunction(op, std::move(args), e.location, true);
}

BoundExprPtr ExpressionBinder::BindIsBool(const ast::IsBoolExpr& e) {
  auto operand = binder_.CoerceToBoolean(Bind(*e.operand), "IS", e.location);
  auto out = std::make_unique<BoundExpr>();
  out->type = TypeId::kBoolean;
  if (e.test == ast::IsBoolExpr::Test::kUnknown) {
    out->kind = BoundExprKind::kIsNull;
    out->negated = e.negated;
    out->children.push_back(std::move(operand));
    return out;
  }
  // x IS TRUE is x IS NOT DISTINCT FROM true; IS NOT TRUE is IS DISTINCT FROM true.
  out->kind = BoundExprKind::kIsDistinct;
  out->negated = !e.negated;
  out->function = FunctionRegistry::Get().ResolveScalar("=", {TypeId::kBoolean, TypeId::kBoolean});
  out->children.push_back(std::move(operand));
  out->children.push_back(MakeConstant(Value::Boolean(e.test == ast::IsBoolExpr::Test::kTrue)));
  return out;
}

}  // namespace heliosdb
