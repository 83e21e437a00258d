// Merge joins. A join whose inputs both arrive ordered on columns its condition equates
// (plan_order.h: TPC-H's lineitem and orders scanned in primary-key order, joined on
// l_orderkey = o_orderkey) runs as a merge join: both inputs stream and no hash table is
// built. The merge uses the longest prefix of the two orders that the equalities pair up;
// the other conditions are checked on the pairs. The choice is made last, once access paths
// and column pruning have settled what each input produces (an index scan chosen for a
// filter changes an input's order). A Sort above a join whose output is already in its
// order (ORDER BY the merge key) is dropped.
#include <algorithm>

#include "planner/cardinality.h"
#include "planner/optimizer.h"
#include "planner/parallelism.h"
#include "planner/plan_order.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {
// `left column = right column` whose sides keep their columns' order: an equality a merge
// can use, as (left, right) input columns.
bool MergeableEquality(const BoundExpr& c, int left_width, int* left, int* right) {
  int a, b;
  if (!OrderEquality(c, &a, &b)) return false;
  if (a > b) std::swap(a, b);
  if (a >= left_width || b < left_width) return false;
  *left = a;
  *right = b - left_width;
  return true;
}

void TryMergeJoin(LogicalOp& join, CardinalityEstimator& estimator, int threads) {
  if (join.kind != LogicalOpKind::kJoin || join.lateral || !join.predicate ||
      join.join_type == JoinType::kCross || join.null_aware)
    return;
  if (threads > 1 && (estimator.Rows(*join.children[0]) >= kParallelMinRows ||
                      estimator.Rows(*join.children[1]) >= kParallelMinRows))
    return;
  int left_width = static_cast<int>(join.children[0]->types.size());
  PlanOrder left_order = OrderOf(*join.children[0]);
  PlanOrder right_order = OrderOf(*join.children[1]);
  std::vector<const BoundExpr*> conjuncts = ConjunctsOf(*join.predicate);
  // The equalities that pair up the two orders' leading positions, in order.
  std::vector<const BoundExpr*> merge;
  for (size_t i = 0; i < left_order.size() && i < right_order.size(); i++) {
    auto it = std::find_if(conjuncts.begin(), conjuncts.end(), [&](const BoundExpr* c) {
      int l, r;
      return MergeableEquality(*c, left_width, &l, &r) && OrderedOn(left_order[i], l) &&
             OrderedOn(right_order[i], r) &&
             std::find(merge.begin(), merge.end(), c) == merge.end();
    });
    if (it == conjuncts.end()) break;
    merge.push_back(*it);
  }
  if (merge.empty()) return;
  // They go first in the condition, where SplitJoinKeys finds them as the first keys.
  std::vector<BoundExprPtr> reordered;
  for (const BoundExpr* c : merge) reordered.push_back(c->Copy());
  for (const BoundExpr* c : conjuncts)
    if (std::find(merge.begin(), merge.end(), c) == merge.end()) reordered.push_back(c->Copy());
  join.predicate = Conjunction(std::move(reordered));
  join.merge_keys = static_cast<int>(merge.size());
}

// True when a join's output reaches op through operators that keep its order.
bool OverJoin(const LogicalOp& op) {
  if (op.kind == LogicalOpKind::kJoin) return true;
  bool passes = op.kind == LogicalOpKind::kFilter || op.kind == LogicalOpKind::kProjection ||
                op.kind == LogicalOpKind::kLimit;
  return passes && OverJoin(*op.children[0]);
}

// Puts a Sort on `columns` (ascending) over op, unless op already arrives in that order.
// Returns the rows to sort.
double SortInput(LogicalOpPtr& op, const std::vector<int>& columns,
                 CardinalityEstimator& estimator) {
  PlanOrder order = OrderOf(*op);
  bool ordered = order.size() >= columns.size();
  for (size_t i = 0; ordered && i < columns.size(); i++) ordered = OrderedOn(order[i], columns[i]);
  if (ordered) return 0;
  double rows = estimator.Rows(*op);
  auto sort = std::make_unique<LogicalOp>();
  sort->kind = LogicalOpKind::kSort;
  sort->types = op->types;
  sort->names = op->names;
  for (int c : columns)
    sort->sort_keys.push_back({MakeColumnRef(c, op->types[c], op->names[c]), false, false});
  sort->children.push_back(std::move(op));
  op = std::move(sort);
  return rows;
}

