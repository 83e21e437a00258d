#include "engine/copy_insert.h"

#include "parser/ast_printer.h"

namespace heliosdb {

std::string QualifiedName(const CopyTarget& t) {
  return QuoteIdentifier(t.schema) + "." + QuoteIdentifier(t.table);
}

std::string ColumnList(const CopyTarget& t) {
  std::string s;
  for (size_t i = 0; i < t.columns.size(); i++)
    s += (i ? ", " : "") + QuoteIdentifier(t.columns[i]);
  return s;
}

std::vector<LogicalType> CopyTargetTypes(const Catalog& catalog, const CopyTarget& target) {
  const TableInfo* table = catalog.FindTable(target.schema, target.table);
  std::vector<LogicalType> types;
  for (const std::string& c : target.columns)
    types.push_back(table->columns[table->FindColumn(c)].type);
  return types;
}

int64_t InsertCopyRows(Connection::Impl& connection, const CopyTarget& target,
                       CopySource& source) {
  auto insert = std::make_shared<ast::InsertStmt>();
  insert->table = {target.schema, target.table};
  insert->columns = target.columns;
  insert->external_rows = true;
  // COPY writes identity columns as given, like INSERT ... OVERRIDING SYSTEM VALUE.
  insert->overriding_system_value = true;
  std::shared_ptr<PreparedPlan> plan = connection.Prepare(insert, "");
  connection.external_rows = &source;
  struct Detach {
    ExternalRows*& slot;
    ~Detach() { slot = nullptr; }
  } detach{connection.external_rows};
  int64_t copied = 0;
  while (!source.Exhausted()) {
    source.StartRun(kCopyRowsPerRun);
    copied += connection.RunPlan(*plan, {}).affected;
  }
  return copied;
}

}  // namespace heliosdb
