// The DML operators: Insert, Update and Delete. Each first reads its whole input, then writes
// through a TableWriter (so a statement never sees its own writes while scanning: no
// Halloween problem), counts the rows in ExecContext::rows_affected, and returns the RETURNING
// rows, computed over the written rows (the old row for DELETE) followed by the rest of their
// input row (the row key and the UPDATE ... FROM / DELETE ... USING items' columns).
// A target row that the input holds more than once (joined to several FROM rows) is written
// once, with its first input row, as PostgreSQL uses one of the matches.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "execution/physical_operator.h"
#include "execution/table_writer.h"
#include "planner/logical_plan.h"

namespace heliosdb {

class DmlOperator : public PhysicalOperator {
 public:
  DmlOperator(const LogicalOp& op, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), op_(op) {}
  DataChunk* Next(ExecContext& ctx) final;

 protected:
  // Reads the input and writes; calls Written() for each row written.
  virtual void Execute(ExecContext& ctx, TableWriter& writer) = 0;
  // rest: the input columns after the table's, for RETURNING (null for INSERT).
  void Written(const std::vector<Value>& row, const std::vector<Value>* rest = nullptr);
  // Every row of the input as table rows (one Value per column) and, when the input ends in a
  // row-key column, the keys; rests gets the columns after the table's when RETURNING needs
  // them.
  void ReadInput(ExecContext& ctx, std::vector<std::vector<Value>>* rows,
                 std::vector<std::string>* keys, std::vector<DataChunk>* chunks,
                 std::vector<std::vector<Value>>* rests = nullptr);

  const LogicalOp& op_;

 private:
  bool done_ = false;
  std::vector<DataChunk> written_;  // rows for RETURNING, in table column types
  size_t next_ = 0;
  DataChunk out_;
};

class InsertOperator : public DmlOperator {
 public:
  using DmlOperator::DmlOperator;

 private:
  void Execute(ExecContext& ctx, TableWriter& writer) override;
  bool ResolveConflict(ExecContext& ctx, TableWriter& writer, const std::vector<Value>& row);
  std::unordered_set<std::string> updated_keys_;
};

class UpdateOperator : public DmlOperator {
 public:
  using DmlOperator::DmlOperator;

 private:
  void Execute(ExecContext& ctx, TableWriter& writer) override;
};

class DeleteOperator : public DmlOperator {
 public:
  using DmlOperator::DmlOperator;

 private:
  void Execute(ExecContext& ctx, TableWriter& writer) override;
};

}  // namespace heliosdb
