// `heliosdb-nano export`: the dump format v2 (import reads it back), a SQL script for
// PostgreSQL and Citus, or one Parquet file per table.
#include <cstdio>
#include <map>

#include "dump/exporter.h"
#include "dump/parquet_exporter.h"
#include "dump/sql_exporter.h"
#include "verb_arguments.h"
#include "verbs.h"
#include "version.h"

namespace heliosdb::shell {
namespace {

void PrintExportUsage() {
  std::printf(
      "Usage:\n"
      "  heliosdb-nano export PATH -o FILE [--format v2] [--include-indexes]\n"
      "        [--include-config] [--include-mvs] [--include-branches] [--all]\n"
      "  heliosdb-nano export PATH -o FILE --format sql [--target postgresql|citus]\n"
      "        [--distribute-by TABLE=COLUMN,...] [--pgvector]\n"
      "  heliosdb-nano export PATH -o DIR --format parquet\n\n"
      "Writes the database at PATH, as of one snapshot, to FILE: a checksummed, compressed\n"
      "dump (format v2; read back by `heliosdb-nano import`) or a SQL script that\n"
      "`psql -v ON_ERROR_STOP=1 -f FILE` loads into PostgreSQL 15 (docs/UPGRADE.md); or\n"
      "each table's rows to DIR/SCHEMA.TABLE.parquet (zstd), for DuckDB, Spark or pandas.\n");
}

// "t1=c1,s.t2=c2" into the map.
bool ParseDistribution(const std::string& text, std::map<std::string, std::string>* out) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    std::string item =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) return false;
    (*out)[item.substr(0, eq)] = item.substr(eq + 1);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return true;
}

}  // namespace

int RunExportVerb(int argc, char** argv) {
  VerbArguments args("export", argc, argv);
  std::string output, format = "v2";
  dump::ExportOptions v2;
  v2.producer = std::string("heliosdb-nano ") + kHeliosVersion;
  dump::SqlExportOptions sql;
  bool ok = args.Parse({"-o", "--output", "--format", "--target", "--distribute-by"},
                       [&](const std::string& name, const std::string* value) {
                         if (name == "-o" || name == "--output")
                           output = *value;
                         else if (name == "--format") {
                           format = *value;
                           return format == "v2" || format == "sql" || format == "parquet";
                         } else if (name == "--target") {
                           if (*value == "postgresql")
                             sql.ddl.target = dump::DdlTarget::kPostgres;
                           else if (*value == "citus")
                             sql.ddl.target = dump::DdlTarget::kCitus;
                           else
                             return false;
                         } else if (name == "--distribute-by") {
                           return ParseDistribution(*value, &sql.ddl.distribute_by);
                         } else if (name == "--include-indexes")
                           v2.include_indexes = true;
                         else if (name == "--include-config")
                           v2.include_config = true;
                         else if (name == "--include-mvs")
                           v2.include_mvs = true;
                         else if (name == "--include-branches")
                           v2.include_branches = true;
                         else if (name == "--all") {
                           v2.include_indexes = v2.include_config = v2.include_mvs =
                               v2.include_branches = true;
                         } else if (name == "--pgvector")
                           sql.pgvector = true;
                         else
                           return false;
                         return true;
                       });
  if (!ok) return 2;
  if (args.help()) {
    PrintExportUsage();
    return 0;
  }
  if (args.positional().size() != 1 || output.empty())
    return args.Fail("expected a database PATH and -o FILE (see --help)", 2);
  if (!sql.ddl.distribute_by.empty() && sql.ddl.target != dump::DdlTarget::kCitus)
    return args.Fail("--distribute-by needs --target citus", 2);
  const std::string& path = args.positional()[0];
  return args.Run([&] {
    if (format == "parquet") {
      dump::ParquetExportStats s = dump::ExportParquet(path, output);
      std::fprintf(stderr, "exported %lld tables, %lld rows to %s\n",
                   static_cast<long long>(s.tables), static_cast<long long>(s.rows),
                   output.c_str());
    } else if (format == "sql") {
      int64_t rows = dump::ExportSql(path, output, sql);
      std::fprintf(stderr, "exported %lld rows to %s\n", static_cast<long long>(rows),
                   output.c_str());
    } else {
      dump::ExportStats s = dump::ExportDump(path, output, v2);
      std::fprintf(stderr, "exported %lld tables, %lld rows, %llu bytes to %s\n",
                   static_cast<long long>(s.tables), static_cast<long long>(s.rows),
                   static_cast<unsigned long long>(s.bytes), output.c_str());
    }
    return 0;
  });
}

}  // namespace heliosdb::shell
