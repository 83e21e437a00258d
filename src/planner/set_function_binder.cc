// Typing of set-returning functions (set_function_binder.h) and their select-list calls.
#include "planner/set_function_binder.h"

#include <functional>
#include <map>

#include "common/exception.h"
#include "planner/expression_binder.h"

namespace heliosdb {

namespace {

const char* const kSetFunctions[] = {"generate_series", "unnest", "regexp_split_to_table",
                                     "regexp_matches"};

[[noreturn]] void ThrowNoSuchFunction(const std::string& name,
                                      const std::vector<BoundExprPtr>& args, int location) {
  Status s =
      Status::Error(sqlstate::kUndefinedFunction,
                    "function " + name + "(" + ArgTypeList(args) + ") does not exist", location);
  s.WithHint(
      "No function matches the given name and argument types. You might need to add explicit "
      "type casts.");
  throw DbException(s);
}

// generate_series(start, stop [, step]): integers, numeric, or timestamps with an interval.
std::vector<LogicalType> BindGenerateSeries(Binder& binder, std::vector<BoundExprPtr>* args,
                                            int location) {
  if (args->size() < 2 || args->size() > 3) ThrowNoSuchFunction("generate_series", *args, location);
  std::vector<LogicalType> types;
  for (const auto& a : *args) types.push_back(a->type);
  LogicalType start_type = CommonType({types[0], types[1]}, "generate_series", location);
  LogicalType value_type;
  LogicalType step_type;
  if (start_type.id() == TypeId::kTimestamp || start_type.id() == TypeId::kTimestampTz ||
      start_type.id() == TypeId::kDate) {
    value_type = start_type.id() == TypeId::kDate ? LogicalType(TypeId::kTimestamp) : start_type;
    step_type = TypeId::kInterval;
    if (args->size() != 3) ThrowNoSuchFunction("generate_series", *args, location);
  } else if (start_type.IsInteger() || start_type.id() == TypeId::kNumeric) {
    value_type = start_type.id() == TypeId::kSmallInt ? LogicalType(TypeId::kInteger)
                                                      : LogicalType(start_type.id());
    if (args->size() == 3)
      value_type = CommonType({value_type, types[2]}, "generate_series", location);
    if (!value_type.IsInteger() && value_type.id() != TypeId::kNumeric)
      value_type = TypeId::kNumeric;
    step_type = value_type;
  } else {
    ThrowNoSuchFunction("generate_series", *args, location);
  }
  for (size_t i = 0; i < args->size(); i++)
    (*args)[i] = binder.Coerce(std::move((*args)[i]), i < 2 ? value_type : step_type, false,
                               "argument", location);
  return {value_type};
}

// unnest(array [, array ...]): one column per array, of its element type.
std::vector<LogicalType> BindUnnest(Binder& binder, std::vector<BoundExprPtr>* args, int location) {
  if (args->empty()) ThrowNoSuchFunction("unnest", *args, location);
  std::vector<LogicalType> columns;
  for (auto& a : *args) {
    if (a->type.id() == TypeId::kUnknown && a->kind == BoundExprKind::kConstant &&
        !a->constant.is_null())
      a = binder.Coerce(std::move(a), LogicalType::Array(TypeId::kText), false, "argument",
                        location);
    if (!a->type.IsArray()) ThrowNoSuchFunction("unnest", *args, location);
    columns.push_back(a->type.element_type());
  }
  return columns;
}

// regexp_split_to_table / regexp_matches(string, pattern [, flags]).
std::vector<LogicalType> BindRegexpRows(Binder& binder, const std::string& name,
                                        std::vector<BoundExprPtr>* args, int location) {
  if (args->size() < 2 || args->size() > 3) ThrowNoSuchFunction(name, *args, location);
  for (auto& a : *args) {
    if (!a->type.IsString() && a->type.id() != TypeId::kUnknown)
      ThrowNoSuchFunction(name, *args, location);
    a = binder.Coerce(std::move(a), TypeId::kText, false, "argument", location);
  }
  LogicalType text(TypeId::kText);
  return {name == "regexp_matches" ? LogicalType::Array(text) : text};
}

ScalarFunction MakeMarker(const std::string& name) {
  ScalarFunction f;
  f.name = name;
  f.volatile_ = true;  // a new set of rows per input row: never folded or hoisted
  f.strict = false;
  f.kernel = [name](DataChunk&, idx_t, Vector*, FunctionContext&) {
    ThrowError(sqlstate::kFeatureNotSupported,
               "set-returning function " + name + " is not supported here");
  };
  return f;
}

}  // namespace

bool IsSetFunctionName(const std::string& name) {
  for (const char* f : kSetFunctions)
    if (name == f) return true;
  return false;
}

const ScalarFunction& SetFunctionMarker(const std::string& name) {
  static const std::map<std::string, ScalarFunction> kMarkers = [] {
    std::map<std::string, ScalarFunction> m;
    for (const char* f : kSetFunctions) m.emplace(f, MakeMarker(f));
    return m;
  }();
  return kMarkers.at(name);
}

bool IsSetFunctionCall(const BoundExpr& e) {
  return e.kind == BoundExprKind::kFunction && e.function.function &&
         IsSetFunctionName(e.function.function->name) &&
         e.function.function == &SetFunctionMarker(e.function.function->name);
}

std::vector<LogicalType> BindSetFunctionArgs(Binder& binder, const std::string& name,
                                             std::vector<BoundExprPtr>* args, int location) {
  if (name == "generate_series") return BindGenerateSeries(binder, args, location);
  if (name == "unnest") return BindUnnest(binder, args, location);
  return BindRegexpRows(binder, name, args, location);
}

namespace {
bool ContainsSetFunctionCall(const BoundExpr& e) {
  if (IsSetFunctionCall(e)) return true;
  for (const auto& c : e.children)
    if (ContainsSetFunctionCall(*c)) return true;
  return false;
}
}  // namespace

LogicalOpPtr PlanSetFunctions(LogicalOpPtr plan, std::vector<BoundExprPtr>* targets) {
  bool any = false;
  for (const auto& t : *targets) any = any || ContainsSetFunctionCall(*t);
  if (!any) return plan;
  auto op = std::make_unique<LogicalOp>();
  op->kind = LogicalOpKind::kProjectSet;
  op->types = plan->types;
  op->names = plan->names;
  int base = static_cast<int>(plan->types.size());
  std::function<void(BoundExprPtr&)> extract = [&](BoundExprPtr& e) {
    if (!IsSetFunctionCall(*e)) {
      for (auto& c : e->children) extract(c);
      return;
    }
    for (const auto& c : e->children)
      if (ContainsSetFunctionCall(*c))
        ThrowError(sqlstate::kFeatureNotSupported,
                   "set-returning function calls inside set-returning function arguments are "
                   "not supported");
    size_t k = 0;
    while (k < op->exprs.size() && !op->exprs[k]->Equals(*e)) k++;
    if (k == op->exprs.size()) {
      op->types.push_back(e->type);
      op->names.push_back(e->name);
      op->exprs.push_back(e->Copy());
    }
    e = MakeColumnRef(base + static_cast<int>(k), e->type, e->name);
  };
  for (auto& t : *targets) extract(t);
  op->children.push_back(std::move(plan));
  return op;
}

BoundExprPtr ExpressionBinder::BindSetReturning(const ast::FunctionExpr& e,
                                                const std::string& name) {
  if (!set_returning_)
    ThrowError(sqlstate::kFeatureNotSupported,
               std::string("set-returning functions are not allowed in ") + clause_, e.location);
  std::vector<BoundExprPtr> args;
  for (const auto& a : e.args) args.push_back(Bind(*a));
  std::vector<LogicalType> columns = BindSetFunctionArgs(binder_, name, &args, e.location);
  if (columns.size() != 1)
    ThrowError(sqlstate::kFeatureNotSupported,
               "function " + name + " with several arguments is only supported in FROM",
               e.location);
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundExprKind::kFunction;
  out->name = name;
  out->type = columns[0];
  out->function.function = &SetFunctionMarker(name);
  for (const auto& a : args) out->function.arg_types.push_back(a->type);
  out->function.return_type = columns[0];
  out->children = std::move(args);
  return out;
}

}  // namespace heliosdb
