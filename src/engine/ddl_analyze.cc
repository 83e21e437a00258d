// ANALYZE [table, ...]: reads every row of the tables (all tables without a list) and stores
// their statistics in the catalog, in the statement's transaction, for the optimizer.
#include "catalog/column_statistics.h"
#include "common/exception.h"
#include "engine/ddl_executor.h"
#include "execution/table_row.h"
#include "planner/binder.h"

namespace heliosdb {

QueryResult::Impl DdlExecutor::Analyze(const ast::AnalyzeStmt& stmt) {
  std::vector<ObjectId> tables;
  if (stmt.tables.empty()) {
    for (const auto& [id, table] : catalog_.tables()) tables.push_back(id);
  }
  for (const auto& name : stmt.tables) {
    auto [schema, table_name] = SplitQualifiedName(name, stmt.location);
    const TableInfo* table = catalog_.FindTable(schema, table_name);
    if (!table)
      ThrowError(sqlstate::kUndefinedTable, "relation \"" + table_name + "\" does not exist",
                 stmt.location);
    tables.push_back(table->id);
  }
  for (ObjectId id : tables) AnalyzeTable(*catalog_.GetTable(id));
  return TagResult("ANALYZE");
}

void DdlExecutor::AnalyzeTable(const TableInfo& table) {
  std::vector<ColumnStatsBuilder> columns;
  for (const auto& c : table.columns) columns.emplace_back(c.slot);
  ExecContext ctx = MakeExecContext();
  TableStats stats;
  stats.table_id = table.id;
  for (auto it = txn_.Scan(table.id, "", ""); it->Valid(); it->Next()) {
    std::vector<Value> row = DecodeTableRow(table, it->value());
    for (size_t i = 0; i < columns.size(); i++) columns[i].Add(row[i]);
    if (static_cast<int64_t>(++stats.rows) % 4096 == 0) ctx.CheckCancel();
  }
  for (const auto& c : columns) stats.columns.push_back(c.Finish());
  catalog_.PutStatistics(txn_, stats);
}

}  // namespace heliosdb
