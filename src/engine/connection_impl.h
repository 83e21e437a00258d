// Connection::Impl: one session: its transaction state (autocommit, explicit block, failed
// block), the catalog its transaction sees, session settings and SQL-level prepared
// statements. Statements are dispatched by kind: plans (SELECT, INSERT, UPDATE, DELETE) run
// through binder, optimizer and executor; DDL and utility statements run here.
#pragma once

#include <atomic>
#include <map>
#include <optional>
#include <memory>
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

namespace heliosdb {

// A statement bound once and executed many times; re-bound when the catalog changes.
struct PreparedPlan {
  std::shared_ptr<ast::Statement> statement;
  std::string text;
  std::vector<LogicalType> param_types;
  std::shared_ptr<const Catalog> catalog;  // the catalog `plan` was bound against
  LogicalOpPtr plan;                       // null for utility statements
};

struct Connection::Impl : public SessionContext {
  explicit Impl(Database::Impl* database);
  ~Impl() override;

  // SessionContext (session_functions.cc).
  Value CallSessionFunction(const std::string& name, const std::vector<Value>& args) override;
  void RecordSequenceValue(int64_t sequence_id, int64_t value) override;

  // Runs one parsed statement with the transaction rules of PostgreSQL. Throws DbException.
  QueryResult::Impl Run(PreparedPlan& prepared, const std::vector<Value>& params);
  // Binds (or re-binds) a plan statement against the current catalog.
  void Bind(PreparedPlan& prepared);
  std::shared_ptr<PreparedPlan> Prepare(std::shared_ptr<ast::Statement> statement,
                                        std::string text,
                                        std::vector<LogicalType> param_types = {});
  // Converts client parameter values to the statement's parameter types.
  std::vector<Value> ConvertParams(const PreparedPlan& prepared,
                                   const std::vector<ParamValue>& values);
  Status Fail(const DbException& e);  // ends or poisons the transaction after an error

  // Transactions.
  Transaction& Txn();
  const Catalog& CurrentCatalog();
  Catalog& MutableCatalog();  // the transaction's private catalog, for DDL
  void CommitImplicit();      // ends an autocommit statement's transaction
  void RollbackAll();
  void EndTransactionSettings(bool committed);
  char TransactionStatus() const { return failed ? 'E' : (in_block ? 'T' : 'I'); }

  // Statement families (connection.cc, ddl_*.cc, utility_statements.cc).
  // profile: EXPLAIN ANALYZE's per-operator counters, or null.
  QueryResult::Impl RunPlan(PreparedPlan& prepared, const std::vector<Value>& params,
                            PlanProfile* profile = nullptr);
  QueryResult::Impl RunExplain(const ast::ExplainStmt& stmt, const std::string& text);
  int Threads() const;  // the `threads` setting
  QueryResult::Impl RunTransaction(const ast::TransactionStmt& stmt);
  QueryResult::Impl RunUtility(PreparedPlan& prepared);
  QueryResult::Impl RunDdl(const ast::Statement& stmt, const std::string& text);
  FunctionContext MakeFunctionContext();

  Database::Impl* db;
  std::unique_ptr<Transaction> txn;
  std::shared_ptr<const Catalog> catalog;  // what txn sees
  std::shared_ptr<Catalog> ddl_catalog;    // set once txn ran DDL
  bool in_block = false;
  bool failed = false;
  bool block_read_only = false;  // BEGIN READ ONLY
  // Settings as they were when the transaction block began (ROLLBACK restores them) and the
  // values SET LOCAL replaced (restored when the transaction ends either way).
  std::optional<SessionSettings> settings_at_begin;
  std::optional<SessionSettings> settings_before_local;
  int64_t transaction_start = 0;
  SessionSettings settings;
  std::map<std::string, std::shared_ptr<PreparedPlan>> sql_prepared;  // PREPARE name
  std::atomic<bool> cancel{false};
  int32_t backend_id = 0;
  // The parsed search_path, re-parsed only when the setting changes.
  const std::vector<std::string>& SearchPath();
  std::string search_path_setting_;
  std::vector<std::string> search_path_;
  std::map<int64_t, int64_t> currvals;  // sequence id -> the last value nextval gave here
  std::optional<int64_t> lastval;
};

// A result with only a command tag.
QueryResult::Impl TagResult(std::string tag);

}  // namespace heliosdb
