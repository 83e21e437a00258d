#include "dump/parquet_exporter.h"

#include <filesystem>
#include <system_error>

#include "common/exception.h"
#include "dump/local_session.h"
#include "parser/ast_printer.h"

namespace heliosdb::dump {

namespace {
// Quotes a string for a SQL literal.
std::string Literal(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}
}  // namespace

ParquetExportStats ExportParquet(const std::string& db_path, const std::string& dir,
                                 bool compress) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  std::filesystem::path absolute = std::filesystem::absolute(dir, error);
  if (error || !std::filesystem::is_directory(absolute))
    ThrowError(sqlstate::kIoError, "could not create directory \"" + dir + "\"");
  LocalSession session(db_path, /*create_if_missing=*/false, /*read_only=*/false);
  session.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  QueryResult tables = session.Exec(
      "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = "
      "'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2");
  ParquetExportStats stats;
  for (size_t i = 0; i < tables.row_count(); i++) {
    std::string schema = tables.GetText(i, 0), name = tables.GetText(i, 1);
    std::string file = (absolute / (schema + "." + name + ".parquet")).string();
    QueryResult r = session.Exec("COPY " + QuoteIdentifier(schema) + "." + QuoteIdentifier(name) +
                                 " TO " + Literal(file) + " (FORMAT parquet, COMPRESSION " +
                                 (compress ? "zstd" : "uncompressed") + ")");
    stats.tables++;
    stats.rows += r.rows_affected();
  }
  session.Exec("COMMIT");
  return stats;
}

}  // namespace heliosdb::dump
