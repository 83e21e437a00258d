// TableFunctionScan: the rows of a set-returning function in FROM (generate_series, unnest,
// regexp_split_to_table, regexp_matches; function/table/set_function.h). The arguments are
// evaluated once (they may read the enclosing query's row); WITH ORDINALITY adds a row number.
#pragma once

#include "execution/physical_operator.h"
#include "function/table/set_function.h"
#include "planner/logical_plan.h"

namespace heliosdb {

class TableFunctionScan : public PhysicalOperator {
 public:
  TableFunctionScan(const LogicalOp& op, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), op_(op) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  const LogicalOp& op_;
  std::unique_ptr<SetFunctionRows> rows_;  // null until the first Next
  bool finished_ = false;
  int64_t ordinal_ = 0;
  std::vector<Value> row_;
  DataChunk out_;
};

}  // namespace heliosdb
