// ParquetScan: the rows of read_parquet('file') (planner/read_parquet_binder.h), one row group
// of the file in memory at a time, handed out in batches. The file is opened at the first Next;
// if its columns no longer match what the statement was bound to, the scan fails (0A000).
#pragma once

#include <memory>

#include "execution/physical_operator.h"
#include "parquet/parquet_reader.h"
#include "planner/logical_plan.h"

namespace heliosdb {

class ParquetScan : public PhysicalOperator {
 public:
  ParquetScan(const LogicalOp& op, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), op_(op) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  void Open();

  const LogicalOp& op_;
  std::unique_ptr<parquet::ParquetReader> reader_;
  std::vector<size_t> projection_;
  size_t next_group_ = 0;
  std::vector<std::vector<Value>> group_;  // the current row group's columns
  size_t row_ = 0;                         // next row of group_ to hand out
  DataChunk out_;
};

}  // namespace heliosdb
