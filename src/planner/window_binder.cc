// Window function calls: OVER clauses (named windows, frames) bound into BoundWindow entries
// that the SELECT binder turns into a Window operator.
#include <algorithm>
#include <set>

#include "common/exception.h"
#include "planner/expression_binder.h"
#include "planner/logical_plan.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {
BoundWindow::Bound ToBound(ast::FrameBound::Type t) {
  switch (t) {
    case ast::FrameBound::Type::kUnboundedPreceding:
      return BoundWindow::Bound::kUnboundedPreceding;
    case ast::FrameBound::Type::kPreceding:
      return BoundWindow::Bound::kPreceding;
    case ast::FrameBound::Type::kCurrentRow:
      return BoundWindow::Bound::kCurrentRow;
    case ast::FrameBound::Type::kFollowing:
      return BoundWindow::Bound::kFollowing;
    default:
      return BoundWindow::Bound::kUnboundedFollowing;
  }
}

// The type a RANGE offset must have to move an ORDER BY value of type `key` (PostgreSQL's
// in_range support functions), or kUnknown when `offset` cannot be one.
TypeId RangeOffsetType(TypeId key, TypeId offset) {
  auto one_of = [&](std::initializer_list<TypeId> ids) {
    return offset == TypeId::kUnknown || std::find(ids.begin(), ids.end(), offset) != ids.end();
  };
  constexpr TypeId i2 = TypeId::kSmallInt, i4 = TypeId::kInteger, i8 = TypeId::kBigInt;
  switch (key) {
    case TypeId::kSmallInt:
    case TypeId::kInteger:
    case TypeId::kBigInt:
      return one_of({i2, i4, i8}) ? TypeId::kBigInt : TypeId::kUnknown;
    case TypeId::kReal:
    case TypeId::kDouble:
      return one_of({i2, i4, i8, TypeId::kReal, TypeId::kDouble, TypeId::kNumeric})
                 ? TypeId::kDouble
                 : TypeId::kUnknown;
    case TypeId::kNumeric:
      return one_of({i2, i4, i8, TypeId::kNumeric}) ? TypeId::kNumeric : TypeId::kUnknown;
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
    case TypeId::kInterval:
      return one_of({TypeId::kInterval}) ? TypeId::kInterval : TypeId::kUnknown;
    default:
      return TypeId::kUnknown;
  }
}

bool HasRangeSupport(TypeId key) {
  return RangeOffsetType(key, TypeId::kUnknown) != TypeId::kUnknown;
}

const char* ModeName(BoundWindow::Mode mode) {
  return mode == BoundWindow::Mode::kRows     ? "ROWS"
         : mode == BoundWindow::Mode::kGroups ? "GROUPS"
                                              : "RANGE";
}

bool IsRankingFunction(const std::string& name) {
  return name == "row_number" || name == "rank" || name == "dense_rank" || name == "percent_rank" ||
         name == "cume_dist" || name == "ntile";
}

bool IsValueFunction(const std::string& name) {
  return name == "lag" || name == "lead" || name == "first_value" || name == "last_value" ||
         name == "nth_value";
}
}  // namespace

void ExpressionBinder::BindFrame(const ast::WindowSpec& framing, int location,
                                 ExpressionBinder& inner, BoundWindow* w) {
  w->has_frame = true;
  w->mode = framing.mode == ast::WindowSpec::Mode::kRows     ? BoundWindow::Mode::kRows
            : framing.mode == ast::WindowSpec::Mode::kGroups ? BoundWindow::Mode::kGroups
                                                             : BoundWindow::Mode::kRange;
  w->exclude = static_cast<BoundWindow::Exclude>(framing.exclude);
  w->start = ToBound(framing.start.type);
  w->end = ToBound(framing.end.type);
  if (w->mode == BoundWindow::Mode::kGroups && w->order_by.empty())
    ThrowError(sqlstate::kWindowingError, "GROUPS mode requires an ORDER BY clause", location);
  bool range_offsets =
      w->mode == BoundWindow::Mode::kRange && (framing.start.offset || framing.end.offset);
  // A repeated ORDER BY expression adds nothing to the order (PostgreSQL drops it).
  size_t order_columns = 0;
  for (size_t i = 0; i < w->order_by.size(); i++) {
    bool repeated = false;
    for (size_t j = 0; j < i; j++) repeated |= w->order_by[j].expr->Equals(*w->order_by[i].expr);
    order_columns += !repeated;
  }
  if (range_offsets && order_columns != 1)
    ThrowError(sqlstate::kWindowingError,
               "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column",
               location);
  if (range_offsets && !HasRangeSupport(w->order_by[0].expr->type.id()))
    ThrowError(sqlstate::kFeatureNotSupported,
               "RANGE with offset PRECEDING/FOLLOWING is not supported for column type " +
                   w->order_by[0].expr->type.ToString(),
               location);
  auto offset = [&](const ast::FrameBound& b) -> BoundExprPtr {
    if (!b.offset) return nullptr;
    BoundExprPtr e = inner.Bind(*b.offset);
    std::set<int> columns;
    CollectColumns(*e, &columns);
    std::string what = std::string("argument of ") + ModeName(w->mode);
    if (!columns.empty())
      ThrowError(sqlstate::kInvalidColumnReference, what + " must not contain variables",
                 b.offset->location);
    if (w->mode != BoundWindow::Mode::kRange) {
      // Numbers convert to bigint as in an assignment (1.5 rounds to 2); nothing else does.
      if (!e->type.IsNumeric() && e->type.id() != TypeId::kUnknown)
        ThrowError(sqlstate::kDatatypeMismatch,
                   what + " must be type bigint, not type " + e->type.ToString(),
                   b.offset->location);
      return binder_.Coerce(std::move(e), TypeId::kBigInt, true, what, b.offset->location);
    }
    const LogicalType& key = w->order_by[0].expr->type;
    TypeId type = RangeOffsetType(key.id(), e->type.id());
    if (type == TypeId::kUnknown) {
      Status s = Status::Error(sqlstate::kFeatureNotSupported,
                               "RANGE with offset PRECEDING/FOLLOWING is not supported for "
                               "column type " +
                                   key.ToString() + " and offset type " + e->type.ToString(),
                               b.offset->location);
      s.WithHint("Cast the offset value to an appropriate type.");
      throw DbException(s);
    }
    return binder_.Coerce(std::move(e), type, false, what, b.offset->location);
  };
  w->start_offset = offset(framing.start);
  w->end_offset = offset(framing.end);
}

