#include "planner/parallelism.h"

#include <functional>

#include "planner/join_keys.h"
#include "planner/plan_util.h"

namespace heliosdb {

namespace {
bool PlanThreadSafe(const LogicalOp& op);

// Expressions a clone may evaluate on its own thread: nothing that writes (nextval) or reads
// the session (currval, current_setting), nothing volatile (random() would repeat per clone).
bool SubqueriesThreadSafe(const BoundExpr& e) {
  if (e.subquery && !PlanThreadSafe(*e.subquery)) return false;
  for (const auto& c : e.children)
    if (!SubqueriesThreadSafe(*c)) return false;
  return true;
}

bool ThreadSafe(const BoundExpr& e) { return !e.IsVolatile() && SubqueriesThreadSafe(e); }

bool PlanThreadSafe(const LogicalOp& op) {
  bool safe = true;
  ForEachExpr(op, [&](const BoundExpr& e) { safe = safe && ThreadSafe(e); });
  for (const auto& c : op.children) safe = safe && PlanThreadSafe(*c);
  return safe;
}

bool ExprsThreadSafe(const LogicalOp& op) {
  bool safe = true;
  ForEachExpr(op, [&](const BoundExpr& e) { safe = safe && ThreadSafe(e); });
  return safe;
}

bool IsPointLookup(const LogicalOp& get) {
  return get.access.type == AccessPath::Type::kPrimaryKey &&
         get.access.eq.size() == get.table->primary_key.size();
}

// A streaming join whose clones may share one build side: a hash join that is not FULL (a
// FULL join marks build rows matched, which clones would race on), or a lateral join.
bool IsStreamingJoin(const LogicalOp& op) {
  if (op.lateral) return true;
  JoinKeys keys;
  return op.join_type != JoinType::kFull && op.merge_keys == 0 && SplitJoinKeys(op, &keys);
}

// True when op tops a chain of streaming operators over a scan that can be split; *work is
// set when the chain does more than pass rows on (filters, joins), which is what makes
// splitting worth it when nothing above consumes the rows in parallel.
bool IsPipeline(const LogicalOp& op, bool* work) {
  switch (op.kind) {
    case LogicalOpKind::kGet:
      return !IsPointLookup(op) && !op.emit_row_key;
    case LogicalOpKind::kFilter:
    case LogicalOpKind::kProjectSet:
      *work = true;
      [[fallthrough]];
    case LogicalOpKind::kProjection:
      return ExprsThreadSafe(op) && IsPipeline(*op.children[0], work);
    case LogicalOpKind::kJoin:
      *work = true;
      return IsStreamingJoin(op) && ExprsThreadSafe(op) && IsPipeline(*op.children[0], work);
    default:
      return false;
  }
}

void Mark(LogicalOp& op, bool keep_order = false);

// op is inside a marked pipeline: its hash joins' build sides are plans of their own.
void MarkBuildSides(LogicalOp& op) {
  if (op.kind == LogicalOpKind::kGet) return;
  if (op.kind == LogicalOpKind::kJoin && !op.lateral) {
    bool work = false;
    LogicalOp& build = *op.children[1];
    if (IsPipeline(build, &work)) {
      build.parallel = true;  // the build input's rows are gathered into the one table
      MarkBuildSides(build);
    } else {
      Mark(build, false);
    }
  }
  MarkBuildSides(*op.children[0]);
}

bool MarkIfPipeline(LogicalOp& op, bool gathered_rows_are_consumed) {
  bool work = false;
  if (!IsPipeline(op, &work) || (!work && !gathered_rows_are_consumed)) return false;
  op.parallel = true;
  MarkBuildSides(op);
  return true;
}

// Operators that read their whole input before returning a row gain from any split input.
bool Consumes(const LogicalOp& op) {
  switch (op.kind) {
    case LogicalOpKind::kAggregate:
    case LogicalOpKind::kSort:
    case LogicalOpKind::kWindow:
    case LogicalOpKind::kDistinct:
    case LogicalOpKind::kSetOp:
      return true;
    default:
      return false;
  }
}

// keep_order: op's rows must arrive in the order its input has (a merge join reads them);
// gathered rows would not, so nothing is split down to the Sort or scan giving that order.
void Mark(LogicalOp& op, bool keep_order) {
  if (op.kind == LogicalOpKind::kRecursiveCte) {
    Mark(*op.children[0]);  // the anchor runs once; the recursive term per iteration
    return;
  }
  bool child_keeps_order = op.merge_keys > 0 || (keep_order && op.kind != LogicalOpKind::kSort);
  size_t n = op.lateral ? 1 : op.children.size();  // a lateral right side runs per left row
  for (size_t i = 0; i < n; i++) {
    LogicalOp& child = *op.children[i];
    bool ordered = child_keeps_order || child.keep_order;
    if (ordered || !MarkIfPipeline(child, Consumes(op))) Mark(child, ordered);
  }
}
}  // namespace

void MarkParallelPipelines(LogicalOp& root) {
  if (root.kind == LogicalOpKind::kInsert || root.kind == LogicalOpKind::kUpdate ||
      root.kind == LogicalOpKind::kDelete)
    return;
  if (root.keep_order || !MarkIfPipeline(root, false)) Mark(root, root.keep_order);
}

const LogicalOp& DrivingScan(const LogicalOp& pipeline_top) {
  const LogicalOp* op = &pipeline_top;
  while (op->kind != LogicalOpKind::kGet) op = op->children[0].get();
  return *op;
}

int PipelineWorkers(const LogicalOp& pipeline_top, int threads) {
  if (!pipeline_top.parallel || threads <= 1) return 1;
  return DrivingScan(pipeline_top).estimated_rows >= kParallelMinRows ? threads : 1;
}

bool CanMergePartialAggregates(const LogicalOp& aggregate) {
  if (!ExprsThreadSafe(aggregate)) return false;  // the clones evaluate groups and arguments
  for (const auto& a : aggregate.aggregates) {
    if (a.distinct || !a.order_by.empty()) return false;
    if (a.function.function && !a.function.function->combine) return false;
  }
  return true;
}

bool MergesClones(const LogicalOp& op, int threads) {
  return op.kind == LogicalOpKind::kAggregate && PipelineWorkers(*op.children[0], threads) > 1 &&
         CanMergePartialAggregates(op);
}

bool RunsInParallel(const LogicalOp& root, int threads) {
  if (PipelineWorkers(root, threads) > 1) return true;
  for (const auto& c : root.children)
    if (RunsInParallel(*c, threads)) return true;
  return false;
}

}  // namespace heliosdb
