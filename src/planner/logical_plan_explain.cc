// EXPLAIN rendering of the logical plan, in PostgreSQL's indented "->" style.
#include <cstdio>
#include <functional>

#include "planner/join_keys.h"
#include "planner/logical_plan.h"
#include "planner/parallelism.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {
std::string ListExprs(const std::vector<BoundExprPtr>& exprs,
                      const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < exprs.size(); i++) {
    if (i) out += ", ";
    out += exprs[i]->ToString(names);
  }
  return out;
}

std::string KeyColumns(const LogicalOp& op, const std::vector<int>& key) {
  std::string out;
  const auto& a = op.access;
  size_t i = 0;
  auto column = [&](size_t k) { return op.table->columns[key[k]].name; };
  for (; i < a.eq.size(); i++) {
    if (i) out += " AND ";
    out += column(i) + " = " + a.eq[i]->ToString({});
  }
  if (a.lower) {
    out += std::string(out.empty() ? "" : " AND ") + column(i) +
           (a.lower_inclusive ? " >= " : " > ") + a.lower->ToString({});
  }
  if (a.upper) {
    out += std::string(out.empty() ? "" : " AND ") + column(i) +
           (a.upper_inclusive ? " <= " : " < ") + a.upper->ToString({});
  }
  return out;
}

std::string Describe(const LogicalOp& op, std::vector<std::string>* details) {
  const std::vector<std::string>& in =
      op.children.empty() ? op.names : op.children[0]->names;
  switch (op.kind) {
    case LogicalOpKind::kGet:
      switch (op.access.type) {
        case AccessPath::Type::kFullScan:
          return "Seq Scan on " + op.table->name;
        case AccessPath::Type::kPrimaryKey: {
          bool point = op.access.eq.size() == op.table->primary_key.size();
          details->push_back("Index Cond: (" + KeyColumns(op, op.table->primary_key) + ")");
          return std::string(point ? "Primary Key Lookup on " : "Primary Key Range Scan on ") +
                 op.table->name;
        }
        case AccessPath::Type::kIndex:
          details->push_back("Index Cond: (" + KeyColumns(op, op.access.index->columns) + ")");
          return "Index Scan using " + op.access.index->name + " on " + op.table->name;
      }
      break;
    case LogicalOpKind::kFilter:
      details->push_back("Filter: " + op.predicate->ToString(in));
      return "Filter";
    case LogicalOpKind::kProjection:
      details->push_back("Output: " + ListExprs(op.exprs, in));
      return "Projection";
    case LogicalOpKind::kAggregate: {
      if (!op.exprs.empty()) details->push_back("Group Key: " + ListExprs(op.exprs, in));
      return op.exprs.empty() ? "Aggregate" : "HashAggregate";
    }
    case LogicalOpKind::kSort: {
      std::string keys;
      for (size_t i = 0; i < op.sort_keys.size(); i++) {
        if (i) keys += ", ";
        keys += op.sort_keys[i].expr->ToString(in);
        if (op.sort_keys[i].descending) keys += " DESC";
      }
      details->push_back("Sort Key: " + keys);
      return op.top_n >= 0 ? "Top-N Sort (" + std::to_string(op.top_n) + " rows)" : "Sort";
    }
    case LogicalOpKind::kLimit:
      return "Limit";
    case LogicalOpKind::kDistinct:
      return "HashDistinct";
    case LogicalOpKind::kValues:
      return op.rows.size() == 1 && op.types.empty() ? "Result"
                                                      : "Values Scan (" +
                                                            std::to_string(op.rows.size()) +
                                                            " rows)";
    case LogicalOpKind::kJoin: {
      const char* side = op.join_type == JoinType::kLeft   ? " Left"
                         : op.join_type == JoinType::kFull ? " Full"
                         : op.join_type == JoinType::kSemi ? " Semi"
                         : op.join_type == JoinType::kAnti ? " Anti"
                                                           : "";
      if (op.lateral) {
        if (op.predicate) details->push_back("Join Filter: " + op.predicate->ToString(op.names));
        return std::string("Lateral") + side + " Join";
      }
      // The condition reads left ++ right, which semi and anti joins do not output.
      std::vector<std::string> pair_names = op.children[0]->names;
      for (const auto& n : op.children[1]->names) pair_names.push_back(n);
      JoinKeys keys;
      bool merge = op.merge_keys > 0;
      if (SplitJoinKeys(op, &keys, merge ? op.merge_keys : SIZE_MAX)) {
        const std::vector<std::string>& right_names = op.children[1]->names;
        std::string cond;
        for (size_t i = 0; i < keys.left.size(); i++)
          cond += (i ? " AND " : "") + keys.left[i]->ToString(op.children[0]->names) + " = " +
                  keys.right[i]->ToString(right_names);
        details->push_back((merge ? "Merge Cond: (" : "Hash Cond: (") + cond + ")");
        if (keys.residual) details->push_back("Join Filter: " + keys.residual->ToString(pair_names));
        return std::string(merge ? "Merge" : "Hash") + side + " Join";
      }
      if (op.predicate) details->push_back("Join Filter: " + op.predicate->ToString(pair_names));
      return std::string("Nested Loop") + side + (*side ? " Join" : "");
    }
    case LogicalOpKind::kSetOp: {
      static const char* kNames[] = {"Union", "Intersect", "Except"};
      return std::string(op.set_all ? "Append " : "HashSetOp ") +
             kNames[static_cast<int>(op.set_op)] + (op.set_all ? " All" : "");
    }
    case LogicalOpKind::kTableFunction:
      return "Function Scan on " + op.function;
    case LogicalOpKind::kProjectSet:
      return "ProjectSet";
    case LogicalOpKind::kRecursiveCte:
      return std::string("Recursive Union") + (op.set_all ? " All" : "");
    case LogicalOpKind::kWorkingTable:
      return "WorkTable Scan";
    case LogicalOpKind::kWindow:
      return "WindowAgg";
    case LogicalOpKind::kInsert:
      return "Insert on " + op.table->name;
    case LogicalOpKind::kUpdate:
      return "Update on " + op.table->name;
    case LogicalOpKind::kDelete:
      return "Delete on " + op.table->name;
  }
  return "?";
}
}  // namespace

