// TableWriter: the one place rows are written. It keeps secondary indexes in step with the
// rows and enforces constraints in PostgreSQL's order and words: NOT NULL (23502), CHECK
// (23514), primary key and UNIQUE (23505), FOREIGN KEY (23503) on both the referencing side
// and the referenced side, where ON DELETE / ON UPDATE actions (CASCADE, SET NULL, SET
// DEFAULT, RESTRICT, NO ACTION) run through further TableWriters.
// Rows are one Value per table column, already of the column types.
// Thread safety: one per statement execution.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "execution/exec_context.h"
#include "planner/bound_expr.h"

namespace heliosdb {

class TableWriter {
 public:
  TableWriter(ExecContext& ctx, const TableInfo& table);
  ~TableWriter();

  // Writes a new row; returns its key.
  std::string Insert(std::vector<Value> row);
  // Replaces the row stored under key (old_row) by new_row; returns the new key (a changed
  // primary key moves the row).
  std::string Update(const std::string& key, const std::vector<Value>& old_row,
                     std::vector<Value> new_row);
  void Delete(const std::string& key, const std::vector<Value>& row);

  // The key and row of a stored row that conflicts with `row` on a unique key: the one on
  // `columns` (a primary key or unique index), or any when columns is empty.
  std::optional<std::pair<std::string, std::vector<Value>>> FindConflict(
      const std::vector<Value>& row, const std::vector<int>& columns);

  const TableInfo& table() const { return table_; }

 private:
  std::string RowKey(const std::vector<Value>& row);
  // Locks the stored row for this transaction, waiting for a transaction that holds it.
  // When the row changed since the snapshot: StatementRestart under READ COMMITTED, else
  // 40001 (PostgreSQL's repeatable read).
  void LockRow(const std::string& key);
  void CheckRow(const std::vector<Value>& row);
  // Get for a uniqueness check. Bulk loads insert keys past every stored one (serial keys, a
  // dump's rows in key order): once a statement has checked kChecksBeforeBounds keys of an
  // object, keys past the object's last stored key skip the read of the store.
  std::optional<std::string> GetForUnique(ObjectId object, const std::string& key);
  void CheckUnique(const std::vector<Value>& row, const std::string& key,
                   const std::string* old_key, const std::vector<Value>* old_row);
  void CheckForeignKeys(const std::vector<Value>& row, const std::vector<Value>* old_row);
  // Applies referential actions of tables referencing this one, for a deleted row or a row
  // whose referenced columns change (new_row set).
  void EnforceReferences(const std::vector<Value>& old_row, const std::vector<Value>* new_row);
  void WriteIndexes(const std::vector<Value>& row, const std::string& key);
  void DeleteIndexes(const std::vector<Value>& row, const std::string& key);
  TableWriter& WriterFor(const TableInfo& table);

  ExecContext& ctx_;
  const TableInfo& table_;
  std::vector<const IndexInfo*> indexes_;
  std::vector<std::pair<const ConstraintInfo*, BoundExprPtr>> checks_;
  std::map<ObjectId, std::unique_ptr<TableWriter>> others_;  // referencing tables' writers
  int depth_ = 0;
  struct StoredKeys {
    int checks = 0;
    bool known = false;
    std::optional<std::string> last;  // nullopt: the store holds no key of the object
  };
  std::map<ObjectId, StoredKeys> stored_keys_;
};

}  // namespace heliosdb
