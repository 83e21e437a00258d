#include "dump/sql_exporter.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "common/exception.h"
#include "dump/progress.h"
#include "dump/snapshot_source.h"

namespace heliosdb::dump {

namespace {

class ScriptFile {
 public:
  explicit ScriptFile(const std::string& path) : path_(path), f_(std::fopen(path.c_str(), "w")) {
    if (!f_) Fail();
  }
  ~ScriptFile() {
    if (f_) std::fclose(f_);
  }
  void Write(std::string_view s) {
    if (std::fwrite(s.data(), 1, s.size(), f_) != s.size()) Fail();
  }
  void Close() {
    if (std::fclose(f_) != 0) {
      f_ = nullptr;
      Fail();
    }
    f_ = nullptr;
  }

 private:
  [[noreturn]] void Fail() {
    ThrowError("58030", "could not write \"" + path_ + "\": " + std::strerror(errno));
  }
  std::string path_;
  std::FILE* f_;
};

const char* TargetName(DdlTarget t) {
  return t == DdlTarget::kCitus ? "citus" : "postgresql";
}

void WriteStatements(ScriptFile& out, const std::vector<std::string>& statements) {
  for (const std::string& s : statements) out.Write(s + ";\n");
}

void WriteScript(SnapshotSource& source, ScriptFile& out, const SqlExportOptions& options,
                 int64_t* rows) {
  const DumpCatalog& catalog = source.catalog();
  out.Write(std::string("-- HeliosDB Nano export for ") + TargetName(options.ddl.target) +
            " (PostgreSQL 15), taken under one snapshot.\n"
            "-- Load with: psql -v ON_ERROR_STOP=1 -f FILE\n\n");
  out.Write(SessionSetupSql());
  out.Write("\n-- Tables\n");
  WriteStatements(out, PreDataDdl(catalog, options.ddl));
  int64_t total = 0;
  for (const DumpTable& t : catalog.tables) total += t.rows;
  Progress progress("export", total);
  for (const DumpTable& t : catalog.tables) {
    out.Write("\n-- Data of " + QualifiedName(t.schema, t.name) + " (" + std::to_string(t.rows) +
              " rows)\nCOPY " + QualifiedName(t.schema, t.name) + " " + ColumnList(t) +
              " FROM stdin;\n");
    source.StreamRows(t, [&](const SnapshotSource::RowPiece& piece) {
      out.Write(piece.data);
      progress.AddRows(piece.rows);
    });
    out.Write("\\.\n");
  }
  out.Write("\n-- Constraints, indexes, sequences, views\n");
  WriteStatements(out, PostDataDdl(catalog, options.ddl));
  // Branches as schemas are not written yet (docs/format/dump_v2.md, "Branches").
  for (const BranchInfo& b : source.Branches())
    out.Write("\n-- Database branch " + b.name + " is not exported (the SQL export holds main)\n");
  *rows = total;
}

}  // namespace

std::string SessionSetupSql() {
  std::string s = "SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n";
  for (const auto& [name, value] : SnapshotSource::RenderSettings())
    s += "SET " + name + " = '" + value + "';\n";
  return s;
}

int64_t ExportSql(const std::string& db_path, const std::string& file,
                  const SqlExportOptions& options) {
  SnapshotSource source(db_path);
  int64_t rows = 0;
  try {
    ScriptFile out(file);
    WriteScript(source, out, options, &rows);
    out.Close();
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    throw;
  }
  return rows;
}

}  // namespace heliosdb::dump
