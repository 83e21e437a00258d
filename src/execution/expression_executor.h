// ExpressionExecutor: evaluates a BoundExpr over a DataChunk, a batch at a time. The result
// may be any vector kind (a column reference shares the input's buffers; a constant stays a
// CONSTANT vector). Predicates evaluate to a selection of the rows where they are true.
#pragma once

#include "common/data_chunk.h"
#include "execution/exec_context.h"
#include "planner/bound_expr.h"

namespace heliosdb {

class ExpressionExecutor {
 public:
  explicit ExpressionExecutor(ExecContext& ctx) : ctx_(ctx) {}

  // result receives input.size() rows of expr.
  void Evaluate(const BoundExpr& expr, const DataChunk& input, Vector* result);
  // Rows of input where predicate is true (not false, not NULL); returns their count.
  idx_t Select(const BoundExpr& predicate, const DataChunk& input, SelectionVector* sel);
  // Evaluates a row-independent expression (LIMIT, key bounds) to one value.
  Value EvaluateConstant(const BoundExpr& expr);

 private:
  void EvaluateFunction(const BoundExpr& e, const DataChunk& input, Vector* result);
  void EvaluateCase(const BoundExpr& e, const DataChunk& input, Vector* result);
  void EvaluateCoalesce(const BoundExpr& e, const DataChunk& input, Vector* result);
  void EvaluateConjunction(const BoundExpr& e, const DataChunk& input, Vector* result);
  void EvaluateInList(const BoundExpr& e, const DataChunk& input, Vector* result);
  void EvaluateIsDistinct(const BoundExpr& e, const DataChunk& input, Vector* result);
  void EvaluateRowwise(const BoundExpr& e, const DataChunk& input, Vector* result);
  void EvaluateSubquery(const BoundExpr& e, const DataChunk& input, Vector* result);
  // x op ANY / ALL (array), in array_any_all.cc.
  void EvaluateArrayAnyAll(const BoundExpr& e, const DataChunk& input, Vector* result);
  // Runs a subquery's plan and returns its first column (all rows, or the first one when
  // only existence matters).
  std::vector<Value> RunSubquery(const BoundExpr& e, bool first_row_only);
  // Applies an equality operator's kernel to two vectors.
  void CallEquals(const ResolvedScalar& eq, const Vector& a, const Vector& b, idx_t count,
                  Vector* result);

  ExecContext& ctx_;
};

}  // namespace heliosdb
