#include "planner/cardinality.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "catalog/column_statistics.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {
// PostgreSQL's guesses where nothing is known (selfuncs.h).
constexpr double kDefaultRows = 1000;
constexpr double kDefaultDistinct = 200;
constexpr double kDefaultEquality = 0.005;
constexpr double kDefaultRange = 1.0 / 3;
constexpr double kDefaultMatch = 0.1;  // LIKE with a leading wildcard
constexpr double kDefaultOther = 0.25;

// The input column an expression is (through casts), or -1.
int ColumnOf(const BoundExpr& e) {
  if (e.kind == BoundExprKind::kColumn) return e.index;
  if (e.kind == BoundExprKind::kCast) return ColumnOf(*e.children[0]);
  return -1;
}

// Fixed for one execution: no input columns.
bool IsValue(const BoundExpr& e) {
  if (e.kind == BoundExprKind::kColumn || e.kind == BoundExprKind::kSubquery) return false;
  for (const auto& c : e.children)
    if (!IsValue(*c)) return false;
  return true;
}

double Clamp(double s) { return std::clamp(s, 0.0, 1.0); }
}  // namespace

double CardinalityEstimator::BaseRows(const TableInfo& table) const {
  if (const TableStats* s = catalog_.GetStatistics(table.id)) return std::max(s->rows, 1.0);
  return env_ ? std::max(env_->EstimateTableRows(table), 1.0) : kDefaultRows;
}

CardinalityEstimator::Origin CardinalityEstimator::OriginOf(const LogicalOp& op,
                                                            int column) const {
  switch (op.kind) {
    case LogicalOpKind::kGet:
      if (column < static_cast<int>(op.columns.size())) return {op.table, op.columns[column]};
      return {};
    case LogicalOpKind::kFilter:
    case LogicalOpKind::kSort:
    case LogicalOpKind::kLimit:
    case LogicalOpKind::kDistinct:
    case LogicalOpKind::kWindow:
      if (column < static_cast<int>(op.children[0]->types.size()))
        return OriginOf(*op.children[0], column);
      return {};
    case LogicalOpKind::kProjection:
    case LogicalOpKind::kAggregate: {
      if (column >= static_cast<int>(op.exprs.size())) return {};
      int c = ColumnOf(*op.exprs[column]);
      return c < 0 ? Origin{} : OriginOf(*op.children[0], c);
    }
    case LogicalOpKind::kJoin: {
      int left = static_cast<int>(op.children[0]->types.size());
      return column < left ? OriginOf(*op.children[0], column)
                           : OriginOf(*op.children[1], column - left);
    }
    default:
      return {};
  }
}

const ColumnStats* CardinalityEstimator::StatsOf(const Origin& origin) const {
  if (!origin.table) return nullptr;
  const TableStats* s = catalog_.GetStatistics(origin.table->id);
  return s ? s->ForSlot(origin.table->columns[origin.column].slot) : nullptr;
}

double CardinalityEstimator::Distinct(const LogicalOp& op, int column) {
  double rows = Rows(op);
  Origin origin = OriginOf(op, column);
  double distinct = kDefaultDistinct;
  if (const ColumnStats* s = StatsOf(origin)) {
    distinct = s->distinct;
  } else if (origin.table) {
    // A one-column primary key or unique index: one row per value.
    const TableInfo& t = *origin.table;
    bool unique = t.primary_key.size() == 1 && t.primary_key[0] == origin.column;
    for (const IndexInfo* index : catalog_.TableIndexes(t.id))
      unique |= index->unique && index->columns.size() == 1 && index->columns[0] == origin.column;
    if (unique) distinct = BaseRows(t);
  }
  return std::clamp(distinct, 1.0, std::max(rows, 1.0));
}

double CardinalityEstimator::Rows(const LogicalOp& op) {
  auto it = rows_.find(&op);
  if (it != rows_.end()) return it->second;
  double rows = std::max(Compute(op), 1.0);
  rows_[&op] = rows;
  return rows;
}