// ORDER BY the key of an inner, semi or anti hash join whose output is at least half as many
// rows as its inputs: sorting the inputs and merging them leaves the output in order, and
// costs less than building the hash table and sorting the output (bench/merge_join: sorting
// is about as dear per row as hashing and probing). The Sort above is dropped afterwards.
void SortInputsForMerge(LogicalOp& sort, CardinalityEstimator& estimator, int threads) {
  // A Top-N sort keeps a few rows of the output: cheaper than sorting the inputs.
  if (sort.kind != LogicalOpKind::kSort || sort.top_n >= 0) return;
  PlanOrder wanted = OrderOf(sort);
  if (wanted.empty() || wanted.size() < sort.sort_keys.size()) return;
  // Down to the join, mapping the wanted columns to its output columns.
  LogicalOp* op = sort.children[0].get();
  std::vector<int> columns;
  for (const OrderPosition& p : wanted) columns.push_back(p[0]);
  for (; op->kind == LogicalOpKind::kProjection || op->kind == LogicalOpKind::kFilter;
       op = op->children[0].get()) {
    if (op->kind != LogicalOpKind::kProjection) continue;
    for (int& c : columns)
      if ((c = OrderPreservedColumn(*op->exprs[c])) < 0) return;
  }
  LogicalOp& join = *op;
  if (join.kind != LogicalOpKind::kJoin || join.lateral || !join.predicate || join.merge_keys > 0 ||
      join.null_aware ||
      (join.join_type != JoinType::kInner && join.join_type != JoinType::kSemi &&
       join.join_type != JoinType::kAnti))
    return;
  // Each wanted column must be one side of an equality key.
  int left_width = static_cast<int>(join.children[0]->types.size());
  std::vector<int> left_keys, right_keys;
  for (int c : columns) {
    bool found = false;
    for (const BoundExpr* conjunct : ConjunctsOf(*join.predicate)) {
      int l, r;
      if (!MergeableEquality(*conjunct, left_width, &l, &r) ||
          (c != l && (c != r + left_width || join.join_type != JoinType::kInner)))
        continue;
      left_keys.push_back(l);
      right_keys.push_back(r);
      found = true;
      break;
    }
    if (!found) return;
  }
  double out = estimator.Rows(join);
  double left_rows = estimator.Rows(*join.children[0]);
  double right_rows = estimator.Rows(*join.children[1]);
  if (out * 2 < left_rows + right_rows) return;
  SortInput(join.children[0], left_keys, estimator);
  SortInput(join.children[1], right_keys, estimator);
  TryMergeJoin(join, estimator, threads);
}

// A Sort over a join whose rows already arrive in the sort's order (ORDER BY the merge key)
// has nothing to do: a stable sort of ordered rows keeps them as they are.
void DropOrderedSort(LogicalOpPtr& op) {
  if (op->kind != LogicalOpKind::kSort || !OverJoin(*op->children[0])) return;
  PlanOrder wanted = OrderOf(*op);  // the sort keys in the scans' terms, one column each
  if (wanted.size() < op->sort_keys.size()) return;
  PlanOrder order = OrderOf(*op->children[0]);
  if (order.size() < wanted.size()) return;
  for (size_t i = 0; i < wanted.size(); i++)
    if (!OrderedOn(order[i], wanted[i][0])) return;
  op->children[0]->keep_order = true;  // parallel pipelines would lose the order
  op = std::move(op->children[0]);
}
}  // namespace

void ChooseMergeJoins(LogicalOpPtr& op, CardinalityEstimator& estimator, int threads) {
  // Subquery plans run on one thread.
  ForEachSubqueryPlan(*op, [&](LogicalOpPtr& plan) { ChooseMergeJoins(plan, estimator, 1); });
  // Inputs first: a merge join's output order may make its parent a merge join too.
  for (auto& c : op->children) ChooseMergeJoins(c, estimator, threads);
  TryMergeJoin(*op, estimator, threads);
  SortInputsForMerge(*op, estimator, threads);
  DropOrderedSort(op);
}

}  // namespace heliosdb
