// The abstract syntax tree produced by the parser (parser/parser.h) and consumed by the binder.
// Nodes own their children (unique_ptr). Every node records `location`: the 1-based character
// offset of its first token in the statement text, which errors report as their position.
// Identifiers are already case-folded (unquoted -> lower case) by the lexer.
// Special SQL forms are normalized to function calls as PostgreSQL does:
//   EXTRACT(f FROM x) -> date_part('f', x)      SUBSTRING(x FROM a FOR b) -> substring(x, a, b)
//   POSITION(a IN b)  -> position(b, a)          TRIM(BOTH c FROM x) -> btrim(x, c) (ltrim/rtrim)
//   x AT TIME ZONE z  -> timezone(z, x)          OVERLAY(x PLACING y FROM a FOR b) -> overlay(...)
//   CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_TIME, CURRENT_USER, ... ->
//   FunctionExpr with that name, no arguments, no_parens = true.
//   COALESCE, NULLIF, GREATEST, LEAST -> FunctionExpr of that name.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace heliosdb::ast {

struct Node {
  int location = 0;
  virtual ~Node() = default;
};

// ---------------------------------------------------------------- types
struct TypeName : Node {
  std::string name;               // canonical, lower case: "integer", "character varying", ...
  std::vector<int> modifiers;     // numeric(10,2) -> {10, 2}; varchar(20) -> {20}
  int array_dims = 0;             // integer[] -> 1
  std::string interval_fields;    // INTERVAL DAY TO SECOND -> "day to second"
};

// ---------------------------------------------------------------- expressions
enum class ExprKind {
  kConstant,
  kColumnRef,
  kStar,
  kParam,
  kUnary,
  kBinary,
  kFunction,
  kCast,
  kCase,
  kIsNull,
  kIsBool,
  kBetween,
  kInList,
  kLike,
  kSubquery,
  kAnyAll,
  kArray,
  kRow,
  kSubscript,
  kCollate,
  kDefault,
};

struct Expr : Node {
  explicit Expr(ExprKind k) : kind(k) {}
  ExprKind kind;
  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }
};
using ExprPtr = std::unique_ptr<Expr>;
using ExprList = std::vector<ExprPtr>;

struct SelectStmt;
struct WindowSpec;

struct ConstantExpr : Expr {
  ConstantExpr() : Expr(ExprKind::kConstant) {}
  enum class Type { kNull, kTrue, kFalse, kInteger, kNumeric, kString, kBitString };
  Type type = Type::kNull;
  std::string text;  // digits for kInteger/kNumeric ("1.5e3"), the unescaped bytes for kString
};

struct ColumnRefExpr : Expr {
  ColumnRefExpr() : Expr(ExprKind::kColumnRef) {}
  std::vector<std::string> names;  // {"t", "a"} for t.a
};

struct StarExpr : Expr {  // * or t.*
  StarExpr() : Expr(ExprKind::kStar) {}
  std::vector<std::string> qualifier;
};

struct ParamExpr : Expr {  // $1
  ParamExpr() : Expr(ExprKind::kParam) {}
  int index = 0;  // 1-based
};

struct UnaryExpr : Expr {
  UnaryExpr() : Expr(ExprKind::kUnary) {}
  std::string op;  // "-", "+", "NOT", "~", "@", "|/", "||/"
  ExprPtr operand;
};

struct BinaryExpr : Expr {
  BinaryExpr() : Expr(ExprKind::kBinary) {}
  // "+", "-", "*", "/", "%", "^", "=", "<>", "<", "<=", ">", ">=", "AND", "OR", "||",
  // "IS DISTINCT FROM", "IS NOT DISTINCT FROM", "~", "~*", "!~", "!~*", "&", "|", "#", "<<",
  // ">>", and any other operator spelled as PostgreSQL spells it ("@>", "<->", "@@", ...).
  std::string op;
  ExprPtr left;
  ExprPtr right;
};