double CardinalityEstimator::Compute(const LogicalOp& op) {
  auto child = [&](size_t i) { return Rows(*op.children[i]); };
  switch (op.kind) {
    case LogicalOpKind::kGet: {
      double rows = BaseRows(*op.table);
      const AccessPath& a = op.access;
      if (a.type == AccessPath::Type::kFullScan) return rows;
      const std::vector<int>& key =
          a.type == AccessPath::Type::kPrimaryKey ? op.table->primary_key : a.index->columns;
      bool unique = a.type == AccessPath::Type::kPrimaryKey || a.index->unique;
      if (unique && a.eq.size() == key.size()) return 1;
      // The decided conjuncts left the filter: the key range itself narrows the rows.
      for (size_t i = 0; i < a.eq.size(); i++) {
        const ColumnStats* s = StatsOf({op.table, key[i]});
        rows /= s ? std::max(s->distinct, 1.0) : 1 / kDefaultEquality;
      }
      if (a.lower || a.upper) rows *= a.lower && a.upper ? kDefaultRange / 2 : kDefaultRange;
      return rows;
    }
    case LogicalOpKind::kFilter:
      return child(0) * Selectivity(*op.predicate, *op.children[0]);
    case LogicalOpKind::kProjection:
    case LogicalOpKind::kSort:
    case LogicalOpKind::kWindow:
    case LogicalOpKind::kInsert:
    case LogicalOpKind::kUpdate:
    case LogicalOpKind::kDelete:
      return child(0);
    case LogicalOpKind::kLimit: {
      double rows = child(0);
      if (op.limit && op.limit->kind == BoundExprKind::kConstant && !op.limit->constant.is_null())
        if (auto n = NumericPosition(op.limit->constant)) rows = std::min(rows, *n);
      return rows;
    }
    case LogicalOpKind::kAggregate: {
      if (op.exprs.empty()) return 1;
      double input = child(0);
      double groups = 1;
      for (const auto& e : op.exprs) {
        int c = ColumnOf(*e);
        groups *= c >= 0 ? Distinct(*op.children[0], c) : std::sqrt(input);
      }
      double sets = op.grouping_sets.empty() ? 1 : static_cast<double>(op.grouping_sets.size());
      return std::min(groups, input) * sets;
    }
    case LogicalOpKind::kDistinct: {
      double input = child(0);
      double groups = 1;
      size_t n = op.columns.empty() ? op.types.size() : op.columns.size();
      for (size_t i = 0; i < n; i++)
        groups *= Distinct(*op.children[0], op.columns.empty() ? static_cast<int>(i) : op.columns[i]);
      return std::min(groups, input);
    }
    case LogicalOpKind::kValues:
      return static_cast<double>(op.rows.size());
    case LogicalOpKind::kJoin:
      return JoinRows(op);
    case LogicalOpKind::kSetOp:
      switch (op.set_op) {
        case SetOpType::kUnion:
          return child(0) + child(1);
        case SetOpType::kIntersect:
          return std::min(child(0), child(1));
        case SetOpType::kExcept:
          return child(0);
      }
      break;
    default:
      break;
  }
  return kDefaultRows;
}

double CardinalityEstimator::JoinRows(const LogicalOp& op) {
  double left = Rows(*op.children[0]);
  double right = Rows(*op.children[1]);
  // A lateral right side is estimated per left row: its filter already applied the join's
  // equalities (an index join's probe), so the condition is not counted twice.
  double selectivity = op.predicate && !op.lateral
                           ? JoinSelectivity(*op.predicate, *op.children[0], *op.children[1])
                           : 1;
  double inner = left * right * selectivity;
  switch (op.join_type) {
    case JoinType::kInner:
    case JoinType::kCross:
      return inner;
    case JoinType::kLeft:
      return std::max(inner, left);
    case JoinType::kFull:
      return std::max(inner, left + right);
    case JoinType::kSemi:
      return std::min(left, inner);
    case JoinType::kAnti:
      return std::max(left - std::min(left, inner), left * kDefaultMatch);
  }
  return inner;
}

std::pair<const LogicalOp*, int> CardinalityEstimator::Input::Locate(int column) const {
  int width = static_cast<int>(left->types.size());
  if (right && column >= width) return {right, column - width};
  return {left, column};
}

double CardinalityEstimator::DistinctIn(const Input& input, int column) {
  auto [op, c] = input.Locate(column);
  return Distinct(*op, c);
}

const ColumnStats* CardinalityEstimator::StatsIn(const Input& input, int column) {
  auto [op, c] = input.Locate(column);
  return StatsOf(OriginOf(*op, c));
}

double CardinalityEstimator::Selectivity(const BoundExpr& predicate, const LogicalOp& input) {
  return SelectivityOver(predicate, Input{&input});
}

double CardinalityEstimator::JoinSelectivity(const BoundExpr& predicate, const LogicalOp& left,
                                             const LogicalOp& right) {
  return SelectivityOver(predicate, Input{&left, &right});
}

std::optional<double> CardinalityEstimator::ConstantPosition(const BoundExpr& e) const {
  if (e.kind == BoundExprKind::kConstant) return NumericPosition(e.constant);
  if (!env_ || !IsValue(e) || !e.IsConstant()) return std::nullopt;
  std::optional<Value> v = env_->EvaluateConstant(e);
  return v ? NumericPosition(*v) : std::nullopt;
}

double CardinalityEstimator::RangeFraction(const Input& input, int column,
                                           const BoundExpr& bound, bool below) {
  const ColumnStats* s = StatsIn(input, column);
  std::optional<double> v = ConstantPosition(bound);
  if (!s || !s->has_range || !v || s->max <= s->min) return kDefaultRange;
  double f = Clamp((*v - s->min) / (s->max - s->min));
  return (below ? f : 1 - f) * (1 - s->null_fraction);
}

