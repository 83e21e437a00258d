// VersionScan: `t VERSIONS BETWEEN ... AND ...`: every version of every row of the table that
// was alive in the window [from, to], oldest first within a row, with the pseudo-columns
// versions_startscn / _starttime (the version's commit), versions_endscn / _endtime (the
// commit that replaced or deleted it, NULL when it was still current at `to`) and
// versions_operation: 'I' (insert: no live version before it), 'U' (update), 'D' (delete: the
// row's last values, start = the deleting commit). A version is alive in the window when it
// started at or before `to` and did not end at or before `from`; a delete shows when it
// happened after `from`. Rows are decoded with the catalog as of `to`.
#pragma once

#include <map>
#include <memory>
#include <optional>

#include "execution/physical_operator.h"
#include "planner/logical_plan.h"
#include "txn/version_history.h"

namespace heliosdb {

class VersionScan : public PhysicalOperator {
 public:
  // op: the kTableFunction "versions between" the binder made (time_travel_binder.cc).
  VersionScan(const LogicalOp& op, std::vector<LogicalType> types);
  DataChunk* Next(ExecContext& ctx) override;

 private:
  struct Output {
    size_t version;  // index into the key's versions
    size_t values;   // the version whose row is shown (the previous put for a delete)
    char operation;
    std::optional<Scn> end;
  };
  // The rows the current key contributes.
  void PlanKey();
  void Emit(ExecContext& ctx, const Output& out);
  Value TimeOf(ExecContext& ctx, std::optional<Scn> scn);

  const LogicalOp& op_;
  std::vector<int> slots_;
  std::unique_ptr<VersionHistory> history_;
  std::vector<Output> pending_;
  size_t next_ = 0;
  std::map<Scn, int64_t> times_;
  DataChunk chunk_;
};

}  // namespace heliosdb