struct OrderByItem : Node {
  ExprPtr expr;
  bool descending = false;
  std::optional<bool> nulls_first;  // unset: NULLS LAST for ASC, NULLS FIRST for DESC
};

struct FunctionExpr : Expr {
  FunctionExpr() : Expr(ExprKind::kFunction) {}
  std::vector<std::string> name;  // {"pg_catalog", "lower"} or {"lower"}
  ExprList args;
  bool star = false;       // count(*)
  bool distinct = false;   // count(DISTINCT x)
  bool no_parens = false;  // CURRENT_DATE
  bool variadic = false;
  std::vector<OrderByItem> order_by;  // string_agg(x, ',' ORDER BY y)
  ExprPtr filter;                     // FILTER (WHERE ...)
  std::unique_ptr<WindowSpec> over;   // OVER (...) or OVER name
  bool within_group = false;          // percentile_cont(0.5) WITHIN GROUP (ORDER BY x)
};

struct CastExpr : Expr {  // CAST(x AS t), x::t, typed literal DATE '...'
  CastExpr() : Expr(ExprKind::kCast) {}
  ExprPtr operand;
  TypeName type;
};

struct CaseExpr : Expr {
  CaseExpr() : Expr(ExprKind::kCase) {}
  ExprPtr operand;  // CASE x WHEN ... (null for searched CASE)
  std::vector<std::pair<ExprPtr, ExprPtr>> whens;
  ExprPtr else_expr;
};

struct IsNullExpr : Expr {
  IsNullExpr() : Expr(ExprKind::kIsNull) {}
  ExprPtr operand;
  bool negated = false;
};

struct IsBoolExpr : Expr {  // x IS [NOT] TRUE | FALSE | UNKNOWN
  IsBoolExpr() : Expr(ExprKind::kIsBool) {}
  enum class Test { kTrue, kFalse, kUnknown };
  ExprPtr operand;
  Test test = Test::kTrue;
  bool negated = false;
};

struct BetweenExpr : Expr {
  BetweenExpr() : Expr(ExprKind::kBetween) {}
  ExprPtr operand, low, high;
  bool negated = false;
  bool symmetric = false;
};

struct InListExpr : Expr {
  InListExpr() : Expr(ExprKind::kInList) {}
  ExprPtr operand;
  ExprList list;
  bool negated = false;
};

struct LikeExpr : Expr {  // [NOT] LIKE / ILIKE / SIMILAR TO ... [ESCAPE e]
  LikeExpr() : Expr(ExprKind::kLike) {}
  ExprPtr operand, pattern, escape;
  bool negated = false;
  bool case_insensitive = false;
  bool similar = false;
};

struct SubqueryExpr : Expr {
  SubqueryExpr() : Expr(ExprKind::kSubquery) {}
  enum class Type { kScalar, kExists, kIn, kAny, kAll };
  Type type = Type::kScalar;
  ExprPtr operand;  // left side of IN / op ANY / op ALL
  std::string op;   // "=" for IN, the operator for ANY / ALL
  bool negated = false;  // NOT IN, NOT EXISTS
  std::unique_ptr<SelectStmt> query;
};

struct AnyAllExpr : Expr {  // x op ANY (array expression)
  AnyAllExpr() : Expr(ExprKind::kAnyAll) {}
  std::string op;
  bool all = false;
  ExprPtr left, right;
};

struct ArrayExpr : Expr {  // ARRAY[a, b], or ARRAY(SELECT ...) with query set
  ArrayExpr() : Expr(ExprKind::kArray) {}
  ExprList elements;
  std::unique_ptr<SelectStmt> query;
};

struct RowExpr : Expr {  // ROW(a, b) or (a, b)
  RowExpr() : Expr(ExprKind::kRow) {}
  ExprList fields;
};

struct SubscriptExpr : Expr {  // a[i] or a[i:j]
  SubscriptExpr() : Expr(ExprKind::kSubscript) {}
  ExprPtr operand, index, upper;
  bool slice = false;
};

struct CollateExpr : Expr {
  CollateExpr() : Expr(ExprKind::kCollate) {}
  ExprPtr operand;
  std::string collation;
};

