#include "execution/operator/dml/dml_operator.h"

#include "common/exception.h"
#include "execution/expression_executor.h"

namespace heliosdb {

namespace {
std::vector<LogicalType> ColumnTypes(const TableInfo& table) {
  std::vector<LogicalType> types;
  for (const auto& c : table.columns) types.push_back(c.type);
  return types;
}

// A one-row chunk holding the values of each row in rows, concatenated.
DataChunk RowChunk(std::initializer_list<const std::vector<Value>*> rows) {
  DataChunk chunk;
  for (const auto* row : rows)
    for (const auto& v : *row) chunk.columns().push_back(Vector::Constant(v));
  chunk.SetSize(1);
  return chunk;
}
}  // namespace

void DmlOperator::Written(const std::vector<Value>& row, const std::vector<Value>* rest) {
  if (op_.returning.empty()) return;
  if (written_.empty() || written_.back().size() == kVectorSize) {
    std::vector<LogicalType> types = ColumnTypes(*op_.table);
    if (rest)
      types.insert(types.end(), child()->types().begin() + row.size(), child()->types().end());
    written_.emplace_back(types);
  }
  DataChunk& chunk = written_.back();
  for (size_t c = 0; c < row.size(); c++) chunk.column(c).SetValue(chunk.size(), row[c]);
  if (rest)
    for (size_t c = 0; c < rest->size(); c++)
      chunk.column(row.size() + c).SetValue(chunk.size(), (*rest)[c]);
  chunk.SetSize(chunk.size() + 1);
}

void DmlOperator::ReadInput(ExecContext& ctx, std::vector<std::vector<Value>>* rows,
                            std::vector<std::string>* keys, std::vector<DataChunk>* chunks,
                            std::vector<std::vector<Value>>* rests) {
  size_t width = op_.table->columns.size();
  if (op_.returning.empty()) rests = nullptr;
  while (DataChunk* in = child()->Next(ctx)) {
    for (idx_t r = 0; r < in->size(); r++) {
      std::vector<Value> row;
      row.reserve(width);
      for (size_t c = 0; c < width; c++) row.push_back(in->GetValue(c, r));
      rows->push_back(std::move(row));
      if (keys) keys->push_back(in->GetValue(width, r).GetString());
      if (rests) {
        std::vector<Value> rest;
        for (size_t c = width; c < in->column_count(); c++) rest.push_back(in->GetValue(c, r));
        rests->push_back(std::move(rest));
      }
    }
    if (chunks) {
      DataChunk copy = *in;
      copy.Flatten();
      chunks->push_back(std::move(copy));
    }
    ctx.CheckCancel();
  }
}

DataChunk* DmlOperator::Next(ExecContext& ctx) {
  if (!done_) {
    done_ = true;
    if (ctx.txn->read_only())
      ThrowError(sqlstate::kReadOnlySqlTransaction,
                 std::string("cannot execute ") +
                     (op_.kind == LogicalOpKind::kInsert   ? "INSERT"
                      : op_.kind == LogicalOpKind::kUpdate ? "UPDATE"
                                                           : "DELETE") +
                     " in a read-only transaction");
    TableWriter writer(ctx, *op_.table);
    Execute(ctx, writer);
  }
  if (next_ >= written_.size()) return nullptr;
  ExpressionExecutor executor(ctx);
  const DataChunk& rows = written_[next_++];
  out_ = DataChunk();
  for (const auto& e : op_.returning) {
    Vector v;
    executor.Evaluate(*e, rows, &v);
    out_.columns().push_back(std::move(v));
  }
  out_.SetSize(rows.size());
  return &out_;
}

void InsertOperator::Execute(ExecContext& ctx, TableWriter& writer) {
  std::vector<std::vector<Value>> rows;
  ReadInput(ctx, &rows, nullptr, nullptr);
  for (auto& row : rows) {
    if (op_.conflict != ConflictAction::kNone && ResolveConflict(ctx, writer, row)) continue;
    std::string key = writer.Insert(row);
    if (op_.conflict == ConflictAction::kUpdate) updated_keys_.insert(key);
    ctx.rows_affected++;
    Written(row);
  }
}

// Handles ON CONFLICT for a proposed row; true when the row was dealt with (skipped or
// merged into the existing row) instead of inserted.
bool InsertOperator::ResolveConflict(ExecContext& ctx, TableWriter& writer,
                                     const std::vector<Value>& row) {
  auto existing = writer.FindConflict(row, op_.conflict_columns);
  if (!existing) return false;
  if (op_.conflict == ConflictAction::kNothing) return true;
  auto& [key, old_row] = *existing;
  if (!updated_keys_.insert(key).second)
    ThrowError(sqlstate::kCardinalityViolation,
               "ON CONFLICT DO UPDATE command cannot affect row a second time");
  ExpressionExecutor executor(ctx);
  DataChunk both = RowChunk({&old_row, &row});  // existing ++ excluded
  if (op_.conflict_where) {
    Vector keep;
    executor.Evaluate(*op_.conflict_where, both, &keep);
    Value v = keep.GetValue(0);
    if (v.is_null() || !v.GetBool()) return true;
  }
  std::vector<Value> new_row = old_row;
  for (size_t i = 0; i < op_.conflict_set.size(); i++) {
    Vector v;
    executor.Evaluate(*op_.conflict_set[i], both, &v);
    new_row[op_.conflict_set_columns[i]] = v.GetValue(0);
  }
  updated_keys_.insert(writer.Update(key, old_row, new_row));
  ctx.rows_affected++;
  Written(new_row);
  return true;
}

void UpdateOperator::Execute(ExecContext& ctx, TableWriter& writer) {
  std::vector<std::vector<Value>> rows, rests;
  std::vector<std::string> keys;
  std::vector<DataChunk> chunks;
  ReadInput(ctx, &rows, &keys, &chunks, &rests);
  // New values are computed a batch at a time over the scanned rows, before any write.
  std::vector<std::vector<Value>> new_rows = rows;
  ExpressionExecutor executor(ctx);
  size_t base = 0;
  for (const auto& chunk : chunks) {
    for (size_t i = 0; i < op_.exprs.size(); i++) {
      Vector v;
      executor.Evaluate(*op_.exprs[i], chunk, &v);
      for (idx_t r = 0; r < chunk.size(); r++)
        new_rows[base + r][op_.update_columns[i]] = v.GetValue(r);
    }
    base += chunk.size();
  }
  std::unordered_set<std::string> written;
  for (size_t i = 0; i < rows.size(); i++) {
    if (!written.insert(keys[i]).second) continue;
    if (op_.returning.empty()) {
      writer.Update(keys[i], rows[i], std::move(new_rows[i]));
    } else {
      writer.Update(keys[i], rows[i], new_rows[i]);
      Written(new_rows[i], &rests[i]);
    }
    ctx.rows_affected++;
  }
}

void DeleteOperator::Execute(ExecContext& ctx, TableWriter& writer) {
  std::vector<std::vector<Value>> rows, rests;
  std::vector<std::string> keys;
  ReadInput(ctx, &rows, &keys, nullptr, &rests);
  std::unordered_set<std::string> deleted;
  for (size_t i = 0; i < rows.size(); i++) {
    if (!deleted.insert(keys[i]).second) continue;
    writer.Delete(keys[i], rows[i]);
    ctx.rows_affected++;
    Written(rows[i], op_.returning.empty() ? nullptr : &rests[i]);
  }
}

}  // namespace heliosdb
