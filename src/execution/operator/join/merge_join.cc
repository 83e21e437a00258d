#include "execution/operator/join/merge_join.h"

#include <cstring>

#include "common/exception.h"
#include "execution/expression_executor.h"
#include "storage/key_codec.h"

namespace heliosdb {

namespace {
constexpr uint32_t kPad = UINT32_MAX;  // a padded side: NULL in every column

template <size_t kWidth>
void GatherFixed(const uint8_t* src, const ValidityMask& valid, const uint32_t* rows, idx_t n,
                 uint8_t* dst, ValidityMask* dst_valid, idx_t offset) {
  for (idx_t i = 0; i < n; i++) {
    uint32_t r = rows[i];
    if (r == kPad || !valid.IsValid(r)) {
      dst_valid->SetInvalid(offset + i);
      continue;
    }
    std::memcpy(dst + (offset + i) * kWidth, src + size_t{r} * kWidth, kWidth);
  }
}

// Copies rows[i] of the flat vector src to row offset + i of the flat vector dst (kPad:
// NULL), one column at a time. REQUIRES: dst holds offset + n rows.
void Gather(const Vector& src, const uint32_t* rows, idx_t n, Vector* dst, idx_t offset) {
  PhysicalType physical = dst->type().physical();
  if (physical == PhysicalType::kString) {
    const std::string_view* data = src.data<std::string_view>();
    for (idx_t i = 0; i < n; i++) {
      uint32_t r = rows[i];
      if (r == kPad || !src.validity().IsValid(r)) {
        dst->SetNull(offset + i);
      } else {
        dst->SetString(offset + i, data[r]);
      }
    }
    return;
  }
  const uint8_t* from = src.data<uint8_t>();
  uint8_t* to = dst->data<uint8_t>();
  switch (PhysicalTypeSize(physical)) {
    case 1:
      return GatherFixed<1>(from, src.validity(), rows, n, to, &dst->validity(), offset);
    case 8:
      return GatherFixed<8>(from, src.validity(), rows, n, to, &dst->validity(), offset);
    case 16:
      return GatherFixed<16>(from, src.validity(), rows, n, to, &dst->validity(), offset);
    case sizeof(Decimal):
      return GatherFixed<sizeof(Decimal)>(from, src.validity(), rows, n, to, &dst->validity(),
                                          offset);
  }
  HELIOS_UNREACHABLE();
}

// Appends rows [begin, end) of src to dst (the rare run that spans right batches).
void AppendRange(const DataChunk& src, idx_t begin, idx_t end, DataChunk* dst) {
  if (begin == end) return;
  SelectionVector sel(end - begin);
  for (idx_t i = begin; i < end; i++) sel.set(i - begin, static_cast<uint32_t>(i));
  DataChunk part = src;
  part.Slice(sel, end - begin);
  dst->Append(part);
}
}  // namespace

void MergeJoin::BatchKeys::Encode(ExecContext& ctx, const std::vector<BoundExprPtr>& exprs,
                                  const DataChunk& chunk) {
  ExpressionExecutor executor(ctx);
  idx_t n = chunk.size();
  std::vector<Vector> keys(exprs.size());
  std::vector<UnifiedFormat> formats;
  for (size_t k = 0; k < exprs.size(); k++) {
    executor.Evaluate(*exprs[k], chunk, &keys[k]);
    formats.push_back(keys[k].ToUnified());
  }
  bytes.clear();
  end.resize(n);
  null.assign(n, false);
  for (idx_t r = 0; r < n; r++) {
    for (size_t k = 0; k < keys.size() && !null[r]; k++) {
      if (!formats[k].IsValid(r)) {
        null[r] = true;
      } else if (keys[k].type().physical() == PhysicalType::kInt64) {
        // Integers, dates and times, without building a Value per row.
        EncodeKeyPart(Value::BigInt(formats[k].Get<int64_t>(r)), false, &bytes);
      } else {
        EncodeKeyPart(keys[k].GetValue(r), false, &bytes);
      }
    }
    end[r] = static_cast<uint32_t>(bytes.size());
  }
}

MergeJoin::MergeJoin(std::vector<BoundExprPtr> left_keys, std::vector<BoundExprPtr> right_keys,
                     BoundExprPtr residual, JoinType type, std::vector<LogicalType> types)
    : PhysicalOperator(std::move(types)),
      left_keys_(std::move(left_keys)),
      right_keys_(std::move(right_keys)),
      residual_(std::move(residual)),
      type_(type),
      filter_only_(type == JoinType::kSemi || type == JoinType::kAnti) {}

DataChunk* MergeJoin::Next(ExecContext& ctx) {
  if (!started_) {
    started_ = true;
    pair_types_ = child(0)->types();
    for (const auto& t : child(1)->types()) pair_types_.push_back(t);
    run_copy_.Initialize(child(1)->types());
  }
  out_.Initialize(types_);  // fresh buffers: the previous batch may still be referenced
  while (true) {
    bool more = Produce(ctx);
    Flush(ctx);
    if (filtered_ready_) {
      filtered_ready_ = false;
      return &filtered_;
    }
    if (out_.size() == kVectorSize || !more) return out_.size() > 0 ? &out_ : nullptr;
  }
}

bool MergeJoin::Produce(ExecContext& ctx) {
  while (Room()) {
    switch (phase_) {
      case Phase::kNextLeft: {
        Flush(ctx);  // staged rows index left_, which is about to be replaced
        if (right_done_ && !has_run_ && (type_ == JoinType::kInner || type_ == JoinType::kSemi)) {
          phase_ = Phase::kDone;  // no right row is left to pair: skip the rest of the left
          break;
        }
        DataChunk* in = child(0)->Next(ctx);
        if (!in) {
          phase_ = type_ == JoinType::kFull ? Phase::kDrainRight : Phase::kDone;
          break;
        }
        ctx.CheckCancel();
        left_ = *in;
        left_.Flatten();
        left_keys_of_.Encode(ctx, left_keys_, left_);
        lpos_ = 0;
        matched_.assign(left_.size(), false);
        phase_ = Phase::kMatch;
        break;
      }
      case Phase::kMatch:
        if (lpos_ == left_.size()) {
          phase_ = Phase::kLeftEnd;
        } else if (!MatchLeftRow(ctx)) {
          return true;
        }
        break;
      case Phase::kLeftEnd:
        Flush(ctx);  // the batch's pairs decide which left rows matched
        phase_ = Phase::kNextLeft;
        if (filter_only_) {
          FilterLeft();
          if (filtered_ready_) return true;
        } else if (type_ == JoinType::kLeft || type_ == JoinType::kFull) {
          pad_pos_ = 0;
          phase_ = Phase::kPadLeft;
        }
        break;
      case Phase::kPadLeft:
        for (; pad_pos_ < left_.size() && Room(); pad_pos_++)
          if (!matched_[pad_pos_]) Stage(ctx, static_cast<uint32_t>(pad_pos_), kPad);
        if (pad_pos_ == left_.size()) phase_ = Phase::kNextLeft;
        break;
      case Phase::kDrainRight:  // FULL: every right row the left side never reached
        if (has_run_) {
          if (!PassRun(ctx)) return true;
        } else if (!LoadRun(ctx)) {
          phase_ = Phase::kDone;
        }
        break;
      case Phase::kDone:
        return false;
    }
  }
  return true;
}

bool MergeJoin::MatchLeftRow(ExecContext& ctx) {
  uint32_t l = static_cast<uint32_t>(lpos_);
  if (left_keys_of_.null[l]) {
    lpos_++;
    return true;
  }
  std::string_view key = left_keys_of_.Get(l);
  // Runs of smaller keys (and of NULL keys) can match no later left row either.
  while (!has_run_ || run_null_ || std::string_view(run_key_) < key) {
    if (has_run_ && !PassRun(ctx)) return false;
    if (!has_run_ && !LoadRun(ctx)) break;
  }
  if (!has_run_ || run_null_ || std::string_view(run_key_) != key) {
    lpos_++;
    return true;
  }
  if (filter_only_ && !residual_) {
    matched_[l] = true;  // any pair matches: no need to form them
    lpos_++;
    return true;
  }
  for (; run_pos_ < run_size_; run_pos_++) {
    if (!Room()) return false;
    Stage(ctx, l, static_cast<uint32_t>(run_start_ + run_pos_));
  }
  run_pos_ = 0;
  lpos_++;
  return true;
}

bool MergeJoin::PassRun(ExecContext& ctx) {
  if (type_ == JoinType::kFull) {
    if (!run_padding_) {
      Flush(ctx);  // the staged pairs decide which run rows matched
      run_padding_ = true;
      run_pad_pos_ = 0;
    }
    for (; run_pad_pos_ < run_size_; run_pad_pos_++) {
      if (!Room()) return false;
      if (!run_matched_[run_pad_pos_])
        Stage(ctx, kPad, static_cast<uint32_t>(run_start_ + run_pad_pos_));
    }
    run_padding_ = false;
  }
  has_run_ = false;
  return true;
}

bool MergeJoin::NextRight(ExecContext& ctx) {
  if (right_done_) return false;
  Flush(ctx);  // staged rows may index right_
  DataChunk* in = child(1)->Next(ctx);
  if (!in) {
    right_done_ = true;
    return false;
  }
  ctx.CheckCancel();
  right_ = *in;
  right_.Flatten();
  right_keys_of_.Encode(ctx, right_keys_, right_);
  rpos_ = 0;
  return true;
}

bool MergeJoin::LoadRun(ExecContext& ctx) {
  if (rpos_ == right_.size() && !NextRight(ctx)) return false;
  idx_t start = rpos_;
  run_null_ = right_keys_of_.null[start];
  if (!run_null_) run_key_.assign(right_keys_of_.Get(start));
  auto same = [&](idx_t r) {
    if (run_null_) return static_cast<bool>(right_keys_of_.null[r]);
    return !right_keys_of_.null[r] && right_keys_of_.Get(r) == std::string_view(run_key_);
  };
  while (rpos_ < right_.size() && same(rpos_)) rpos_++;
  run_src_ = &right_;
  run_start_ = start;
  run_size_ = rpos_ - start;
  if (rpos_ == right_.size() && !run_null_) {
    // The run may go on in the next batches: gather it in run_copy_.
    Flush(ctx);  // staged rows may index run_copy_
    run_copy_.Reset();
    AppendRange(right_, start, rpos_, &run_copy_);
    while (rpos_ == right_.size() && NextRight(ctx)) {
      while (rpos_ < right_.size() && same(rpos_)) rpos_++;
      AppendRange(right_, 0, rpos_, &run_copy_);
    }
    run_src_ = &run_copy_;
    run_start_ = 0;
    run_size_ = run_copy_.size();
  }
  has_run_ = true;
  run_pos_ = 0;
  if (type_ == JoinType::kFull) run_matched_.assign(run_size_, false);
  return true;
}

void MergeJoin::Stage(ExecContext& ctx, uint32_t l, uint32_t r) {
  if (r != kPad) {
    if (stage_src_ != run_src_ && stage_src_) Flush(ctx);
    stage_src_ = run_src_;
  }
  stage_left_.push_back(l);
  stage_right_.push_back(r);
}

void MergeJoin::MarkMatched(uint32_t l, uint32_t r) {
  matched_[l] = true;
  // Only FULL reads run_matched_, and it flushes before it leaves a run.
  if (type_ == JoinType::kFull) run_matched_[r - run_start_] = true;
}

void MergeJoin::Flush(ExecContext& ctx) {
  idx_t n = stage_left_.size();
  if (n == 0) return;
  size_t left_width = child(0)->types().size();
  // With a residual, the pairs go through pairs_ first and only those it keeps stay.
  std::vector<uint32_t> pair_rows;
  if (residual_) {
    std::vector<uint32_t> pl, pr;
    for (idx_t i = 0; i < n; i++) {
      if (stage_left_[i] == kPad || stage_right_[i] == kPad) continue;
      pl.push_back(stage_left_[i]);
      pr.push_back(stage_right_[i]);
    }
    if (!pl.empty()) {
      pairs_.Initialize(pair_types_);
      for (size_t c = 0; c < left_width; c++)
        Gather(left_.column(c), pl.data(), pl.size(), &pairs_.column(c), 0);
      for (size_t c = 0; c < stage_src_->column_count(); c++)
        Gather(stage_src_->column(c), pr.data(), pr.size(), &pairs_.column(left_width + c), 0);
      pairs_.SetSize(pl.size());
      ExpressionExecutor executor(ctx);
      SelectionVector sel(pl.size());
      idx_t kept = executor.Select(*residual_, pairs_, &sel);
      for (idx_t i = 0; i < kept; i++) {
        MarkMatched(pl[sel.get(i)], pr[sel.get(i)]);
        pair_rows.push_back(sel.get(i));
      }
    }
    // Pads stay; pairs are now rows of pairs_.
    size_t w = 0;
    for (idx_t i = 0; i < n; i++) {
      if (stage_left_[i] != kPad && stage_right_[i] != kPad) continue;
      stage_left_[w] = stage_left_[i];
      stage_right_[w++] = stage_right_[i];
    }
    stage_left_.resize(w);
    stage_right_.resize(w);
  } else {
    for (idx_t i = 0; i < n; i++)
      if (stage_left_[i] != kPad && stage_right_[i] != kPad)
        MarkMatched(stage_left_[i], stage_right_[i]);
  }
  if (!filter_only_) {
    idx_t at = out_.size();
    if (!pair_rows.empty()) {
      for (size_t c = 0; c < types_.size(); c++)
        Gather(pairs_.column(c), pair_rows.data(), pair_rows.size(), &out_.column(c), at);
      at += pair_rows.size();
    }
    idx_t m = stage_left_.size();
    // A side no staged row reads may have no batch at all (FULL over an empty left input).
    auto side = [&](const DataChunk* src, const std::vector<uint32_t>& rows, size_t first,
                    size_t width) {
      for (size_t c = 0; c < width; c++) {
        if (src) {
          Gather(src->column(c), rows.data(), m, &out_.column(first + c), at);
        } else {
          for (idx_t i = 0; i < m; i++) out_.column(first + c).SetNull(at + i);
        }
      }
    };
    side(left_.column_count() ? &left_ : nullptr, stage_left_, 0, left_width);
    side(stage_src_, stage_right_, left_width, types_.size() - left_width);
    out_.SetSize(at + m);
  }
  stage_left_.clear();
  stage_right_.clear();
  stage_src_ = nullptr;
}

void MergeJoin::FilterLeft() {
  bool semi = type_ == JoinType::kSemi;
  SelectionVector sel(std::max<idx_t>(left_.size(), 1));
  idx_t n = 0;
  for (idx_t r = 0; r < left_.size(); r++)
    if (matched_[r] == semi) sel.set(n++, static_cast<uint32_t>(r));
  if (n == 0) return;
  filtered_ = left_;
  if (n < left_.size()) filtered_.Slice(sel, n);
  filtered_ready_ = true;
}

}  // namespace heliosdb
