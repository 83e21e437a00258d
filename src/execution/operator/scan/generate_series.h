// GenerateSeries: the rows of generate_series(start, stop [, step]) for integers, numeric and
// timestamps (with an interval step), as PostgreSQL produces them: none when the step runs
// away from stop, 22023 for a zero step. WITH ORDINALITY adds a row number.
#pragma once

#include "execution/physical_operator.h"
#include "planner/logical_plan.h"

namespace heliosdb {

class GenerateSeries : public PhysicalOperator {
 public:
  GenerateSeries(const LogicalOp& op, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), op_(op) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  bool Start(ExecContext& ctx);  // false when the series is empty
  bool Done() const;
  void Advance(ExecContext& ctx);

  const LogicalOp& op_;
  bool started_ = false;
  bool finished_ = false;
  Value current_, stop_, step_;
  bool ascending_ = true;
  int64_t ordinal_ = 0;
  DataChunk out_;
};

}  // namespace heliosdb
