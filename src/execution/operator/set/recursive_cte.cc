#include "execution/operator/set/recursive_cte.h"

#include "common/exception.h"
#include "execution/chunk_row_key.h"
#include "execution/physical_planner.h"

namespace heliosdb {

std::vector<DataChunk> RecursiveCte::Admit(PhysicalOperator& source, ExecContext& ctx) {
  std::vector<DataChunk> added;
  while (DataChunk* in = source.Next(ctx)) {
    DataChunk rows = *in;
    if (!op_.set_all) {
      SelectionVector sel(in->size());
      idx_t n = 0;
      for (idx_t r = 0; r < in->size(); r++)
        if (seen_.insert(ChunkRowKey(*in, r)).second) sel.set(n++, static_cast<uint32_t>(r));
      if (n == 0) continue;
      if (n < in->size()) rows.Slice(sel, n);
    }
    rows.Flatten();
    added.push_back(std::move(rows));
    ctx.CheckCancel();
  }
  return added;
}

DataChunk* RecursiveCte::Next(ExecContext& ctx) {
  if (!done_) {
    done_ = true;
    std::vector<DataChunk> working = Admit(*child(0), ctx);
    int64_t iterations = 0;
    while (!working.empty()) {
      if (++iterations > ctx.max_recursive_iterations)
        ThrowError("54001", "WITH RECURSIVE did not end after " +
                                std::to_string(ctx.max_recursive_iterations) +
                                " iterations (max_recursive_iterations)");
      for (auto& chunk : working) result_.push_back(chunk);
      ctx.working_tables[op_.index] = std::move(working);
      PhysicalOperatorPtr term = CreatePhysicalPlan(*op_.children[1], ctx.profile);
      working = Admit(*term, ctx);
    }
    ctx.working_tables.erase(op_.index);
  }
  if (emitted_ >= result_.size()) return nullptr;
  return &result_[emitted_++];
}

DataChunk* WorkingTableScan::Next(ExecContext& ctx) {
  const auto& rows = ctx.working_tables.at(table_);
  if (next_ >= rows.size()) return nullptr;
  out_ = rows[next_++];
  return &out_;
}

}  // namespace heliosdb
