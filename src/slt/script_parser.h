// Parsing sqllogictest scripts into records, for the three peer dialects and our own files.
// Never throws on malformed input: what it cannot read becomes a Record::Kind::kInvalid.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "slt/record.h"

namespace heliosdb::slt {

// Decides the dialect from the path's folders: .../risingwave/... (checked first, since it holds
// ports of DuckDB tests under batch/duckdb/), .../sqlite/..., .../duckdb/...; else kHelios.
Dialect DetectDialect(const std::string& path);

// Parses a script's text. `file` is stored in each record for messages.
std::vector<Record> ParseScript(std::string_view text, Dialect dialect, const std::string& file);

// Reads `path` and parses it, expanding `include <path|glob>` records (relative to the
// including file, sorted, at most 16 levels deep) in place. Returns false and sets *error
// when the file cannot be read; an include that matches nothing becomes a kInvalid record.
bool LoadScript(const std::string& path, Dialect dialect, std::vector<Record>* records,
                std::string* error);

// Statements other engines need that mean nothing here and pass without running: RisingWave's
// `SET RW_IMPLICIT_FLUSH|QUERY_MODE|CREATE_COMPACTION_GROUP_FOR_MV ...` and `FLUSH`, and
// DuckDB's `PRAGMA enable_verification`.
bool IsNoOpStatement(const std::string& sql);

// The lines of a text with any trailing '\r' removed.
std::vector<std::string> SplitLines(std::string_view text);

}  // namespace heliosdb::slt
