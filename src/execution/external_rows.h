// ExternalRows: rows a statement reads from outside the database, already of the statement's
// column types: COPY FROM's data. For an INSERT whose InsertStmt::external_rows is set, the
// binder plans the kTableFunction kExternalRowsFunction (planner/logical_plan.h), and
// ExternalRowsScan pulls the rows from ExecContext::external_rows.
#pragma once

#include "common/data_chunk.h"

namespace heliosdb {

class ExternalRows {
 public:
  virtual ~ExternalRows() = default;
  // Fills out (initialized with the statement's column types) with up to kVectorSize rows.
  // Returns false, with out empty, when there are no more rows for this execution.
  virtual bool Next(DataChunk* out) = 0;
};

}  // namespace heliosdb