struct DefaultExpr : Expr {  // DEFAULT in VALUES or UPDATE SET
  DefaultExpr() : Expr(ExprKind::kDefault) {}
};

// ---------------------------------------------------------------- windows
struct FrameBound {
  enum class Type { kUnboundedPreceding, kPreceding, kCurrentRow, kFollowing, kUnboundedFollowing };
  Type type = Type::kCurrentRow;
  ExprPtr offset;  // kPreceding / kFollowing
};

struct WindowSpec : Node {
  std::string name;      // OVER w, or a WINDOW clause entry's own name
  std::string ref_name;  // OVER (w ORDER BY ...) builds on w
  ExprList partition_by;
  std::vector<OrderByItem> order_by;
  bool has_frame = false;
  enum class Mode { kRows, kRange, kGroups } mode = Mode::kRange;
  FrameBound start;  // default: UNBOUNDED PRECEDING ... CURRENT ROW
  FrameBound end;
  enum class Exclude { kNoOthers, kCurrentRow, kGroup, kTies } exclude = Exclude::kNoOthers;
};

// ---------------------------------------------------------------- FROM items
enum class TableRefKind { kBaseTable, kSubquery, kJoin, kFunction };

// HeliosDB time travel on a table reference: AS OF NOW | TIMESTAMP e | SCN e | TRANSACTION e,
// or VERSIONS BETWEEN TIMESTAMP|SCN a AND b.
struct AsOfClause {
  enum class Type { kNow, kTimestamp, kScn } type = Type::kNow;
  ExprPtr value;
  bool versions_between = false;
  ExprPtr upper;  // VERSIONS BETWEEN value AND upper
};

struct TableRef : Node {
  explicit TableRef(TableRefKind k) : kind(k) {}
  TableRefKind kind;
  std::string alias;
  std::vector<std::string> column_aliases;
  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }
};
using TableRefPtr = std::unique_ptr<TableRef>;

struct BaseTableRef : TableRef {
  BaseTableRef() : TableRef(TableRefKind::kBaseTable) {}
  std::vector<std::string> name;  // {"schema", "table"} or {"table"}
  bool only = false;
  std::unique_ptr<AsOfClause> as_of;
};

struct SubqueryRef : TableRef {
  SubqueryRef() : TableRef(TableRefKind::kSubquery) {}
  std::unique_ptr<SelectStmt> query;
  bool lateral = false;
};

struct JoinRef : TableRef {
  JoinRef() : TableRef(TableRefKind::kJoin) {}
  enum class Type { kInner, kLeft, kRight, kFull, kCross } type = Type::kInner;
  TableRefPtr left, right;
  ExprPtr on;
  std::vector<std::string> using_columns;
  bool natural = false;
};

struct FunctionRef : TableRef {  // FROM generate_series(1, 10) AS g(i)
  FunctionRef() : TableRef(TableRefKind::kFunction) {}
  std::unique_ptr<FunctionExpr> call;
  bool lateral = false;
  bool with_ordinality = false;
};

// ---------------------------------------------------------------- statements
enum class StmtKind {
  kSelect,
  kInsert,
  kUpdate,
  kDelete,
  kCreateTable,
  kCreateIndex,
  kCreateSchema,
  kCreateSequence,
  kAlterSequence,
  kCreateView,
  kDrop,
  kAlterTable,
  kTruncate,
  kTransaction,
  kExplain,
  kSet,
  kShow,
  kReset,
  kPrepare,
  kExecute,
  kDeallocate,
  kCopy,
  kAnalyze,
  kVacuum,
  kCreateBranch,
  kDropBranch,
  kMergeBranch,
  kRestoreDatabase,
  kRefreshMatView,
  kComment,
  kCheckpoint,
  kCreateRole,
  kAlterRole,
  kDropRole,
  kGrant,  // GRANT and REVOKE
};

struct Statement : Node {
  explicit Statement(StmtKind k) : kind(k) {}
  StmtKind kind;
  int end_location = 0;  // 1-based offset just past the statement's last token
  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }
};
using StatementPtr = std::unique_ptr<Statement>;

