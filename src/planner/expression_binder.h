// ExpressionBinder: binds one ast::Expr against a Scope. When `aggregates` is given,
// aggregate calls are collected there and replaced by kAggregateRef nodes (the SELECT binder
// later maps them to the aggregate operator's outputs); otherwise an aggregate is an error
// naming `clause` ("aggregate functions are not allowed in WHERE").
#pragma once

#include <vector>

#include "planner/binder.h"

namespace heliosdb {

// An untyped literal ('abc' or NULL) that still takes its type from context.
bool IsUnknownConstant(const BoundExpr& e);
// "integer, text" for error messages naming a call's argument types.
std::string ArgTypeList(const std::vector<BoundExprPtr>& args);
// `count()`: an aggregate resolved with no arguments must be called with `*` (42809).
void CheckParameterlessAggregate(const ast::FunctionExpr& call, const std::string& name);

class ExpressionBinder {
 public:
  ExpressionBinder(Binder& binder, const Scope& scope, std::vector<BoundAggregate>* aggregates,
                   const char* clause)
      : binder_(binder), scope_(scope), aggregates_(aggregates), clause_(clause) {}

  BoundExprPtr Bind(const ast::Expr& expr);
  // Allows window functions (select list and ORDER BY): calls are collected in `windows` and
  // replaced by kWindowRef nodes; `named` holds the WINDOW clause.
  void AllowWindows(std::vector<BoundWindow>* windows,
                    const std::vector<std::unique_ptr<ast::WindowSpec>>* named) {
    windows_ = windows;
    named_windows_ = named;
  }
  // Allows set-returning functions (the select list): their calls stay kFunction nodes whose
  // function is a set-function marker (IsSetFunctionCall); the SELECT binder moves them into
  // a ProjectSet operator.
  void AllowSetReturning() { set_returning_ = true; }
  // SET (a, b) = (SELECT x, y ...): one scalar subquery per column of the row subquery.
  std::vector<BoundExprPtr> BindRowSubquery(const ast::SubqueryExpr& e, size_t columns);
  // Resolves and applies an operator or function over bound arguments.
  BoundExprPtr CallFunction(const std::string& name, std::vector<BoundExprPtr> args,
                            int location, bool is_operator);

 private:
  BoundExprPtr BindConstant(const ast::ConstantExpr& e);
  BoundExprPtr BindColumnRef(const ast::ColumnRefExpr& e);
  BoundExprPtr BindParam(const ast::ParamExpr& e);
  BoundExprPtr BindUnary(const ast::UnaryExpr& e);
  BoundExprPtr BindBinary(const ast::BinaryExpr& e);
  BoundExprPtr BindFunction(const ast::FunctionExpr& e);
  BoundExprPtr BindAggregate(const ast::FunctionExpr& e, const std::string& name);
  BoundExprPtr BindWindow(const ast::FunctionExpr& e, const std::string& name);
  // The frame clause of a window whose ORDER BY is bound; inner binds the offsets.
  void BindFrame(const ast::WindowSpec& framing, int location, ExpressionBinder& inner,
                 BoundWindow* w);
  BoundExprPtr BindSpecialFunction(const ast::FunctionExpr& e, const std::string& name);
  BoundExprPtr BindCast(const ast::CastExpr& e);
  // catalog_function_binder.cc: functions of the catalog and the session's identity, and
  // the reg* casts; null when `name` is none of them.
  BoundExprPtr BindCatalogFunction(const ast::FunctionExpr& e, const std::string& name);
  BoundExprPtr BindRegCast(const ast::CastExpr& e, const std::string& target);
  // map's value for key (an OID); `otherwise` for an OID not in map.
  BoundExprPtr LookupByOid(BoundExprPtr key, const std::vector<std::pair<int64_t, Value>>& map,
                           BoundExprPtr otherwise, int location);
  BoundExprPtr BindCase(const ast::CaseExpr& e);
  BoundExprPtr BindBetween(const ast::BetweenExpr& e);
  BoundExprPtr BindInList(const ast::InListExpr& e);
  BoundExprPtr BindLike(const ast::LikeExpr& e);
  BoundExprPtr BindIsBool(const ast::IsBoolExpr& e);
  BoundExprPtr BindSubquery(const ast::SubqueryExpr& e);
  // array_binder.cc: ARRAY[...] / ARRAY(SELECT ...), a[i] / a[i:j], x op ANY / ALL (array).
  BoundExprPtr BindArray(const ast::ArrayExpr& e);
  BoundExprPtr BindSubscript(const ast::SubscriptExpr& e);
  BoundExprPtr BindAnyAll(const ast::AnyAllExpr& e);
  // set_function_binder.cc: unnest(...), generate_series(...), ... in the select list.
  BoundExprPtr BindSetReturning(const ast::FunctionExpr& e, const std::string& name);
  LogicalOpPtr BindCorrelated(const ast::SelectStmt& query);
  // The sequence a nextval / currval / setval argument names.
  const SequenceInfo& SequenceArgument(const ast::Expr& arg);

  // Coerces every expression to their common type.
  void UnifyTypes(std::vector<BoundExprPtr>* exprs, const char* context, int location);

  Binder& binder_;
  const Scope& scope_;
  std::vector<BoundAggregate>* aggregates_;
  const char* clause_;
  std::vector<BoundWindow>* windows_ = nullptr;
  const std::vector<std::unique_ptr<ast::WindowSpec>>* named_windows_ = nullptr;
  bool set_returning_ = false;
};

}  // namespace heliosdb
