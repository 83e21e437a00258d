#include "planner/bound_expr.h"

namespace heliosdb {

BoundExprPtr BoundExpr::Copy() const {
  auto e = std::make_unique<BoundExpr>();
  e->kind = kind;
  e->type = type;
  e->constant = constant;
  e->index = index;
  e->function = function;
  e->negated = negated;
  e->explicit_cast = explicit_cast;
  e->name = name;
  e->depth = depth;
  e->location = location;
  e->subquery = subquery;
  e->correlated = correlated;
  for (const auto& c : children) e->children.push_back(c->Copy());
  return e;
}

bool BoundExpr::Equals(const BoundExpr& o) const {
  if (kind != o.kind || type != o.type || index != o.index || negated != o.negated ||
      function.function != o.function.function || children.size() != o.children.size() ||
      depth != o.depth || subquery != o.subquery)
    return false;
  if (kind == BoundExprKind::kConstant &&
      (constant.is_null() != o.constant.is_null() ||
       (!constant.is_null() && constant.Compare(o.constant) != 0)))
    return false;
  for (size_t i = 0; i < children.size(); i++)
    if (!children[i]->Equals(*o.children[i])) return false;
  return true;
}

bool BoundExpr::IsConstant() const {
  if (kind == BoundExprKind::kColumn || kind == BoundExprKind::kParameter ||
      kind == BoundExprKind::kAggregateRef || kind == BoundExprKind::kWindowRef ||
      kind == BoundExprKind::kOuterColumn ||
      kind == BoundExprKind::kSubquery || IsVolatile())
    return false;
  for (const auto& c : children)
    if (!c->IsConstant()) return false;
  return true;
}

bool BoundExpr::HasParameters() const {
  if (kind == BoundExprKind::kParameter) return true;
  for (const auto& c : children)
    if (c->HasParameters()) return true;
  return false;
}

bool BoundExpr::IsVolatile() const {
  if (kind == BoundExprKind::kNextval || kind == BoundExprKind::kSessionFunction) return true;
  if (kind == BoundExprKind::kFunction && function.function && function.function->volatile_)
    return true;
  for (const auto& c : children)
    if (c->IsVolatile()) return true;
  return false;
}

bool BoundExpr::HasSubquery() const {
  if (subquery) return true;
  for (const auto& c : children)
    if (c->HasSubquery()) return true;
  return false;
}

namespace {
std::string Join(const std::vector<std::unique_ptr<BoundExpr>>& children, size_t from,
                 const char* sep, const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = from; i < children.size(); i++) {
    if (i > from) out += sep;
    out += children[i]->ToString(names);
  }
  return out;
}

bool IsOperatorName(const std::string& name) {
  return !name.empty() && !std::isalpha(static_cast<unsigned char>(name[0])) && name[0] != '_';
}
}  // namespace

std::string BoundExpr::ToString(const std::vector<std::string>& names) const {
  switch (kind) {
    case BoundExprKind::kConstant:
      if (constant.is_null()) return "NULL";
      if (type.IsNumeric() || type.id() == TypeId::kBoolean) return constant.ToString();
      return "'" + constant.ToString() + "'::" + type.ToString();
    case BoundExprKind::kColumn:
      return index >= 0 && static_cast<size_t>(index) < names.size() ? names[index] : name;
    case BoundExprKind::kParameter:
      return "$" + std::to_string(index + 1);
    case BoundExprKind::kFunction:
      if (IsOperatorName(name) && children.size() == 2)
        return "(" + children[0]->ToString(names) + " " + name + " " +
               children[1]->ToString(names) + ")";
      if (IsOperatorName(name) && children.size() == 1)
        return "(" + name + children[0]->ToString(names) + ")";
      return name + "(" + Join(children, 0, ", ", names) + ")";
    case BoundExprKind::kCast:
      return "(" + children[0]->ToString(names) + ")::" + type.ToString();
    case BoundExprKind::kCase: {
      std::string out = "CASE";
      size_t i = 0;
      for (; i + 1 < children.size(); i += 2)
        out += " WHEN " + children[i]->ToString(names) + " THEN " +
               children[i + 1]->ToString(names);
      if (i < children.size()) out += " ELSE " + children[i]->ToString(names);
      return out + " END";
    }
    case BoundExprKind::kAnd:
      return "(" + Join(children, 0, " AND ", names) + ")";
    case BoundExprKind::kOr:
      return "(" + Join(children, 0, " OR ", names) + ")";
    case BoundExprKind::kNot:
      return "(NOT " + children[0]->ToString(names) + ")";
    case BoundExprKind::kIsNull:
      return "(" + children[0]->ToString(names) + (negated ? " IS NOT NULL)" : " IS NULL)");
    case BoundExprKind::kIsDistinct:
      return "(" + children[0]->ToString(names) +
             (negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") +
             children[1]->ToString(names) + ")";
    case BoundExprKind::kInList:
      return "(" + children[0]->ToString(names) + (negated ? " NOT IN (" : " IN (") +
             Join(children, 1, ", ", names) + "))";
    case BoundExprKind::kCoalesce:
      return "COALESCE(" + Join(children, 0, ", ", names) + ")";
    case BoundExprKind::kNullIf:
      return "NULLIF(" + Join(children, 0, ", ", names) + ")";
    case BoundExprKind::kGreatest:
      return std::string(negated ? "LEAST(" : "GREATEST(") + Join(children, 0, ", ", names) + ")";
    case BoundExprKind::kNextval:
      return "nextval('" + name + "')";
    case BoundExprKind::kSessionFunction:
      return name + "(" + Join(children, 0, ", ", names) + ")";
    case BoundExprKind::kAggregateRef:
    case BoundExprKind::kWindowRef:
    case BoundExprKind::kOuterColumn:
      return name;
    case BoundExprKind::kSubquery: {
      static const char* kForms[] = {"(SubPlan)", "EXISTS(SubPlan)", " ANY (SubPlan)",
                                     " ALL (SubPlan)", "ARRAY(SubPlan)"};
      if (children.empty()) return kForms[index];
      return "(" + children[0]->ToString(names) + " " + function.function->name + kForms[index] +
             ")";
    }
    case BoundExprKind::kArrayAnyAll:
      return "(" + children[0]->ToString(names) + " " + function.function->name +
             (negated ? " ALL (" : " ANY (") + children[1]->ToString(names) + "))";
  }
  return "?";
}

BoundExprPtr MakeConstant(const Value& v) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExprKind::kConstant;
  e->type = v.type();
  e->constant = v;
  return e;
}

BoundExprPtr MakeColumnRef(int index, const LogicalType& type, std::string name) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExprKind::kColumn;
  e->type = type;
  e->index = index;
  e->name = std::move(name);
  return e;
}

BoundExprPtr MakeCast(BoundExprPtr child, const LogicalType& type, bool explicit_cast) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExprKind::kCast;
  e->type = type;
  e->explicit_cast = explicit_cast;
  e->children.push_back(std::move(child));
  return e;
}

}  // namespace heliosdb