// WITH (key = value, ...) options: values are constants or identifiers (as ConstantExpr
// strings); a bare key has a null value.
using OptionList = std::vector<std::pair<std::string, ExprPtr>>;

struct SelectItem : Node {
  ExprPtr expr;
  std::string alias;  // empty when none
};

struct CommonTableExpr : Node {
  std::string name;
  std::vector<std::string> column_names;
  std::unique_ptr<SelectStmt> query;  // may itself be INSERT/UPDATE/DELETE ... RETURNING later
  std::optional<bool> materialized;
};

struct WithClause : Node {
  bool recursive = false;
  std::vector<CommonTableExpr> ctes;
};

struct GroupingElement : Node {
  enum class Type { kExpr, kEmpty, kRollup, kCube, kSets } type = Type::kExpr;
  ExprPtr expr;                          // kExpr
  ExprList exprs;                        // kRollup / kCube items (a RowExpr groups several)
  std::vector<GroupingElement> sets;     // kSets
};

struct SelectStmt : Statement {
  SelectStmt() : Statement(StmtKind::kSelect) {}
  std::unique_ptr<WithClause> with;

  // A set operation (left op right) when set_op != kNone; then only with, order_by, limit and
  // offset of this node are used.
  enum class SetOp { kNone, kUnion, kIntersect, kExcept } set_op = SetOp::kNone;
  bool set_all = false;
  std::unique_ptr<SelectStmt> left, right;

  // VALUES (...), (...) when non-empty (no targets then).
  std::vector<ExprList> values;

  bool distinct = false;
  ExprList distinct_on;
  std::vector<SelectItem> targets;
  std::vector<TableRefPtr> from;
  ExprPtr where;
  std::vector<GroupingElement> group_by;
  bool group_by_all = false;
  ExprPtr having;
  std::vector<std::unique_ptr<WindowSpec>> windows;  // WINDOW w AS (...)

  std::vector<OrderByItem> order_by;
  ExprPtr limit;  // LIMIT n | FETCH FIRST n ROWS ONLY; LIMIT ALL leaves it null
  ExprPtr offset;
  bool for_update = false;  // FOR UPDATE / FOR SHARE (row locks)
};

struct OnConflictClause : Node {
  std::vector<std::string> target_columns;
  std::string constraint_name;  // ON CONFLICT ON CONSTRAINT name
  ExprPtr target_where;
  bool do_update = false;  // false: DO NOTHING
  struct SetClause {
    std::vector<std::string> columns;  // (a, b) = (...) sets several
    ExprPtr value;
  };
  std::vector<SetClause> set;
  ExprPtr where;
};

struct InsertStmt : Statement {
  InsertStmt() : Statement(StmtKind::kInsert) {}
  std::unique_ptr<WithClause> with;
  std::vector<std::string> table;
  std::string alias;
  std::vector<std::string> columns;
  bool overriding_system_value = false;  // OVERRIDING SYSTEM VALUE (identity ALWAYS may be set)
  std::unique_ptr<SelectStmt> source;  // VALUES or SELECT; null for DEFAULT VALUES
  // COPY FROM (never the parser): the rows come from ExecContext::external_rows, one value
  // per listed column, of the column's type.
  bool external_rows = false;
  std::unique_ptr<OnConflictClause> on_conflict;
  std::vector<SelectItem> returning;
};

struct UpdateStmt : Statement {
  UpdateStmt() : Statement(StmtKind::kUpdate) {}
  std::unique_ptr<WithClause> with;
  std::vector<std::string> table;
  std::string alias;
  std::vector<OnConflictClause::SetClause> set;
  std::vector<TableRefPtr> from;
  ExprPtr where;
  std::vector<SelectItem> returning;
};

struct DeleteStmt : Statement {
  DeleteStmt() : Statement(StmtKind::kDelete) {}
  std::unique_ptr<WithClause> with;
  std::vector<std::string> table;
  std::string alias;
  std::vector<TableRefPtr> using_tables;
  ExprPtr where;
  std::vector<SelectItem> returning;
};

