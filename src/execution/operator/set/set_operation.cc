#include "execution/operator/set/set_operation.h"

#include "execution/chunk_row_key.h"

namespace heliosdb {

DataChunk* SetOperation::Admit(DataChunk* in) {
  SelectionVector sel(in->size());
  idx_t n = 0;
  for (idx_t r = 0; r < in->size(); r++) {
    bool keep;
    if (type_ == SetOpType::kUnion) {
      keep = all_ || seen_.insert(ChunkRowKey(*in, r)).second;
    } else {
      std::string key = ChunkRowKey(*in, r);
      auto it = right_counts_.find(key);
      int64_t on_right = it == right_counts_.end() ? 0 : it->second;
      if (type_ == SetOpType::kIntersect) {
        keep = on_right > 0 && (all_ || seen_.insert(key).second);
        if (keep && all_) it->second--;
      } else if (all_) {
        keep = on_right == 0;
        if (!keep) it->second--;
      } else {
        keep = on_right == 0 && seen_.insert(key).second;
      }
    }
    if (keep) sel.set(n++, static_cast<uint32_t>(r));
  }
  if (n == 0) return nullptr;
  out_ = *in;
  if (n < in->size()) out_.Slice(sel, n);
  return &out_;
}

DataChunk* SetOperation::Next(ExecContext& ctx) {
  if (type_ != SetOpType::kUnion && !right_counted_) {
    right_counted_ = true;
    while (DataChunk* in = child(1)->Next(ctx))
      for (idx_t r = 0; r < in->size(); r++) right_counts_[ChunkRowKey(*in, r)]++;
  }
  while (side_ < (type_ == SetOpType::kUnion ? 2 : 1)) {
    DataChunk* in = child(side_)->Next(ctx);
    if (!in) {
      side_++;
      continue;
    }
    ctx.CheckCancel();
    if (DataChunk* out = Admit(in)) return out;
  }
  return nullptr;
}

}  // namespace heliosdb
