// CopyInsert: how the rows of COPY FROM reach a table, whatever the format: through ordinary
// multi-row INSERT plans (defaults, constraints and indexes apply as for any INSERT), up to 256
// rows and 60000 parameters per execution. The plan for full batches is prepared once.
// Used by the statement's thread only.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/connection_impl.h"

namespace heliosdb {

struct CopyTarget {
  std::string schema;
  std::string table;
  std::vector<std::string> columns;
};

class CopyInsert {
 public:
  CopyInsert(Connection::Impl& connection, const CopyTarget& target);
  // Rows per INSERT execution.
  size_t batch_rows() const { return batch_rows_; }
  // The INSERT plan for `rows` rows; its param_types are the columns' types, row after row.
  PreparedPlan& Plan(size_t rows);
  // Runs Plan(rows) with the values of `rows` rows (row-major, of the parameter types).
  void Run(size_t rows, const std::vector<Value>& values);
  int64_t copied() const { return copied_; }

 private:
  Connection::Impl& connection_;
  const CopyTarget& target_;
  size_t batch_rows_;
  std::shared_ptr<PreparedPlan> full_batch_;
  std::shared_ptr<PreparedPlan> last_;
  int64_t copied_ = 0;
};

std::string QualifiedName(const CopyTarget& t);
std::string ColumnList(const CopyTarget& t);

}  // namespace heliosdb
