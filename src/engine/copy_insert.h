// How the rows of COPY FROM reach a table, whatever the format: one INSERT plan whose rows come
// from a CopySource (execution/external_rows.h) as typed chunks, so defaults, constraints and
// indexes apply as for any INSERT. Each run of the plan takes at most kCopyRowsPerRun rows (an
// INSERT holds its input in memory before writing); the runs share the statement's
// transaction, so the COPY commits or fails as a unit.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/connection_impl.h"
#include "execution/external_rows.h"

namespace heliosdb {

struct CopyTarget {
  std::string schema;
  std::string table;
  std::vector<std::string> columns;
};

inline constexpr int64_t kCopyRowsPerRun = 16384;

// The rows of one COPY FROM, in the target columns' order and types.
class CopySource : public ExternalRows {
 public:
  // Starts a run of the plan that takes at most `rows` rows.
  void StartRun(int64_t rows) { run_left_ = rows; }
  virtual bool Exhausted() const = 0;

 protected:
  int64_t run_left_ = 0;  // rows the current run may still take
};

// The types of the target's columns, in COPY's column order.
std::vector<LogicalType> CopyTargetTypes(const Catalog& catalog, const CopyTarget& target);
// Inserts every row of `source`; returns how many.
int64_t InsertCopyRows(Connection::Impl& connection, const CopyTarget& target, CopySource& source);

std::string QualifiedName(const CopyTarget& t);
std::string ColumnList(const CopyTarget& t);

}  // namespace heliosdb
