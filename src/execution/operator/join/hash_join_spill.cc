// HashJoin's grace join: partitioned build and probe sides on temporary files (hash_join.h).
#include "execution/operator/join/hash_join.h"
#include "execution/spill/partition_hash.h"

namespace heliosdb {

namespace {
// A row's partition: by its key's hash; NULL keys (which match nothing) in partition 0.
size_t PartitionOf(const std::vector<Vector>& keys, idx_t row, std::string* key) {
  if (!JoinKeyOf(keys, row, key)) return 0;
  return SpillPartition(*key, 0, HashJoin::kSpillPartitions);
}
}  // namespace

void HashJoin::SpillBuildRows(const DataChunk& chunk, const std::vector<Vector>& keys) {
  HashJoinBuild& b = *build_;
  std::string key;
  for (idx_t r = 0; r < chunk.size(); r++) {
    // NULL keys match nothing but are kept: a FULL join returns them padded.
    size_t p = 0;
    if (JoinKeyOf(keys, r, &key)) {
      p = SpillPartition(key, 0, kSpillPartitions);
    } else {
      b.has_null_key = true;
    }
    b.partitions[p]->Append(chunk, r);
  }
}

void HashJoin::SpillBuild(ExecContext& ctx) {
  HashJoinBuild& b = *build_;
  for (size_t p = 0; p < kSpillPartitions; p++)
    b.partitions.push_back(std::make_unique<SpillFile>(b.input_types));
  for (const DataChunk& chunk : b.rows) SpillBuildRows(chunk, EvaluateJoinKeys(ctx, right_keys_, chunk));
  b.rows.clear();
  b.table.clear();
  b.reservation.Reset();
}

void HashJoin::PartitionProbeInput(ExecContext& ctx) {
  for (size_t p = 0; p < kSpillPartitions; p++)
    probe_partitions_.push_back(std::make_unique<SpillFile>(child(0)->types()));
  std::string key;
  while (DataChunk* in = child(0)->Next(ctx)) {
    std::vector<Vector> keys = EvaluateJoinKeys(ctx, left_keys_, *in);
    for (idx_t r = 0; r < in->size(); r++) probe_partitions_[PartitionOf(keys, r, &key)]->Append(*in, r);
    ctx.CheckCancel();
  }
  for (auto& f : probe_partitions_) f->Finish();
}

DataChunk* HashJoin::NextLeft(ExecContext& ctx) {
  if (build_->partitions.empty()) return child(0)->Next(ctx);
  if (probe_partitions_.empty()) {
    PartitionProbeInput(ctx);
    return nullptr;  // nothing is joined before the partition pairs are
  }
  if (!probe_reader_ || !probe_reader_->Read(&probe_chunk_)) return nullptr;
  return &probe_chunk_;
}

bool HashJoin::NextPartition(ExecContext& ctx) {
  if (build_->partitions.empty() || next_partition_ >= kSpillPartitions) return false;
  size_t p = next_partition_++;
  // Each clone loads the partition's build rows for itself: the files are only read now.
  partition_build_ = std::make_unique<HashJoinBuild>(nullptr);
  SpillFile::Reader build_reader(*build_->partitions[p]);
  DataChunk chunk;
  while (build_reader.Read(&chunk)) {
    std::vector<Vector> keys = EvaluateJoinKeys(ctx, right_keys_, chunk);
    partition_build_->Add(std::move(chunk), keys);
    ctx.CheckCancel();
  }
  current_ = partition_build_.get();
  right_matched_.clear();
  right_emit_ = 0;
  if (type_ == JoinType::kFull)
    for (const auto& rc : current_->rows) right_matched_.emplace_back(rc.size(), false);
  probe_reader_ = std::make_unique<SpillFile::Reader>(*probe_partitions_[p]);
  return true;
}

}  // namespace heliosdb
