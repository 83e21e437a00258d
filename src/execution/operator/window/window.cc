#include "execution/operator/window/window.h"

#include <algorithm>

#include "common/exception.h"
#include "execution/expression_executor.h"
#include "execution/operator/window/range_bound.h"
#include "execution/operator/window/window_frame.h"

namespace heliosdb {

namespace {
using Row = std::vector<Value>;

// Values of exprs for every input row, by input position.
std::vector<Row> EvaluateRows(ExecContext& ctx, const std::vector<const BoundExpr*>& exprs,
                              const std::vector<DataChunk>& input) {
  ExpressionExecutor executor(ctx);
  std::vector<Row> out;
  for (const auto& chunk : input) {
    std::vector<Vector> vectors(exprs.size());
    for (size_t e = 0; e < exprs.size(); e++) executor.Evaluate(*exprs[e], chunk, &vectors[e]);
    for (idx_t r = 0; r < chunk.size(); r++) {
      Row row;
      row.reserve(exprs.size());
      for (auto& v : vectors) row.push_back(v.GetValue(r));
      out.push_back(std::move(row));
    }
  }
  return out;
}

int CompareRows(const Row& a, const Row& b, const std::vector<SortKey>* keys) {
  for (size_t i = 0; i < a.size(); i++) {
    bool desc = keys && (*keys)[i].descending;
    bool nulls_first = keys && (*keys)[i].nulls_first;
    if (a[i].is_null() || b[i].is_null()) {
      if (a[i].is_null() == b[i].is_null()) continue;
      return a[i].is_null() == nulls_first ? -1 : 1;
    }
    int c = a[i].Compare(b[i]);
    if (c != 0) return desc ? -c : c;
  }
  return 0;
}

// Folds rows [from, to] of a partition (positions into `rows`) into an aggregate state.
void Accumulate(const BoundWindow& w, const std::vector<Row>& args,
                const std::vector<uint32_t>& rows, size_t from, size_t to, uint8_t* state) {
  std::vector<LogicalType> types;
  for (const auto& a : w.args) types.push_back(a->type);
  for (size_t begin = from; begin <= to; begin += kVectorSize) {
    size_t n = std::min<size_t>(kVectorSize, to - begin + 1);
    DataChunk chunk(types, n);
    for (size_t i = 0; i < n; i++)
      for (size_t c = 0; c < types.size(); c++)
        chunk.column(c).SetValue(i, args[rows[begin + i]][c]);
    chunk.SetSize(n);
    std::vector<uint8_t*> states(n, state);
    w.aggregate.function->update(chunk, states.data(), n);
  }
}

Value Finalize(const BoundWindow& w, uint8_t* state) {
  Vector out(w.type, 1);
  uint8_t* states[1] = {state};
  w.aggregate.function->finalize(states, 1, &out, 0);
  return out.GetValue(0);
}
}  // namespace

void Window::Materialize(ExecContext& ctx) {
  while (DataChunk* in = child()->Next(ctx)) {
    DataChunk copy = *in;
    copy.Flatten();
    for (idx_t r = 0; r < copy.size(); r++)
      rows_.emplace_back(static_cast<uint32_t>(input_.size()), static_cast<uint32_t>(r));
    input_.push_back(std::move(copy));
    ctx.CheckCancel();
  }
}

namespace {
// A ROWS or GROUPS offset: a non-negative bigint.
int64_t RowsOffset(ExpressionExecutor& executor, const BoundExpr& e, bool is_start) {
  Value v = executor.EvaluateConstant(e);
  const char* which = is_start ? "frame starting offset" : "frame ending offset";
  if (v.is_null()) ThrowError("22004", std::string(which) + " must not be null");
  if (v.GetInt64() < 0) ThrowError("22013", std::string(which) + " must not be negative");
  return v.GetInt64();
}

Value RangeOffset(ExpressionExecutor& executor, const BoundExpr& e, bool is_start) {
  Value v = executor.EvaluateConstant(e);
  if (v.is_null())
    ThrowError("22004", std::string(is_start ? "frame starting offset" : "frame ending offset") +
                            " must not be null");
  CheckRangeOffset(v);
  return v;
}

FrameSpec MakeFrameSpec(ExecContext& ctx, const BoundWindow& w) {
  FrameSpec spec;
  spec.has_frame = w.has_frame;
  spec.has_order = !w.order_by.empty();
  spec.mode = w.mode;
  spec.start = w.start;
  spec.end = w.end;
  spec.exclude = w.exclude;
  if (!w.order_by.empty()) {
    spec.descending = w.order_by[0].descending;
    spec.nulls_first = w.order_by[0].nulls_first;
  }
  ExpressionExecutor executor(ctx);
  bool range = w.mode == BoundWindow::Mode::kRange;
  if (w.start_offset) {
    if (range)
      spec.start_value = RangeOffset(executor, *w.start_offset, true);
    else
      spec.start_rows = RowsOffset(executor, *w.start_offset, true);
  }
  if (w.end_offset) {
    if (range)
      spec.end_value = RangeOffset(executor, *w.end_offset, false);
    else
      spec.end_rows = RowsOffset(executor, *w.end_offset, false);
  }
  return spec;
}

// Aggregates over each row's frame. A frame that starts at the partition's first row and
// excludes nothing only grows: its rows are folded in once. Otherwise each row's frame is
// folded anew, except that peers with the same frame share one result.
void AggregateFrames(const BoundWindow& w, const PartitionFrames& frames,
                     const std::vector<Row>& args, const std::vector<uint32_t>& rows,
                     std::vector<Value>* result) {
  const AggregateFunction& f = *w.aggregate.function;
  std::vector<uint8_t> bytes(f.state_size + 16);
  uint8_t* state = bytes.data();
  size_t n = frames.size();
  bool running = w.exclude == BoundWindow::Exclude::kNoOthers &&
                 (!w.has_frame || w.start == BoundWindow::Bound::kUnboundedPreceding);
  if (running) {
    f.init(state);
    size_t folded = 0;
    for (size_t k = 0; k < n; k++) {
      FrameRanges frame = frames.Frame(k);
      size_t last = frame.count ? frame.ranges[0].second : 0;
      if (last > folded) {
        Accumulate(w, args, rows, folded, last - 1, state);
        folded = last;
      }
      (*result)[rows[k]] = Finalize(w, state);
    }
    if (f.destroy) f.destroy(state);
    return;
  }
  FrameRanges previous;
  for (size_t k = 0; k < n; k++) {
    FrameRanges frame = frames.Frame(k);
    if (k > 0 && frame == previous) {
      (*result)[rows[k]] = (*result)[rows[k - 1]];
      continue;
    }
    f.init(state);
    for (size_t i = 0; i < frame.count; i++)
      Accumulate(w, args, rows, frame.ranges[i].first, frame.ranges[i].second - 1, state);
    (*result)[rows[k]] = Finalize(w, state);
    if (f.destroy) f.destroy(state);
    previous = frame;
  }
}

// first_value, last_value and nth_value of row k's frame.
Value FrameValue(const std::string& f, const PartitionFrames& frames, size_t k,
                 const std::vector<Row>& args, const std::vector<uint32_t>& rows) {
  FrameRanges frame = frames.Frame(k);
  size_t rows_in_frame = frame.Rows(), pick = 0;
  if (rows_in_frame == 0) return Value();
  if (f == "first_value") {
    frame.Nth(0, &pick);
  } else if (f == "last_value") {
    frame.Nth(rows_in_frame - 1, &pick);
  } else {
    const Value& nth = args[rows[k]][1];
    if (nth.is_null()) return Value();
    if (nth.GetInt64() <= 0) ThrowError("22016", "argument of nth_value must be greater than zero");
    if (!frame.Nth(static_cast<size_t>(nth.GetInt64() - 1), &pick)) return Value();
  }
  return args[rows[pick]][0];
}
}  // namespace

std::vector<uint32_t> Window::Compute(ExecContext& ctx, size_t wi) {
  const BoundWindow& w = windows_[wi];
  std::vector<const BoundExpr*> part_exprs, order_exprs, arg_exprs;
  for (const auto& p : w.partition_by) part_exprs.push_back(p.get());
  for (const auto& k : w.order_by) order_exprs.push_back(k.expr.get());
  for (const auto& a : w.args) arg_exprs.push_back(a.get());
  std::vector<Row> parts = EvaluateRows(ctx, part_exprs, input_);
  std::vector<Row> keys = EvaluateRows(ctx, order_exprs, input_);
  std::vector<Row> args = EvaluateRows(ctx, arg_exprs, input_);
  std::vector<uint32_t> order(rows_.size());
  for (uint32_t i = 0; i < order.size(); i++) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    int c = CompareRows(parts[a], parts[b], nullptr);
    if (c != 0) return c < 0;
    return CompareRows(keys[a], keys[b], &w.order_by) < 0;
  });
  const FrameSpec spec = MakeFrameSpec(ctx, w);
  std::vector<Value>& result = results_[wi];
  result.assign(rows_.size(), Value::Null(w.type));

  for (size_t ps = 0; ps < order.size();) {
    size_t pe = ps + 1;
    while (pe < order.size() && CompareRows(parts[order[ps]], parts[order[pe]], nullptr) == 0) pe++;
    size_t n = pe - ps;
    std::vector<uint32_t> rows(order.begin() + ps, order.begin() + pe);
    // Peer groups: rows with equal ORDER BY values.
    std::vector<size_t> group(n, 0);
    for (size_t k = 1; k < n; k++)
      group[k] = group[k - 1] + (CompareRows(keys[rows[k - 1]], keys[rows[k]], &w.order_by) != 0);
    std::vector<Value> range_keys;
    if (w.mode == BoundWindow::Mode::kRange && (w.start_offset || w.end_offset))
      for (uint32_t r : rows) range_keys.push_back(keys[r][0]);
    PartitionFrames frames(spec, std::move(group), &range_keys, ctx.function);
    const std::string& f = w.name;
    if (w.aggregate.function) {
      AggregateFrames(w, frames, args, rows, &result);
      ps = pe;
      continue;
    }
    for (size_t k = 0; k < n; k++) {
      Value& out = result[rows[k]];
      if (f == "row_number") {
        out = Value::BigInt(static_cast<int64_t>(k) + 1);
      } else if (f == "rank") {
        out = Value::BigInt(static_cast<int64_t>(frames.PeerStart(k)) + 1);
      } else if (f == "dense_rank") {
        out = Value::BigInt(static_cast<int64_t>(frames.Group(k)) + 1);
      } else if (f == "percent_rank") {
        out = Value::Double(n > 1 ? static_cast<double>(frames.PeerStart(k)) / (n - 1) : 0.0);
      } else if (f == "cume_dist") {
        out = Value::Double(static_cast<double>(frames.PeerEnd(k)) / n);
      } else if (f == "ntile") {
        const Value& b = args[rows[k]][0];
        if (b.is_null()) continue;
        int64_t buckets = b.GetInt64();
        if (buckets <= 0) ThrowError("22014", "argument of ntile must be greater than zero");
        int64_t size = static_cast<int64_t>(n) / buckets, extra = static_cast<int64_t>(n) % buckets;
        int64_t pos = static_cast<int64_t>(k), bucket;
        // The first `extra` buckets hold one row more.
        if (pos < extra * (size + 1)) {
          bucket = pos / (size + 1);
        } else {
          bucket = extra + (size ? (pos - extra * (size + 1)) / size : 0);
        }
        out = Value::Int(TypeId::kInteger, bucket + 1);
      } else if (f == "lag" || f == "lead") {
        int64_t off = 1;
        if (args[rows[k]].size() > 1) {
          if (args[rows[k]][1].is_null()) continue;
          off = args[rows[k]][1].GetInt64();
        }
        int64_t target = static_cast<int64_t>(k) + (f == "lag" ? -off : off);
        if (target >= 0 && target < static_cast<int64_t>(n)) {
          out = args[rows[target]][0];
        } else if (args[rows[k]].size() > 2) {
          out = args[rows[k]][2];
        }
      } else {
        out = FrameValue(f, frames, k, args, rows);
      }
      if (!out.is_null())
        out = out.WithType(w.type);
      else
        out = Value::Null(w.type);
    }
    ps = pe;
  }
  return order;
}

DataChunk* Window::Next(ExecContext& ctx) {
  if (!computed_) {
    computed_ = true;
    Materialize(ctx);
    results_.resize(windows_.size());
    for (size_t w = 0; w < windows_.size(); w++) {
      std::vector<uint32_t> order = Compute(ctx, w);
      if (w == 0) order_ = std::move(order);
    }
  }
  if (emitted_ >= order_.size()) return nullptr;
  size_t input_width = types_.size() - windows_.size();
  out_.Initialize(types_);
  idx_t n = 0;
  for (; emitted_ < order_.size() && n < kVectorSize; emitted_++, n++) {
    uint32_t pos = order_[emitted_];
    auto [c, r] = rows_[pos];
    for (size_t col = 0; col < input_width; col++)
      out_.column(col).CopyRow(input_[c].column(col), r, n);
    for (size_t w = 0; w < windows_.size(); w++)
      out_.column(input_width + w).SetValue(n, results_[w][pos]);
  }
  out_.SetSize(n);
  return &out_;
}

}  // namespace heliosdb
