// ALTER TABLE: column and constraint changes. Changes that alter stored rows (a column with a
// default added to a non-empty table, a type change, a new or dropped primary key) rewrite
// the rows within the transaction; the others only change the catalog.
#include "common/exception.h"
#include "engine/ddl_executor.h"
#include "engine/table_tiering.h"
#include "engine/time_travel_retention.h"
#include "parser/ast_printer.h"
#include "execution/expression_executor.h"
#include "execution/table_row.h"
#include "function/cast/cast.h"
#include "planner/binder.h"
#include "planner/type_name.h"
#include "storage/key_codec.h"

namespace heliosdb {

namespace {
// Shifts column indexes above a dropped column down by one.
void ShiftColumns(std::vector<int>* columns, int dropped) {
  for (int& c : *columns)
    if (c > dropped) c--;
}

bool Mentions(const std::vector<int>& columns, int column) {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}
}  // namespace

std::vector<IndexInfo> DdlExecutor::IndexesOf(ObjectId table) const {
  std::vector<IndexInfo> out;
  for (const IndexInfo* index : catalog_.TableIndexes(table)) out.push_back(*index);
  return out;
}

void DdlExecutor::RewriteRows(
    const TableInfo& before, const TableInfo& after, const std::vector<IndexInfo>& old_indexes,
    const std::function<std::vector<Value>(const std::vector<Value>&)>& fill) {
  std::vector<std::pair<std::string, std::vector<Value>>> rows;
  for (auto it = txn_.Scan(before.id, "", ""); it->Valid(); it->Next())
    rows.emplace_back(std::string(it->key()), DecodeTableRow(before, it->value()));
  for (const auto& [key, row] : rows) {
    txn_.Delete(before.id, key);
    for (const IndexInfo& index : old_indexes) txn_.Delete(index.id, IndexEntryKey(index, row, key));
  }
  std::vector<const IndexInfo*> indexes = catalog_.TableIndexes(after.id);
  for (const auto& [key, row] : rows) {
    std::vector<Value> next = fill(row);
    std::string new_key = key;
    if (after.has_primary_key()) {
      for (int c : after.primary_key)
        if (next[c].is_null())
          ThrowError(sqlstate::kNotNullViolation,
                     "column \"" + after.columns[c].name + "\" of relation \"" + after.name +
                         "\" contains null values");
      new_key = PrimaryKeyOf(after, next);
      if (before.has_primary_key() == false || before.primary_key != after.primary_key) {
        if (txn_.Get(after.id, new_key)) {
          Status s = Status::Error(sqlstate::kUniqueViolation,
                                   "could not create unique index \"" + after.name + "_pkey\"");
          s.WithDetail("Key " + DescribeKey(after, after.primary_key, next) + " is duplicated.");
          throw DbException(s);
        }
      }
    } else if (before.has_primary_key()) {
      new_key = EncodeKey({Value::BigInt(
          conn_.db->storage->IncrementCounter("rowid:" + std::to_string(after.id)))});
    }
    txn_.Put(after.id, new_key, EncodeTableRow(after, next));
    for (const IndexInfo* index : indexes)
      txn_.Put(index->id, IndexEntryKey(*index, next, new_key), new_key);
  }
}

QueryResult::Impl DdlExecutor::AlterTable(const ast::AlterTableStmt& stmt) {
  auto [schema_name, name] = SplitQualifiedName(stmt.table, stmt.location);
  const TableInfo* found = catalog_.FindTable(schema_name, name);
  if (!found) {
    if (stmt.if_exists) return TagResult("ALTER TABLE");
    ThrowError(sqlstate::kUndefinedTable, "relation \"" + name + "\" does not exist",
               stmt.location);
  }
  RequireOwner(found->owner, "table", found->name);
  using A = ast::AlterTableAction::Type;
  for (const auto& action : stmt.actions) {
    TableInfo table = *catalog_.GetTable(found->id);  // the current state, action by action
    auto column_index = [&](const std::string& column) {
      int idx = table.FindColumn(column);
      if (idx < 0)
        ThrowError(sqlstate::kUndefinedColumn,
                   "column \"" + column + "\" of relation \"" + table.name + "\" does not exist",
                   action.location);
      return idx;
    };
    bool has_rows = txn_.Scan(table.id, "", "")->Valid();
    switch (action.type) {
      case A::kAddColumn: {
        if (action.if_exists && table.FindColumn(action.column.name) >= 0) break;
        TableInfo before = table;
        std::vector<IndexInfo> old_indexes = IndexesOf(table.id);
        std::vector<SequenceInfo> sequences;
        std::vector<ast::TableConstraint> pending;
        AddColumn(&table, action.column, &sequences, &pending);
        std::vector<IndexInfo> indexes;
        for (const auto& c : pending) AddConstraint(&table, c, &indexes);
        for (const auto& seq : sequences) {
          catalog_.PutSequence(txn_, seq);
          ResetSequence(conn_.db->storage.get(), seq.id, seq.start);
        }
        catalog_.PutTable(txn_, table);
        const ColumnInfo& col = table.columns.back();
        if (has_rows && (!col.default_sql.empty() || table.primary_key != before.primary_key)) {
          Binder binder(catalog_);
          auto def = binder.Coerce(binder.BindExpressionText(col.default_sql.empty()
                                                                 ? "NULL"
                                                                 : col.default_sql,
                                                             Scope()),
                                   col.type, true, "column \"" + col.name + "\"", 0);
          ExecContext ctx = MakeExecContext();
          ExpressionExecutor executor(ctx);
          RewriteRows(before, table, old_indexes, [&](const std::vector<Value>& row) {
            std::vector<Value> next = row;
            next.push_back(executor.EvaluateConstant(*def));
            return next;
          });
        } else if (has_rows && col.not_null) {
          ThrowError(sqlstate::kNotNullViolation, "column \"" + col.name + "\" of relation \"" +
                                                      table.name + "\" contains null values");
        }
        for (const auto& index : indexes) {
          BuildIndex(table, index);
          catalog_.PutIndex(txn_, index);
        }
        break;
      }
      case A::kDropColumn: {
        int idx = table.FindColumn(action.name);
        if (idx < 0) {
          if (action.if_exists) break;
          column_index(action.name);
        }
        if (Mentions(table.primary_key, idx) && !action.cascade)
          ThrowError(sqlstate::kDependentObjectsStillExist,
                     "cannot drop column " + action.name + " of table " + table.name +
                         " because other objects depend on it");
        std::vector<IndexInfo> old_indexes;
        for (const IndexInfo* index : catalog_.TableIndexes(table.id)) {
          if (Mentions(index->columns, idx)) {
            catalog_.Drop(txn_, CatalogKind::kIndex, index->id);
          } else {
            old_indexes.push_back(*index);
          }
        }
        std::vector<ConstraintInfo> kept;
        for (auto c : table.constraints) {
          if (Mentions(c.columns, idx)) continue;
          ShiftColumns(&c.columns, idx);
          kept.push_back(c);
        }
        TableInfo before = table;
        table.constraints = std::move(kept);
        table.columns.erase(table.columns.begin() + idx);
        if (Mentions(table.primary_key, idx)) table.primary_key.clear();
        ShiftColumns(&table.primary_key, idx);
        for (const IndexInfo* index : catalog_.TableIndexes(table.id)) {
          IndexInfo updated = *index;
          ShiftColumns(&updated.columns, idx);
          catalog_.PutIndex(txn_, updated);
        }
        catalog_.PutTable(txn_, table);
        if (before.has_primary_key() && !table.has_primary_key() && has_rows)
          RewriteRows(before, table, old_indexes, [&](const std::vector<Value>& row) {
            std::vector<Value> next = row;
            next.erase(next.begin() + idx);
            return next;
          });
        break;
      }
      case A::kRenameColumn: {
        int idx = column_index(action.name);
        if (table.FindColumn(action.new_name) >= 0)
          ThrowError(sqlstate::kDuplicateColumn,
                     "column \"" + action.new_name + "\" of relation \"" + table.name +
                         "\" already exists",
                     action.location);
        table.columns[idx].name = action.new_name;
        catalog_.PutTable(txn_, table);
        break;
      }
      case A::kRenameTable: {
        if (catalog_.RelationExists(table.schema, action.new_name))
          ThrowError(sqlstate::kDuplicateTable,
                     "relation \"" + action.new_name + "\" already exists", action.location);
        table.name = action.new_name;
        catalog_.PutTable(txn_, table);
        break;
      }
      case A::kAlterColumnType: {
        int idx = column_index(action.name);
        TableInfo before = table;
        LogicalType type = ResolveTypeName(action.new_type);
        Binder binder(catalog_);
        binder.set_function_context(conn_.MakeFunctionContext());
        Scope scope = Binder::TableScope(before);
        BoundExprPtr convert =
            action.expr ? binder.BindScalar(*action.expr, scope)
                        : MakeColumnRef(idx, before.columns[idx].type, action.name);
        if (convert->type != type) {
          CastContext context = GetCastContext(convert->type, type);
          if (!action.expr && context != CastContext::kImplicit &&
              context != CastContext::kAssignment) {
            Status s = Status::Error(sqlstate::kDatatypeMismatch,
                                     "column \"" + action.name +
                                         "\" cannot be cast automatically to type " +
                                         type.ToString());
            s.WithHint("You might need to specify \"USING " + action.name + "::" +
                       type.ToString() + "\".");
            throw DbException(s);
          }
          convert = MakeCast(std::move(convert), type, true);
        }
        table.columns[idx].type = type;
        table.columns[idx].slot = static_cast<int>(table.slot_types.size());
        table.slot_types.push_back(type);
        catalog_.PutTable(txn_, table);
        ExecContext ctx = MakeExecContext();
        ExpressionExecutor executor(ctx);
        RewriteRows(before, table, IndexesOf(table.id), [&](const std::vector<Value>& row) {
          DataChunk chunk;
          for (const auto& v : row) chunk.columns().push_back(Vector::Constant(v));
          chunk.SetSize(1);
          Vector out;
          executor.Evaluate(*convert, chunk, &out);
          std::vector<Value> next = row;
          next[idx] = out.GetValue(0);
          return next;
        });
        break;
      }
      case A::kSetDefault: {
        int idx = column_index(action.name);
        Binder binder(catalog_);
        binder.Coerce(binder.BindScalar(*action.expr, Scope()), table.columns[idx].type, true,
                      "column \"" + action.name + "\"", action.expr->location);
        table.columns[idx].default_sql = ExprToString(*action.expr);
        catalog_.PutTable(txn_, table);
        break;
      }
      case A::kDropDefault:
        table.columns[column_index(action.name)].default_sql.clear();
        catalog_.PutTable(txn_, table);
        break;
      case A::kSetNotNull: {
        int idx = column_index(action.name);
        for (auto it = txn_.Scan(table.id, "", ""); it->Valid(); it->Next())
          if (DecodeTableRow(table, it->value())[idx].is_null())
            ThrowError(sqlstate::kNotNullViolation, "column \"" + action.name +
                                                        "\" of relation \"" + table.name +
                                                        "\" contains null values");
        table.columns[idx].not_null = true;
        catalog_.PutTable(txn_, table);
        break;
      }
      case A::kDropNotNull: {
        int idx = column_index(action.name);
        if (Mentions(table.primary_key, idx))
          ThrowError(sqlstate::kInvalidTableDefinition,
                     "column \"" + action.name + "\" is in a primary key", action.location);
        table.columns[idx].not_null = false;
        catalog_.PutTable(txn_, table);
        break;
      }
      case A::kAddConstraint: {
        TableInfo before = table;
        std::vector<IndexInfo> indexes;
        AddConstraint(&table, action.constraint, &indexes);
        const ConstraintInfo& added = table.constraints.back();
        catalog_.PutTable(txn_, table);
        if (added.kind == ConstraintKind::kPrimaryKey && has_rows) {
          RewriteRows(before, table, IndexesOf(table.id),
                      [](const std::vector<Value>& row) { return row; });
        } else if (added.kind == ConstraintKind::kCheck || added.kind == ConstraintKind::kForeignKey) {
          // Validate existing rows by writing them back through the constraint checks.
          ExecContext ctx = MakeExecContext();
          Binder binder(catalog_);
          if (added.kind == ConstraintKind::kCheck) {
            auto check = binder.CoerceToBoolean(
                binder.BindExpressionText(added.check_sql, Binder::TableScope(table)), "CHECK", 0);
            ExpressionExecutor executor(ctx);
            for (auto it = txn_.Scan(table.id, "", ""); it->Valid(); it->Next()) {
              DataChunk chunk;
              for (const auto& v : DecodeTableRow(table, it->value()))
                chunk.columns().push_back(Vector::Constant(v));
              chunk.SetSize(1);
              Vector out;
              executor.Evaluate(*check, chunk, &out);
              Value v = out.GetValue(0);
              if (!v.is_null() && !v.GetBool())
                ThrowError(sqlstate::kCheckViolation, "check constraint \"" + added.name +
                                                          "\" of relation \"" + table.name +
                                                          "\" is violated by some row");
            }
          } else {
            const TableInfo* parent = catalog_.GetTable(added.ref_table);
            for (auto it = txn_.Scan(table.id, "", ""); it->Valid(); it->Next()) {
              std::vector<Value> row = DecodeTableRow(table, it->value());
              std::string key;
              bool has_null = false;
              for (size_t i = 0; i < added.columns.size(); i++) {
                const Value& v = row[added.columns[i]];
                has_null |= v.is_null();
                if (!has_null)
                  EncodeKeyPart(CastValue(v, parent->columns[added.ref_columns[i]].type,
                                          ctx.function),
                                false, &key);
              }
              if (has_null) continue;
              bool present = added.ref_columns == parent->primary_key
                                 ? txn_.Get(parent->id, key).has_value()
                                 : false;
              for (const IndexInfo* index : catalog_.TableIndexes(parent->id))
                if (!present && index->unique && index->columns == added.ref_columns)
                  present = txn_.Get(index->id, key).has_value();
              if (!present) {
                Status s = Status::Error(sqlstate::kForeignKeyViolation,
                                         "insert or update on table \"" + table.name +
                                             "\" violates foreign key constraint \"" +
                                             added.name + "\"");
                s.WithDetail("Key " + DescribeKey(table, added.columns, row) +
                             " is not present in table \"" + parent->name + "\".");
                throw DbException(s);
              }
            }
          }
        }
        for (const auto& index : indexes) {
          BuildIndex(table, index);
          catalog_.PutIndex(txn_, index);
        }
        break;
      }
      case A::kDropConstraint: {
        auto it = std::find_if(table.constraints.begin(), table.constraints.end(),
                               [&](const ConstraintInfo& c) { return c.name == action.name; });
        if (it == table.constraints.end()) {
          if (action.if_exists) break;
          ThrowError(sqlstate::kUndefinedObject, "constraint \"" + action.name +
                                                     "\" of relation \"" + table.name +
                                                     "\" does not exist",
                     action.location);
        }
        TableInfo before = table;
        std::vector<IndexInfo> old_indexes = IndexesOf(table.id);
        if (it->kind == ConstraintKind::kUnique && it->index_id)
          catalog_.Drop(txn_, CatalogKind::kIndex, it->index_id);
        bool primary = it->kind == ConstraintKind::kPrimaryKey;
        table.constraints.erase(it);
        if (primary) table.primary_key.clear();
        catalog_.PutTable(txn_, table);
        if (primary && has_rows)
          RewriteRows(before, table, old_indexes,
                      [](const std::vector<Value>& row) { return row; });
        break;
      }
      case A::kRenameConstraint: {
        bool renamed = false;
        for (auto& c : table.constraints)
          if (c.name == action.name) {
            c.name = action.new_name;
            renamed = true;
          }
        if (!renamed)
          ThrowError(sqlstate::kUndefinedObject, "constraint \"" + action.name +
                                                     "\" for table \"" + table.name +
                                                     "\" does not exist",
                     action.location);
        catalog_.PutTable(txn_, table);
        break;
      }
      case A::kSetOptions:
      case A::kSetColumnOptions: {
        std::string prefix = action.type == A::kSetColumnOptions ? action.name + "." : "";
        if (!prefix.empty()) column_index(action.name);
        for (auto& [key, text] : OptionTexts(action.options, prefix)) table.options[key] = text;
        if (table.options.count(kRetentionSetting))
          ParseRetention(table.options[kRetentionSetting]);  // 22023 for a bad interval
        ValidateTieringOptions(table);
        catalog_.PutTable(txn_, table);
        bool moves = prefix.empty() &&
                     std::any_of(action.options.begin(), action.options.end(),
                                 [](const auto& o) { return o.first == kHybridStorageSetting; });
        if (moves) ApplyHybridStorage(*conn_.db->storage, txn_.branch(), table);
        break;
      }
    }
  }
  return TagResult("ALTER TABLE");
}

}  // namespace heliosdb
