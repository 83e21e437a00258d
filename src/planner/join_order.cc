// Join ordering. A tree of inner and cross joins is flattened into its inputs (relations) and
// the conjuncts of its conditions. Up to kDpLimit relations, dynamic programming over subsets
// finds the tree with the smallest sum of intermediate result sizes (C_out, plus the rows
// each hash join builds), joining only connected subsets while any connected split exists;
// beyond that, a greedy order joins the pair with the smallest result first (GOO, Fegaras
// 1998). The new tree has each conjunct at the lowest join that has all its columns, the
// smaller input of every join on the build (right) side, and a projection on top restoring
// the original column order.
#include <algorithm>
#include <cmath>
#include <limits>
#include <bit>
#include <functional>
#include <unordered_map>
#include <set>

#include "planner/cardinality.h"
#include "planner/optimizer.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {
constexpr size_t kDpLimit = 10;
using Set = uint64_t;

bool IsReorderable(const LogicalOp& op) {
  return op.kind == LogicalOpKind::kJoin && !op.lateral &&
         (op.join_type == JoinType::kInner || op.join_type == JoinType::kCross);
}

struct Region {
  std::vector<LogicalOpPtr> relations;
  std::vector<int> offsets;  // each relation's first column in the region's output
  std::vector<size_t> widths;
  std::vector<BoundExprPtr> conjuncts;  // over the region's output columns
  std::vector<Set> reads;               // the relations each conjunct reads
  std::vector<double> selectivity;
};

// False when a condition in the region cannot be split by columns (a subquery or volatile
// function): such a region keeps its written order.
bool CanFlatten(const LogicalOp& op, size_t* relations) {
  if (!IsReorderable(op)) return ++*relations <= 64;  // a relation set is a 64-bit mask
  if (op.predicate) {
    std::set<int> columns;
    if (!CollectColumns(*op.predicate, &columns)) return false;
  }
  return CanFlatten(*op.children[0], relations) && CanFlatten(*op.children[1], relations);
}

void Flatten(LogicalOpPtr op, int offset, Region* region) {
  if (!IsReorderable(*op)) {
    region->widths.push_back(op->types.size());
    region->relations.push_back(std::move(op));
    region->offsets.push_back(offset);
    return;
  }
  if (op->predicate) {
    std::vector<BoundExprPtr> parts;
    SplitConjuncts(std::move(op->predicate), &parts);
    for (auto& p : parts) {
      ShiftColumns(*p, offset);
      region->conjuncts.push_back(std::move(p));
    }
  }
  int left_width = static_cast<int>(op->children[0]->types.size());
  Flatten(std::move(op->children[0]), offset, region);
  Flatten(std::move(op->children[1]), offset + left_width, region);
}

int RelationOf(const Region& r, int column) {
  auto it = std::upper_bound(r.offsets.begin(), r.offsets.end(), column);
  return static_cast<int>(it - r.offsets.begin()) - 1;
}

// Rewrites a region-column expression onto new column positions.
BoundExprPtr Remap(const BoundExpr& e, const std::vector<int>& position) {
  BoundExprPtr out = e.Copy();
  std::function<void(BoundExpr&)> visit = [&](BoundExpr& x) {
    if (x.kind == BoundExprKind::kColumn) x.index = position[x.index];
    for (auto& c : x.children) visit(*c);
  };
  visit(*out);
  return out;
}

class Orderer {
 public:
  Orderer(Region& region, CardinalityEstimator& estimator)
      : r_(region), estimator_(estimator), n_(region.relations.size()) {
    for (size_t w : region.widths) width_ += w;
  }

