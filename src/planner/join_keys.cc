#include "planner/join_keys.h"

#include <climits>

#include "planner/plan_util.h"

namespace heliosdb {

namespace {
// The range of input columns an expression reads; false if it cannot be split off.
bool ColumnRange(const BoundExpr& e, int* low, int* high) {
  if (e.kind == BoundExprKind::kSubquery || e.IsVolatile()) return false;
  if (e.kind == BoundExprKind::kColumn) {
    *low = std::min(*low, e.index);
    *high = std::max(*high, e.index);
  }
  for (const auto& c : e.children)
    if (!ColumnRange(*c, low, high)) return false;
  return true;
}
}  // namespace

bool SplitJoinKeys(const LogicalOp& op, JoinKeys* keys, size_t max_keys) {
  if (!op.predicate || op.join_type == JoinType::kCross) return false;
  int left_width = static_cast<int>(op.children[0]->types.size());
  std::vector<BoundExprPtr> residual;
  for (const BoundExpr* c : ConjunctsOf(*op.predicate)) {
    bool equi = false;
    if (keys->left.size() < max_keys && c->kind == BoundExprKind::kFunction && c->name == "=" &&
        c->children.size() == 2 &&
        c->children[0]->type.physical() == c->children[1]->type.physical()) {
      int lo[2] = {INT_MAX, INT_MAX}, hi[2] = {-1, -1};
      bool ok = ColumnRange(*c->children[0], &lo[0], &hi[0]) &&
                ColumnRange(*c->children[1], &lo[1], &hi[1]) && hi[0] >= 0 && hi[1] >= 0;
      for (int side = 0; ok && side < 2 && !equi; side++) {
        int other = 1 - side;
        if (hi[side] < left_width && lo[other] >= left_width) {
          keys->left.push_back(c->children[side]->Copy());
          auto right = c->children[other]->Copy();
          ShiftColumns(*right, -left_width);
          keys->right.push_back(std::move(right));
          equi = true;
        }
      }
    }
    if (!equi) residual.push_back(c->Copy());
  }
  if (keys->left.empty()) return false;
  keys->residual = Conjunction(std::move(residual));
  return true;
}

}  // namespace heliosdb
