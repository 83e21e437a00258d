// Connection::Impl: one session: its transaction state (autocommit, explicit block, failed
// block), the catalog its transaction sees, session settings and SQL-level prepared
// statements. Statements are dispatched by kind: plans (SELECT, INSERT, UPDATE, DELETE) run
// through binder, optimizer and executor; DDL and utility statements run here.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "common/exception.h"
#include "engine/database_impl.h"
#include "engine/query_result_impl.h"
#include "engine/session_settings.h"
#include "execution/exec_context.h"
#include "execution/session_context.h"
#include "parser/ast.h"
#include "planner/logical_plan.h"
#include "txn/branch_registry.h"

namespace heliosdb {

class CopyStream;
class CopyFileStream;
struct CopyOptions;
struct CopyTarget;

// A statement bound once and executed many times; re-bound when the catalog changes.
struct PreparedPlan {
  std::shared_ptr<ast::Statement> statement;
  std::string text;
  std::vector<LogicalType> param_types;
  std::shared_ptr<const Catalog> catalog;  // the catalog `plan` was bound against
  LogicalOpPtr plan;                       // null for utility statements
  int threads = 0;                         // the `threads` setting it was planned for
  ObjectId role = 0;  // the role whose privileges the binder checked `plan` with
  bool time_travel = false;  // the plan reads AS OF / VERSIONS BETWEEN: bound anew per run
};

struct Connection::Impl : public SessionContext {
  explicit Impl(Database::Impl* database);
  ~Impl() override;

  // SessionContext (session_functions.cc).
  Value CallSessionFunction(const std::string& name, const std::vector<Value>& args) override;
  void RecordSequenceValue(int64_t sequence_id, int64_t value) override;
  Value Sleep(const Value& seconds);  // pg_sleep
  int64_t CurrentRole() override { return static_cast<int64_t>(CurrentRoleId()); }

  // Runs one parsed statement with the transaction rules of PostgreSQL. Throws DbException.
  QueryResult::Impl Run(PreparedPlan& prepared, const std::vector<Value>& params);
  // Binds (or re-binds) a plan statement against the current catalog.
  void Bind(PreparedPlan& prepared);
  std::shared_ptr<PreparedPlan> Prepare(std::shared_ptr<ast::Statement> statement, std::string text,
                                        std::vector<LogicalType> param_types = {});
  // Converts client parameter values to the statement's parameter types.
  std::vector<Value> ConvertParams(const PreparedPlan& prepared,
                                   const std::vector<ParamValue>& values);
  Status Fail(const DbException& e);  // ends or poisons the transaction after an error

  // Transactions.
  Transaction& Txn();
  // The branch the `branch` setting names; 3D000 once it was dropped.
  BranchInfo CurrentBranch();
  const Catalog& CurrentCatalog();
  Catalog& MutableCatalog();  // the transaction's private catalog, for DDL
  void CommitImplicit();      // ends an autocommit statement's transaction
  void CommitTransaction();   // commits whatever the transaction holds
  void RollbackAll();
  void EndTransactionSettings(bool committed);
  char TransactionStatus() const { return failed ? 'E' : (in_block ? 'T' : 'I'); }

  // Statement families (connection.cc, ddl_*.cc, utility_statements.cc).
  // profile: EXPLAIN ANALYZE's per-operator counters, or null.
  // peak_memory (EXPLAIN ANALYZE): receives the most memory the plan's operators reserved.
  QueryResult::Impl RunPlan(PreparedPlan& prepared, const std::vector<Value>& params,
                            PlanProfile* profile = nullptr, int64_t* peak_memory = nullptr);
  // RunPlan with READ COMMITTED's rules (read_committed.cc): a new snapshot for each
  // statement of a transaction, and a re-run of a statement that met a concurrent update.
  QueryResult::Impl RunPlanStatement(PreparedPlan& prepared, const std::vector<Value>& params);
  std::string IsolationLevel() const;  // the running transaction's ("read committed", ...)
  bool ReadCommitted() const;
  QueryResult::Impl RunExplain(const ast::ExplainStmt& stmt, const std::string& text);
  int Threads() const;  // the `threads` setting
  QueryResult::Impl RunTransaction(const ast::TransactionStmt& stmt);
  QueryResult::Impl RunUtility(PreparedPlan& prepared);
  QueryResult::Impl RunDdl(const ast::Statement& stmt, const std::string& text);
  // CREATE / DROP / MERGE DATABASE BRANCH, RESTORE DATABASE (branch_statements.cc).
  QueryResult::Impl RunBranchStatement(const ast::Statement& stmt);
  void SetBranch(const std::string& name);  // SET branch / USE BRANCH
  // COPY (copy_statement.cc).
  QueryResult::Impl RunCopy(PreparedPlan& prepared);
  void CheckCopyFileRights(const ast::CopyStmt& stmt);  // superuser; absolute path to write
  std::unique_ptr<CopyFileStream> OpenCopyFile(const ast::CopyStmt& stmt);  // checks rights
  // COPY ... (FORMAT parquet) (copy_parquet.cc).
  // not_null: per column, whether it is a NOT NULL table column (a REQUIRED Parquet field).
  QueryResult::Impl CopyParquetOut(const QueryResult::Impl& rows, const CopyOptions& options,
                                   const std::vector<bool>& not_null);
  QueryResult::Impl CopyParquetIn(const CopyTarget& target, const std::string& path);
  QueryResult::Impl CopyOut(const QueryResult::Impl& rows, const CopyOptions& options);
  QueryResult::Impl CopyIn(const CopyTarget& target, const CopyOptions& options);
  FunctionContext MakeFunctionContext();

