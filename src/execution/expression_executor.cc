#include "execution/expression_executor.h"

#include "common/exception.h"
#include "common/types/array_value.h"
#include "execution/physical_planner.h"
#include "function/cast/cast.h"
#include "planner/logical_plan.h"

namespace heliosdb {

namespace {
// A flat boolean vector of count rows, all valid.
Vector NewBooleans(idx_t count) { return Vector(TypeId::kBoolean, std::max<idx_t>(count, 1)); }

bool IsConstantVector(const Vector& v) { return v.kind() == VectorKind::kConstant; }
}  // namespace

void ExpressionExecutor::Evaluate(const BoundExpr& e, const DataChunk& input, Vector* result) {
  switch (e.kind) {
    case BoundExprKind::kConstant:
      *result = Vector::Constant(e.constant.is_null() ? Value::Null(e.type)
                                                      : e.constant.WithType(e.type));
      return;
    case BoundExprKind::kColumn:
      *result = input.column(e.index);
      return;
    case BoundExprKind::kParameter: {
      const Value& v = ctx_.params.at(e.index);
      *result = Vector::Constant(v.is_null() ? Value::Null(e.type) : v.WithType(e.type));
      return;
    }
    case BoundExprKind::kFunction:
      return EvaluateFunction(e, input, result);
    case BoundExprKind::kCast: {
      Vector child;
      Evaluate(*e.children[0], input, &child);
      idx_t n = IsConstantVector(child) ? 1 : input.size();
      Vector out(e.type, std::max<idx_t>(n, 1));
      CastVector(child, &out, n, e.type, ctx_.function, e.explicit_cast);
      if (IsConstantVector(child)) out.MarkConstant();
      *result = std::move(out);
      return;
    }
    case BoundExprKind::kCase:
      return EvaluateCase(e, input, result);
    case BoundExprKind::kAnd:
    case BoundExprKind::kOr:
      return EvaluateConjunction(e, input, result);
    case BoundExprKind::kNot: {
      Vector child;
      Evaluate(*e.children[0], input, &child);
      idx_t count = input.size();
      Vector out = NewBooleans(count);
      UnifiedFormat u = child.ToUnified();
      for (idx_t i = 0; i < count; i++) {
        if (!u.IsValid(i)) {
          out.SetNull(i);
        } else {
          out.data<bool>()[i] = !u.Get<bool>(i);
        }
      }
      *result = std::move(out);
      return;
    }
    case BoundExprKind::kIsNull: {
      Vector child;
      Evaluate(*e.children[0], input, &child);
      idx_t count = input.size();
      Vector out = NewBooleans(count);
      UnifiedFormat u = child.ToUnified();
      for (idx_t i = 0; i < count; i++) out.data<bool>()[i] = u.IsValid(i) == e.negated;
      *result = std::move(out);
      return;
    }
    case BoundExprKind::kIsDistinct:
      return EvaluateIsDistinct(e, input, result);
    case BoundExprKind::kInList:
      return EvaluateInList(e, input, result);
    case BoundExprKind::kCoalesce:
      return EvaluateCoalesce(e, input, result);
    case BoundExprKind::kNullIf:
    case BoundExprKind::kGreatest:
    case BoundExprKind::kNextval:
    case BoundExprKind::kSessionFunction:
      return EvaluateRowwise(e, input, result);
    case BoundExprKind::kOuterColumn: {
      HELIOS_ASSERT(static_cast<size_t>(e.depth) <= ctx_.outer_rows.size());
      const Value& v = ctx_.outer_rows[ctx_.outer_rows.size() - e.depth].at(e.index);
      *result = Vector::Constant(v.is_null() ? Value::Null(e.type) : v);
      return;
    }
    case BoundExprKind::kSubquery:
      return EvaluateSubquery(e, input, result);
    case BoundExprKind::kArrayAnyAll:
      return EvaluateArrayAnyAll(e, input, result);
    case BoundExprKind::kAggregateRef:
    case BoundExprKind::kWindowRef:
      HELIOS_UNREACHABLE();
  }
}

std::vector<Value> ExpressionExecutor::RunSubquery(const BoundExpr& e, bool first_row_only) {
  PhysicalOperatorPtr root = CreatePhysicalPlan(*e.subquery, ctx_.profile);
  std::vector<Value> values;
  while (DataChunk* chunk = root->Next(ctx_)) {
    for (idx_t r = 0; r < chunk->size(); r++) {
      values.push_back(chunk->column_count() ? chunk->GetValue(0, r) : Value::Boolean(true));
      if (first_row_only) return values;
      // A scalar subquery fails on its second row; no need to read further.
      if (e.index == static_cast<int>(SubqueryType::kScalar) && values.size() > 1) return values;
    }
  }
  return values;
}

void ExpressionExecutor::EvaluateSubquery(const BoundExpr& e, const DataChunk& input,
                                          Vector* result) {
  auto type = static_cast<SubqueryType>(e.index);
  bool exists = type == SubqueryType::kExists;
  Vector operand;
  UnifiedFormat uo;
  if (!e.children.empty()) {
    Evaluate(*e.children[0], input, &operand);
    uo = operand.ToUnified();
  }
  idx_t count = e.correlated ? input.size() : 1;
  Vector out(e.type, std::max<idx_t>(input.size(), 1));
  const std::vector<Value>* values = nullptr;
  std::vector<Value> per_row;
  if (!e.correlated) {
    auto it = ctx_.subquery_results.find(&e);
    if (it == ctx_.subquery_results.end())
      it = ctx_.subquery_results.emplace(&e, RunSubquery(e, exists)).first;
    values = &it->second;
    count = input.size();
  }
  for (idx_t r = 0; r < count; r++) {
    if (e.correlated) {
      std::vector<Value> row;
      for (idx_t c = 0; c < input.column_count(); c++) row.push_back(input.GetValue(c, r));
      ctx_.outer_rows.push_back(std::move(row));
      try {
        per_row = RunSubquery(e, exists);
      } catch (...) {
        ctx_.outer_rows.pop_back();
        throw;
      }
      ctx_.outer_rows.pop_back();
      values = &per_row;
    }
    switch (type) {
      case SubqueryType::kScalar:
        if (values->size() > 1)
          ThrowError(sqlstate::kCardinalityViolation,
                     "more than one row returned by a subquery used as an expression");
        if (values->empty() || (*values)[0].is_null()) {
          out.SetNull(r);
        } else {
          out.SetValue(r, (*values)[0]);
        }
        break;
      case SubqueryType::kExists:
        out.data<bool>()[r] = values->empty() == e.negated;
        break;
      case SubqueryType::kArray:
        out.SetValue(r, MakeArray(*values, e.type.element_type()));
        break;
      case SubqueryType::kAny:
      case SubqueryType::kAll: {
        // Three-valued: ANY is true on a true comparison, NULL if none is true but one is
        // NULL; ALL is false on a false comparison, NULL if none is false but one is NULL.
        bool all = type == SubqueryType::kAll;
        // A NULL operand compares unknown with every value: over no values ANY is false
        // and ALL true, as for any operand.
        bool decided = false, unknown = !uo.IsValid(r) && !values->empty();
        for (size_t i = 0; i < values->size() && !decided && uo.IsValid(r); i++) {
          DataChunk pair;
          pair.columns().push_back(Vector::Constant(operand.GetValue(r)));
          pair.columns().push_back(Vector::Constant((*values)[i]));
          pair.SetSize(1);
          Vector cmp(TypeId::kBoolean, 1);
          e.function.function->kernel(pair, 1, &cmp, ctx_.function);
          if (!cmp.validity().IsValid(0)) {
            unknown = true;
          } else if (cmp.data<bool>()[0] != all) {
            decided = true;
          }
        }
        bool value = decided ? !all : all;
        if (!decided && unknown) {
          out.SetNull(r);
        } else {
          out.data<bool>()[r] = value != e.negated;
        }
        break;
      }
    }
  }
  *result = std::move(out);
}

void ExpressionExecutor::EvaluateFunction(const BoundExpr& e, const DataChunk& input,
                                          Vector* result) {
  DataChunk args;
  bool all_constant = true;
  for (const auto& child : e.children) {
    Vector v;
    Evaluate(*child, input, &v);
    all_constant &= IsConstantVector(v);
    args.columns().push_back(std::move(v));
  }
  // A function of constants is computed once and stays a constant vector, unless volatile.
  bool once = all_constant && !e.function.function->volatile_;
  idx_t n = once ? 1 : input.size();
  args.SetSize(n);
  Vector out(e.type, std::max<idx_t>(n, 1));
  if (n > 0) e.function.function->kernel(args, n, &out, ctx_.function);
  if (once) out.MarkConstant();
  *result = std::move(out);
}

idx_t ExpressionExecutor::Select(const BoundExpr& predicate, const DataChunk& input,
                                 SelectionVector* sel) {
  Vector v;
  Evaluate(predicate, input, &v);
  UnifiedFormat u = v.ToUnified();
  idx_t n = 0;
  for (idx_t i = 0; i < input.size(); i++)
    if (u.IsValid(i) && u.Get<bool>(i)) sel->set(n++, static_cast<uint32_t>(i));
  return n;
}

Value ExpressionExecutor::EvaluateConstant(const BoundExpr& expr) {
  DataChunk one;
  one.SetSize(1);
  Vector v;
  Evaluate(expr, one, &v);
  return v.GetValue(0);
}

void ExpressionExecutor::EvaluateCase(const BoundExpr& e, const DataChunk& input,
                                      Vector* result) {
  idx_t count = input.size();
  Vector out(e.type, std::max<idx_t>(count, 1));
  // Rows not yet claimed by a WHEN, as indexes into input. Each THEN is evaluated only on
  // the rows it applies to, so `CASE WHEN x = 0 THEN 0 ELSE 1 / x END` never divides by 0.
  SelectionVector remaining(std::max<idx_t>(count, 1));
  for (idx_t i = 0; i < count; i++) remaining.set(i, static_cast<uint32_t>(i));
  idx_t left = count;
  size_t i = 0;
  auto scatter = [&](const BoundExpr& branch, const DataChunk& rows, const SelectionVector& map,
                     idx_t n) {
    Vector v;
    Evaluate(branch, rows, &v);
    for (idx_t k = 0; k < n; k++) out.CopyRow(v, k, map.get(k));
  };
  for (; i + 1 < e.children.size() && left > 0; i += 2) {
    DataChunk rows = input;
    rows.Slice(remaining, left);
    SelectionVector match(left);
    idx_t m = Select(*e.children[i], rows, &match);
    if (m == 0) continue;
    DataChunk matched = rows;
    matched.Slice(match, m);
    SelectionVector target(m);
    for (idx_t k = 0; k < m; k++) target.set(k, remaining.get(match.get(k)));
    scatter(*e.children[i + 1], matched, target, m);
    // Keep the unmatched rows.
    SelectionVector rest(std::max<idx_t>(left, 1));
    idx_t r = 0, mi = 0;
    for (idx_t k = 0; k < left; k++) {
      if (mi < m && match.get(mi) == k) {
        mi++;
        continue;
      }
      rest.set(r++, remaining.get(k));
    }
    remaining = rest;
    left = r;
  }
  if (left > 0) {
    if (e.children.size() % 2 == 1) {
      DataChunk rows = input;
      rows.Slice(remaining, left);
      scatter(*e.children.back(), rows, remaining, left);
    } else {
      for (idx_t k = 0; k < left; k++) out.SetNull(remaining.get(k));
    }
  }
  *result = std::move(out);
}

void ExpressionExecutor::EvaluateCoalesce(const BoundExpr& e, const DataChunk& input,
                                          Vector* result) {
  idx_t count = input.size();
  Vector out(e.type, std::max<idx_t>(count, 1));
  // Rows every earlier argument left NULL, as indexes into input: an argument is evaluated
  // only on them, so COALESCE(x, 1 / 0) fails only where x is NULL (PostgreSQL's rule).
  SelectionVector remaining(std::max<idx_t>(count, 1));
  for (idx_t i = 0; i < count; i++) remaining.set(i, static_cast<uint32_t>(i));
  idx_t left = count;
  for (size_t c = 0; c < e.children.size() && left > 0; c++) {
    DataChunk rows = input;
    rows.Slice(remaining, left);
    Vector v;
    Evaluate(*e.children[c], rows, &v);
    UnifiedFormat u = v.ToUnified();
    SelectionVector rest(std::max<idx_t>(left, 1));
    idx_t r = 0;
    for (idx_t k = 0; k < left; k++) {
      if (u.IsValid(k)) {
        out.CopyRow(v, k, remaining.get(k));
      } else {
        rest.set(r++, remaining.get(k));
      }
    }
    remaining = rest;
    left = r;
  }
  for (idx_t k = 0; k < left; k++) out.SetNull(remaining.get(k));
  *result = std::move(out);
}

void ExpressionExecutor::EvaluateConjunction(const BoundExpr& e, const DataChunk& input,
                                             Vector* result) {
  idx_t count = input.size();
  bool is_and = e.kind == BoundExprKind::kAnd;
  Vector out = NewBooleans(count);
  bool* r = out.data<bool>();
  for (idx_t i = 0; i < count; i++) r[i] = is_and;
  // Rows no argument has decided yet (AND: none false; OR: none true), as indexes into input.
  // Later arguments run only on them, as PostgreSQL evaluates left to right: in
  // `n <> '' AND n::int > 0` the cast never sees ''.
  SelectionVector undecided(std::max<idx_t>(count, 1));
  for (idx_t i = 0; i < count; i++) undecided.set(i, static_cast<uint32_t>(i));
  idx_t left = count;
  for (const auto& child : e.children) {
    if (left == 0) break;
    Vector v;
    if (left == count) {
      Evaluate(*child, input, &v);
    } else {
      DataChunk rows = input;
      rows.Slice(undecided, left);
      Evaluate(*child, rows, &v);
    }
    UnifiedFormat u = v.ToUnified();
    SelectionVector rest(std::max<idx_t>(left, 1));
    idx_t kept = 0;
    for (idx_t k = 0; k < left; k++) {
      uint32_t i = undecided.get(k);
      if (u.IsValid(k) && u.Get<bool>(k) != is_and) {
        r[i] = !is_and;  // decided: AND false, OR true, whatever else is NULL
        out.validity().SetValid(i);
        continue;
      }
      if (!u.IsValid(k)) out.SetNull(i);
      rest.set(kept++, i);
    }
    undecided = rest;
    left = kept;
  }
  *result = std::move(out);
}

void ExpressionExecutor::CallEquals(const ResolvedScalar& eq, const Vector& a, const Vector& b,
                                    idx_t count, Vector* result) {
  DataChunk args;
  args.columns().push_back(a);
  args.columns().push_back(b);
  args.SetSize(count);
  *result = NewBooleans(count);
  if (count > 0) eq.function->kernel(args, count, result, ctx_.function);
}

void ExpressionExecutor::EvaluateIsDistinct(const BoundExpr& e, const DataChunk& input,
                                            Vector* result) {
  idx_t count = input.size();
  Vector a, b, eq;
  Evaluate(*e.children[0], input, &a);
  Evaluate(*e.children[1], input, &b);
  CallEquals(e.function, a, b, count, &eq);
  UnifiedFormat ua = a.ToUnified(), ub = b.ToUnified(), ue = eq.ToUnified();
  Vector out = NewBooleans(count);
  for (idx_t i = 0; i < count; i++) {
    bool va = ua.IsValid(i), vb = ub.IsValid(i);
    bool distinct = va != vb || (va && vb && !ue.Get<bool>(i));
    out.data<bool>()[i] = distinct != e.negated;
  }
  *result = std::move(out);
}

void ExpressionExecutor::EvaluateInList(const BoundExpr& e, const DataChunk& input,
                                        Vector* result) {
  idx_t count = input.size();
  Vector operand;
  Evaluate(*e.children[0], input, &operand);
  Vector out = NewBooleans(count);
  bool* r = out.data<bool>();
  for (idx_t i = 0; i < count; i++) r[i] = false;
  for (size_t c = 1; c < e.children.size(); c++) {
    Vector item, eq;
    Evaluate(*e.children[c], input, &item);
    CallEquals(e.function, operand, item, count, &eq);
    UnifiedFormat u = eq.ToUnified();
    for (idx_t i = 0; i < count; i++) {
      if (out.validity().IsValid(i) && r[i]) continue;  // already found
      if (!u.IsValid(i)) {
        out.SetNull(i);
      } else if (u.Get<bool>(i)) {
        r[i] = true;
        out.validity().SetValid(i);
      }
    }
  }
  if (e.negated)
    for (idx_t i = 0; i < count; i++) r[i] = !r[i];
  *result = std::move(out);
}

void ExpressionExecutor::EvaluateRowwise(const BoundExpr& e, const DataChunk& input,
                                         Vector* result) {
  idx_t count = input.size();
  Vector out(e.type, std::max<idx_t>(count, 1));
  if (e.kind == BoundExprKind::kNextval) {
    const SequenceInfo& seq = ctx_.catalog->sequences().at(e.index);
    for (idx_t i = 0; i < count; i++) out.data<int64_t>()[i] = ctx_.NextSequenceValue(seq);
    *result = std::move(out);
    return;
  }
  std::vector<Vector> values(e.children.size());
  for (size_t c = 0; c < e.children.size(); c++) Evaluate(*e.children[c], input, &values[c]);
  if (e.kind == BoundExprKind::kSessionFunction) {
    if (!ctx_.session)
      ThrowError(sqlstate::kFeatureNotSupported, e.name + "() is not available here");
    for (idx_t i = 0; i < count; i++) {
      std::vector<Value> args;
      if (e.name == "currval" || e.name == "setval") args.push_back(Value::BigInt(e.index));
      for (auto& v : values) args.push_back(v.GetValue(i));
      out.SetValue(i, ctx_.session->CallSessionFunction(e.name, args));
    }
    *result = std::move(out);
    return;
  }
  if (e.kind == BoundExprKind::kNullIf) {
    Vector eq;
    CallEquals(e.function, values[0], values[1], count, &eq);
    UnifiedFormat u = eq.ToUnified();
    for (idx_t i = 0; i < count; i++) {
      if (u.IsValid(i) && u.Get<bool>(i)) {
        out.SetNull(i);
      } else {
        out.CopyRow(values[0], i, i);
      }
    }
    *result = std::move(out);
    return;
  }
  for (idx_t i = 0; i < count; i++) {
    int chosen = -1;
    Value best;
    for (size_t c = 0; c < values.size(); c++) {
      if (!values[c].ToUnified().IsValid(i)) continue;
      Value v = values[c].GetValue(i);
      int cmp = chosen < 0 ? 0 : v.Compare(best);
      if (chosen < 0 || (e.negated ? cmp < 0 : cmp > 0)) {
        chosen = static_cast<int>(c);
        best = std::move(v);
      }
    }
    if (chosen < 0) {
      out.SetNull(i);
    } else {
      out.CopyRow(values[chosen], i, i);
    }
  }
  *result = std::move(out);
}

}  // namespace heliosdb
