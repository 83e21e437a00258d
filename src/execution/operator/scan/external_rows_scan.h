// ExternalRowsScan: the rows of ExecContext::external_rows (COPY FROM's data), chunk by chunk.
#pragma once

#include "execution/physical_operator.h"

namespace heliosdb {

class ExternalRowsScan : public PhysicalOperator {
 public:
  explicit ExternalRowsScan(std::vector<LogicalType> types) : PhysicalOperator(std::move(types)) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  DataChunk out_;
};

}  // namespace heliosdb
