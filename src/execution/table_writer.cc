#include "execution/table_writer.h"

#include "common/exception.h"
#include "execution/expression_executor.h"
#include "execution/table_row.h"
#include "function/cast/cast.h"
#include "planner/binder.h"
#include "storage/key_codec.h"

namespace heliosdb {

namespace {
constexpr int kMaxCascadeDepth = 100;

std::string FailingRow(const std::vector<Value>& row) {
  std::string out = "Failing row contains (";
  for (size_t i = 0; i < row.size(); i++) {
    if (i) out += ", ";
    out += row[i].is_null() ? "null" : row[i].ToString();
  }
  return out + ").";
}

std::vector<Value> Pick(const std::vector<Value>& row, const std::vector<int>& columns) {
  std::vector<Value> out;
  for (int c : columns) out.push_back(row[c]);
  return out;
}

bool AnyNull(const std::vector<Value>& values) {
  for (const auto& v : values)
    if (v.is_null()) return true;
  return false;
}

bool SameValues(const std::vector<Value>& a, const std::vector<Value>& b) {
  for (size_t i = 0; i < a.size(); i++)
    if (a[i].is_null() != b[i].is_null() || (!a[i].is_null() && a[i].Compare(b[i]) != 0))
      return false;
  return true;
}

[[noreturn]] void Violation(const char* code, std::string message, std::string detail) {
  Status s = Status::Error(code, std::move(message));
  s.WithDetail(std::move(detail));
  throw DbException(s);
}
}  // namespace

TableWriter::TableWriter(ExecContext& ctx, const TableInfo& table) : ctx_(ctx), table_(table) {
  for (const IndexInfo* index : ctx.catalog->TableIndexes(table.id))
    if (!index->primary) indexes_.push_back(index);
  for (const auto& c : table.constraints) {
    if (c.kind != ConstraintKind::kCheck) continue;
    Binder binder(*ctx.catalog);
    checks_.emplace_back(&c, binder.CoerceToBoolean(
                                 binder.BindExpressionText(c.check_sql, Binder::TableScope(table)),
                                 "CHECK", 0));
  }
}

TableWriter::~TableWriter() = default;

std::string TableWriter::RowKey(const std::vector<Value>& row) {
  if (table_.has_primary_key()) return PrimaryKeyOf(table_, row);
  int64_t id = ctx_.storage->IncrementCounter("rowid:" + std::to_string(table_.id));
  return EncodeKey({Value::BigInt(id)});
}

void TableWriter::CheckRow(const std::vector<Value>& row) {
  for (size_t i = 0; i < table_.columns.size(); i++) {
    if (table_.columns[i].not_null && row[i].is_null())
      Violation(sqlstate::kNotNullViolation,
                "null value in column \"" + table_.columns[i].name + "\" of relation \"" +
                    table_.name + "\" violates not-null constraint",
                FailingRow(row));
  }
  if (checks_.empty()) return;
  DataChunk chunk;
  for (size_t i = 0; i < row.size(); i++) {
    chunk.columns().push_back(Vector::Constant(row[i]));
  }
  chunk.SetSize(1);
  ExpressionExecutor executor(ctx_);
  for (const auto& [constraint, expr] : checks_) {
    Vector result;
    executor.Evaluate(*expr, chunk, &result);
    Value v = result.GetValue(0);
    if (!v.is_null() && !v.GetBool())
      Violation(sqlstate::kCheckViolation,
                "new row for relation \"" + table_.name + "\" violates check constraint \"" +
                    constraint->name + "\"",
                FailingRow(row));
  }
}

std::optional<std::string> TableWriter::GetForUnique(ObjectId object, const std::string& key) {
  // A short statement pays no extra seeks. On a branch, KeyBounds covers the parents' keys.
  constexpr int kChecksBeforeBounds = 32;
  StoredKeys& stored = stored_keys_[object];
  if (!stored.known && ++stored.checks > kChecksBeforeBounds) {
    std::string first, last;
    if (ctx_.txn->KeyBounds(object, "", "", &first, &last)) stored.last = std::move(last);
    stored.known = true;
  }
  if (stored.known && (!stored.last || key > *stored.last))
    return ctx_.txn->GetUnstored(object, key);
  return ctx_.txn->Get(object, key);
}

void TableWriter::CheckUnique(const std::vector<Value>& row, const std::string& key,
                              const std::string* old_key, const std::vector<Value>* old_row) {
  if (table_.has_primary_key() && (!old_key || *old_key != key) &&
      GetForUnique(table_.id, key)) {
    std::string name = table_.name + "_pkey";
    for (const auto& c : table_.constraints)
      if (c.kind == ConstraintKind::kPrimaryKey) name = c.name;
    Violation(sqlstate::kUniqueViolation,
              "duplicate key value violates unique constraint \"" + name + "\"",
              "Key " + DescribeKey(table_, table_.primary_key, row) + " already exists.");
  }
  for (const IndexInfo* index : indexes_) {
    if (!index->unique) continue;
    bool has_null;
    std::vector<Value> values = IndexValuesOf(*index, row, &has_null);
    if (has_null) continue;
    if (old_row && SameValues(values, Pick(*old_row, index->columns))) continue;
    if (GetForUnique(index->id, IndexEntryKey(*index, row, key)))
      Violation(sqlstate::kUniqueViolation,
                "duplicate key value violates unique constraint \"" + index->name + "\"",
                "Key " + DescribeKey(table_, index->columns, row) + " already exists.");
  }
}

void TableWriter::CheckForeignKeys(const std::vector<Value>& row,
                                   const std::vector<Value>* old_row) {
  for (const auto& c : table_.constraints) {
    if (c.kind != ConstraintKind::kForeignKey) continue;
    std::vector<Value> values = Pick(row, c.columns);
    if (AnyNull(values)) continue;
    if (old_row && SameValues(values, Pick(*old_row, c.columns))) continue;
    const TableInfo* parent = ctx_.catalog->GetTable(c.ref_table);
    HELIOS_ASSERT(parent);
    std::string key;
    for (size_t i = 0; i < values.size(); i++)
      EncodeKeyPart(CastValue(values[i], parent->columns[c.ref_columns[i]].type, ctx_.function),
                    false, &key);
    bool found = false;
    if (c.ref_columns == parent->primary_key) {
      found = ctx_.txn->Get(parent->id, key).has_value();
    } else {
      for (const IndexInfo* index : ctx_.catalog->TableIndexes(parent->id))
        if (index->unique && index->columns == c.ref_columns)
          found = ctx_.txn->Get(index->id, key).has_value();
    }
    if (!found)
      Violation(sqlstate::kForeignKeyViolation,
                "insert or update on table \"" + table_.name +
                    "\" violates foreign key constraint \"" + c.name + "\"",
                "Key " + DescribeKey(table_, c.columns, row) + " is not present in table \"" +
                    parent->name + "\".");
  }
}

TableWriter& TableWriter::WriterFor(const TableInfo& table) {
  auto& writer = others_[table.id];
  if (!writer) {
    writer = std::make_unique<TableWriter>(ctx_, table);
    writer->depth_ = depth_ + 1;
    if (writer->depth_ > kMaxCascadeDepth)
      ThrowError(sqlstate::kProgramLimitExceeded, "foreign key cascades nest too deeply");
  }
  return *writer;
}

void TableWriter::EnforceReferences(const std::vector<Value>& old_row,
                                    const std::vector<Value>* new_row) {
  for (const TableInfo* child : ctx_.catalog->ReferencingTables(table_.id)) {
    for (const auto& c : child->constraints) {
      if (c.kind != ConstraintKind::kForeignKey || c.ref_table != table_.id) continue;
      std::vector<Value> referenced = Pick(old_row, c.ref_columns);
      if (AnyNull(referenced)) continue;
      if (new_row && SameValues(referenced, Pick(*new_row, c.ref_columns))) continue;
      // The referencing rows, collected before any of them changes.
      std::vector<std::pair<std::string, std::vector<Value>>> rows;
      for (auto it = ctx_.txn->Scan(child->id, "", ""); it->Valid(); it->Next()) {
        std::vector<Value> row = DecodeTableRow(*child, it->value());
        std::vector<Value> values = Pick(row, c.columns);
        if (AnyNull(values)) continue;
        bool equal = true;
        for (size_t i = 0; i < values.size() && equal; i++)
          equal = CastValue(values[i], referenced[i].type(), ctx_.function).Compare(referenced[i]) == 0;
        if (equal) rows.emplace_back(std::string(it->key()), std::move(row));
      }
      if (rows.empty()) continue;
      FkAction action = new_row ? c.on_update : c.on_delete;
      if (action == FkAction::kNoAction || action == FkAction::kRestrict)
        Violation(sqlstate::kForeignKeyViolation,
                  "update or delete on table \"" + table_.name +
                      "\" violates foreign key constraint \"" + c.name + "\" on table \"" +
                      child->name + "\"",
                  "Key " + DescribeKey(table_, c.ref_columns, old_row) +
                      " is still referenced from table \"" + child->name + "\".");
      TableWriter& writer = WriterFor(*child);
      Binder binder(*ctx_.catalog);
      ExpressionExecutor executor(ctx_);
      for (auto& [key, row] : rows) {
        if (action == FkAction::kCascade && !new_row) {
          writer.Delete(key, row);
          continue;
        }
        std::vector<Value> changed = row;
        for (size_t i = 0; i < c.columns.size(); i++) {
          int col = c.columns[i];
          const LogicalType& type = child->columns[col].type;
          if (action == FkAction::kCascade) {
            changed[col] = CastValue((*new_row)[c.ref_columns[i]], type, ctx_.function);
          } else if (action == FkAction::kSetNull) {
            changed[col] = Value::Null(type);
          } else {
            changed[col] = executor.EvaluateConstant(*binder.Coerce(
                binder.BindExpressionText(child->columns[col].default_sql.empty()
                                              ? "NULL"
                                              : child->columns[col].default_sql,
                                          Scope()),
                type, true, "column", 0));
          }
        }
        writer.Update(key, row, changed);
        // SET DEFAULT may point the child at a parent row that does not exist.
        if (action == FkAction::kSetDefault) writer.CheckForeignKeys(changed, nullptr);
      }
    }
  }
}

void TableWriter::WriteIndexes(const std::vector<Value>& row, const std::string& key) {
  for (const IndexInfo* index : indexes_)
    ctx_.txn->Put(index->id, IndexEntryKey(*index, row, key), key);
}

void TableWriter::DeleteIndexes(const std::vector<Value>& row, const std::string& key) {
  for (const IndexInfo* index : indexes_)
    ctx_.txn->Delete(index->id, IndexEntryKey(*index, row, key));
}

// Rows are written before foreign keys are checked and referential actions run, so a row
// may reference itself and cascaded children see their parent's new key, as PostgreSQL's
// end-of-statement checks allow; a violation still fails the statement, which rolls back.
std::string TableWriter::Insert(std::vector<Value> row) {
  CheckRow(row);
  std::string key = RowKey(row);
  CheckUnique(row, key, nullptr, nullptr);
  ctx_.txn->Put(table_.id, key, EncodeTableRow(table_, row));
  WriteIndexes(row, key);
  CheckForeignKeys(row, nullptr);
  return key;
}

void TableWriter::LockRow(const std::string& key) {
  LockWaitLimits limits;
  limits.cancel = ctx_.cancel;
  limits.statement_deadline = ctx_.deadline;
  limits.lock_timeout = ctx_.lock_timeout;
  ctx_.txn->LockRow(table_.id, key, limits);
  if (!ctx_.txn->ChangedSinceSnapshot(table_.id, key)) return;
  if (ctx_.read_committed) throw StatementRestart();
  ThrowError(sqlstate::kSerializationFailure,
             "could not serialize access due to concurrent update");
}

std::string TableWriter::Update(const std::string& key, const std::vector<Value>& old_row,
                                std::vector<Value> new_row) {
  LockRow(key);
  CheckRow(new_row);
  std::string new_key = table_.has_primary_key() ? PrimaryKeyOf(table_, new_row) : key;
  CheckUnique(new_row, new_key, &key, &old_row);
  DeleteIndexes(old_row, key);
  if (new_key != key) ctx_.txn->Delete(table_.id, key);
  ctx_.txn->Put(table_.id, new_key, EncodeTableRow(table_, new_row));
  WriteIndexes(new_row, new_key);
  CheckForeignKeys(new_row, &old_row);
  EnforceReferences(old_row, &new_row);
  return new_key;
}

void TableWriter::Delete(const std::string& key, const std::vector<Value>& row) {
  LockRow(key);
  ctx_.txn->Delete(table_.id, key);
  DeleteIndexes(row, key);
  EnforceReferences(row, nullptr);
}

std::optional<std::pair<std::string, std::vector<Value>>> TableWriter::FindConflict(
    const std::vector<Value>& row, const std::vector<int>& columns) {
  auto load = [&](const std::string& key) -> std::optional<std::pair<std::string, std::vector<Value>>> {
    auto value = ctx_.txn->Get(table_.id, key);
    if (!value) return std::nullopt;
    return std::make_pair(key, DecodeTableRow(table_, *value));
  };
  if (table_.has_primary_key() && (columns.empty() || columns == table_.primary_key ||
                                   std::is_permutation(columns.begin(), columns.end(),
                                                       table_.primary_key.begin(),
                                                       table_.primary_key.end()))) {
    if (auto hit = load(PrimaryKeyOf(table_, row))) return hit;
    if (!columns.empty()) return std::nullopt;
  }
  for (const IndexInfo* index : indexes_) {
    if (!index->unique) continue;
    if (!columns.empty() && !std::is_permutation(columns.begin(), columns.end(),
                                                 index->columns.begin(), index->columns.end()))
      continue;
    bool has_null;
    IndexValuesOf(*index, row, &has_null);
    if (has_null) continue;
    auto entry = ctx_.txn->Get(index->id, IndexEntryKey(*index, row, ""));
    if (entry) return load(*entry);
  }
  return std::nullopt;
}

}  // namespace heliosdb
