// The order-independent checksum verify compares: per table the row count and the sum of one
// 64-bit hash per row, over a canonical text of the row that HeliosDB and PostgreSQL render
// identically. Canonical text: each field is `octet_length(text) ':' text`, or `N` for NULL
// (no colon, so never confused with a value), fields joined by ','; `text` is the value's
// PostgreSQL text output (UTC, ISO dates), what COPY and format('%s', value) print. The row hash is
// the first 16 hex digits of the text's MD5 as a signed 64-bit integer, which PostgreSQL computes
// as
//   ('x' || substr(md5(row_text), 1, 16))::bit(64)::bigint
// and the sum is exact (PostgreSQL's sum(bigint) is numeric; here a 128-bit integer).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dump/dump_catalog.h"

namespace heliosdb::dump {

using Field = std::optional<std::string>;  // nullopt: NULL

std::string CanonicalRowText(const std::vector<Field>& fields);
int64_t RowHash(std::string_view canonical_text);

struct TableChecksum {
  int64_t rows = 0;
  __int128 sum = 0;
  void Add(int64_t row_hash) {
    rows++;
    sum += row_hash;
  }
  std::string SumText() const;  // the sum in decimal, as PostgreSQL prints it
};

// SELECT count(*), sum(row hash)::text FROM the table, on PostgreSQL.
std::string PostgresChecksumQuery(const DumpTable& table);
// SELECT row hash, canonical text FROM the table: finds the rows that differ.
std::string PostgresRowHashQuery(const DumpTable& table);

}  // namespace heliosdb::dump
