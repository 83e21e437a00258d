// Subquery expressions: scalar, EXISTS, IN and ANY / ALL subqueries and row subqueries in
// UPDATE SET, bound with the enclosing expression's scope as their outer scope.
#include "common/exception.h"
#include "planner/expression_binder.h"
#include "planner/logical_plan.h"
#include "planner/plan_util.h"

namespace heliosdb {

LogicalOpPtr ExpressionBinder::BindCorrelated(const ast::SelectStmt& query) {
  // Names the subquery does not define resolve in this expression's scope (correlation).
  const Scope* saved = binder_.outer_scope_;
  binder_.outer_scope_ = &scope_;
  try {
    LogicalOpPtr plan = binder_.BindSelect(query);
    binder_.outer_scope_ = saved;
    return plan;
  } catch (...) {
    binder_.outer_scope_ = saved;
    throw;
  }
}

BoundExprPtr ExpressionBinder::BindSubquery(const ast::SubqueryExpr& e) {
  using T = ast::SubqueryExpr::Type;
  LogicalOpPtr plan = BindCorrelated(*e.query);
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundExprKind::kSubquery;
  out->correlated = PlanRefersOutside(*plan, 0);
  if (e.type != T::kExists && plan->types.size() != 1)
    ThrowError(sqlstate::kSyntaxError,
               plan->types.size() > 1 ? "subquery has too many columns"
                                      : "subquery must return only one column",
               e.location);
  switch (e.type) {
    case T::kScalar:
      out->index = static_cast<int>(SubqueryType::kScalar);
      out->type = plan->types[0];
      break;
    case T::kExists:
      out->index = static_cast<int>(SubqueryType::kExists);
      out->type = TypeId::kBoolean;
      break;
    case T::kIn:
    case T::kAny:
    case T::kAll: {
      out->index = static_cast<int>(e.type == T::kAll ? SubqueryType::kAll : SubqueryType::kAny);
      out->type = TypeId::kBoolean;
      std::string op = e.type == T::kIn ? "=" : (e.op == "!=" ? "<>" : e.op);
      // Resolve the comparison as for `operand op value`, then convert the subquery's column.
      std::vector<BoundExprPtr> args;
      args.push_back(Bind(*e.operand));
      args.push_back(MakeColumnRef(0, plan->types[0], plan->names[0]));
      BoundExprPtr cmp = CallFunction(op, std::move(args), e.location, true);
      if (cmp->type.id() != TypeId::kBoolean)
        ThrowError(sqlstate::kDatatypeMismatch, "op ANY/ALL (array) requires operator to yield boolean",
                   e.location);
      out->function = cmp->function;
      out->children.push_back(std::move(cmp->children[0]));
      if (cmp->children[1]->kind != BoundExprKind::kColumn) {
        auto project = std::make_unique<LogicalOp>();
        project->kind = LogicalOpKind::kProjection;
        project->types = {cmp->children[1]->type};
        project->names = plan->names;
        project->exprs.push_back(std::move(cmp->children[1]));
        project->children.push_back(std::move(plan));
        plan = std::move(project);
      }
      out->negated = e.negated;
      break;
    }
  }
  if (e.type == T::kExists) out->negated = e.negated;
  out->subquery = std::shared_ptr<LogicalOp>(std::move(plan));
  return out;
}

std::vector<BoundExprPtr> ExpressionBinder::BindRowSubquery(const ast::SubqueryExpr& e,
                                                            size_t columns) {
  std::vector<BoundExprPtr> out;
  for (size_t i = 0; i < columns; i++) {
    LogicalOpPtr plan = BindCorrelated(*e.query);
    if (plan->types.size() != columns)
      ThrowError(sqlstate::kSyntaxError,
                 "number of columns does not match number of values", e.location);
    auto project = std::make_unique<LogicalOp>();
    project->kind = LogicalOpKind::kProjection;
    project->types = {plan->types[i]};
    project->names = {plan->names[i]};
    project->exprs.push_back(MakeColumnRef(static_cast<int>(i), plan->types[i], plan->names[i]));
    project->children.push_back(std::move(plan));
    auto value = std::make_unique<BoundExpr>();
    value->kind = BoundExprKind::kSubquery;
    value->index = static_cast<int>(SubqueryType::kScalar);
    value->type = project->types[0];
    value->correlated = PlanRefersOutside(*project, 0);
    value->subquery = std::shared_ptr<LogicalOp>(std::move(project));
    out.push_back(std::move(value));
  }
  return out;
}

}  // namespace heliosdb
