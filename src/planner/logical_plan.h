// The logical plan: a tree of relational operators over bound expressions, produced by the
// binder, rewritten by the optimizer (access paths) and turned into executable operators by
// the physical planner (execution/physical_planner.h). One struct with a kind; only the
// fields of that kind are used.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/catalog_entry.h"
#include "planner/bound_expr.h"

namespace heliosdb {

enum class LogicalOpKind : uint8_t {
  kGet,         // scan a table (access path chosen by the optimizer)
  kFilter,      // keep rows where predicate is true
  kProjection,  // compute exprs
  kAggregate,   // group by exprs, compute aggregates: output = groups ++ aggregates
  kSort,
  kLimit,
  kDistinct,  // distinct rows over all columns
  kValues,    // literal rows; also the single empty row of SELECT without FROM
  kJoin,      // join with a condition (JoinType); hash join when it has equality keys
  kSetOp,     // UNION / INTERSECT / EXCEPT [ALL] of two inputs with the same column types
  kTableFunction,  // a set-returning function in FROM (generate_series): exprs are its args
  kProjectSet,     // select-list set-returning calls (exprs) in lockstep: input ++ one column each
  kRecursiveCte,   // WITH RECURSIVE: children = anchor, recursive term; working table `index`
  kWorkingTable,   // inside a recursive term: the rows of the previous iteration
  kWindow,         // window functions: output = input ++ one column per window function
  kInsert,    // child yields full table rows in column order
  kUpdate,    // child yields table columns ++ row key; exprs are the new column values
  kDelete,    // child yields table columns ++ row key
};

// The kTableFunction of COPY FROM's rows (execution/external_rows.h).
inline constexpr const char* kExternalRowsFunction = "external rows";

struct SortKey {
  BoundExprPtr expr;
  bool descending = false;
  bool nulls_first = false;
};

struct BoundAggregate {
  ResolvedAggregate function;
  std::vector<BoundExprPtr> args;
  bool distinct = false;
  BoundExprPtr filter;
  std::vector<SortKey> order_by;  // string_agg(x, ',' ORDER BY y): the order rows are fed in
  std::string name;
  // GROUPING(a, b): no function; the group columns whose absence from a row's grouping set
  // sets a bit (the first argument is the highest bit).
  std::vector<int> grouping_columns;
};

// How a kGet reads its table: everything, or a key range of the primary key or of an index.
// eq[i] gives key column i; lower/upper bound the next key column.
// A conjunct `column op value` of the filter over a scan (value: constant, of the column's
// type), which the scan hands to the storage's zone maps (Transaction::ScanZoned).
struct ZoneConjunct {
  int column = 0;  // table column index
  std::string op;  // "=", "<", "<=", ">", ">="
  BoundExprPtr value;
};

struct AccessPath {
  enum class Type : uint8_t { kFullScan, kPrimaryKey, kIndex } type = Type::kFullScan;
  const IndexInfo* index = nullptr;
  std::vector<BoundExprPtr> eq;
  BoundExprPtr lower;
  bool lower_inclusive = true;
  BoundExprPtr upper;
  bool upper_inclusive = true;
  std::vector<ZoneConjunct> zones;  // full and primary-key scans only
};

// A window function call: the function (an aggregate, or a ranking / offset / value function
// named in `name`), its arguments, its partition and order, and its frame.
struct BoundWindow {
  std::string name;
  ResolvedAggregate aggregate;  // set when the function is an aggregate
  std::vector<BoundExprPtr> args;
  std::vector<BoundExprPtr> partition_by;
  std::vector<SortKey> order_by;
  enum class Mode : uint8_t { kRows, kRange, kGroups } mode = Mode::kRange;
  enum class Bound : uint8_t {
    kUnboundedPreceding,
    kPreceding,
    kCurrentRow,
    kFollowing,
    kUnboundedFollowing
  };
  bool has_frame = false;  // without one: whole partition, or up to the current row's peers
  Bound start = Bound::kUnboundedPreceding;
  Bound end = Bound::kCurrentRow;
  // ROWS / GROUPS: bigint constants; RANGE: constants of the type the ORDER BY value moves by
  // (its own numeric type, double for real, interval for dates, times and timestamps).
  BoundExprPtr start_offset, end_offset;
  enum class Exclude : uint8_t { kNoOthers, kCurrentRow, kGroup, kTies } exclude = Exclude::kNoOthers;
  LogicalType type;
};

// kSemi / kAnti (EXISTS, IN, NOT EXISTS, NOT IN after decorrelation) output the left input's
// columns only: the left rows that have a match, or that have none.
enum class JoinType : uint8_t { kInner, kLeft, kFull, kCross, kSemi, kAnti };

enum class SetOpType : uint8_t { kUnion, kIntersect, kExcept };

enum class ConflictAction : uint8_t { kNone, kNothing, kUpdate };

struct ExplainOptions;

struct LogicalOp {
  LogicalOpKind kind = LogicalOpKind::kValues;
  std::vector<std::unique_ptr<LogicalOp>> children;
  std::vector<LogicalType> types;  // output columns
  std::vector<std::string> names;