  LogicalOpPtr Run() {
    Analyze();
    Set all = n_ == 64 ? ~Set{0} : (Set{1} << n_) - 1;
    if (n_ <= kDpLimit) {
      Dp(all);
    } else {
      Greedy();
    }
    std::vector<int> order;
    LogicalOpPtr tree = Build(all, &order);
    // Restore the region's column order for the operators above.
    std::vector<int> position(width_);
    int at = 0;
    bool identity = true;
    for (int rel : order) {
      for (size_t c = 0; c < r_.widths[rel]; c++, at++) {
        position[r_.offsets[rel] + c] = at;
        identity &= r_.offsets[rel] + static_cast<int>(c) == at;
      }
    }
    if (identity) return tree;
    auto project = std::make_unique<LogicalOp>();
    project->kind = LogicalOpKind::kProjection;
    for (size_t g = 0; g < position.size(); g++) {
      project->exprs.push_back(
          MakeColumnRef(position[g], tree->types[position[g]], tree->names[position[g]]));
      project->types.push_back(tree->types[position[g]]);
      project->names.push_back(tree->names[position[g]]);
    }
    project->children.push_back(std::move(tree));
    return project;
  }

 private:
  struct Plan {
    double rows = 0;
    double cost = std::numeric_limits<double>::infinity();
    Set left = 0, right = 0;
  };

  // Which relations each conjunct reads, and its selectivity over its relations' rows.
  void Analyze() {
    for (const auto& c : r_.conjuncts) {
      std::set<int> columns;
      CollectColumns(*c, &columns);
      Set reads = 0;
      for (int col : columns) reads |= Set{1} << RelationOf(r_, col);
      r_.reads.push_back(reads);
      r_.selectivity.push_back(ConjunctSelectivity(*c, reads));
    }
  }

  double ConjunctSelectivity(const BoundExpr& c, Set reads) {
    std::vector<int> rels;
    for (size_t i = 0; i < n_; i++)
      if (reads & (Set{1} << i)) rels.push_back(static_cast<int>(i));
    if (rels.empty() || rels.size() > 2) return 0.25;
    // Over one relation's columns, or over the pair row of two.
    std::vector<int> position(width_, 0);
    int at = 0;
    for (int rel : rels)
      for (size_t k = 0; k < r_.widths[rel]; k++)
        position[r_.offsets[rel] + k] = at++;
    BoundExprPtr local = Remap(c, position);
    if (rels.size() == 1) return estimator_.Selectivity(*local, *r_.relations[rels[0]]);
    return estimator_.JoinSelectivity(*local, *r_.relations[rels[0]], *r_.relations[rels[1]]);
  }

  double Rows(Set s) {
    auto it = rows_.find(s);
    if (it != rows_.end()) return it->second;
    double rows = 1;
    for (size_t i = 0; i < n_; i++)
      if (s & (Set{1} << i)) rows *= estimator_.Rows(*r_.relations[i]);
    for (size_t c = 0; c < r_.conjuncts.size(); c++)
      if ((r_.reads[c] & s) == r_.reads[c]) rows *= r_.selectivity[c];
    rows = std::max(rows, 1.0);
    rows_[s] = rows;
    return rows;
  }

  bool Connected(Set a, Set b) const {
    for (Set reads : r_.reads)
      if ((reads & a) && (reads & b) && (reads & ~(a | b)) == 0) return true;
    return false;
  }

  bool Planned(Set s) const { return std::has_single_bit(s) || plans_.count(s); }

  void Consider(Set s, Set a, Set b) {
    Plan& p = plans_[s];
    auto cost_of = [&](Set x) { return std::has_single_bit(x) ? 0.0 : plans_[x].cost; };
    double cost = cost_of(a) + cost_of(b) + Rows(s) + std::min(Rows(a), Rows(b));
    if (cost < p.cost) {
      p.cost = cost;
      p.rows = Rows(s);
      p.left = a;
      p.right = b;
    }
  }

