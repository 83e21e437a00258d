#include "execution/operator/scan/version_scan.h"

#include "common/exception.h"
#include "execution/exec_context.h"
#include "storage/commit_time_map.h"
#include "storage/kv_store.h"
#include "storage/row_codec.h"
#include "storage/storage_engine.h"
#include "txn/branch_registry.h"

namespace heliosdb {

VersionScan::VersionScan(const LogicalOp& op, std::vector<LogicalType> types)
    : PhysicalOperator(std::move(types)), op_(op) {
  for (int c : op.columns) slots_.push_back(op.table->columns[c].slot);
}

void VersionScan::PlanKey() {
  pending_.clear();
  next_ = 0;
  const std::vector<StoredVersion>& v = history_->versions();
  // Oldest first: v is newest first, so version i is replaced by version i - 1.
  std::optional<size_t> last_put;  // the newest put before the version at hand, if live
  for (size_t i = v.size(); i-- > 0;) {
    Scn start = v[i].scn;
    std::optional<Scn> end;
    if (i > 0 && v[i - 1].scn <= op_.versions_to) end = v[i - 1].scn;
    if (!v[i].tombstone) {
      if (!end || *end > op_.versions_from) pending_.push_back({i, i, last_put ? 'U' : 'I', end});
      last_put = i;
    } else {
      if (start > op_.versions_from && last_put) pending_.push_back({i, *last_put, 'D', end});
      last_put.reset();
    }
  }
}

Value VersionScan::TimeOf(ExecContext& ctx, std::optional<Scn> scn) {
  if (!scn) return Value::Null(TypeId::kTimestampTz);
  auto it = times_.find(*scn);
  if (it == times_.end()) {
    std::optional<int64_t> t = CommitTimeMap(&ctx.storage->kv()).TimeOf(*scn);
    if (!t) return Value::Null(TypeId::kTimestampTz);
    it = times_.emplace(*scn, *t).first;
  }
  return Value::Int(TypeId::kTimestampTz, it->second);
}

void VersionScan::Emit(ExecContext& ctx, const Output& out) {
  const StoredVersion& version = history_->versions()[out.version];
  idx_t row = chunk_.size();
  DecodeRowInto(history_->versions()[out.values].row, op_.table->slot_types, slots_, &chunk_, row);
  size_t c = slots_.size();
  chunk_.column(c++).SetValue(row, Value::BigInt(static_cast<int64_t>(version.scn)));
  chunk_.column(c++).SetValue(row, TimeOf(ctx, version.scn));
  chunk_.column(c++).SetValue(
      row, out.end ? Value::BigInt(static_cast<int64_t>(*out.end)) : Value::Null(TypeId::kBigInt));
  chunk_.column(c++).SetValue(row, TimeOf(ctx, out.end));
  chunk_.column(c).SetValue(row, Value::Text(std::string(1, out.operation)));
  chunk_.SetSize(row + 1);
}

DataChunk* VersionScan::Next(ExecContext& ctx) {
  if (!history_) {
    auto layers =
        ctx.storage->transactions().branches().Layers(ctx.txn->branch(), op_.versions_to);
    if (!layers.ok()) throw DbException(layers.status());
    history_ = std::make_unique<VersionHistory>(&ctx.storage->kv(), layers.value(),
                                                op_.table->id);
  }
  chunk_.Initialize(types_);
  while (chunk_.size() < kVectorSize) {
    ctx.CheckCancel();
    if (next_ == pending_.size()) {
      if (!history_->NextKey()) break;
      PlanKey();
      continue;
    }
    Emit(ctx, pending_[next_++]);
  }
  return chunk_.size() == 0 ? nullptr : &chunk_;
}

}  // namespace heliosdb