  // kGet / kInsert / kUpdate / kDelete
  const TableInfo* table = nullptr;
  std::vector<int> columns;  // kGet: table column indexes produced, in order; kDistinct:
                             // the key columns (DISTINCT ON), empty for all columns
  bool emit_row_key = false; // kGet: a last BYTEA column holds each row's storage key
  AccessPath access;
  // kGet AS OF: the committed state at as_of_scn (0: the transaction's own view). kGet AS OF
  // and kTableFunction "versions between" (versions_from..versions_to): `table` is an entry
  // of history_catalog, the catalog as of then, which the plan keeps alive.
  Scn as_of_scn = 0;
  Scn versions_from = 0;
  Scn versions_to = 0;
  std::shared_ptr<const Catalog> history_catalog;

  BoundExprPtr predicate;             // kFilter, kJoin condition
  std::vector<BoundExprPtr> exprs;    // kProjection, kAggregate groups, kUpdate new values
  std::vector<int> update_columns;    // kUpdate: table column set by exprs[i]
  std::vector<BoundAggregate> aggregates;
  // kAggregate with GROUPING SETS / ROLLUP / CUBE: each set lists the group columns (indexes
  // into exprs) it groups by; the others are NULL in its rows. Empty: one set of all columns.
  std::vector<std::vector<int>> grouping_sets;
  std::vector<BoundWindow> windows;  // kWindow
  std::vector<SortKey> sort_keys;
  int64_t top_n = -1;  // kSort under LIMIT n [OFFSET m]: only the first n + m rows are needed
  BoundExprPtr limit;
  BoundExprPtr offset;
  std::vector<std::vector<BoundExprPtr>> rows;  // kValues
  JoinType join_type = JoinType::kInner;
  // kJoin kAnti for NOT IN: a NULL on either side of the key makes the answer unknown, so a
  // left row is kept only when the right input is empty or has no NULL key and no match.
  bool null_aware = false;
  // kJoin: the right input reads the left row as its outer row (depth 1), LATERAL: it runs
  // once per left row.
  bool lateral = false;
  // kJoin: > 0 runs a merge join on the first merge_keys equality keys of the condition
  // (SplitJoinKeys order), both inputs being ordered on them (merge_join.cc); 0: hash join.
  int merge_keys = 0;
  SetOpType set_op = SetOpType::kUnion;  // kSetOp
  std::string function;                  // kTableFunction: its name
  bool with_ordinality = false;          // kTableFunction: a last bigint column numbers rows
  int index = 0;                         // kRecursiveCte / kWorkingTable: the working table
  bool set_all = false;                  // kSetOp: ALL keeps duplicates

  // kInsert ON CONFLICT: conflict_columns name the unique key; the DO UPDATE exprs
  // (conflict_set for conflict_set_columns) and conflict_where see existing ++ excluded rows.
  ConflictAction conflict = ConflictAction::kNone;
  std::vector<int> conflict_columns;
  std::vector<int> conflict_set_columns;
  std::vector<BoundExprPtr> conflict_set;
  BoundExprPtr conflict_where;

  double estimated_rows = -1;  // the optimizer's estimate, for EXPLAIN; -1 before it ran
  // The top of a pipeline that may run as several clones, each reading a share of its driving
  // scan (planner/parallelism.h); the executor decides how many from `threads`.
  bool parallel = false;
  // Rows must leave in the order the operator's input gives them (a Sort above it was dropped
  // as redundant): nothing in the ordered chain below may be split.
  bool keep_order = false;

  // kInsert / kUpdate / kDelete: RETURNING exprs over the table row (new row; old for DELETE).
  std::vector<BoundExprPtr> returning;

  // Indented plan text for EXPLAIN, one line per operator (ExplainPlan for a whole plan).
  void Explain(std::vector<std::string>* lines, const ExplainOptions& options,
               int depth = 0) const;
};

using LogicalOpPtr = std::unique_ptr<LogicalOp>;

// EXPLAIN of a whole plan: a split root pipeline shows under its Gather.
void ExplainPlan(const LogicalOp& root, std::vector<std::string>* lines,
                 const ExplainOptions& options);

// What EXPLAIN ANALYZE measured of one operator over all its executions (a subquery's plan
// runs once per outer row): rows it returned and time spent in it and below it.
// Atomic: the clones of a parallel pipeline add to one entry from several threads.
struct OperatorProfile {
  std::atomic<int64_t> rows{0};
  std::atomic<int64_t> loops{0};
  std::atomic<int64_t> ns{0};  // time in Next(), children included
};
using PlanProfile = std::unordered_map<const LogicalOp*, OperatorProfile>;

struct ExplainOptions {
  bool costs = true;                    // estimated rows
  int threads = 1;                      // the session's `threads`: how parallel pipelines run
  // Driving scans of the split pipelines met so far (filled while explaining).
  mutable std::unordered_set<const LogicalOp*> parallel_scans;
  const PlanProfile* profile = nullptr; // EXPLAIN ANALYZE: actual rows and time
};

}  // namespace heliosdb
