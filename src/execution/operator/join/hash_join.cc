#include "execution/operator/join/hash_join.h"

#include "execution/expression_executor.h"
#include "storage/key_codec.h"

namespace heliosdb {

bool JoinKeyOf(const std::vector<Vector>& keys, idx_t r, std::string* out) {
  out->clear();
  for (const auto& k : keys) {
    UnifiedFormat data = k.ToUnified();
    if (!data.IsValid(r)) return false;
    EncodeKeyPart(data, k.type(), r, out);
  }
  return true;
}

std::vector<Vector> EvaluateJoinKeys(ExecContext& ctx, const std::vector<BoundExprPtr>& exprs,
                                 const DataChunk& chunk) {
  ExpressionExecutor executor(ctx);
  std::vector<Vector> out(exprs.size());
  for (size_t i = 0; i < exprs.size(); i++) executor.Evaluate(*exprs[i], chunk, &out[i]);
  return out;
}

int64_t BuildBytes(const DataChunk& chunk) {
  return ApproximateBytes(chunk) + static_cast<int64_t>(chunk.size()) * 64;  // entry, key, node
}

HashJoin::HashJoin(std::vector<BoundExprPtr> left_keys, std::vector<BoundExprPtr> right_keys,
                   BoundExprPtr residual, JoinType type, bool null_aware,
                   std::shared_ptr<HashJoinBuild> build, std::vector<LogicalType> types)
    : PhysicalOperator(std::move(types)),
      left_keys_(std::move(left_keys)),
      right_keys_(std::move(right_keys)),
      residual_(std::move(residual)),
      type_(type),
      null_aware_(null_aware),
      build_(std::move(build)) {
  build_->input_types = build_->input->types();
}

void HashJoinBuild::Add(DataChunk chunk, const std::vector<Vector>& keys) {
  std::string key;
  uint32_t c = static_cast<uint32_t>(rows.size());
  for (idx_t r = 0; r < chunk.size(); r++) {
    if (JoinKeyOf(keys, r, &key)) {
      table[key].emplace_back(c, static_cast<uint32_t>(r));
    } else {
      has_null_key = true;
    }
  }
  rows.push_back(std::move(chunk));
}

void HashJoin::EnsureBuilt(ExecContext& ctx) {
  HashJoinBuild& b = *build_;
  std::lock_guard<std::mutex> lock(b.mutex);
  if (b.built) return;
  b.reservation.SetBudget(ctx.memory.get());
  while (DataChunk* in = b.input->Next(ctx)) {
    DataChunk copy = *in;
    copy.Flatten();
    std::vector<Vector> keys = EvaluateJoinKeys(ctx, right_keys_, copy);
    b.row_count += copy.size();
    if (!b.partitions.empty()) {
      SpillBuildRows(copy, keys);
    } else {
      int64_t bytes = BuildBytes(copy);
      b.Add(std::move(copy), keys);
      if (!b.reservation.Grow(bytes)) SpillBuild(ctx);
    }
    ctx.CheckCancel();
  }
  b.input.reset();  // its scans and their iterators are done with
  for (auto& f : b.partitions) f->Finish();
  b.built = true;
}

void HashJoin::MarkMatched(uint32_t left_row, const std::pair<uint32_t, uint32_t>* right) {
  matched_[left_row] = true;
  if (type_ == JoinType::kFull) right_matched_[right->first][right->second] = true;
}

bool HashJoin::ProbeBatch(ExecContext& ctx) {
  size_t left_width = children_[0]->types().size();
  out_.Initialize(pair_types_);
  std::vector<uint32_t> left_rows;
  std::vector<const std::pair<uint32_t, uint32_t>*> right_rows;
  idx_t n = 0;
  for (; pair_ < pairs_.size() && n < kVectorSize; pair_++, n++) {
    auto [l, right] = pairs_[pair_];
    for (size_t c = 0; c < left_width; c++) out_.column(c).CopyRow(left_.column(c), l, n);
    const DataChunk& rc = current_->rows[right->first];
    for (size_t c = 0; c < rc.column_count(); c++)
      out_.column(left_width + c).CopyRow(rc.column(c), right->second, n);
    left_rows.push_back(l);
    right_rows.push_back(right);
  }
  out_.SetSize(n);
  if (n == 0) return false;
  if (residual_) {
    ExpressionExecutor executor(ctx);
    SelectionVector sel(n);
    idx_t kept = executor.Select(*residual_, out_, &sel);
    for (idx_t i = 0; i < kept; i++) MarkMatched(left_rows[sel.get(i)], right_rows[sel.get(i)]);
    if (kept == 0) return false;
    if (kept < n) out_.Slice(sel, kept);
  } else {
    for (idx_t i = 0; i < n; i++) MarkMatched(left_rows[i], right_rows[i]);
  }
  return true;
}

bool HashJoin::EmitUnmatched() {
  unmatched_done_ = true;
  if (type_ != JoinType::kLeft && type_ != JoinType::kFull) return false;
  size_t left_width = children_[0]->types().size();
  out_.Initialize(types_);
  idx_t n = 0;
  for (idx_t l = 0; l < left_.size(); l++) {
    if (matched_[l]) continue;
    for (size_t c = 0; c < types_.size(); c++) {
      if (c < left_width) {
        out_.column(c).CopyRow(left_.column(c), l, n);
      } else {
        out_.column(c).SetNull(n);
      }
    }
    n++;
  }
  out_.SetSize(n);
  return n > 0;
}

bool HashJoin::EmitUnmatchedRight() {
  size_t left_width = children_[0]->types().size();
  while (right_emit_ < current_->rows.size()) {
    const DataChunk& rc = current_->rows[right_emit_];
    const std::vector<bool>& matched = right_matched_[right_emit_++];
    out_.Initialize(types_);
    idx_t n = 0;
    for (idx_t r = 0; r < rc.size(); r++) {
      if (matched[r]) continue;
      for (size_t c = 0; c < left_width; c++) out_.column(c).SetNull(n);
      for (size_t c = 0; c < rc.column_count(); c++)
        out_.column(left_width + c).CopyRow(rc.column(c), r, n);
      n++;
    }
    out_.SetSize(n);
    if (n > 0) return true;
  }
  return false;
}

bool HashJoin::FilterLeft(ExecContext& ctx, const std::vector<bool>& null_key) {
  // The residual decides which pairs count; ProbeBatch marks their left rows matched.
  while (pair_ < pairs_.size()) ProbeBatch(ctx);
  bool semi = type_ == JoinType::kSemi;
  SelectionVector sel(std::max<idx_t>(left_.size(), 1));
  idx_t n = 0;
  for (idx_t r = 0; r < left_.size(); r++) {
    bool keep = matched_[r] == semi;
    // NOT IN: a NULL key on either side leaves "no match" unknown, unless nothing is compared.
    if (keep && null_aware_ && build_->row_count > 0 && (null_key[r] || build_->has_null_key))
      keep = false;
    if (keep) sel.set(n++, static_cast<uint32_t>(r));
  }
  if (n == 0) return false;
  out_ = left_;
  if (n < left_.size()) out_.Slice(sel, n);
  return true;
}

DataChunk* HashJoin::Next(ExecContext& ctx) {
  if (!built_) {
    built_ = true;
    pair_types_ = child(0)->types();
    for (const auto& t : build_->input_types) pair_types_.push_back(t);
    EnsureBuilt(ctx);
    current_ = build_.get();
    if (type_ == JoinType::kFull)
      for (const auto& rc : current_->rows) right_matched_.emplace_back(rc.size(), false);
  }
  std::string key;
  while (true) {
    while (pair_ < pairs_.size())
      if (ProbeBatch(ctx)) return &out_;
    if (!unmatched_done_ && EmitUnmatched()) return &out_;
    DataChunk* in = left_done_ ? nullptr : NextLeft(ctx);
    if (!in) {
      left_done_ = true;
      if (type_ == JoinType::kFull && EmitUnmatchedRight()) return &out_;
      if (!NextPartition(ctx)) return nullptr;
      left_done_ = false;
      continue;
    }
    ctx.CheckCancel();
    left_ = *in;
    left_.Flatten();
    std::vector<Vector> keys = EvaluateJoinKeys(ctx, left_keys_, left_);
    pairs_.clear();
    pair_ = 0;
    matched_.assign(left_.size(), false);
    bool filter_only = type_ == JoinType::kSemi || type_ == JoinType::kAnti;
    unmatched_done_ = filter_only;
    std::vector<bool> null_key(filter_only ? left_.size() : 0, false);
    for (idx_t r = 0; r < left_.size(); r++) {
      if (!JoinKeyOf(keys, r, &key)) {
        if (filter_only) null_key[r] = true;
        continue;
      }
      auto it = current_->table.find(key);
      if (it == current_->table.end()) continue;
      if (filter_only && !residual_) {
        matched_[r] = true;  // any pair matches: no need to form them
        continue;
      }
      for (const auto& ref : it->second) pairs_.emplace_back(static_cast<uint32_t>(r), &ref);
    }
    if (filter_only && FilterLeft(ctx, null_key)) return &out_;
  }
}

}  // namespace heliosdb
