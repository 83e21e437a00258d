// Rendering, sorting, hashing and comparing query results the way each sqllogictest dialect
// expects (../shared/peer-tests/README.md). Engine-free: the runner copies a QueryResult into
// a ResultSet, so these rules are unit-tested without a database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "slt/record.h"

namespace heliosdb::slt {

// PostgreSQL type OIDs the rules care about.
inline constexpr uint32_t kBoolOid = 16;
inline constexpr uint32_t kInt8Oid = 20;
inline constexpr uint32_t kInt2Oid = 21;
inline constexpr uint32_t kInt4Oid = 23;
inline constexpr uint32_t kFloat4Oid = 700;
inline constexpr uint32_t kFloat8Oid = 701;
inline constexpr uint32_t kNumericOid = 1700;

// A query's result in PostgreSQL text format; std::nullopt is SQL NULL.
struct ResultSet {
  std::vector<uint32_t> type_oids;  // one per column
  std::vector<std::vector<std::optional<std::string>>> rows;
};

// SQLite's rendering of one value by its type letter: I (integer, fractions truncated,
// booleans 1/0), R (%.3f), T (text, bytes outside 0x20-0x7E as '@'); NULL and (empty).
std::string RenderSqliteValue(char type, const std::optional<std::string>& text, uint32_t oid);

// The engine's own text for DuckDB, RisingWave and our files: NULL, (empty), booleans as
// true/false for DuckDB-like dialects and t/f for RisingWave.
std::string RenderPlainValue(Dialect dialect, const std::optional<std::string>& text, uint32_t oid);

// Renders every value row-major for the dialect.
std::vector<std::string> RenderValues(Dialect dialect, const std::string& types,
                                      const ResultSet& result);

// Sorts row-major `values` (rows of `columns` values) in place: rowsort compares rows column by
// column, valuesort every value on its own; byte-wise (strcmp) order.
void SortValues(SortMode mode, size_t columns, std::vector<std::string>* values);

// Lower-case hex MD5 over the values, each followed by '\n' (OpenSSL EVP).
std::string HashValues(const std::vector<std::string>& values);

// Parses `N values hashing to <md5>`.
bool ParseHashLine(const std::string& line, size_t* count, std::string* hash);

// DuckDB's comparison of one value: exact, then booleans (1/0/true/false/t/f), then numeric
// (integers exactly, floats within 1% of the expected value plus 1e-8).
bool DuckValueMatches(const std::string& expected, const std::string& actual, uint32_t oid,
                      char type_letter);

struct CheckOutcome {
  bool ok = false;
  std::string message;  // short "expected ... got ..." when !ok
  std::string hash;     // MD5 of the rendered, sorted values (for labels)
};

// Compares a query's result with the record's expected block under the dialect's rules.
CheckOutcome CheckQueryResult(const Record& record, Dialect dialect, const ResultSet& result);

// Whether an error (SQLSTATE and message) satisfies `statement error` / `query error`.
bool ErrorMatches(const Record& record, Dialect dialect, const std::string& sqlstate,
                  const std::string& message);

}  // namespace heliosdb::slt
