#include "execution/operator/scan/table_scan.h"

#include "execution/expression_executor.h"
#include "function/cast/cast.h"
#include "storage/key_codec.h"
#include "storage/row_codec.h"

namespace heliosdb {

TableScan::TableScan(const TableInfo& table, std::vector<int> columns, bool emit_row_key,
                     const AccessPath& access, std::vector<LogicalType> types)
    : PhysicalOperator(std::move(types)),
      table_(table),
      emit_row_key_(emit_row_key),
      access_(access) {
  for (int c : columns) slots_.push_back(table.columns[c].slot);
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

DataChunk* TableScan::Next(ExecContext& ctx) {
  if (done_) return nullptr;
  if (!started_) {
    started_ = true;
    if (!Start(ctx)) {
      done_ = true;
      return nullptr;
    }
    if (point_) {
      chunk_.Initialize(types_, 1);  // one row at most
      done_ = true;
      auto value = ctx.txn->Get(table_.id, lower_);
      if (!value) return nullptr;
      AddRow(lower_, *value);
      return &chunk_;
    }
    ObjectId object =
        access_.type == AccessPath::Type::kIndex ? access_.index->id : table_.id;
    it_ = ctx.txn->Scan(object, lower_, upper_);
  }
  ctx.CheckCancel();
  // Fresh buffers each batch: the previous batch may still be referenced downstream.
  chunk_.Initialize(types_);
  bool via_index = access_.type == AccessPath::Type::kIndex;
  while (it_->Valid() && chunk_.size() < kVectorSize) {
    if (via_index) {
      std::string row_key(it_->value());
      auto value = ctx.txn->Get(table_.id, row_key);
      if (value) AddRow(row_key, *value);
    } else {
      AddRow(it_->key(), it_->value());
    }
    it_->Next();
  }
  if (!it_->Valid()) done_ = true;
  return chunk_.size() > 0 ? &chunk_ : (done_ ? nullptr : Next(ctx));
}

}  // namespace heliosdb
