#include "execution/operator/window/window.h"

#include <algorithm>

#include "common/exception.h"
#include "execution/expression_executor.h"

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
  ExpressionExecutor executor(ctx);
  auto offset_of = [&](const BoundExprPtr& e) -> int64_t {
    if (!e) return 0;
    Value v = executor.EvaluateConstant(*e);
    if (v.is_null() || v.GetInt64() < 0)
      ThrowError("22013", "frame starting or ending offset must not be null or negative");
    return v.GetInt64();
  };
  int64_t start_offset = offset_of(w.start_offset), end_offset = offset_of(w.end_offset);
  std::vector<Value>& result = results_[wi];
  result.assign(rows_.size(), Value::Null(w.type));
  std::vector<uint8_t> state_bytes(w.aggregate.function ? w.aggregate.function->state_size + 16 : 0);

  for (size_t ps = 0; ps < order.size();) {
    size_t pe = ps + 1;
    while (pe < order.size() && CompareRows(parts[order[ps]], parts[order[pe]], nullptr) == 0) pe++;
    size_t n = pe - ps;
    std::vector<uint32_t> rows(order.begin() + ps, order.begin() + pe);
    // Peer groups: rows with equal ORDER BY values.
    std::vector<size_t> peer_start(n), peer_end(n), group(n);
    for (size_t k = 0; k < n;) {
      size_t e = k + 1;
      while (e < n && CompareRows(keys[rows[k]], keys[rows[e]], &w.order_by) == 0) e++;
      for (size_t j = k; j < e; j++) {
        peer_start[j] = k;
        peer_end[j] = e;
        group[j] = k == 0 ? 0 : group[k - 1] + 1;
      }
      k = e;
    }
    std::vector<size_t> group_first, group_last;
    for (size_t k = 0; k < n; k++)
      if (k == 0 || group[k] != group[k - 1]) group_first.push_back(k);
    for (size_t g = 0; g < group_first.size(); g++)
      group_last.push_back(g + 1 < group_first.size() ? group_first[g + 1] - 1 : n - 1);
    // The frame of position k as [first, last]; first > last when empty.
    auto frame = [&](size_t k, int64_t* first, int64_t* last) {
      int64_t kk = static_cast<int64_t>(k), nn = static_cast<int64_t>(n);
      if (!w.has_frame) {
        *first = 0;
        *last = w.order_by.empty() ? nn - 1 : static_cast<int64_t>(peer_end[k]) - 1;
        return;
      }
      auto position = [&](BoundWindow::Bound b, int64_t off, bool is_start) -> int64_t {
        switch (b) {
          case BoundWindow::Bound::kUnboundedPreceding:
            return is_start ? 0 : -1;
          case BoundWindow::Bound::kUnboundedFollowing:
            return is_start ? nn : nn - 1;
          case BoundWindow::Bound::kCurrentRow:
            if (w.mode == BoundWindow::Mode::kRows) return kk;
            return is_start ? static_cast<int64_t>(peer_start[k])
                            : static_cast<int64_t>(peer_end[k]) - 1;
          default: {
            bool back = b == BoundWindow::Bound::kPreceding;
            if (w.mode == BoundWindow::Mode::kRows) return back ? kk - off : kk + off;
            int64_t g = static_cast<int64_t>(group[k]) + (back ? -off : off);
            int64_t groups = static_cast<int64_t>(group_first.size());
            if (g < 0) return is_start ? 0 : -1;
            if (g >= groups) return is_start ? nn : nn - 1;
            return is_start ? static_cast<int64_t>(group_first[g])
                            : static_cast<int64_t>(group_last[g]);
          }
        }
      };
      *first = std::max<int64_t>(0, position(w.start, start_offset, true));
      *last = std::min<int64_t>(nn - 1, position(w.end, end_offset, false));
    };
    const std::string& f = w.name;
    if (w.aggregate.function) {
      // A frame that starts at the partition's first row only grows: fold rows in once.
      bool running = !w.has_frame || w.start == BoundWindow::Bound::kUnboundedPreceding;
      uint8_t* state = state_bytes.data();
      int64_t folded = -1;
      if (running) w.aggregate.function->init(state);
      for (size_t k = 0; k < n; k++) {
        int64_t first, last;
        frame(k, &first, &last);
        if (!running) {
          w.aggregate.function->init(state);
          if (first <= last) Accumulate(w, args, rows, first, last, state);
          result[rows[k]] = Finalize(w, state);
          if (w.aggregate.function->destroy) w.aggregate.function->destroy(state);
          continue;
        }
        if (last > folded) {
          Accumulate(w, args, rows, folded + 1, last, state);
          folded = last;
        }
        result[rows[k]] = Finalize(w, state);
      }
      if (running && w.aggregate.function->destroy) w.aggregate.function->destroy(state);
    } else {
      for (size_t k = 0; k < n; k++) {
        Value& out = result[rows[k]];
        if (f == "row_number") {
          out = Value::BigInt(static_cast<int64_t>(k) + 1);
        } else if (f == "rank") {
          out = Value::BigInt(static_cast<int64_t>(peer_start[k]) + 1);
        } else if (f == "dense_rank") {
          out = Value::BigInt(static_cast<int64_t>(group[k]) + 1);
        } else if (f == "percent_rank") {
          out = Value::Double(n > 1 ? static_cast<double>(peer_start[k]) / (n - 1) : 0.0);
        } else if (f == "cume_dist") {
          out = Value::Double(static_cast<double>(peer_end[k]) / n);
        } else if (f == "ntile") {
          const Value& b = args[rows[k]][0];
          if (b.is_null()) continue;
          int64_t buckets = b.GetInt64();
          if (buckets <= 0)
            ThrowError("22014", "argument of ntile must be greater than zero");
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
        } else {  // first_value, last_value, nth_value over the frame
          int64_t first, last;
          frame(k, &first, &last);
          int64_t pick = f == "first_value" ? first : f == "last_value" ? last : -1;
          if (f == "nth_value") {
            const Value& nth = args[rows[k]][1];
            if (nth.is_null()) continue;
            if (nth.GetInt64() <= 0)
              ThrowError("22016", "argument of nth_value must be greater than zero");
            pick = first + nth.GetInt64() - 1;
          }
          if (first <= last && pick >= first && pick <= last) out = args[rows[pick]][0];
        }
        if (!out.is_null()) out = out.WithType(w.type);
      }
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
