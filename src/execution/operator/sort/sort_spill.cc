// Sort's external merge: sorted runs written to temporary files, merged back (see sort.h).
#include <algorithm>

#include "execution/expression_executor.h"
#include "execution/operator/sort/sort.h"

namespace heliosdb {

bool Sort::RunCursor::Load(ExecContext& ctx, const std::vector<SortKey>& sort_keys) {
  row = 0;
  if (!reader.Read(&chunk)) return false;
  ExpressionExecutor executor(ctx);
  keys.assign(chunk.size(), {});
  for (const auto& k : sort_keys) {
    Vector v;
    executor.Evaluate(*k.expr, chunk, &v);
    for (idx_t r = 0; r < chunk.size(); r++) keys[r].push_back(v.GetValue(r));
  }
  return true;
}

void Sort::SpillRun() {
  SortBuffer();
  auto run = std::make_unique<SpillFile>(types_);
  for (auto [c, r] : order_) run->Append(chunks_[c], r);
  run->Finish();
  runs_.push_back(std::move(run));
  chunks_.clear();
  order_.clear();
  key_values_.clear();
  reservation_.Reset();
}

DataChunk* Sort::MergeRuns(ExecContext& ctx) {
  // heap_ orders cursors so the front has the smallest current row; equal rows come from the
  // earlier run first, which keeps the sort stable.
  auto after = [&](size_t a, size_t b) {
    const auto& x = cursors_[a]->keys[cursors_[a]->row];
    const auto& y = cursors_[b]->keys[cursors_[b]->row];
    if (SortKeyLess(y, x, keys_)) return true;
    return !SortKeyLess(x, y, keys_) && a > b;
  };
  if (cursors_.empty()) {
    for (size_t i = 0; i < runs_.size(); i++) {
      cursors_.push_back(std::make_unique<RunCursor>(*runs_[i]));
      if (cursors_[i]->Load(ctx, keys_)) heap_.push_back(i);
    }
    std::make_heap(heap_.begin(), heap_.end(), after);
  }
  out_.Initialize(types_);
  idx_t n = 0;
  while (n < kVectorSize && !heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), after);
    size_t i = heap_.back();
    RunCursor& c = *cursors_[i];
    for (size_t col = 0; col < types_.size(); col++) out_.column(col).CopyRow(c.chunk.column(col), c.row, n);
    n++;
    if (++c.row < c.chunk.size() || c.Load(ctx, keys_)) {
      std::push_heap(heap_.begin(), heap_.end(), after);
    } else {
      heap_.pop_back();
    }
  }
  ctx.CheckCancel();
  out_.SetSize(n);
  return n > 0 ? &out_ : nullptr;
}

}  // namespace heliosdb