enum class RefAction { kNoAction, kRestrict, kCascade, kSetNull, kSetDefault };

struct ForeignKeySpec {
  std::vector<std::string> ref_table;
  std::vector<std::string> ref_columns;  // empty: the referenced table's primary key
  RefAction on_delete = RefAction::kNoAction;
  RefAction on_update = RefAction::kNoAction;
  bool match_full = false;
};

struct ColumnConstraint : Node {
  enum class Type {
    kNotNull,
    kNull,
    kDefault,
    kPrimaryKey,
    kUnique,
    kCheck,
    kReferences,
    kIdentity,   // GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(seq options)]
    kGenerated,  // GENERATED ALWAYS AS (expr) STORED
  };
  Type type = Type::kNotNull;
  std::string name;  // CONSTRAINT name
  ExprPtr expr;      // kDefault, kCheck, kGenerated
  ForeignKeySpec fk;
  bool identity_always = false;
  OptionList sequence_options;  // kIdentity: start, increment, ...
};

struct ColumnDef : Node {
  std::string name;
  TypeName type;
  std::vector<ColumnConstraint> constraints;
  OptionList options;  // column-level WITH (...) (compression and the like)
};

struct TableConstraint : Node {
  enum class Type { kPrimaryKey, kUnique, kCheck, kForeignKey } type = Type::kPrimaryKey;
  std::string name;
  std::vector<std::string> columns;
  ExprPtr check;
  ForeignKeySpec fk;
};

struct CreateTableStmt : Statement {
  CreateTableStmt() : Statement(StmtKind::kCreateTable) {}
  std::vector<std::string> name;
  bool if_not_exists = false;
  bool temporary = false;
  std::vector<ColumnDef> columns;
  std::vector<TableConstraint> constraints;
  OptionList options;                     // WITH (...)
  std::unique_ptr<SelectStmt> as_select;  // CREATE TABLE ... AS SELECT
  bool with_no_data = false;
};

struct IndexElement : Node {
  std::string column;  // set for a plain column
  ExprPtr expr;        // set for an expression index
  std::string opclass;
  bool descending = false;
  std::optional<bool> nulls_first;
};

struct CreateIndexStmt : Statement {
  CreateIndexStmt() : Statement(StmtKind::kCreateIndex) {}
  std::string name;  // may be empty: a name is generated
  std::vector<std::string> table;
  bool unique = false;
  bool if_not_exists = false;
  bool concurrently = false;
  std::string method;  // "btree" by default, "hnsw", "gin", ...
  std::vector<IndexElement> elements;
  std::vector<std::string> include;
  OptionList options;
  ExprPtr where;
};

struct CreateSchemaStmt : Statement {
  CreateSchemaStmt() : Statement(StmtKind::kCreateSchema) {}
  std::string name;
  bool if_not_exists = false;
};

struct CreateSequenceStmt : Statement {  // also ALTER SEQUENCE (kind kAlterSequence)
  CreateSequenceStmt() : Statement(StmtKind::kCreateSequence) {}
  std::vector<std::string> name;
  bool if_not_exists = false;
  bool if_exists = false;  // ALTER SEQUENCE IF EXISTS
  // increment, minvalue, maxvalue, start, restart, cache, cycle (value true/false), owned_by
  // (a ConstantExpr string "table.column" or "none"), as (type name); "no minvalue" etc. are
  // given as the key with a null value.
  OptionList options;
};

struct CreateViewStmt : Statement {
  CreateViewStmt() : Statement(StmtKind::kCreateView) {}
  std::vector<std::string> name;
  bool or_replace = false;
  bool materialized = false;
  bool if_not_exists = false;
  std::vector<std::string> columns;
  std::unique_ptr<SelectStmt> query;
  std::string query_text;  // the SELECT's text as written, stored in the catalog
  OptionList options;
  bool with_no_data = false;
};

