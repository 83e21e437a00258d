#include "execution/physical_planner.h"

#include <map>

#include "common/exception.h"
#include "execution/operator/aggregate/hash_aggregate.h"
#include "execution/operator/dml/dml_operator.h"
#include "execution/operator/filter/filter.h"
#include "execution/operator/join/hash_join.h"
#include "execution/operator/join/lateral_join.h"
#include "execution/operator/join/merge_join.h"
#include "execution/operator/join/nested_loop_join.h"
#include "execution/operator/limit/limit.h"
#include "execution/operator/parallel/gather.h"
#include "execution/operator/projection/project_set.h"
#include "execution/operator/projection/projection.h"
#include "execution/operator/scan/external_rows_scan.h"
#include "execution/operator/scan/parquet_scan.h"
#include "execution/operator/scan/table_function.h"
#include "execution/operator/scan/table_scan.h"
#include "execution/operator/scan/version_scan.h"
#include "execution/operator/set/recursive_cte.h"
#include "execution/operator/set/set_operation.h"
#include "execution/operator/sort/sort.h"
#include "execution/operator/window/window.h"
#include "execution/profiled_operator.h"
#include "planner/join_keys.h"
#include "planner/parallelism.h"
#include "planner/read_parquet_binder.h"

namespace heliosdb {

namespace {
PhysicalOperatorPtr Profiled(PhysicalOperatorPtr op, const LogicalOp& logical, PlanProfile* profile) {
  if (!profile) return op;
  return std::make_unique<ProfiledOperator>(std::move(op), &(*profile)[&logical]);
}

// What the clones of one parallel pipeline share: the driving scan's key ranges and the hash
// joins' build sides.
struct PipelineShare {
  explicit PipelineShare(size_t clones) : ranges(std::make_shared<ScanRanges>(clones)) {}
  std::shared_ptr<ScanRanges> ranges;
  std::map<const LogicalOp*, std::shared_ptr<HashJoinBuild>> builds;
};

bool ContinuesPipeline(const LogicalOp& op) {
  return op.kind == LogicalOpKind::kFilter || op.kind == LogicalOpKind::kProjection ||
         op.kind == LogicalOpKind::kProjectSet || op.kind == LogicalOpKind::kJoin;
}

class PlanBuilder {
 public:
  PlanBuilder(PlanProfile* profile, int threads) : profile_(profile), threads_(threads) {}

  // The operator for `op` as an input: the clones of a split pipeline, gathered.
  PhysicalOperatorPtr Input(const LogicalOp& op) {
    int workers = PipelineWorkers(op, threads_);
    if (workers <= 1) return Build(op, nullptr);
    auto gather = std::make_unique<Gather>(op.types);
    for (auto& clone : Clones(op, workers)) gather->AddChild(std::move(clone));
    return gather;
  }

  // share is set while building one clone of a split pipeline.
  PhysicalOperatorPtr Build(const LogicalOp& op, PipelineShare* share) {
    PhysicalOperatorPtr out = Make(op, share);
    if (MergesClones(op, threads_)) {
      // A hash aggregate consumes the clones itself, each into a table of its own.
      const LogicalOp& input = *op.children[0];
      for (auto& clone : Clones(input, PipelineWorkers(input, threads_)))
        out->AddChild(std::move(clone));
    } else if (dynamic_cast<HashJoin*>(out.get()) || op.lateral ||
               op.kind == LogicalOpKind::kRecursiveCte) {
      // The hash join holds its build side; a lateral right side runs per left row; a
      // recursive term is planned per iteration.
      out->AddChild(Child(*op.children[0], op, share));
    } else {
      for (const auto& c : op.children) out->AddChild(Child(*c, op, share));
    }
    return Profiled(std::move(out), op, profile_);
  }

 private:
  std::vector<PhysicalOperatorPtr> Clones(const LogicalOp& top, int n) {
    PipelineShare share(n);
    std::vector<PhysicalOperatorPtr> clones;
    for (int i = 0; i < n; i++) clones.push_back(Build(top, &share));
    return clones;
  }

  // Inside a pipeline, the streaming side continues it; any other input stands alone.
  PhysicalOperatorPtr Child(const LogicalOp& child, const LogicalOp& parent, PipelineShare* share) {
    if (share && ContinuesPipeline(parent) && &child == parent.children[0].get())
      return Build(child, share);
    return Input(child);
  }

