// Merge joins. A join whose inputs both arrive ordered on columns its condition equates
// (plan_order.h: TPC-H's lineitem and orders scanned in primary-key order, joined on
// l_orderkey = o_orderkey) runs as a merge join: both inputs stream and no hash table is
// built. The merge uses the longest prefix of the two orders that the equalities pair up;
// the other conditions are checked on the pairs. The choice is made last, once access paths
// and column pruning have settled what each input produces (an index scan chosen for a
// filter changes an input's order).
#include <algorithm>

#include "planner/optimizer.h"
#include "planner/plan_order.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {
// `left column = right column`, each side passing its column's order through, with the two
// sides of one physical type: the equalities a merge can use, as (left, right) columns of
// the joined row.
bool MergeableEquality(const BoundExpr& c, int left_width, int* left, int* right) {
  if (c.kind != BoundExprKind::kFunction || c.name != "=" || c.children.size() != 2 ||
      c.children[0]->type.physical() != c.children[1]->type.physical())
    return false;
  int a = OrderPreservedColumn(*c.children[0]);
  int b = OrderPreservedColumn(*c.children[1]);
  if (a < 0 || b < 0) return false;
  if (a > b) std::swap(a, b);
  if (a >= left_width || b < left_width) return false;
  *left = a;
  *right = b - left_width;
  return true;
}

void TryMergeJoin(LogicalOp& join) {
  if (join.kind != LogicalOpKind::kJoin || join.lateral || !join.predicate ||
      join.join_type == JoinType::kCross || join.null_aware)
    return;
  int left_width = static_cast<int>(join.children[0]->types.size());
  std::vector<int> left_order = OrderedColumns(*join.children[0]);
  std::vector<int> right_order = OrderedColumns(*join.children[1]);
  std::vector<const BoundExpr*> conjuncts = ConjunctsOf(*join.predicate);
  // The equalities that pair up the two orders' leading columns, in order.
  std::vector<const BoundExpr*> merge;
  for (size_t i = 0; i < left_order.size() && i < right_order.size(); i++) {
    auto it = std::find_if(conjuncts.begin(), conjuncts.end(), [&](const BoundExpr* c) {
      int l, r;
      return MergeableEquality(*c, left_width, &l, &r) && l == left_order[i] &&
             r == right_order[i] && std::find(merge.begin(), merge.end(), c) == merge.end();
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
}  // namespace

void ChooseMergeJoins(LogicalOpPtr& op) {
  ForEachSubqueryPlan(*op, [](LogicalOpPtr& plan) { ChooseMergeJoins(plan); });
  // Inputs first: a merge join's output order may make its parent a merge join too.
  for (auto& c : op->children) ChooseMergeJoins(c);
  TryMergeJoin(*op);
}

}  // namespace heliosdb
