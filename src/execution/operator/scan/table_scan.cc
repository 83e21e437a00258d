#include "execution/operator/scan/table_scan.h"

#include "common/exception.h"
#include "execution/expression_executor.h"
#include "execution/parallel/key_range_split.h"
#include "function/cast/cast.h"
#include "storage/key_codec.h"
#include "storage/row_codec.h"

namespace heliosdb {

TableScan::TableScan(const TableInfo& table, std::vector<int> columns, bool emit_row_key,
                     const AccessPath& access, std::vector<LogicalType> types,
                     std::shared_ptr<ScanRanges> ranges)
    : PhysicalOperator(std::move(types)),
      table_(table),
      emit_row_key_(emit_row_key),
      access_(access),
      ranges_(std::move(ranges)) {
  for (int c : columns) slots_.push_back(table.columns[c].slot);
}

Transaction& TableScan::Reader(ExecContext& ctx) {
  if (as_of_ == 0) return *ctx.txn;
  if (!history_) {
    bool via_index = access_.type == AccessPath::Type::kIndex, index_existed = false;
    if (via_index) {
      for (const IndexInfo* index : history_catalog_->TableIndexes(table_.id))
        if (index->id == access_.index->id) index_existed = index->columns == access_.index->columns;
    }
    if (via_index && !index_existed)
      ThrowError(sqlstate::kFeatureNotSupported,
                 "index \"" + access_.index->name + "\" did not exist as of SCN " +
                     std::to_string(as_of_) + "; the AS OF read cannot use it");
    TransactionOptions options;
    options.branch = ctx.txn->branch();
    history_ = ctx.storage->transactions().BeginAt(as_of_, options);
  }
  return *history_;
}

bool TableScan::Start(ExecContext& ctx) {
  if (access_.type == AccessPath::Type::kFullScan) return true;
  const std::vector<int>& key_columns =
      access_.type == AccessPath::Type::kPrimaryKey ? table_.primary_key : access_.index->columns;
  ExpressionExecutor executor(ctx);
  auto key_value = [&](const BoundExpr& e, size_t i, Value* out) {
    Value v = executor.EvaluateConstant(e);
    if (v.is_null()) return false;  // col = NULL matches nothing
    *out = CastValue(v, table_.columns[key_columns[i]].type, ctx.function, false);
    return true;
  };
  std::string prefix;
  for (size_t i = 0; i < access_.eq.size(); i++) {
    Value v;
    if (!key_value(*access_.eq[i], i, &v)) return false;
    EncodeKeyPart(v, false, &prefix);
  }
  size_t next = access_.eq.size();
  lower_ = prefix;
  upper_ = PrefixSuccessor(prefix);
  if (access_.lower) {
    Value v;
    if (!key_value(*access_.lower, next, &v)) return false;
    std::string bound = prefix;
    EncodeKeyPart(v, false, &bound);
    lower_ = access_.lower_inclusive ? bound : PrefixSuccessor(bound);
  }
  if (access_.upper) {
    Value v;
    if (!key_value(*access_.upper, next, &v)) return false;
    std::string bound = prefix;
    EncodeKeyPart(v, false, &bound);
    upper_ = access_.upper_inclusive ? PrefixSuccessor(bound) : bound;
  } else if (access_.lower) {
    // NULLs sort after every value: a range open at the top stops before them.
    upper_ = prefix;
    EncodeKeyPart(Value::Null(), false, &upper_);
  }
  point_ = access_.type == AccessPath::Type::kPrimaryKey &&
           access_.eq.size() == table_.primary_key.size();
  return true;
}

void TableScan::AddRow(std::string_view key, std::string_view value) {
  idx_t row = chunk_.size();
  DecodeRowInto(value, table_.slot_types, slots_, &chunk_, row);
  if (emit_row_key_) chunk_.column(slots_.size()).SetString(row, key);
  chunk_.SetSize(row + 1);
}

ObjectId TableScan::ScannedObject() const {
  return access_.type == AccessPath::Type::kIndex ? access_.index->id : table_.id;
}

std::vector<ScanRanges::Range> TableScan::Cut(ExecContext& ctx, size_t pieces) {
  if (!Start(ctx)) return {};
  std::vector<std::string> bounds;
  std::string first, last;
  if (Reader(ctx).KeyBounds(ScannedObject(), lower_, upper_, &first, &last))
    bounds = SplitKeyRange(first, last, pieces);
  std::vector<ScanRanges::Range> out;
  std::string lower = lower_;
  for (auto& b : bounds) {
    out.emplace_back(std::move(lower), b);
    lower = std::move(b);
  }
  out.emplace_back(std::move(lower), upper_);
  return out;
}

std::unique_ptr<RowIterator> TableScan::OpenScan(ExecContext& ctx, std::string_view lower,
                                                std::string_view upper) {
  if (access_.zones.empty()) return Reader(ctx).Scan(ScannedObject(), lower, upper);
  if (!zones_ready_) {
    ExpressionExecutor executor(ctx);
    for (const ZoneConjunct& z : access_.zones) {
      Value v = executor.EvaluateConstant(*z.value);
      if (!v.is_null()) zones_.push_back({table_.columns[z.column].slot, z.op, std::move(v)});
    }
    zones_ready_ = true;
  }
  return Reader(ctx).ScanZoned(ScannedObject(), lower, upper, zones_);
}

bool TableScan::OpenNextRange(ExecContext& ctx) {
  ScanRanges::Range range;
  auto cut = [&](size_t pieces) { return Cut(ctx, pieces); };
  if (!ranges_->Next(cut, &range)) return false;
  it_ = OpenScan(ctx, range.first, range.second);
  return true;
}

DataChunk* TableScan::Next(ExecContext& ctx) {
  if (done_) return nullptr;
  if (!started_ && !ranges_) {
    started_ = true;
    if (!Start(ctx)) {
      done_ = true;
      return nullptr;
    }
    if (point_) {
      chunk_.Initialize(types_, 1);  // one row at most
      done_ = true;
      auto value = Reader(ctx).Get(table_.id, lower_);
      if (!value) return nullptr;
      AddRow(lower_, *value);
      return &chunk_;
    }
    it_ = OpenScan(ctx, lower_, upper_);
  }
  // Fresh buffers each batch: the previous batch may still be referenced downstream.
  chunk_.Initialize(types_);
  bool via_index = access_.type == AccessPath::Type::kIndex;
  while (chunk_.size() == 0) {
    ctx.CheckCancel();
    if (!it_ && !(ranges_ && OpenNextRange(ctx))) {
      done_ = true;
      return nullptr;
    }
    while (it_->Valid() && chunk_.size() < kVectorSize) {
      if (via_index) {
        std::string row_key(it_->value());
        auto value = Reader(ctx).Get(table_.id, row_key);
        if (value) AddRow(row_key, *value);
      } else {
        AddRow(it_->key(), it_->value());
      }
      it_->Next();
    }
    if (!it_->Valid()) it_.reset();  // frees the storage iterator as soon as it is drained
  }
  return &chunk_;
}

}  // namespace heliosdb
