// Array expressions: ARRAY[...] and ARRAY(SELECT ...) constructors, subscripts and slices,
// and `x op ANY / ALL (array)`, with PostgreSQL's typing: constructor elements take their
// common type, subscripts are integers, and ANY / ALL resolve `op` between x and the array's
// element type (an untyped literal on the right is read as an array of x's type).
#include <climits>

#include "common/exception.h"
#include "common/types/array_value.h"
#include "function/cast/cast.h"
#include "function/scalar/array.h"
#include "planner/expression_binder.h"
#include "planner/plan_util.h"
#include "planner/logical_plan.h"

namespace heliosdb {

namespace {

BoundExprPtr Call(const ScalarFunction& f, std::vector<BoundExprPtr> args, LogicalType type) {
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundExprKind::kFunction;
  out->name = f.name;
  out->type = type;
  out->function.function = &f;
  for (const auto& a : args) out->function.arg_types.push_back(a->type);
  out->function.return_type = type;
  out->children = std::move(args);
  return out;
}

[[noreturn]] void ThrowMultidimensional(int location) {
  ThrowError(sqlstate::kFeatureNotSupported, "multidimensional arrays are not supported", location);
}

}  // namespace

BoundExprPtr ExpressionBinder::BindArray(const ast::ArrayExpr& e) {
  if (e.query) {
    LogicalOpPtr plan = BindCorrelated(*e.query);
    if (plan->types.size() != 1)
      ThrowError(sqlstate::kSyntaxError, "subquery must return only one column", e.location);
    if (plan->types[0].IsArray()) ThrowMultidimensional(e.location);
    auto out = std::make_unique<BoundExpr>();
    out->kind = BoundExprKind::kSubquery;
    out->index = static_cast<int>(SubqueryType::kArray);
    out->correlated = PlanRefersOutside(*plan, 0);
    out->type = LogicalType::Array(
        plan->types[0].id() == TypeId::kUnknown ? LogicalType(TypeId::kText) : plan->types[0]);
    out->subquery = std::shared_ptr<LogicalOp>(std::move(plan));
    return out;
  }
  if (e.elements.empty()) {
    Status s = Status::Error(sqlstate::kIndeterminateDatatype,
                             "cannot determine type of empty array", e.location);
    s.WithHint("Explicitly cast to the desired type, for example ARRAY[]::integer[].");
    throw DbException(s);
  }
  std::vector<BoundExprPtr> elements;
  for (const auto& item : e.elements) {
    elements.push_back(Bind(*item));
    if (elements.back()->type.IsArray()) ThrowMultidimensional(item->location);
  }
  UnifyTypes(&elements, "ARRAY", e.location);
  LogicalType element = elements[0]->type;
  return Call(ArrayConstructorFunction(), std::move(elements), LogicalType::Array(element));
}

BoundExprPtr ExpressionBinder::BindSubscript(const ast::SubscriptExpr& e) {
  BoundExprPtr array = Bind(*e.operand);
  if (!array->type.IsArray())
    ThrowError(sqlstate::kDatatypeMismatch,
               "cannot subscript type " + array->type.ToString() +
                   " because it does not support subscripting",
               e.operand->location);
  auto subscript = [&](const ast::ExprPtr& bound, int64_t omitted) {
    if (!bound) return MakeConstant(Value::Integer(omitted));
    BoundExprPtr i = Bind(*bound);
    if (i->type.id() != TypeId::kUnknown &&
        GetCastContext(i->type, TypeId::kInteger) == CastContext::kNone)
      ThrowError(sqlstate::kDatatypeMismatch, "array subscript must have type integer",
                 bound->location);
    return binder_.Coerce(std::move(i), TypeId::kInteger, true, "array subscript", bound->location);
  };
  std::vector<BoundExprPtr> args;
  LogicalType type = array->type;
  args.push_back(std::move(array));
  args.push_back(subscript(e.index, 1));
  if (!e.slice) return Call(ArraySubscriptFunction(), std::move(args), type.element_type());
  args.push_back(subscript(e.upper, INT32_MAX));
  return Call(ArraySliceFunction(), std::move(args), type);
}

BoundExprPtr ExpressionBinder::BindAnyAll(const ast::AnyAllExpr& e) {
  BoundExprPtr left = Bind(*e.left);
  BoundExprPtr right = Bind(*e.right);
  if (IsUnknownConstant(*right)) {
    LogicalType element =
        left->type.id() == TypeId::kUnknown ? LogicalType(TypeId::kText) : left->type;
    right = binder_.Coerce(std::move(right), LogicalType::Array(element), false, "argument",
                           e.right->location);
  }
  if (!right->type.IsArray())
    ThrowError(sqlstate::kWrongObjectType, "op ANY/ALL (array) requires array on right side",
               e.location);
  // Resolve `left op element`; a cast the element needs becomes a cast of the whole array.
  std::vector<BoundExprPtr> args;
  args.push_back(std::move(left));
  args.push_back(MakeColumnRef(0, right->type.element_type(), "element"));
  std::string op = e.op == "!=" ? "<>" : e.op;
  BoundExprPtr cmp = CallFunction(op, std::move(args), e.location, true);
  if (cmp->type.id() != TypeId::kBoolean)
    ThrowError(sqlstate::kWrongObjectType, "op ANY/ALL (array) requires operator to yield boolean",
               e.location);
  LogicalType element = cmp->children[1]->type;
  if (element != right->type.element_type())
    right = binder_.Coerce(std::move(right), LogicalType::Array(element), false, "argument",
                           e.location);
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundExprKind::kArrayAnyAll;
  out->type = TypeId::kBoolean;
  out->negated = e.all;
  out->function = cmp->function;
  out->children.push_back(std::move(cmp->children[0]));
  out->children.push_back(std::move(right));
  return out;
}

}  // namespace heliosdb
