// COPY's text and CSV formats (PostgreSQL's COPY documentation, "File Formats"):
//   text  fields separated by DELIMITER (tab), NULL as \N, rows end in \n; backslash escapes
//         \b \f \n \r \t \v \\ \ooo (octal) \xhh; a line "\." ends the data
//   csv   fields separated by DELIMITER (,), NULL as an unquoted empty field; a field with the
//         delimiter, QUOTE ("), a newline or a carriage return is quoted, a QUOTE inside doubled
//         (or preceded by ESCAPE when it differs); quoted fields may span lines
// HEADER writes the column names first on output and skips the first line on input.
// FORMAT parquet (with COMPRESSION zstd | uncompressed) is a file format of its own
// (engine/copy_parquet.cc, src/parquet); it takes none of the text options.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ast.h"

namespace heliosdb {

struct CopyOptions {
  bool csv = false;
  bool parquet = false;
  bool parquet_zstd = true;  // COMPRESSION zstd (the default) or uncompressed
  bool header = false;
  char delimiter = '\t';
  std::string null_string = "\\N";
  char quote = '"';
  char escape = '"';
};

// Reads WITH (FORMAT csv, HEADER, DELIMITER ',', NULL '', QUOTE '"', ESCAPE '\') and the legacy
// spellings, and (FORMAT parquet, COMPRESSION zstd). Without FORMAT, a file named *.parquet is
// Parquet (as DuckDB infers it). Throws 0A000 for binary and unsupported options, 22023 /
// 42601 for bad values.
CopyOptions ParseCopyOptions(const ast::OptionList& options, const std::string& file = "");

using CopyField = std::optional<std::string>;  // nullopt: NULL

// Appends rows in the chosen format to a string.
class CopyRowWriter {
 public:
  explicit CopyRowWriter(const CopyOptions& options) : options_(options) {}
  void AddField(std::string_view value);
  void AddNull();
  void EndRow();
  std::string& out() { return out_; }

 private:
  void Separate();
  const CopyOptions& options_;
  std::string out_;
  bool row_started_ = false;
};

// Splits a stream of data pieces into rows of fields. Rows spanning pieces are kept until the
// rest arrives. Throws 22P04 for malformed data (unterminated quoted field, bad escapes).
class CopyRowReader {
 public:
  explicit CopyRowReader(const CopyOptions& options)
      : options_(options), skip_header_(options.header) {}
  void Feed(std::string_view data) { pending_.append(data); }
  // The next complete row; at_end: no more data will come (a last row may lack its newline).
  // Returns false when no complete row is buffered (or the data ended with "\.").
  bool NextRow(std::vector<CopyField>* fields, bool at_end);
  int64_t line() const { return line_; }  // the line number of the row last returned

 private:
  bool NextTextRow(std::vector<CopyField>* fields, bool at_end);
  bool NextCsvRow(std::vector<CopyField>* fields, bool at_end);
  const CopyOptions& options_;
  std::string pending_;
  size_t pos_ = 0;  // start of the first unread row in pending_
  bool skip_header_;
  bool ended_ = false;  // saw "\."
  int64_t line_ = 0;
};

}  // namespace heliosdb
