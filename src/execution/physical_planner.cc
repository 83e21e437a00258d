#include "execution/physical_planner.h"

#include "common/exception.h"
#include "execution/operator/aggregate/hash_aggregate.h"
#include "execution/operator/dml/dml_operator.h"
#include "execution/operator/filter/filter.h"
#include "execution/operator/join/hash_join.h"
#include "execution/operator/join/lateral_join.h"
#include "execution/operator/join/merge_join.h"
#include "execution/operator/join/nested_loop_join.h"
#include "execution/operator/limit/limit.h"
#include "execution/operator/projection/project_set.h"
#include "execution/operator/projection/projection.h"
#include "execution/operator/scan/table_function.h"
#include "execution/operator/scan/table_scan.h"
#include "execution/operator/set/recursive_cte.h"
#include "execution/operator/set/set_operation.h"
#include "execution/operator/sort/sort.h"
#include "execution/operator/window/window.h"
#include "execution/profiled_operator.h"
#include "planner/join_keys.h"

namespace heliosdb {

namespace {
// A merge join where the optimizer chose one, a hash join when the join condition has
// equality keys; null otherwise.
PhysicalOperatorPtr TryHashJoin(const LogicalOp& op) {
  JoinKeys keys;
  if (op.merge_keys > 0) {
    SplitJoinKeys(op, &keys, op.merge_keys);
    return std::make_unique<MergeJoin>(std::move(keys.left), std::move(keys.right),
                                       std::move(keys.residual), op.join_type, op.types);
  }
  if (!SplitJoinKeys(op, &keys)) return nullptr;
  return std::make_unique<HashJoin>(std::move(keys.left), std::move(keys.right),
                                    std::move(keys.residual), op.join_type, op.null_aware,
                                    op.types);
}

PhysicalOperatorPtr Profiled(PhysicalOperatorPtr op, const LogicalOp& logical, PlanProfile* profile) {
  if (!profile) return op;
  return std::make_unique<ProfiledOperator>(std::move(op), &(*profile)[&logical]);
}
}  // namespace

PhysicalOperatorPtr CreatePhysicalPlan(const LogicalOp& op, PlanProfile* profile) {
  PhysicalOperatorPtr out;
  switch (op.kind) {
    case LogicalOpKind::kGet:
      out = std::make_unique<TableScan>(*op.table, op.columns, op.emit_row_key, op.access,
                                        op.types);
      break;
    case LogicalOpKind::kFilter:
      out = std::make_unique<Filter>(*op.predicate, op.types);
      break;
    case LogicalOpKind::kProjection:
      out = std::make_unique<Projection>(op.exprs, op.types);
      break;
    case LogicalOpKind::kAggregate:
      out = std::make_unique<HashAggregate>(op.exprs, op.aggregates, op.grouping_sets, op.types);
      break;
    case LogicalOpKind::kSort:
      out = std::make_unique<Sort>(op.sort_keys, op.top_n, op.types);
      break;
    case LogicalOpKind::kLimit:
      out = std::make_unique<Limit>(op.limit.get(), op.offset.get(), op.types);
      break;
    case LogicalOpKind::kDistinct:
      out = std::make_unique<Distinct>(op.columns, op.types);
      break;
    case LogicalOpKind::kValues:
      out = std::make_unique<ValuesScan>(op.rows, op.types);
      break;
    case LogicalOpKind::kJoin:
      if (op.lateral) {
        // The right input is planned per left row; only the left one is a child.
        out = std::make_unique<LateralJoin>(op, op.types);
        out->AddChild(CreatePhysicalPlan(*op.children[0], profile));
        return Profiled(std::move(out), op, profile);
      }
      out = TryHashJoin(op);
      // NOT IN's NULL rules are only planned where the key makes a hash join.
      HELIOS_ASSERT(out || !op.null_aware);
      if (!out) out = std::make_unique<NestedLoopJoin>(op.predicate.get(), op.join_type, op.types);
      break;
    case LogicalOpKind::kSetOp:
      out = std::make_unique<SetOperation>(op.set_op, op.set_all, op.types);
      break;
    case LogicalOpKind::kTableFunction:
      out = std::make_unique<TableFunctionScan>(op, op.types);
      break;
    case LogicalOpKind::kProjectSet:
      out = std::make_unique<ProjectSet>(op.exprs, op.types);
      break;
    case LogicalOpKind::kRecursiveCte:
      // The recursive term is planned anew for each iteration; only the anchor is a child.
      out = std::make_unique<RecursiveCte>(op, op.types);
      out->AddChild(CreatePhysicalPlan(*op.children[0], profile));
      return Profiled(std::move(out), op, profile);
    case LogicalOpKind::kWindow:
      out = std::make_unique<Window>(op.windows, op.types);
      break;
    case LogicalOpKind::kWorkingTable:
      out = std::make_unique<WorkingTableScan>(op.index, op.types);
      break;
    case LogicalOpKind::kInsert:
      out = std::make_unique<InsertOperator>(op, op.types);
      break;
    case LogicalOpKind::kUpdate:
      out = std::make_unique<UpdateOperator>(op, op.types);
      break;
    case LogicalOpKind::kDelete:
      out = std::make_unique<DeleteOperator>(op, op.types);
      break;
  }
  HELIOS_ASSERT(out);
  for (const auto& c : op.children) out->AddChild(CreatePhysicalPlan(*c, profile));
  return Profiled(std::move(out), op, profile);
}

}  // namespace heliosdb
