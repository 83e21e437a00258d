// psql's output formats: the aligned table (border 1) and the expanded display (\x), plus the
// command tags psql prints after a statement.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace heliosdb {
class QueryResult;
}

namespace heliosdb::shell {

// A table ready to print: text cells (NULL already shown as ""), alignment per column.
struct TextTable {
  std::string title;  // centered above the table (\d commands)
  std::vector<std::string> headers;
  std::vector<bool> right_align;  // numbers are right-aligned, as psql does by type
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> footers;  // printed instead of "(N rows)" when present
  bool show_row_count = true;
};

// Whether psql right-aligns a column of this type OID (integers, floats, numeric, oid, money).
bool IsNumericTypeOid(uint32_t oid);

// Converts a statement's result set to a table.
TextTable ToTextTable(const QueryResult& result);

// Prints in psql's aligned format, or expanded (one "-[ RECORD n ]" block per row).
void PrintTable(const TextTable& table, bool expanded, FILE* out);

// Prints what psql prints for a finished statement: the rows, then the command tag for
// INSERT/UPDATE/DELETE/MERGE ... RETURNING; only the tag for statements without rows.
// `quiet` (psql -q) suppresses the tags.
void PrintResult(const QueryResult& result, bool expanded, bool quiet, FILE* out);

// Number of characters a UTF-8 string takes on screen (one per code point).
size_t DisplayWidth(const std::string& s);

}  // namespace heliosdb::shell
