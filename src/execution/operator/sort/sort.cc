#include "execution/operator/sort/sort.h"

#include <algorithm>

#include "execution/expression_executor.h"
#include "execution/chunk_row_key.h"
#include "storage/key_codec.h"

namespace heliosdb {

namespace {
// What a buffered batch takes: its values, and each row's key Values and order entry.
int64_t BufferedBytes(const DataChunk& chunk, size_t keys) {
  return ApproximateBytes(chunk) + static_cast<int64_t>(chunk.size() * (keys * sizeof(Value) + 40));
}
}  // namespace

void Sort::Materialize(ExecContext& ctx) {
  ExpressionExecutor executor(ctx);
  if (top_n_ < 0) reservation_.SetBudget(ctx.memory.get());
  // Top-N: cut back when the buffer is this big (amortizes the sorts).
  size_t threshold = top_n_ >= 0 ? std::max<size_t>(4 * static_cast<size_t>(top_n_), kVectorSize)
                                 : SIZE_MAX;
  while (DataChunk* in = child()->Next(ctx)) {
    DataChunk copy = *in;
    copy.Flatten();
    uint32_t chunk_index = static_cast<uint32_t>(chunks_.size());
    std::vector<Vector> key_vectors(keys_.size());
    for (size_t k = 0; k < keys_.size(); k++) executor.Evaluate(*keys_[k].expr, copy, &key_vectors[k]);
    // Sort keys are rendered to Values once per row; comparisons then need no vector access.
    for (idx_t r = 0; r < copy.size(); r++) {
      std::vector<Value> row;
      row.reserve(keys_.size());
      for (auto& kv : key_vectors) row.push_back(kv.GetValue(r));
      key_values_.push_back(std::move(row));
      order_.emplace_back(chunk_index, static_cast<uint32_t>(r));
    }
    int64_t bytes = top_n_ < 0 ? BufferedBytes(copy, keys_.size()) : 0;
    chunks_.push_back(std::move(copy));
    if (bytes > 0 && !reservation_.Grow(bytes)) SpillRun();
    if (order_.size() >= threshold) {
      SortBuffer();
      Truncate();
    }
    ctx.CheckCancel();
  }
  if (!runs_.empty() && !order_.empty()) SpillRun();  // every row in a run: one merge
  if (runs_.empty()) SortBuffer();
  if (top_n_ >= 0) Truncate();
  sorted_ = true;
}

bool SortKeyLess(const std::vector<Value>& x, const std::vector<Value>& y,
                 const std::vector<SortKey>& keys) {
  for (size_t k = 0; k < keys.size(); k++) {
    const Value& l = x[k];
    const Value& r = y[k];
    if (l.is_null() || r.is_null()) {
      if (l.is_null() == r.is_null()) continue;
      return l.is_null() == keys[k].nulls_first;
    }
    int c = l.Compare(r);
    if (c != 0) return keys[k].descending ? c > 0 : c < 0;
  }
  return false;
}

void Sort::SortBuffer() {
  std::vector<uint32_t> index(order_.size());
  for (uint32_t i = 0; i < index.size(); i++) index[i] = i;
  std::stable_sort(index.begin(), index.end(), [&](uint32_t a, uint32_t b) {
    return SortKeyLess(key_values_[a], key_values_[b], keys_);
  });
  std::vector<std::pair<uint32_t, uint32_t>> order(order_.size());
  std::vector<std::vector<Value>> keys(order_.size());
  for (size_t i = 0; i < index.size(); i++) {
    order[i] = order_[index[i]];
    keys[i] = std::move(key_values_[index[i]]);
  }
  order_ = std::move(order);
  key_values_ = std::move(keys);
}

void Sort::Truncate() {
  size_t keep = std::min(order_.size(), static_cast<size_t>(top_n_));
  std::vector<DataChunk> chunks;
  std::vector<std::pair<uint32_t, uint32_t>> order;
  for (size_t i = 0; i < keep; i++) {
    if (i % kVectorSize == 0) {
      chunks.emplace_back();
      chunks.back().Initialize(types_);
    }
    DataChunk& out = chunks.back();
    idx_t n = static_cast<idx_t>(i % kVectorSize);
    auto [c, r] = order_[i];
    for (size_t col = 0; col < types_.size(); col++)
      out.column(col).CopyRow(chunks_[c].column(col), r, n);
    out.SetSize(n + 1);
    order.emplace_back(static_cast<uint32_t>(chunks.size() - 1), static_cast<uint32_t>(n));
  }
  chunks_ = std::move(chunks);
  order_ = std::move(order);
  key_values_.resize(keep);
}

DataChunk* Sort::Next(ExecContext& ctx) {
  if (!sorted_) Materialize(ctx);
  if (!runs_.empty()) return MergeRuns(ctx);
  if (emitted_ >= order_.size()) return nullptr;
  out_.Initialize(types_);
  idx_t n = 0;
  for (; emitted_ < order_.size() && n < kVectorSize; emitted_++, n++) {
    auto [c, r] = order_[emitted_];
    for (size_t col = 0; col < types_.size(); col++)
      out_.column(col).CopyRow(chunks_[c].column(col), r, n);
  }
  out_.SetSize(n);
  return &out_;
}

DataChunk* Distinct::Next(ExecContext& ctx) {
  while (DataChunk* in = child()->Next(ctx)) {
    SelectionVector sel(in->size());
    idx_t n = 0;
    for (idx_t r = 0; r < in->size(); r++) {
      std::string key;
      if (key_columns_.empty()) {
        key = ChunkRowKey(*in, r);
      } else {
        for (int c : key_columns_) EncodeKeyPart(in->GetValue(c, r), false, &key);
      }
      if (seen_.insert(key).second) sel.set(n++, static_cast<uint32_t>(r));
    }
    if (n == 0) continue;
    out_ = *in;
    if (n < in->size()) out_.Slice(sel, n);
    return &out_;
  }
  return nullptr;
}

}  // namespace heliosdb
