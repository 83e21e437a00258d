// HashAggregate's spilling: what happens once its table is full (see hash_aggregate.h).
#include "common/exception.h"
#include "execution/operator/aggregate/hash_aggregate.h"
#include "execution/spill/partition_hash.h"

namespace heliosdb {

namespace {
// First-pass tables stop at half the budget: the partitions aggregated after them need room
// while the first table still holds its groups.
constexpr double kFirstPassShare = 0.5;
// A table always takes this many groups, so every pass makes progress.
constexpr size_t kMinGroups = 1024;
constexpr int kMaxLevel = 15;  // four hash bits per level out of 64
}  // namespace

bool HashAggregate::ReserveGroup(const std::string& key) {
  // The key in the index, the group's values and its states, plus container overhead.
  int64_t bytes = static_cast<int64_t>(96 + 2 * key.size() + block_size_ +
                                       groups_.size() * sizeof(Value));
  if (reservation_.Grow(bytes, level_ == 0 ? kFirstPassShare : 1.0)) return true;
  return group_values_.size() < kMinGroups;
}

void HashAggregate::SpillRow(const DataChunk& in, idx_t row, const std::string& key) {
  if (sets_.size() > 1)
    ThrowError(sqlstate::kOutOfMemory,
               "GROUPING SETS need more memory than memory_limit allows (" +
                   std::to_string(reservation_.bytes()) + " bytes held)");
  if (level_ >= kMaxLevel)
    ThrowError(sqlstate::kOutOfMemory, "hash aggregate cannot split its groups further");
  if (partitions_.empty()) partitions_.resize(kSpillPartitions);
  size_t p = SpillPartition(key, level_, kSpillPartitions);
  auto& files = partitions_[p];
  if (files.empty()) files.push_back(std::make_unique<SpillFile>(in.types()));
  files.back()->Append(in, row);
}

void HashAggregate::TakePartitions(HashAggregate& other) {
  if (other.partitions_.empty()) return;
  if (partitions_.empty()) partitions_.resize(kSpillPartitions);
  for (size_t p = 0; p < kSpillPartitions; p++)
    for (auto& f : other.partitions_[p]) partitions_[p].push_back(std::move(f));
}

bool HashAggregate::NextPartition(ExecContext& ctx) {
  auto& files = partitions_[next_partition_++];
  if (files.empty()) return false;
  auto table = std::make_unique<HashAggregate>(groups_, aggregates_, sets_, types_);
  table->level_ = level_ + 1;
  table->reservation_.SetBudget(ctx.memory.get());
  table->consumed_ = true;
  // Only the first table can share groups with a partition (parallel clones each filled
  // one); deeper tables' groups never meet their parent's.
  HashAggregate* root = full_table_ ? full_table_ : this;
  table->full_table_ = root;
  for (auto& f : files) {
    f->Finish();
    SpillFile::Reader reader(*f);
    DataChunk chunk;
    while (reader.Read(&chunk)) {
      table->Consume(ctx, chunk);
      ctx.CheckCancel();
    }
  }
  files.clear();  // closes (and so removes) the temporary files
  table->FeedOrdered();
  table->combined_.assign(table->group_values_.size(), false);
  for (const auto& [key, group] : table->index_) {
    auto it = root->index_.find(key);
    if (it == root->index_.end()) continue;
    for (size_t a = 0; a < aggregates_.size(); a++)
      if (const AggregateFunction* f = aggregates_[a].function.function)
        f->combine(table->states_[group].get() + offsets_[a],
                   root->states_[it->second].get() + offsets_[a]);
    table->combined_[group] = true;
  }
  partition_table_ = std::move(table);
  return true;
}

void HashAggregate::PlanEmission() {
  emission_planned_ = true;
  for (size_t g = 0; g < group_values_.size(); g++)
    if (combined_.empty() || !combined_[g]) emit_order_.push_back(static_cast<uint32_t>(g));
}

}  // namespace heliosdb
