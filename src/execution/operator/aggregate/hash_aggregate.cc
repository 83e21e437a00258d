#include "execution/operator/aggregate/hash_aggregate.h"

#include <algorithm>

#include "execution/expression_executor.h"
#include "execution/operator/aggregate/ordered_aggregate_rows.h"
#include "execution/parallel/worker_threads.h"
#include "storage/key_codec.h"

namespace heliosdb {

namespace {
constexpr size_t kStateAlignment = 16;  // states may hold __int128
size_t AlignUp(size_t n) { return (n + kStateAlignment - 1) / kStateAlignment * kStateAlignment; }
}  // namespace

HashAggregate::HashAggregate(const std::vector<BoundExprPtr>& groups,
                             const std::vector<BoundAggregate>& aggregates,
                             const std::vector<std::vector<int>>& grouping_sets,
                             std::vector<LogicalType> types)
    : PhysicalOperator(std::move(types)), groups_(groups), aggregates_(aggregates),
      sets_(grouping_sets) {
  if (sets_.empty()) {
    sets_.emplace_back();
    for (size_t g = 0; g < groups_.size(); g++) sets_[0].push_back(static_cast<int>(g));
  }
  for (const auto& a : aggregates_) {
    offsets_.push_back(block_size_);
    size_t size = a.function.function ? a.function.function->state_size : 0;
    block_size_ += AlignUp(std::max<size_t>(size, 1));
  }
  seen_.resize(aggregates_.size());
  ordered_rows_.resize(aggregates_.size());
}

void HashAggregate::FeedOrdered() {
  for (size_t a = 0; a < aggregates_.size(); a++) {
    const BoundAggregate& agg = aggregates_[a];
    if (agg.order_by.empty()) continue;
    size_t nargs = agg.args.size();
    for (auto& [group, rows] : ordered_rows_[a]) {
      OrderAggregateRows(agg, &rows);
      uint8_t* state = states_[group].get() + offsets_[a];
      std::vector<LogicalType> types;
      for (const auto& e : agg.args) types.push_back(e->type);
      for (size_t begin = 0; begin < rows.size(); begin += kVectorSize) {
        size_t n = std::min<size_t>(kVectorSize, rows.size() - begin);
        DataChunk args(types);
        for (size_t i = 0; i < n; i++)
          for (size_t c = 0; c < nargs; c++) args.column(c).SetValue(i, rows[begin + i][c]);
        args.SetSize(n);
        std::vector<uint8_t*> states(n, state);
        agg.function.function->update(args, states.data(), n);
      }
    }
  }
}

HashAggregate::~HashAggregate() {
  for (size_t a = 0; a < aggregates_.size(); a++) {
    if (!aggregates_[a].function.function) continue;
    const auto& destroy = aggregates_[a].function.function->destroy;
    if (!destroy) continue;
    for (auto& block : states_) destroy(block.get() + offsets_[a]);
  }
}

size_t HashAggregate::GroupOf(const std::string& key, const std::vector<Vector>& group_vectors,
                              idx_t row, size_t set) {
  auto it = index_.find(key);
  if (it != index_.end()) return it->second;
  if (full_) return kSpilled;
  // Columns outside the row's grouping set are NULL in its output row.
  std::vector<Value> values;
  for (size_t g = 0; g < groups_.size(); g++) values.push_back(Value::Null(groups_[g]->type));
  for (int g : sets_[set]) values[g] = group_vectors[g].GetValue(row);
  return AddGroup(key, std::move(values), set);
}

size_t HashAggregate::AddGroup(const std::string& key, std::vector<Value> values, size_t set) {
  size_t group = group_values_.size();
  index_.emplace(key, group);
  group_values_.push_back(std::move(values));
  group_set_.push_back(set);
  // new[] with an alignment-friendly size; operator new aligns to 16 on this platform.
  auto block = std::make_unique<uint8_t[]>(std::max<size_t>(block_size_, 1));
  for (size_t a = 0; a < aggregates_.size(); a++)
    if (aggregates_[a].function.function)
      aggregates_[a].function.function->init(block.get() + offsets_[a]);
  states_.push_back(std::move(block));
  return group;
}

void HashAggregate::MergeFrom(const HashAggregate& other) {
  for (const auto& [key, source] : other.index_) {
    auto it = index_.find(key);
    size_t group = it != index_.end()
                       ? it->second
                       : AddGroup(key, other.group_values_[source], other.group_set_[source]);
    for (size_t a = 0; a < aggregates_.size(); a++) {
      const AggregateFunction* f = aggregates_[a].function.function;
      if (f) f->combine(other.states_[source].get() + offsets_[a], states_[group].get() + offsets_[a]);
    }
  }
}

void HashAggregate::ConsumeClones(ExecContext& ctx) {
  std::vector<std::unique_ptr<HashAggregate>> partials;
  for (size_t i = 1; i < children_.size(); i++)
  {
    partials.push_back(std::make_unique<HashAggregate>(groups_, aggregates_, sets_, types_));
    partials.back()->reservation_.SetBudget(ctx.memory.get());
  }
  RunOnThreads(children_.size(), ctx, [&](size_t i, ExecContext& worker_ctx) {
    HashAggregate& table = i == 0 ? *this : *partials[i - 1];
    while (DataChunk* in = children_[i]->Next(worker_ctx)) {
      table.Consume(worker_ctx, *in);
      worker_ctx.CheckCancel();
    }
  });
  for (const auto& p : partials) {
    MergeFrom(*p);
    TakePartitions(*p);
  }
}

void HashAggregate::Consume(ExecContext& ctx, const DataChunk& in) {
  ExpressionExecutor executor(ctx);
  std::vector<Vector> group_vectors(groups_.size());
  for (size_t g = 0; g < groups_.size(); g++) executor.Evaluate(*groups_[g], in, &group_vectors[g]);
  // Every row joins one group per grouping set.
  for (size_t set = 0; set < sets_.size(); set++) ConsumeSet(ctx, in, group_vectors, set);
}

std::string HashAggregate::SetKey(size_t set) const {
  std::string key;
  EncodeKeyPart(Value::BigInt(static_cast<int64_t>(set)), false, &key);
  return key;
}

void HashAggregate::ConsumeSet(ExecContext& ctx, const DataChunk& in,
                               const std::vector<Vector>& group_vectors, size_t set) {
  ExpressionExecutor executor(ctx);
  idx_t count = in.size();
  std::vector<size_t> group_of(count);
  std::vector<UnifiedFormat> group_data;
  for (const Vector& v : group_vectors) group_data.push_back(v.ToUnified());
  std::string key;
  for (idx_t r = 0; r < count; r++) {
    key = SetKey(set);
    for (int g : sets_[set]) EncodeKeyPart(group_data[g], group_vectors[g].type(), r, &key);
    size_t groups_before = group_values_.size();
    group_of[r] = GroupOf(key, group_vectors, r, set);
    if (group_of[r] == kSpilled) {
      SpillRow(in, r, key);
    } else if (group_values_.size() > groups_before && !ReserveGroup(key)) {
      full_ = true;  // the group just added stays; later new groups spill
    }
  }
  std::vector<uint8_t*> states(count);
  for (size_t a = 0; a < aggregates_.size(); a++) {
    const BoundAggregate& agg = aggregates_[a];
    if (!agg.function.function) continue;  // GROUPING(): computed from the set at output
    DataChunk args;
    for (const auto& e : agg.args) {
      Vector v;
      executor.Evaluate(*e, in, &v);
      args.columns().push_back(std::move(v));
    }
    args.SetSize(count);
    // Rows that reach this aggregate: FILTER true, and for DISTINCT, a first occurrence.
    SelectionVector sel(std::max<idx_t>(count, 1));
    idx_t n = 0;
    Vector filter;
    UnifiedFormat uf;
    if (agg.filter) {
      executor.Evaluate(*agg.filter, in, &filter);
      uf = filter.ToUnified();
    }
    for (idx_t r = 0; r < count; r++) {
      if (group_of[r] == kSpilled) continue;
      if (agg.filter && !(uf.IsValid(r) && uf.Get<bool>(r))) continue;
      // An ordered DISTINCT aggregate drops its duplicates once its rows are sorted.
      if (agg.distinct && agg.order_by.empty()) {
        std::string arg_key;
        bool any_null = false;
        for (idx_t c = 0; c < args.column_count(); c++) {
          Value v = args.GetValue(c, r);
          any_null |= v.is_null();
          EncodeKeyPart(v, false, &arg_key);
        }
        if (any_null || !seen_[a][group_of[r]].insert(arg_key).second) continue;
      }
      states[n] = states_[group_of[r]].get() + offsets_[a];
      sel.set(n++, static_cast<uint32_t>(r));
    }
    if (n == 0) continue;
    if (!agg.order_by.empty()) {
      // Keep the rows; they are fed in ORDER BY order once the input is read.
      std::vector<Vector> keys(agg.order_by.size());
      for (size_t k = 0; k < keys.size(); k++)
        executor.Evaluate(*agg.order_by[k].expr, in, &keys[k]);
      for (idx_t i = 0; i < n; i++) {
        idx_t r = sel.get(i);
        std::vector<Value> row;
        for (idx_t c = 0; c < args.column_count(); c++) row.push_back(args.GetValue(c, r));
        for (auto& k : keys) row.push_back(k.GetValue(r));
        ordered_rows_[a][group_of[r]].push_back(std::move(row));
      }
      continue;
    }
    if (n < count) args.Slice(sel, n);
    agg.function.function->update(args, states.data(), n);
  }
}

DataChunk* HashAggregate::Next(ExecContext& ctx) {
  if (!consumed_) {
    consumed_ = true;
    reservation_.SetBudget(ctx.memory.get());
    if (children_.size() > 1) {
      ConsumeClones(ctx);
    } else {
      while (DataChunk* in = child()->Next(ctx)) {
        Consume(ctx, *in);
        ctx.CheckCancel();
      }
    }
    // A grouping set of no columns has its one row even for empty input.
    std::vector<Vector> none(groups_.size());
    for (size_t set = 0; set < sets_.size(); set++)
      if (sets_[set].empty() && level_ == 0) GroupOf(SetKey(set), none, 0, set);
    FeedOrdered();
  }
  // Spilled partitions first: their groups may still combine into this table's.
  while (true) {
    if (partition_table_) {
      if (DataChunk* out = partition_table_->Next(ctx)) return out;
      partition_table_.reset();
    }
    if (next_partition_ >= partitions_.size()) break;
    NextPartition(ctx);
  }
  if (!emission_planned_) PlanEmission();
  if (emitted_ >= emit_order_.size()) return nullptr;
  idx_t n = std::min<idx_t>(kVectorSize, emit_order_.size() - emitted_);
  std::vector<uint32_t> rows(emit_order_.begin() + emitted_, emit_order_.begin() + emitted_ + n);
  out_.Initialize(types_);
  for (size_t g = 0; g < groups_.size(); g++)
    for (idx_t i = 0; i < n; i++) out_.column(g).SetValue(i, group_values_[rows[i]][g]);
  std::vector<uint8_t*> states(n);
  for (size_t a = 0; a < aggregates_.size(); a++) {
    if (!aggregates_[a].function.function) {
      // GROUPING(c1, ..., cn): bit n-1-i is set when ci is not in the row's grouping set.
      const auto& columns = aggregates_[a].grouping_columns;
      for (idx_t i = 0; i < n; i++) {
        const auto& set = sets_[group_set_[rows[i]]];
        int64_t mask = 0;
        for (int c : columns)
          mask = (mask << 1) | (std::find(set.begin(), set.end(), c) == set.end() ? 1 : 0);
        out_.column(groups_.size() + a).SetValue(i, Value::Integer(mask));
      }
      continue;
    }
    for (idx_t i = 0; i < n; i++) states[i] = states_[rows[i]].get() + offsets_[a];
    aggregates_[a].function.function->finalize(states.data(), n,
                                               &out_.column(groups_.size() + a), 0);
  }
  out_.SetSize(n);
  emitted_ += n;
  return &out_;
}

}  // namespace heliosdb