double CardinalityEstimator::ComparisonSelectivity(const BoundExpr& e, const Input& input) {
  const BoundExpr* l = e.children[0].get();
  const BoundExpr* r = e.children[1].get();
  std::string op = e.name;
  int lc = ColumnOf(*l), rc = ColumnOf(*r);
  if (lc >= 0 && rc >= 0) {
    // column op column: an equi-join over the pair row, or a comparison within a row.
    if (op == "=") return 1 / std::max(DistinctIn(input, lc), DistinctIn(input, rc));
    return op == "<>" ? 1 - kDefaultEquality : kDefaultRange;
  }
  if (lc < 0) {
    std::swap(l, r);
    std::swap(lc, rc);
    op = FlipComparison(op);
  }
  if (lc < 0 || !IsValue(*r)) return op == "=" ? kDefaultEquality : kDefaultRange;
  const ColumnStats* s = StatsIn(input, lc);
  double nulls = s ? s->null_fraction : 0;
  double eq = (1 - nulls) / DistinctIn(input, lc);
  if (op == "=") return eq;
  if (op == "<>") return 1 - eq - nulls;
  return RangeFraction(input, lc, *r, op == "<" || op == "<=");
}

double CardinalityEstimator::SelectivityOver(const BoundExpr& e, const Input& input) {
  switch (e.kind) {
    case BoundExprKind::kConstant:
      return !e.constant.is_null() && e.type.id() == TypeId::kBoolean && e.constant.GetBool() ? 1
                                                                                               : 0;
    case BoundExprKind::kAnd: {
      // A lower and an upper bound on one column keep the range between them, not the
      // product of their fractions.
      std::map<int, std::pair<double, double>> ranges;  // column -> (fraction >= lo, < hi)
      double s = 1;
      for (const auto& c : e.children) {
        int column = -1;
        bool below = false;
        if (c->kind == BoundExprKind::kFunction && c->children.size() == 2 &&
            (c->name == "<" || c->name == "<=" || c->name == ">" || c->name == ">=")) {
          const BoundExpr* bound = c->children[1].get();
          column = ColumnOf(*c->children[0]);
          below = c->name[0] == '<';
          if (column < 0) {
            column = ColumnOf(*c->children[1]);
            bound = c->children[0].get();
            below = !below;
          }
          if (column >= 0 && IsValue(*bound)) {
            auto& r = ranges.try_emplace(column, 1.0, 1.0).first->second;
            double f = RangeFraction(input, column, *bound, below);
            (below ? r.second : r.first) = std::min(below ? r.second : r.first, f);
            continue;
          }
        }
        s *= SelectivityOver(*c, input);
      }
      for (const auto& [column, r] : ranges) {
        bool both = r.first < 1 && r.second < 1;
        s *= both ? std::max(r.first + r.second - 1, kDefaultEquality) : r.first * r.second;
      }
      return Clamp(s);
    }
    case BoundExprKind::kOr: {
      double keep = 1;
      for (const auto& c : e.children) keep *= 1 - SelectivityOver(*c, input);
      return Clamp(1 - keep);
    }
    case BoundExprKind::kNot:
      return Clamp(1 - SelectivityOver(*e.children[0], input));
    case BoundExprKind::kIsNull: {
      int c = ColumnOf(*e.children[0]);
      const ColumnStats* s = c >= 0 ? StatsIn(input, c) : nullptr;
      double nulls = s ? s->null_fraction : kDefaultEquality;
      return e.negated ? 1 - nulls : nulls;
    }
    case BoundExprKind::kInList: {
      int c = ColumnOf(*e.children[0]);
      double one = c >= 0 ? 1 / DistinctIn(input, c) : kDefaultEquality;
      double in = Clamp(one * static_cast<double>(e.children.size() - 1));
      return e.negated ? 1 - in : in;
    }
    case BoundExprKind::kFunction:
      if (IsComparison(e))
        return Clamp(ComparisonSelectivity(e, input));
      if (e.name == "~~" || e.name == "~~*") {
        const BoundExpr& pattern = *e.children[1];
        bool prefix = pattern.kind == BoundExprKind::kConstant && !pattern.constant.is_null() &&
                      pattern.type.physical() == PhysicalType::kString &&
                      !pattern.constant.GetString().empty() &&
                      pattern.constant.GetString()[0] != '%' && pattern.constant.GetString()[0] != '_';
        return prefix ? kDefaultMatch / 2 : kDefaultMatch;
      }
      if (e.name == "!~~" || e.name == "!~~*") return 1 - kDefaultMatch;
      return kDefaultOther;
    default:
      return kDefaultOther;
  }
}

}  // namespace heliosdb
