// Sort: materializes its input and returns it ordered by the sort keys (stable, so equal keys
// keep their input order). Keys are column references into the input. With a top_n (ORDER BY
// ... LIMIT), whenever the buffer holds several times that many rows it is sorted and cut
// back to the first top_n, so memory stays proportional to the limit, not the input.
//
// Memory: a full sort reserves what it buffers from the statement's memory_limit. When a
// reservation is refused, the buffer is sorted and written to a temporary file as a run, and
// the output is then a merge of the runs (sort_spill.cc): an external merge sort.
#pragma once

#include <memory>
#include <unordered_set>

#include "execution/physical_operator.h"
#include "execution/spill/memory_budget.h"
#include "execution/spill/spill_file.h"
#include "planner/logical_plan.h"

namespace heliosdb {

// True when a row with key values x sorts before one with y (NULLS FIRST / LAST, DESC).
bool SortKeyLess(const std::vector<Value>& x, const std::vector<Value>& y,
                 const std::vector<SortKey>& keys);

class Sort : public PhysicalOperator {
 public:
  Sort(const std::vector<SortKey>& keys, int64_t top_n, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), keys_(keys), top_n_(top_n) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  void Materialize(ExecContext& ctx);
  // Orders order_ (and key_values_ along with it) by the keys, stable.
  void SortBuffer();
  // Keeps the first top_n_ rows of the sorted buffer, copied into fresh chunks.
  void Truncate();
  // External sort (sort_spill.cc): writes the sorted buffer out as a run and empties it.
  void SpillRun();
  // Next batch of the merge of all runs; null at the end.
  DataChunk* MergeRuns(ExecContext& ctx);
  // One run being merged: its current batch and that batch's key values.
  struct RunCursor {
    explicit RunCursor(const SpillFile& file) : reader(file) {}
    // Reads the run's next batch; false when the run is done.
    bool Load(ExecContext& ctx, const std::vector<SortKey>& sort_keys);
    SpillFile::Reader reader;
    DataChunk chunk;
    std::vector<std::vector<Value>> keys;  // per row of chunk
    idx_t row = 0;
  };

  const std::vector<SortKey>& keys_;
  int64_t top_n_;  // -1: all rows
  std::vector<std::vector<Value>> key_values_;  // per buffered row, in order_'s order
  std::vector<DataChunk> chunks_;
  std::vector<std::pair<uint32_t, uint32_t>> order_;  // (chunk, row)
  size_t emitted_ = 0;
  bool sorted_ = false;
  DataChunk out_;

  MemoryReservation reservation_;
  std::vector<std::unique_ptr<SpillFile>> runs_;
  std::vector<std::unique_ptr<RunCursor>> cursors_;  // merge state, one per run
  std::vector<size_t> heap_;  // cursors with rows left, as a min-heap on their current row
};

// Distinct: passes on the first row of each distinct key, in input order: the whole row, or
// the key columns of DISTINCT ON (after a sort, the first row of each group in that order).
class Distinct : public PhysicalOperator {
 public:
  Distinct(std::vector<int> key_columns, std::vector<LogicalType> types)
      : PhysicalOperator(std::move(types)), key_columns_(std::move(key_columns)) {}
  DataChunk* Next(ExecContext& ctx) override;

 private:
  std::vector<int> key_columns_;
  std::unordered_set<std::string> seen_;
  DataChunk out_;
};

}  // namespace heliosdb
