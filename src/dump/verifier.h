// verify: compares a database (one snapshot) with a PostgreSQL-protocol server or a dump:
// per table the row count and the order-independent checksum of row_checksum.h, and the
// presence of every index and view. Prints a table; names the tables and up to
// kSampleRows rows of each side that differ.
#pragma once

#include <cstdio>
#include <string>

namespace heliosdb::dump {

inline constexpr int kSampleRows = 3;

struct VerifyTarget {
  std::string postgres;  // a conninfo / URL, or
  std::string dump_file;
};

// Returns the number of differences (0: identical). Throws DbException when a side cannot
// be read.
int Verify(const std::string& db_path, const VerifyTarget& target, std::FILE* out);
// The same over a snapshot already taken (migrate verifies what it copied).
class SnapshotSource;
int Verify(SnapshotSource& source, const VerifyTarget& target, std::FILE* out);

}  // namespace heliosdb::dump