struct DropStmt : Statement {
  DropStmt() : Statement(StmtKind::kDrop) {}
  enum class Object { kTable, kIndex, kView, kMaterializedView, kSequence, kSchema } object =
      Object::kTable;
  std::vector<std::vector<std::string>> names;
  bool if_exists = false;
  bool cascade = false;
};

struct AlterTableAction : Node {
  enum class Type {
    kAddColumn,
    kDropColumn,
    kRenameColumn,
    kRenameTable,
    kAlterColumnType,
    kSetDefault,
    kDropDefault,
    kSetNotNull,
    kDropNotNull,
    kAddConstraint,
    kDropConstraint,
    kRenameConstraint,
    kSetOptions,        // ALTER TABLE t SET (k = v)
    kSetColumnOptions,  // ALTER TABLE t ALTER COLUMN c SET (k = v)
  };
  Type type = Type::kAddColumn;
  ColumnDef column;         // kAddColumn
  std::string name;         // column or constraint acted on
  std::string new_name;     // renames
  TypeName new_type;        // kAlterColumnType
  ExprPtr expr;             // kSetDefault; USING expression for kAlterColumnType
  TableConstraint constraint;
  OptionList options;
  bool if_exists = false;   // DROP COLUMN IF EXISTS, ADD COLUMN IF NOT EXISTS
  bool cascade = false;
};

struct AlterTableStmt : Statement {
  AlterTableStmt() : Statement(StmtKind::kAlterTable) {}
  std::vector<std::string> table;
  bool if_exists = false;
  std::vector<AlterTableAction> actions;
};

struct TruncateStmt : Statement {
  TruncateStmt() : Statement(StmtKind::kTruncate) {}
  std::vector<std::vector<std::string>> tables;
  bool restart_identity = false;
  bool cascade = false;
};

struct TransactionStmt : Statement {
  TransactionStmt() : Statement(StmtKind::kTransaction) {}
  enum class Type { kBegin, kCommit, kRollback, kSavepoint, kRelease, kRollbackTo } type =
      Type::kBegin;
  std::string savepoint;
  std::string isolation_level;  // "serializable", "repeatable read", "read committed", ...
  std::optional<bool> read_only;
};

struct ExplainStmt : Statement {
  ExplainStmt() : Statement(StmtKind::kExplain) {}
  bool analyze = false;
  bool verbose = false;
  bool costs = true;
  std::string format;  // "text" by default
  StatementPtr statement;
};

struct SetStmt : Statement {  // SET [SESSION|LOCAL] name = value | TO value | TIME ZONE v
  SetStmt() : Statement(StmtKind::kSet) {}
  std::string name;  // lower case; "timezone" for SET TIME ZONE; "branch" for USE BRANCH x
  ExprList values;   // identifiers arrive as ConstantExpr strings; DEFAULT as DefaultExpr
  bool local = false;
};

struct ShowStmt : Statement {  // SHOW name | SHOW ALL
  ShowStmt() : Statement(StmtKind::kShow) {}
  std::string name;
};

struct ResetStmt : Statement {  // RESET name | RESET ALL
  ResetStmt() : Statement(StmtKind::kReset) {}
  std::string name;
};

struct PrepareStmt : Statement {
  PrepareStmt() : Statement(StmtKind::kPrepare) {}
  std::string name;
  std::vector<TypeName> param_types;
  StatementPtr statement;
};

struct ExecuteStmt : Statement {
  ExecuteStmt() : Statement(StmtKind::kExecute) {}
  std::string name;
  ExprList params;
};

struct DeallocateStmt : Statement {
  DeallocateStmt() : Statement(StmtKind::kDeallocate) {}
  std::string name;  // empty with all = true
  bool all = false;
};

struct CopyStmt : Statement {
  CopyStmt() : Statement(StmtKind::kCopy) {}
  std::vector<std::string> table;
  std::vector<std::string> columns;
  std::unique_ptr<SelectStmt> query;  // COPY (SELECT ...) TO
  bool is_from = false;
  bool stdio = false;    // FROM STDIN / TO STDOUT
  std::string filename;  // otherwise
  OptionList options;    // format, header, delimiter, null, quote, escape, ...
};

