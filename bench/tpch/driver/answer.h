// A query's answer as the harness stores and compares it: rows of values in each engine's
// text form. File format (shared with duckdb/run.mjs): one row per line, values separated by
// '|', SQL NULL written as NULL, no header.
#pragma once

#include <string>
#include <vector>

namespace tpch {

using Row = std::vector<std::string>;

// Throws std::runtime_error when the file cannot be written or read.
void WriteAnswer(const std::string& path, const std::vector<Row>& rows);
std::vector<Row> ReadAnswer(const std::string& path);

// Compares an engine's answer with the reference answer. Values that both read as numbers match
// within 1e-6 relative, or within 0.01 absolute when either is written with at most two
// decimals (money the spec allows rounding to cents); other values match ignoring trailing
// blanks (engines differ on padding CHAR(n)). ordered: the query's ORDER BY fixes the order of
// every row; otherwise both answers are sorted first.
// Returns "" when they match, else a description of the first difference.
std::string CompareAnswers(const std::vector<Row>& reference, const std::vector<Row>& actual,
                           bool ordered);

}  // namespace tpch