namespace {
std::string Indent(int depth) { return std::string(depth == 0 ? 0 : depth * 6 - 4, ' '); }

// A split pipeline under a Gather line, as PostgreSQL draws one.
void ExplainGathered(const LogicalOp& top, std::vector<std::string>* lines,
                     const ExplainOptions& options, int depth) {
  std::string title =
      "Gather (workers=" + std::to_string(PipelineWorkers(top, options.threads)) + ")";
  lines->push_back(depth == 0 ? title : Indent(depth) + "->  " + title);
  top.Explain(lines, options, depth + 1);
}
}  // namespace

void LogicalOp::Explain(std::vector<std::string>* lines, const ExplainOptions& options,
                        int depth) const {
  std::vector<std::string> details;
  std::string title = Describe(*this, &details);
  // Split pipelines: the aggregate merging clones' tables, and each pipeline's driving scan.
  if (parallel && PipelineWorkers(*this, options.threads) > 1)
    options.parallel_scans.insert(&DrivingScan(*this));
  if (MergesClones(*this, options.threads) ||
      (kind == LogicalOpKind::kGet && options.parallel_scans.count(this)))
    title = "Parallel " + title;
  if (options.costs && estimated_rows >= 0)
    title += "  (rows=" + std::to_string(static_cast<int64_t>(estimated_rows + 0.5)) + ")";
  if (options.profile) {
    auto it = options.profile->find(this);
    if (it == options.profile->end() || it->second.loops == 0) {
      title += " (never executed)";
    } else {
      const OperatorProfile& p = it->second;
      char buf[96];
      std::snprintf(buf, sizeof(buf), " (actual time=%.3f ms rows=%lld loops=%lld)",
                    static_cast<double>(p.ns.load()) / 1e6, static_cast<long long>(p.rows),
                    static_cast<long long>(p.loops));
      title += buf;
    }
  }
  lines->push_back(depth == 0 ? title : Indent(depth) + "->  " + title);
  std::string detail_indent(depth == 0 ? 2 : depth * 6 + 2, ' ');
  for (const auto& d : details) lines->push_back(detail_indent + d);
  // Subqueries still evaluated as expressions (not unnested into joins).
  std::vector<const LogicalOp*> subplans;
  std::function<void(const BoundExpr&)> collect = [&](const BoundExpr& e) {
    if (e.subquery) subplans.push_back(e.subquery.get());
    for (const auto& c : e.children) collect(*c);
  };
  ForEachExpr(*this, collect);
  for (size_t i = 0; i < subplans.size(); i++) {
    lines->push_back(detail_indent + "SubPlan " + std::to_string(i + 1));
    subplans[i]->Explain(lines, options, depth + 1);
  }
  for (const auto& c : children) {
    if (PipelineWorkers(*c, options.threads) > 1 && !MergesClones(*this, options.threads)) {
      ExplainGathered(*c, lines, options, depth + 1);
    } else {
      c->Explain(lines, options, depth + 1);
    }
  }
}

void ExplainPlan(const LogicalOp& root, std::vector<std::string>* lines,
                 const ExplainOptions& options) {
  if (PipelineWorkers(root, options.threads) > 1) {
    ExplainGathered(root, lines, options, 0);
  } else {
    root.Explain(lines, options);
  }
}

}  // namespace heliosdb