BoundExprPtr ExpressionBinder::BindWindow(const ast::FunctionExpr& e, const std::string& name) {
  if (!windows_)
    ThrowError(sqlstate::kWindowingError, std::string("window functions are not allowed in ") + clause_, e.location);
  // OVER w and OVER (w ...) take the named window's parts; the call's own parts extend it.
  const ast::WindowSpec* spec = e.over.get();
  const ast::WindowSpec* base = nullptr;
  std::string ref = !spec->name.empty() ? spec->name : spec->ref_name;
  if (!ref.empty()) {
    if (named_windows_)
      for (const auto& w : *named_windows_)
        if (w->name == ref) base = w.get();
    if (!base) ThrowError("42704", "window \"" + ref + "\" does not exist", e.location);
  }
  const ast::WindowSpec& parts = spec->partition_by.empty() && base ? *base : *spec;
  const ast::WindowSpec& ordering = spec->order_by.empty() && base ? *base : *spec;
  const ast::WindowSpec& framing = !spec->has_frame && base ? *base : *spec;

  if (e.distinct)
    ThrowError(sqlstate::kFeatureNotSupported, "DISTINCT is not implemented for window functions",
               e.location);
  BoundWindow w;
  w.name = name;
  // Arguments, partition and order may use the query's aggregates, never other windows.
  ExpressionBinder inner(binder_, scope_, aggregates_, "window function calls");
  for (const auto& a : e.args) w.args.push_back(inner.Bind(*a));
  for (const auto& p : parts.partition_by) w.partition_by.push_back(inner.Bind(*p));
  for (const auto& item : ordering.order_by) {
    SortKey key;
    key.expr = inner.Bind(*item.expr);
    key.descending = item.descending;
    key.nulls_first = item.nulls_first.value_or(item.descending);
    w.order_by.push_back(std::move(key));
  }
  if (framing.has_frame) BindFrame(framing, framing.location, inner, &w);
  if (IsRankingFunction(name)) {
    w.type = name == "percent_rank" || name == "cume_dist" ? LogicalType(TypeId::kDouble)
             : name == "ntile"                             ? LogicalType(TypeId::kInteger)
                                                           : LogicalType(TypeId::kBigInt);
    if (name == "ntile") {
      if (w.args.size() != 1)
        ThrowError(sqlstate::kUndefinedFunction, "function ntile requires one argument",
                   e.location);
      w.args[0] =
          binder_.Coerce(std::move(w.args[0]), TypeId::kInteger, false, "argument", e.location);
    } else if (!w.args.empty()) {
      ThrowError(sqlstate::kUndefinedFunction, "function " + name + " takes no arguments",
                 e.location);
    }
  } else if (IsValueFunction(name)) {
    size_t max_args = name == "lag" || name == "lead" ? 3 : name == "nth_value" ? 2 : 1;
    size_t min_args = name == "nth_value" ? 2 : 1;
    if (w.args.size() < min_args || w.args.size() > max_args)
      ThrowError(sqlstate::kUndefinedFunction,
                 "function " + name + "(" + ArgTypeList(w.args) + ") does not exist", e.location);
    if (w.args[0]->type.id() == TypeId::kUnknown)
      w.args[0] =
          binder_.Coerce(std::move(w.args[0]), TypeId::kText, false, "argument", e.location);
    w.type = w.args[0]->type;
    for (size_t i = 1; i < w.args.size(); i++) {
      bool is_default = (name == "lag" || name == "lead") && i == 2;
      w.args[i] =
          binder_.Coerce(std::move(w.args[i]), is_default ? w.type : LogicalType(TypeId::kBigInt),
                         false, "argument", e.location);
    }
  } else if (FunctionRegistry::Get().IsAggregate(name)) {
    std::vector<LogicalType> types;
    for (const auto& a : w.args) types.push_back(a->type);
    w.aggregate = FunctionRegistry::Get().ResolveAggregate(name, types);
    if (!w.aggregate.function)
      ThrowError(sqlstate::kUndefinedFunction,
                 "function " + name + "(" + ArgTypeList(w.args) + ") does not exist", e.location);
    CheckParameterlessAggregate(e, name);
    for (size_t i = 0; i < w.args.size() && i < w.aggregate.arg_types.size(); i++)
      if (w.args[i]->type.id() != w.aggregate.arg_types[i].id() || IsUnknownConstant(*w.args[i]))
        w.args[i] = binder_.Coerce(std::move(w.args[i]), w.aggregate.arg_types[i], false,
                                   "argument", e.location);
    w.type = w.aggregate.return_type;
  } else {
    ThrowError(sqlstate::kWrongObjectType,
               "OVER specified, but " + name +
                   " is not a window function nor an aggregate "
                   "function",
               e.location);
  }
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundExprKind::kWindowRef;
  out->type = w.type;
  out->index = static_cast<int>(windows_->size());
  out->name = name;
  windows_->push_back(std::move(w));
  return out;
}

}  // namespace heliosdb
