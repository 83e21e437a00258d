// Cardinality estimates: how many rows each operator of a logical plan produces. Base tables
// take ANALYZE's row counts (or storage's size estimate before the first ANALYZE);
// predicates take System R's selectivity rules with the column statistics: 1/distinct for
// equality, the fraction of [min, max] for ranges, the NULL fraction for IS NULL, and
// PostgreSQL's default guesses where statistics say nothing.
#pragma once

#include <unordered_map>

#include "catalog/catalog.h"
#include "planner/logical_plan.h"
#include "planner/planner_environment.h"

namespace heliosdb {

class CardinalityEstimator {
 public:
  CardinalityEstimator(const Catalog& catalog, const PlannerEnvironment* env)
      : catalog_(catalog), env_(env) {}

  double Rows(const LogicalOp& op);
  // The fraction of op's input rows that satisfy `predicate` (an expression over the rows
  // `input` produces).
  double Selectivity(const BoundExpr& predicate, const LogicalOp& input);
  // The same for a join condition, which reads left ++ right.
  double JoinSelectivity(const BoundExpr& predicate, const LogicalOp& left,
                         const LogicalOp& right);
  // Distinct values of output column `column` of op.
  double Distinct(const LogicalOp& op, int column);

 private:
  // The rows a predicate reads: one operator's output, or a join's pair row.
  struct Input {
    const LogicalOp* left;
    const LogicalOp* right = nullptr;
    // The operator and column that output column `column` of the input comes from.
    std::pair<const LogicalOp*, int> Locate(int column) const;
  };
  // The table column an output column passes through from, if any.
  struct Origin {
    const TableInfo* table = nullptr;
    int column = -1;
  };
  Origin OriginOf(const LogicalOp& op, int column) const;
  const ColumnStats* StatsOf(const Origin& origin) const;
  double BaseRows(const TableInfo& table) const;
  double Compute(const LogicalOp& op);
  double JoinRows(const LogicalOp& op);
  double SelectivityOver(const BoundExpr& e, const Input& input);
  double ComparisonSelectivity(const BoundExpr& e, const Input& input);
  double DistinctIn(const Input& input, int column);
  const ColumnStats* StatsIn(const Input& input, int column);
  // The fraction of the column's range a bound keeps: value < bound (below) or >= bound.
  double RangeFraction(const Input& input, int column, const BoundExpr& bound, bool below);
  std::optional<double> ConstantPosition(const BoundExpr& e) const;

  const Catalog& catalog_;
  const PlannerEnvironment* env_;
  std::unordered_map<const LogicalOp*, double> rows_;
};

}  // namespace heliosdb