  void Dp(Set all) {
    for (Set s = 1; s <= all; s++) {
      if (std::has_single_bit(s)) continue;
      // Cross products only for a subset no condition connects.
      for (int pass = 0; pass < 2 && !plans_.count(s); pass++) {
        for (Set a = (s - 1) & s; a > 0; a = (a - 1) & s) {
          Set b = s ^ a;
          // Each split once: Build puts the smaller side on the right anyway.
          if (a < b || !Planned(a) || !Planned(b)) continue;
          if (pass == 0 && !Connected(a, b)) continue;
          Consider(s, a, b);
        }
      }
    }
  }

  void Greedy() {
    std::vector<Set> parts;
    for (size_t i = 0; i < n_; i++) {
      parts.push_back(Set{1} << i);
    }
    while (parts.size() > 1) {
      size_t best_i = 0, best_j = 1;
      double best = std::numeric_limits<double>::infinity();
      bool best_connected = false;
      for (size_t i = 0; i < parts.size(); i++) {
        for (size_t j = i + 1; j < parts.size(); j++) {
          bool connected = Connected(parts[i], parts[j]);
          double rows = Rows(parts[i] | parts[j]);
          if ((connected && !best_connected) || (connected == best_connected && rows < best)) {
            best = rows;
            best_connected = connected;
            best_i = i;
            best_j = j;
          }
        }
      }
      Set s = parts[best_i] | parts[best_j];
      Consider(s, parts[best_i], parts[best_j]);
      parts.erase(parts.begin() + static_cast<long>(best_j));
      parts[best_i] = s;
    }
  }

  // The operator tree of plan s; `order` receives its relations in output column order.
  LogicalOpPtr Build(Set s, std::vector<int>* order) {
    if (std::has_single_bit(s)) {
      int rel = std::countr_zero(s);
      order->push_back(rel);
      return std::move(r_.relations[rel]);
    }
    const Plan& p = plans_[s];
    // The hash join builds its right input: the smaller one.
    Set left = p.left, right = p.right;
    if (Rows(left) < Rows(right)) std::swap(left, right);
    std::vector<int> left_order, right_order;
    LogicalOpPtr l = Build(left, &left_order);
    LogicalOpPtr r = Build(right, &right_order);
    order->insert(order->end(), left_order.begin(), left_order.end());
    order->insert(order->end(), right_order.begin(), right_order.end());
    std::vector<int> position(width_, -1);
    int at = 0;
    for (int rel : *order)
      for (size_t k = 0; k < r_.widths[rel]; k++) position[r_.offsets[rel] + k] = at++;
    std::vector<BoundExprPtr> condition;
    Set all = n_ == 64 ? ~Set{0} : (Set{1} << n_) - 1;
    for (size_t c = 0; c < r_.conjuncts.size(); c++) {
      Set reads = r_.reads[c];
      bool here = (reads & s) == reads && !((reads & left) == reads) && !((reads & right) == reads);
      // Conjuncts that read no column go to the topmost join.
      if (reads == 0) here = s == all;
      if (here) condition.push_back(Remap(*r_.conjuncts[c], position));
    }
    JoinType type = condition.empty() ? JoinType::kCross : JoinType::kInner;
    return MakeJoinOp(std::move(l), std::move(r), type, Conjunction(std::move(condition)));
  }

  Region& r_;
  CardinalityEstimator& estimator_;
  size_t n_;
  size_t width_ = 0;
  std::unordered_map<Set, Plan> plans_;
  std::unordered_map<Set, double> rows_;
};
}  // namespace

void ReorderJoins(LogicalOpPtr& op, CardinalityEstimator& estimator) {
  ForEachSubqueryPlan(*op, [&](LogicalOpPtr& plan) { ReorderJoins(plan, estimator); });
  size_t relations = 0;
  if (!IsReorderable(*op) || !CanFlatten(*op, &relations)) {
    for (auto& c : op->children) ReorderJoins(c, estimator);
    return;
  }
  Region region;
  Flatten(std::move(op), 0, &region);
  for (auto& rel : region.relations) ReorderJoins(rel, estimator);
  op = Orderer(region, estimator).Run();
}

}  // namespace heliosdb