struct AnalyzeStmt : Statement {  // ANALYZE [t, ...]; VACUUM uses kind kVacuum
  AnalyzeStmt() : Statement(StmtKind::kAnalyze) {}
  std::vector<std::vector<std::string>> tables;
};

// CREATE DATABASE BRANCH name [FROM parent | FROM CURRENT] [AS OF NOW|TIMESTAMP x|SCN n]
//   [WITH (...)]
struct CreateBranchStmt : Statement {
  CreateBranchStmt() : Statement(StmtKind::kCreateBranch) {}
  std::string name;
  std::string parent;  // empty: FROM CURRENT (the session's branch)
  std::unique_ptr<AsOfClause> as_of;
  bool if_not_exists = false;
  OptionList options;
};

struct DropBranchStmt : Statement {
  DropBranchStmt() : Statement(StmtKind::kDropBranch) {}
  std::string name;
  bool if_exists = false;
};

// MERGE DATABASE BRANCH source INTO target [WITH (conflict = 'fail', dry_run = true)]
struct MergeBranchStmt : Statement {
  MergeBranchStmt() : Statement(StmtKind::kMergeBranch) {}
  std::string source;
  std::string target;
  OptionList options;
};

// RESTORE DATABASE TO TIMESTAMP x | SCN n  (runs on the session's branch)
struct RestoreDatabaseStmt : Statement {
  RestoreDatabaseStmt() : Statement(StmtKind::kRestoreDatabase) {}
  std::unique_ptr<AsOfClause> to;
};

struct RefreshMatViewStmt : Statement {
  RefreshMatViewStmt() : Statement(StmtKind::kRefreshMatView) {}
  std::vector<std::string> name;
  bool concurrently = false;
  bool incremental = false;
  bool with_no_data = false;  // WITH NO DATA
};

struct CommentStmt : Statement {  // COMMENT ON TABLE|COLUMN x IS 'text'
  CommentStmt() : Statement(StmtKind::kComment) {}
  std::string object_type;
  std::vector<std::string> name;
  std::string comment;
  bool is_null = false;
};

// CREATE ROLE | USER | GROUP name [WITH] options; ALTER ROLE name [WITH] options | RENAME TO
// new; DROP ROLE [IF EXISTS] a, b. Options: SUPERUSER / NOSUPERUSER, LOGIN / NOLOGIN,
// CREATEDB / NOCREATEDB, CREATEROLE / NOCREATEROLE, PASSWORD 'text' | NULL, IN ROLE a, b.
struct RoleStmt : Statement {
  explicit RoleStmt(StmtKind k) : Statement(k) {}
  std::vector<std::string> names;  // one, except for DROP
  bool is_user = false;            // CREATE USER: LOGIN by default
  bool if_exists = false;
  std::string new_name;                    // ALTER ROLE ... RENAME TO
  std::map<std::string, bool> flags;       // "superuser", "login", "createdb", "createrole"
  std::optional<std::string> password;     // PASSWORD 'text'
  bool password_null = false;              // PASSWORD NULL
  std::vector<std::string> in_roles;       // IN ROLE a, b
};

// GRANT privileges ON [TABLE] t, ... | ALL TABLES IN SCHEMA s TO grantees;
// GRANT role, ... TO grantees; REVOKE likewise with FROM.
struct GrantStmt : Statement {
  GrantStmt() : Statement(StmtKind::kGrant) {}
  bool grant = true;                    // false: REVOKE
  bool roles = false;                   // GRANT role TO role: `privileges` are role names
  std::vector<std::string> privileges;  // lower case; empty: ALL [PRIVILEGES]
  bool all_tables_in_schema = false;    // objects are schema names then
  std::vector<std::vector<std::string>> objects;
  std::vector<std::string> grantees;  // "" stands for PUBLIC
  bool cascade = false;
};

}  // namespace heliosdb::ast
