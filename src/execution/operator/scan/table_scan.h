// TableScan: reads a table's visible rows through the transaction: all of them, a primary-key
// point or range, or the rows an index range points to. Rows are decoded straight into the
// output chunk's vectors. With emit_row_key, a last BYTEA column carries each row's key
// (UPDATE and DELETE write through it). Clones of a parallel pipeline share one ScanRanges
// and each scan the pieces of the key range they take.
#pragma once

#include "execution/parallel/scan_ranges.h"
#include "execution/physical_operator.h"
#include "planner/logical_plan.h"
#include "txn/transaction.h"

namespace heliosdb {

class TableScan : public PhysicalOperator {
 public:
  // access is borrowed from the logical plan, which outlives the execution.
  TableScan(const TableInfo& table, std::vector<int> columns, bool emit_row_key,
            const AccessPath& access, std::vector<LogicalType> types,
            std::shared_ptr<ScanRanges> ranges = nullptr);
  DataChunk* Next(ExecContext& ctx) override;
  // AS OF: read the committed state at scn, through a read-only transaction of its own.
  // history: the catalog as of scn (an index the optimizer picked must have existed then).
  void ReadAsOf(Scn scn, const Catalog* history) {
    as_of_ = scn;
    history_catalog_ = history;
  }

 private:
  // The transaction the scan reads through: the statement's, or its AS OF one.
  Transaction& Reader(ExecContext& ctx);
  ObjectId ScannedObject() const;
  // The pieces of the scan's key range (parallel scans; the first clone cuts them).
  std::vector<ScanRanges::Range> Cut(ExecContext& ctx, size_t pieces);
  // Opens the next piece for a parallel scan; false when none is left.
  bool OpenNextRange(ExecContext& ctx);
  // Scan of [lower, upper), with the access path's zone conjuncts (evaluated once per scan).
  std::unique_ptr<RowIterator> OpenScan(ExecContext& ctx, std::string_view lower,
                                        std::string_view upper);
  // Computes the key range from the access path; false when no row can match.
  bool Start(ExecContext& ctx);
  void AddRow(std::string_view key, std::string_view value);

  const TableInfo& table_;
  std::vector<int> slots_;
  bool emit_row_key_;
  const AccessPath& access_;
  DataChunk chunk_;
  bool started_ = false;
  bool done_ = false;
  bool point_ = false;        // a single key: one Get
  std::string lower_, upper_;  // [lower, upper) over the table or index keyspace
  std::unique_ptr<RowIterator> it_;
  std::vector<ZonePredicate> zones_;
  bool zones_ready_ = false;
  std::shared_ptr<ScanRanges> ranges_;  // null: this scan reads its whole range alone
  Scn as_of_ = 0;
  const Catalog* history_catalog_ = nullptr;
  std::unique_ptr<Transaction> history_;  // the AS OF snapshot, opened on first read
};

}  // namespace heliosdb