  // A merge join where the optimizer chose one, a hash join when the join condition has
  // equality keys; null otherwise.
  PhysicalOperatorPtr TryKeyedJoin(const LogicalOp& op, PipelineShare* share) {
    JoinKeys keys;
    if (op.merge_keys > 0) {
      SplitJoinKeys(op, &keys, op.merge_keys);
      return std::make_unique<MergeJoin>(std::move(keys.left), std::move(keys.right),
                                         std::move(keys.residual), op.join_type, op.types);
    }
    if (!SplitJoinKeys(op, &keys)) return nullptr;
    std::shared_ptr<HashJoinBuild>* shared = share ? &share->builds[&op] : nullptr;
    std::shared_ptr<HashJoinBuild> build = shared ? *shared : nullptr;
    if (!build) {
      build = std::make_shared<HashJoinBuild>(Input(*op.children[1]));
      if (shared) *shared = build;
    }
    return std::make_unique<HashJoin>(std::move(keys.left), std::move(keys.right),
                                      std::move(keys.residual), op.join_type, op.null_aware,
                                      std::move(build), op.types);
  }

  PhysicalOperatorPtr Make(const LogicalOp& op, PipelineShare* share);

  PlanProfile* profile_;
  int threads_;
};

PhysicalOperatorPtr PlanBuilder::Make(const LogicalOp& op, PipelineShare* share) {
  switch (op.kind) {
    case LogicalOpKind::kGet: {
      auto scan = std::make_unique<TableScan>(*op.table, op.columns, op.emit_row_key, op.access,
                                              op.types, share ? share->ranges : nullptr);
      if (op.as_of_scn != 0) scan->ReadAsOf(op.as_of_scn, op.history_catalog.get());
      return scan;
    }
    case LogicalOpKind::kFilter:
      return std::make_unique<Filter>(*op.predicate, op.types);
    case LogicalOpKind::kProjection:
      return std::make_unique<Projection>(op.exprs, op.types);
    case LogicalOpKind::kAggregate:
      return std::make_unique<HashAggregate>(op.exprs, op.aggregates, op.grouping_sets, op.types);
    case LogicalOpKind::kSort:
      return std::make_unique<Sort>(op.sort_keys, op.top_n, op.types);
    case LogicalOpKind::kLimit:
      return std::make_unique<Limit>(op.limit.get(), op.offset.get(), op.types);
    case LogicalOpKind::kDistinct:
      return std::make_unique<Distinct>(op.columns, op.types);
    case LogicalOpKind::kValues:
      return std::make_unique<ValuesScan>(op.rows, op.types);
    case LogicalOpKind::kJoin: {
      if (op.lateral) return std::make_unique<LateralJoin>(op, op.types);
      if (PhysicalOperatorPtr keyed = TryKeyedJoin(op, share)) return keyed;
      // NOT IN's NULL rules are only planned where the key makes a hash join.
      HELIOS_ASSERT(!op.null_aware);
      return std::make_unique<NestedLoopJoin>(op.predicate.get(), op.join_type, op.types);
    }
    case LogicalOpKind::kSetOp:
      return std::make_unique<SetOperation>(op.set_op, op.set_all, op.types);
    case LogicalOpKind::kTableFunction:
      if (op.table != nullptr) return std::make_unique<VersionScan>(op, op.types);
      if (op.function == kExternalRowsFunction) return std::make_unique<ExternalRowsScan>(op.types);
      if (op.function == kReadParquet) return std::make_unique<ParquetScan>(op, op.types);
      return std::make_unique<TableFunctionScan>(op, op.types);
    case LogicalOpKind::kProjectSet:
      return std::make_unique<ProjectSet>(op.exprs, op.types);
    case LogicalOpKind::kRecursiveCte:
      return std::make_unique<RecursiveCte>(op, op.types);
    case LogicalOpKind::kWindow:
      return std::make_unique<Window>(op.windows, op.types);
    case LogicalOpKind::kWorkingTable:
      return std::make_unique<WorkingTableScan>(op.index, op.types);
    case LogicalOpKind::kInsert:
      return std::make_unique<InsertOperator>(op, op.types);
    case LogicalOpKind::kUpdate:
      return std::make_unique<UpdateOperator>(op, op.types);
    case LogicalOpKind::kDelete:
      return std::make_unique<DeleteOperator>(op, op.types);
  }
  HELIOS_UNREACHABLE();
}
}  // namespace

PhysicalOperatorPtr CreatePhysicalPlan(const LogicalOp& op, PlanProfile* profile, int threads) {
  return PlanBuilder(profile, threads).Input(op);
}

}  // namespace heliosdb
