// COPY ... FROM STDIN and COPY ... TO STDOUT over the connection's CopyStream, and COPY with a
// server-side file over a CopyFileStream (FORMAT parquet: copy_parquet.cc). Rows read reach
// the table through copy_insert.h, from a CopyRowsSource.
#include "common/exception.h"
#include "catalog/privileges.h"
#include "engine/connection_impl.h"
#include "engine/copy_file_stream.h"
#include "engine/copy_format.h"
#include "engine/copy_rows_source.h"
#include "engine/copy_stream.h"
#include "parser/parser.h"

namespace heliosdb {

namespace {
constexpr size_t kCopyOutFlushBytes = 64 * 1024;

CopyTarget ResolveTarget(const Catalog& catalog, const ast::CopyStmt& stmt) {
  std::string schema = stmt.table.size() > 1 ? stmt.table[stmt.table.size() - 2] : "";
  const std::string& name = stmt.table.back();
  const TableInfo* table = catalog.FindTable(schema, name);
  if (!table) {
    if (catalog.FindView(schema, name))
      ThrowError(
          sqlstate::kWrongObjectType,
          std::string("cannot copy ") + (stmt.is_from ? "to" : "from") + " view \"" + name + "\"");
    ThrowError(sqlstate::kUndefinedTable, "relation \"" + name + "\" does not exist");
  }
  CopyTarget t{table->schema, table->name, stmt.columns};
  if (t.columns.empty()) {
    for (const ColumnInfo& c : table->columns) t.columns.push_back(c.name);
  }
  for (const std::string& c : t.columns) {
    if (table->FindColumn(c) < 0)
      ThrowError(sqlstate::kUndefinedColumn,
                 "column \"" + c + "\" of relation \"" + name + "\" does not exist");
  }
  return t;
}

std::shared_ptr<ast::Statement> ParseOne(const std::string& sql) {
  auto statements = Parser::ParseAll(sql);
  HELIOS_ASSERT(statements.size() == 1);
  return std::shared_ptr<ast::Statement>(std::move(statements[0]));
}
}  // namespace

void Connection::Impl::CheckCopyFileRights(const ast::CopyStmt& stmt) {
  // The server process reads and writes the file with its own rights, so only superusers may
  // name one, as in PostgreSQL (which also admits pg_read/write_server_files members).
  if (!IsSuperuser(CurrentCatalog(), CurrentRoleId())) {
    Status s = Status::Error(sqlstate::kInsufficientPrivilege,
                             std::string("must be superuser or have privileges of the ") +
                                 (stmt.is_from ? "pg_read_server_files role to COPY from a file"
                                               : "pg_write_server_files role to COPY to a file"));
    s.WithHint("Anyone can COPY to stdout or from stdin. psql's \\copy command also works for "
               "anyone.");
    throw DbException(s);
  }
  if (!stmt.is_from && (stmt.filename.empty() || stmt.filename[0] != '/'))
    ThrowError("42602", "relative path not allowed for COPY to file");
}

std::unique_ptr<CopyFileStream> Connection::Impl::OpenCopyFile(const ast::CopyStmt& stmt) {
  CheckCopyFileRights(stmt);
  return std::make_unique<CopyFileStream>(stmt.filename, stmt.is_from);
}

QueryResult::Impl Connection::Impl::RunCopy(PreparedPlan& p) {
  const auto& stmt = p.statement->As<ast::CopyStmt>();
  CopyOptions options = ParseCopyOptions(stmt.options, stmt.stdio ? "" : stmt.filename);
  if (options.parquet && stmt.stdio)
    ThrowError(sqlstate::kFeatureNotSupported,
               std::string("COPY FORMAT parquet ") + (stmt.is_from ? "FROM STDIN" : "TO STDOUT") +
                   " is not supported: Parquet needs a file",
               stmt.location);
  // Parquet is read at random offsets, so COPY FROM opens it itself (copy_parquet.cc).
  bool parquet_in = options.parquet && stmt.is_from;
  std::unique_ptr<CopyFileStream> file;
  if (!stmt.stdio && !parquet_in) file = OpenCopyFile(stmt);
  // The file stands in for the client's stream for this statement only.
  CopyStream* client_stream = copy_stream;
  if (file) copy_stream = file.get();
  struct RestoreStream {
    CopyStream*& slot;
    CopyStream* saved;
    ~RestoreStream() { slot = saved; }
  } restore{copy_stream, client_stream};
  if (!copy_stream && !parquet_in)
    ThrowError(sqlstate::kFeatureNotSupported,
               std::string("COPY ") + (stmt.is_from ? "FROM STDIN" : "TO STDOUT") +
                   " needs a client connection (heliosdb-nano serve)",
               stmt.location);
  if (!stmt.is_from) {
    std::shared_ptr<ast::Statement> query;
    std::vector<bool> not_null;  // of a table's columns (Parquet writes them REQUIRED)
    if (stmt.query) {
      query = std::shared_ptr<ast::Statement>(p.statement, stmt.query.get());
    } else {
      CopyTarget t = ResolveTarget(CurrentCatalog(), stmt);
      const TableInfo* table = CurrentCatalog().FindTable(t.schema, t.table);
      for (const std::string& c : t.columns)
        not_null.push_back(table->columns[table->FindColumn(c)].not_null);
      query = ParseOne("SELECT " + ColumnList(t) + " FROM " + QualifiedName(t));
    }
    auto plan = Prepare(query, "");
    QueryResult::Impl rows = RunPlan(*plan, {});
    return options.parquet ? CopyParquetOut(rows, options, not_null) : CopyOut(rows, options);
  }
  if (stmt.query)
    ThrowError(sqlstate::kSyntaxError, "COPY FROM cannot read into a query", stmt.location);
  if (db->options.read_only || block_read_only)
    ThrowError(sqlstate::kReadOnlySqlTransaction,
               "cannot execute COPY FROM in a read-only transaction");
  if (parquet_in) {
    CheckCopyFileRights(stmt);
    return CopyParquetIn(ResolveTarget(CurrentCatalog(), stmt), stmt.filename);
  }
  return CopyIn(ResolveTarget(CurrentCatalog(), stmt), options);
}

QueryResult::Impl Connection::Impl::CopyOut(const QueryResult::Impl& rows,
                                            const CopyOptions& options) {
  size_t columns = rows.names.size();
  copy_stream->BeginCopyOut(columns);
  CopyRowWriter writer(options);
  if (options.header) {
    for (const std::string& name : rows.names) writer.AddField(name);
    writer.EndRow();
  }
  for (const DataChunk& chunk : rows.chunks) {
    for (idx_t r = 0; r < chunk.size(); r++) {
      for (size_t c = 0; c < columns; c++) {
        Value v = chunk.GetValue(c, r);
        if (v.is_null()) {
          writer.AddNull();
        } else {
          writer.AddField(FormatValue(v, rows.format));
        }
      }
      writer.EndRow();
      if (writer.out().size() >= kCopyOutFlushBytes) {
        copy_stream->Write(writer.out());
        writer.out().clear();
      }
    }
  }
  if (!writer.out().empty()) copy_stream->Write(writer.out());
  copy_stream->EndCopyOut();
  QueryResult::Impl result = TagResult("COPY " + std::to_string(rows.rows));
  result.affected = static_cast<int64_t>(rows.rows);
  return result;
}

QueryResult::Impl Connection::Impl::CopyIn(const CopyTarget& target, const CopyOptions& options) {
  TextFormatOptions text;
  text.timezone = MakeFunctionContext().timezone;
  copy_stream->BeginCopyIn(target.columns.size());
  CopyRowsSource source(copy_stream, options, target.columns,
                        CopyTargetTypes(CurrentCatalog(), target), text);
  int64_t copied = InsertCopyRows(*this, target, source);
  QueryResult::Impl result = TagResult("COPY " + std::to_string(copied));
  result.affected = copied;
  return result;
}

}  // namespace heliosdb
