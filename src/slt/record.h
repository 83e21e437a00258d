// The records of a sqllogictest script, as the parser hands them to a runner. Engine-free: the
// runner (src/tools/heliosdb-slt) executes them; unit tests build them from strings.
#pragma once

#include <string>
#include <vector>

namespace heliosdb::slt {

// The corpus a file comes from decides how results are written and compared
// (see ../shared/peer-tests/README.md). kHelios is our own test/sql: DuckDB's rules plus
// `statement error <message or SQLSTATE>`.
enum class Dialect { kSqlite, kDuckDb, kRisingWave, kHelios };

enum class SortMode { kNoSort, kRowSort, kValueSort };

// A `skipif <db>` or `onlyif <db>` line in front of a record.
struct Condition {
  bool only_if = false;  // onlyif when true, skipif when false
  std::string engine;    // lower case
};

struct Record {
  enum class Kind {
    kStatement,
    kQuery,
    kHalt,
    kHashThreshold,
    kInclude,
    kRequire,
    kInvalid,  // a record the parser could not understand; `message` says why
  };
  Kind kind = Kind::kInvalid;
  std::string file;    // the file that holds the record (an included file for `include`)
  int line = 0;        // 1-based line of the statement/query/... keyword
  int first_line = 0;  // first line of the record, conditions included
  int last_line = 0;   // last non-blank line of the record
  std::vector<Condition> conditions;

  // Statements and queries.
  std::string sql;
  std::string session;  // named connection (`statement ok con1`); empty: the default one
  bool expect_error = false;
  std::string error_text;  // expected message (RisingWave, ours); empty: any error passes

  // Queries.
  std::string types;  // the type letters, one per column
  SortMode sort = SortMode::kNoSort;
  std::string label;
  bool has_result_block = false;      // a `----` line was present
  std::vector<std::string> expected;  // the result lines as written (CR stripped)

  int hash_threshold = 0;  // kHashThreshold
  std::string argument;    // kInclude: the path or glob; kRequire: the requirement
  std::string message;     // kInvalid: what was wrong
};

// True when the record's skipif/onlyif lines let it run on `engine` (compared case-insensitively).
bool RecordApplies(const Record& record, const std::string& engine);

}  // namespace heliosdb::slt
