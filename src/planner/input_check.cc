#include "planner/input_check.h"

#include "common/exception.h"
#include "common/types/value_text.h"
#include "parser/parser.h"
#include "planner/type_name.h"

namespace heliosdb {

namespace {
// The two text arguments of a call; false when one is NULL. Throws unless both are constants.
bool ConstantArguments(const std::vector<BoundExprPtr>& args, const ast::FunctionExpr& call,
                       const std::string& name, std::string* text, std::string* type_name) {
  if (args.size() != 2)
    ThrowError(sqlstate::kUndefinedFunction,
               "function " + name + "(" + ArgTypeList(args) + ") does not exist", call.location);
  for (const auto& a : args)
    if (a->kind != BoundExprKind::kConstant)
      ThrowError(sqlstate::kFeatureNotSupported,
                 name + " is supported only with constant arguments", call.location);
  if (args[0]->constant.is_null() || args[1]->constant.is_null()) return false;
  *text = args[0]->constant.GetString();
  *type_name = args[1]->constant.GetString();
  return true;
}

BoundExprPtr TextOrNull(const std::string& s) {
  return MakeConstant(s.empty() ? Value::Null(TypeId::kText) : Value::Text(s));
}
}  // namespace

Status CheckTypeInput(const std::string& text, const std::string& type_name) {
  std::vector<ast::StatementPtr> parsed;
  try {
    parsed = Parser::ParseAll("SELECT NULL::" + type_name);
  } catch (const DbException&) {
    ThrowError(sqlstate::kInvalidTextRepresentation, "invalid type name \"" + type_name + "\"");
  }
  const auto* select = parsed.size() == 1 && parsed[0]->kind == ast::StmtKind::kSelect
                           ? &parsed[0]->As<ast::SelectStmt>()
                           : nullptr;
  if (!select || select->targets.size() != 1 || !select->from.empty() ||
      select->targets[0].expr->kind != ast::ExprKind::kCast)
    ThrowError(sqlstate::kInvalidTextRepresentation, "invalid type name \"" + type_name + "\"");
  LogicalType type = ResolveTypeName(select->targets[0].expr->As<ast::CastExpr>().type);
  try {
    ParseValue(text, type);
  } catch (const DbException& e) {
    return e.status();
  }
  return Status::OK();
}

BoundExprPtr BindInputIsValid(ExpressionBinder& binder, const ast::FunctionExpr& call) {
  std::vector<BoundExprPtr> args;
  for (const auto& a : call.args) args.push_back(binder.Bind(*a));
  std::string text, type_name;
  if (!ConstantArguments(args, call, "pg_input_is_valid", &text, &type_name))
    return MakeConstant(Value::Null(TypeId::kBoolean));
  return MakeConstant(Value::Boolean(CheckTypeInput(text, type_name).ok()));
}

LogicalOpPtr BindInputErrorInfo(Binder& binder, const ast::FunctionRef& ref, Scope* scope) {
  const ast::FunctionExpr& call = *ref.call;
  std::vector<BoundExprPtr> args;
  Scope constants;  // the arguments must be constants: they see no columns
  for (const auto& a : call.args) args.push_back(binder.BindScalar(*a, constants));
  std::string text, type_name;
  Status status;
  if (ConstantArguments(args, call, "pg_input_error_info", &text, &type_name))
    status = CheckTypeInput(text, type_name);
  auto op = std::make_unique<LogicalOp>();
  op->kind = LogicalOpKind::kValues;
  op->rows.emplace_back();
  std::vector<BoundExprPtr>& row = op->rows.back();
  row.push_back(TextOrNull(status.message()));
  row.push_back(TextOrNull(status.detail()));
  row.push_back(TextOrNull(status.hint()));
  row.push_back(TextOrNull(status.ok() ? "" : status.sqlstate()));
  static const char* kColumns[] = {"message", "detail", "hint", "sql_error_code"};
  std::string alias = ref.alias.empty() ? "pg_input_error_info" : ref.alias;
  for (size_t i = 0; i < 4; i++) {
    std::string column = i < ref.column_aliases.size() ? ref.column_aliases[i] : kColumns[i];
    op->types.push_back(TypeId::kText);
    op->names.push_back(column);
    scope->columns.push_back({alias, column, TypeId::kText});
  }
  return op;
}

}  // namespace heliosdb