  Database::Impl* db;
  std::unique_ptr<Transaction> txn;
  std::shared_ptr<const Catalog> catalog;  // what txn sees
  std::shared_ptr<Catalog> ddl_catalog;    // set once txn ran DDL
  bool in_block = false;
  // Set by the wire protocol while the statements of a simple-query message run: they share
  // one transaction, committed by EndImplicitBlock() after the last unless an error rolled it
  // back (PostgreSQL's implicit transaction block; BEGIN inside turns it into an explicit one).
  bool implicit_block = false;
  void EndImplicitBlock();  // throws DbException when the commit fails
  bool failed = false;
  bool block_read_only = false;  // BEGIN READ ONLY
  // BEGIN ISOLATION LEVEL / SET TRANSACTION ISOLATION LEVEL: the block's isolation level
  // ("" : default_transaction_isolation).
  std::string block_isolation;
  // Settings as they were when the transaction block began (ROLLBACK restores them) and the
  // values SET LOCAL replaced (restored when the transaction ends either way).
  std::optional<SessionSettings> settings_at_begin;
  std::optional<SessionSettings> settings_before_local;
  int64_t transaction_start = 0;
  SessionSettings settings;
  std::map<std::string, std::shared_ptr<PreparedPlan>> sql_prepared;  // PREPARE name
  std::atomic<bool> cancel{false};    // set by a cancel request; checked by the executor
  CopyStream* copy_stream = nullptr;  // COPY FROM STDIN / TO STDOUT; null when embedded
  ExternalRows* external_rows = nullptr;  // the rows of the COPY FROM running now
  // NOTICE and WARNING messages of the running statement, in the order raised (cleared as a
  // statement starts); the server sends them as NoticeResponse ahead of the statement's result
  // or error. Notify keeps only those client_min_messages lets through.
  struct Notice {
    const char* severity;  // "NOTICE" or "WARNING"
    Status status;         // SQLSTATE and message
  };
  std::vector<Notice> notices;
  void Notify(const char* severity, const char* sqlstate, std::string message);
  int32_t backend_id = 0;  // pg_backend_pid(); the server's key for CancelRequest
  // has_table_privilege (the privileges of catalog/privileges.h) and its siblings (`function`
  // names which), with their arguments: (object, privilege) or (role, object, privilege); an
  // object by name or OID, a role by name or OID. Schema, database and function privileges
  // are not kept: every role has them.
  bool HasPrivilege(const std::string& function, const std::vector<Value>& args);
  std::string RoleName(ObjectId role);  // current_user / session_user
  // The parsed search_path, re-parsed only when the setting changes.
  const std::vector<std::string>& SearchPath();
  std::string search_path_setting_;
  std::vector<std::string> search_path_;
  // Roles (session_roles.cc). The server sets who logged in; the embedded API runs as the
  // bootstrap superuser. SET SESSION AUTHORIZATION and SET ROLE change the setting values
  // "session_authorization" and "role" (so ROLLBACK and SET LOCAL treat them as any setting).
  void Login(const std::string& user, ObjectId role);
  ObjectId CurrentRoleId();  // SET ROLE's role, else the session user's
  ObjectId SessionRoleId();  // the session user's
  void SetRole(const std::string& name, bool local);          // SET ROLE name | NONE
  void SetSessionAuthorization(const std::string& name);      // "" : DEFAULT
  std::string authenticated_user = kBootstrapSuperuserName;  // as given at login
  ObjectId authenticated_role = kBootstrapSuperuserId;
  // statement_timeout: when the running statement must stop (max(): no limit).
  std::chrono::steady_clock::time_point statement_deadline =
      std::chrono::steady_clock::time_point::max();
  std::map<int64_t, int64_t> currvals;  // sequence id -> the last value nextval gave here
  std::optional<int64_t> lastval;
};

// A result with only a command tag.
QueryResult::Impl TagResult(std::string tag);

// The text of statement s inside sql (from its location to its end_location).
std::string StatementText(std::string_view sql, const ast::Statement& s);

// Runs fn, turning any exception into a failed Status and the connection's transaction state
// into PostgreSQL's (an error inside a block aborts the block). Used by the public API and the
// wire protocol server, the two places where exceptions end.
template <typename Fn>
Status Guard(Connection::Impl& conn, Fn&& fn) {
  try {
    fn();
    return Status::OK();
  } catch (const DbException& e) {
    return conn.Fail(e);
  } catch (const std::bad_alloc&) {
    return conn.Fail(DbException(sqlstate::kOutOfMemory, "out of memory"));
  } catch (const std::exception& e) {
    return conn.Fail(
        DbException(sqlstate::kInternalError, std::string("internal error: ") + e.what()));
  }
}

}  // namespace heliosdb
