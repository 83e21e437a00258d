// Statement dispatch and transaction state of a connection.
#include <chrono>

#include "catalog/privileges.h"
#include "common/exception.h"
#include "common/memory_size.h"
#include "common/types/value_text.h"
#include "engine/connection_impl.h"
#include "txn/branch_registry.h"
#include "engine/time_travel_source.h"
#include "engine/planner_environment.h"
#include "execution/physical_planner.h"
#include "function/cast/cast.h"
#include "planner/binder.h"
#include "planner/optimizer.h"
#include "planner/parallelism.h"

namespace heliosdb {

namespace {
// Microseconds since 2000-01-01 00:00:00 UTC, PostgreSQL's timestamp epoch.
int64_t NowMicros() {
  constexpr int64_t kUnixToPostgresEpoch = 946684800LL * 1000000;
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::microseconds>(now).count() - kUnixToPostgresEpoch;
}

bool IsPlanStatement(ast::StmtKind kind) {
  return kind == ast::StmtKind::kSelect || kind == ast::StmtKind::kInsert ||
         kind == ast::StmtKind::kUpdate || kind == ast::StmtKind::kDelete;
}

// The command as PostgreSQL names it in "cannot execute X in a read-only transaction".
std::string DdlCommandName(const ast::Statement& s) {
  switch (s.kind) {
    case ast::StmtKind::kCreateTable:
      return "CREATE TABLE";
    case ast::StmtKind::kCreateIndex:
      return "CREATE INDEX";
    case ast::StmtKind::kCreateSchema:
      return "CREATE SCHEMA";
    case ast::StmtKind::kCreateSequence:
      return "CREATE SEQUENCE";
    case ast::StmtKind::kAlterSequence:
      return "ALTER SEQUENCE";
    case ast::StmtKind::kCreateView:
      return "CREATE VIEW";
    case ast::StmtKind::kDrop:
      return "DROP";
    case ast::StmtKind::kAlterTable:
      return "ALTER TABLE";
    case ast::StmtKind::kCreateRole:
      return "CREATE ROLE";
    case ast::StmtKind::kAlterRole:
      return "ALTER ROLE";
    case ast::StmtKind::kDropRole:
      return "DROP ROLE";
    case ast::StmtKind::kGrant:
      return "GRANT";
    default:
      return "TRUNCATE TABLE";
  }
}

bool IsDdl(ast::StmtKind kind) {
  switch (kind) {
    case ast::StmtKind::kCreateTable:
    case ast::StmtKind::kCreateIndex:
    case ast::StmtKind::kCreateSchema:
    case ast::StmtKind::kCreateSequence:
    case ast::StmtKind::kAlterSequence:
    case ast::StmtKind::kCreateView:
    case ast::StmtKind::kDrop:
    case ast::StmtKind::kAlterTable:
    case ast::StmtKind::kTruncate:
    case ast::StmtKind::kAnalyze:  // writes statistics into the catalog
    case ast::StmtKind::kCreateRole:
    case ast::StmtKind::kAlterRole:
    case ast::StmtKind::kDropRole:
    case ast::StmtKind::kGrant:
      return true;
    default:
      return false;
  }
}
}  // namespace

QueryResult::Impl TagResult(std::string tag) {
  QueryResult::Impl r;
  r.tag = std::move(tag);
  return r;
}

Connection::Impl::Impl(Database::Impl* database) : db(database) {
  backend_id = db->next_backend_id.fetch_add(1);
  settings.Set("branch", db->options.branch);
}

BranchInfo Connection::Impl::CurrentBranch() {
  const std::string& name = settings.Get("branch");
  std::optional<BranchInfo> branch = db->storage->transactions().branches().Find(name);
  if (!branch)
    ThrowError(sqlstate::kInvalidCatalogName, "database branch \"" + name + "\" does not exist");
  return *branch;
}

Connection::Impl::~Impl() {
  RollbackAll();
}

FunctionContext Connection::Impl::MakeFunctionContext() {
  FunctionContext f;
  f.timezone = settings.timezone();
  f.statement_timestamp = NowMicros();
  f.transaction_timestamp = transaction_start ? transaction_start : f.statement_timestamp;
  return f;
}

Transaction& Connection::Impl::Txn() {
  if (!txn) {
    TransactionOptions options;
    options.synchronous_commit = db->options.synchronous_commit && settings.synchronous_commit();
    options.read_only = db->options.read_only || block_read_only;
    options.branch = CurrentBranch().id;
    txn = db->storage->transactions().Begin(options);
    catalog = db->CatalogFor(*txn);
    transaction_start = NowMicros();
  }
  return *txn;
}

const Catalog& Connection::Impl::CurrentCatalog() {
  Txn();
  return ddl_catalog ? *ddl_catalog : *catalog;
}

Catalog& Connection::Impl::MutableCatalog() {
  Txn();
  if (!ddl_catalog) ddl_catalog = catalog->Clone();
  return *ddl_catalog;
}

void Connection::Impl::EndTransactionSettings(bool committed) {
  if (!committed && settings_at_begin) {
    settings = *settings_at_begin;
  } else if (settings_before_local) {
    // SET LOCAL lasts until the transaction ends; plain SETs after it stay.
    settings = *settings_before_local;
  }
  settings_at_begin.reset();
  settings_before_local.reset();
}

void Connection::Impl::RollbackAll() {
  EndTransactionSettings(false);
  block_read_only = false;
  block_isolation.clear();
  if (txn) txn->Rollback();
  txn.reset();
  catalog.reset();
  ddl_catalog.reset();
  in_block = false;
  failed = false;
  transaction_start = 0;
}

void Connection::Impl::CommitImplicit() {
  if (in_block || implicit_block) return;
  CommitTransaction();
}

void Connection::Impl::EndImplicitBlock() {
  implicit_block = false;
  CommitImplicit();
}

void Connection::Impl::CommitTransaction() {
  EndTransactionSettings(true);
  block_read_only = false;
  block_isolation.clear();
  if (!txn) return;
  bool ddl = ddl_catalog != nullptr;
  BranchId branch = txn->branch();
  if (ddl) db->BeginCatalogChange();
  Status s = txn->Commit();
  txn.reset();
  catalog.reset();
  ddl_catalog.reset();
  transaction_start = 0;
  if (ddl) db->EndCatalogChange(branch);
  if (!s.ok()) throw DbException(s);
}

Status Connection::Impl::Fail(const DbException& e) {
  if (in_block) {
    failed = true;
  } else {
    RollbackAll();
  }
  return e.status();
}

std::shared_ptr<PreparedPlan> Connection::Impl::Prepare(std::shared_ptr<ast::Statement> statement,
                                                        std::string text,
                                                        std::vector<LogicalType> param_types) {
  auto p = std::make_shared<PreparedPlan>();
  p->statement = std::move(statement);
  p->text = std::move(text);
  p->param_types = std::move(param_types);
  if (IsPlanStatement(p->statement->kind)) Bind(*p);
  return p;
}

void Connection::Impl::Bind(PreparedPlan& p) {
  const Catalog& current = CurrentCatalog();
  std::shared_ptr<const Catalog> owner =
      ddl_catalog ? std::shared_ptr<const Catalog>(ddl_catalog) : catalog;
  ObjectId role = CurrentRoleId();
  RoleScope role_scope(role);  // the binder checks privileges as it resolves tables
  Binder binder(current, p.param_types);
  binder.set_function_context(MakeFunctionContext());
  ConnectionTimeTravel time_travel(*this);
  binder.set_time_travel(&time_travel);
  const ast::Statement& s = *p.statement;
  LogicalOpPtr plan;
  switch (s.kind) {
    case ast::StmtKind::kSelect:
      plan = binder.BindSelect(s.As<ast::SelectStmt>());
      break;
    case ast::StmtKind::kInsert:
      plan = binder.BindInsert(s.As<ast::InsertStmt>());
      break;
    case ast::StmtKind::kUpdate:
      plan = binder.BindUpdate(s.As<ast::UpdateStmt>());
      break;
    case ast::StmtKind::kDelete:
      plan = binder.BindDelete(s.As<ast::DeleteStmt>());
      break;
    default:
      HELIOS_UNREACHABLE();
  }
  EnginePlannerEnvironment env(*db->storage, db->table_sizes, txn ? txn->branch() : kMainBranch,
                               MakeFunctionContext(), Threads());
  p.threads = Threads();
  Optimize(plan, current, &env);
  p.plan = std::move(plan);
  p.param_types = binder.parameter_types();
  p.catalog = std::move(owner);
  p.role = role;
  p.time_travel = time_travel.used();
}

std::vector<Value> Connection::Impl::ConvertParams(const PreparedPlan& p,
                                                   const std::vector<ParamValue>& values) {
  std::vector<Value> out;
  FunctionContext f = MakeFunctionContext();
  TextFormatOptions text_options;
  text_options.timezone = f.timezone;
  for (size_t i = 0; i < p.param_types.size(); i++) {
    const LogicalType& type = p.param_types[i];
    const ParamValue& v = i < values.size() ? values[i] : ParamValue();
    if (std::holds_alternative<std::monostate>(v)) {
      out.push_back(Value::Null(type));
    } else if (auto* b = std::get_if<bool>(&v)) {
      out.push_back(CastValue(Value::Boolean(*b), type, f));
    } else if (auto* n = std::get_if<int64_t>(&v)) {
      out.push_back(CastValue(Value::BigInt(*n), type, f));
    } else if (auto* d = std::get_if<double>(&v)) {
      out.push_back(CastValue(Value::Double(*d), type, f));
    } else {
      out.push_back(ParseValue(std::get<std::string>(v), type, text_options));
    }
  }
  return out;
}

const std::vector<std::string>& Connection::Impl::SearchPath() {
  const std::string& setting = settings.Get("search_path");
  if (setting != search_path_setting_) {
    search_path_ = ParseSearchPath(setting);
    search_path_setting_ = setting;
  }
  return search_path_;
}

void Connection::Impl::Notify(const char* severity, const char* sqlstate, std::string message) {
  // client_min_messages: debug5..debug1, log and notice pass both; warning passes warnings;
  // error (and anything stricter) passes neither.
  std::string level = settings.Get("client_min_messages");
  for (char& c : level) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool warning = std::string_view(severity) == "WARNING";
  if (level == "error" || level == "fatal" || level == "panic") return;
  if (level == "warning" && !warning) return;
  notices.push_back({severity, Status::Error(sqlstate, std::move(message))});
}

QueryResult::Impl Connection::Impl::Run(PreparedPlan& p, const std::vector<Value>& params) {
  cancel.store(false);
  notices.clear();
  int64_t timeout_ms = settings.Milliseconds("statement_timeout");
  statement_deadline = timeout_ms > 0 ? std::chrono::steady_clock::now() +
                                            std::chrono::milliseconds(timeout_ms)
                                      : std::chrono::steady_clock::time_point::max();
  SearchPathScope path_scope(SearchPath());
  const ast::Statement& s = *p.statement;
  if (failed) {
    bool ends_block = s.kind == ast::StmtKind::kTransaction &&
                      s.As<ast::TransactionStmt>().type != ast::TransactionStmt::Type::kBegin &&
                      s.As<ast::TransactionStmt>().type != ast::TransactionStmt::Type::kSavepoint &&
                      s.As<ast::TransactionStmt>().type != ast::TransactionStmt::Type::kRelease;
    if (!ends_block)
      ThrowError(sqlstate::kInFailedSqlTransaction,
                 "current transaction is aborted, commands ignored until end of transaction "
                 "block");
  }
  if (s.kind == ast::StmtKind::kTransaction) return RunTransaction(s.As<ast::TransactionStmt>());
  QueryResult::Impl result;
  if (IsPlanStatement(s.kind)) {
    result = RunPlanStatement(p, params);
  } else if (s.kind == ast::StmtKind::kExplain) {
    result = RunExplain(s.As<ast::ExplainStmt>(), p.text);
  } else if (s.kind == ast::StmtKind::kCopy) {
    result = RunCopy(p);
  } else if (IsDdl(s.kind)) {
    if (db->options.read_only || block_read_only)
      ThrowError(sqlstate::kReadOnlySqlTransaction,
                 "cannot execute " + DdlCommandName(s) + " in a read-only transaction");
    result = RunDdl(s, p.text);
  } else {
    result = RunUtility(p);
  }
  CommitImplicit();
  return result;
}

QueryResult::Impl Connection::Impl::RunPlan(PreparedPlan& p, const std::vector<Value>& params,
                                            PlanProfile* profile, int64_t* peak_memory) {
  Transaction& t = Txn();
  const Catalog& current = CurrentCatalog();
  // GRANT and REVOKE change the catalog; SET ROLE changes whose privileges apply; `threads`
  // decides merge joins.
  // A time-travel plan holds the SCNs its AS OF values named when it was bound (NOW, now()).
  if (!p.plan || p.catalog.get() != &current || p.role != CurrentRoleId() ||
      p.threads != Threads() || p.time_travel) {
    bool had_plan = p.plan != nullptr;
    std::vector<LogicalType> before = had_plan ? p.plan->types : std::vector<LogicalType>();
    Bind(p);
    // As PostgreSQL's plan cache: a re-planned statement may not change its row shape.
    if (had_plan && p.plan->types != before)
      ThrowError(sqlstate::kFeatureNotSupported, "cached plan must not change result type");
  }
  // Functions that ask about privileges while the statement runs see the binder's role.
  RoleScope role_scope(p.role);
  ExecContext ctx;
  ctx.txn = &t;
  ctx.catalog = &current;
  ctx.storage = db->storage.get();
  ctx.params = params;
  ctx.function = MakeFunctionContext();
  ctx.cancel = &cancel;
  ctx.deadline = statement_deadline;
  ctx.lock_timeout = std::chrono::milliseconds(settings.Milliseconds("lock_timeout"));
  ctx.read_committed = ReadCommitted();
  ctx.session = this;
  ctx.max_recursive_iterations =
      std::strtoll(settings.Get("max_recursive_iterations").c_str(), nullptr, 10);
  if (ctx.params.size() < p.param_types.size())
    ThrowError(sqlstate::kProtocolViolation, "bind message supplies " +
                                                 std::to_string(ctx.params.size()) +
                                                 " parameters, but prepared statement requires " +
                                                 std::to_string(p.param_types.size()));
  ctx.profile = profile;
  ctx.memory = std::make_shared<MemoryBudget>(*ParseMemorySize(settings.Get("memory_limit")));
  ctx.external_rows = external_rows;
  PhysicalOperatorPtr root = CreatePhysicalPlan(*p.plan, profile, Threads());
  QueryResult::Impl result;
  result.names = p.plan->names;
  result.types = p.plan->types;
  result.format.timezone = ctx.function.timezone;
  while (DataChunk* chunk = root->Next(ctx)) result.Append(*chunk);
  root.reset();  // operators give their reservations back
  if (peak_memory) *peak_memory = ctx.memory->peak();
  switch (p.statement->kind) {
    case ast::StmtKind::kSelect:
      result.returns_rows = true;
      result.affected = static_cast<int64_t>(result.rows);
      result.tag = "SELECT " + std::to_string(result.rows);
      break;
    case ast::StmtKind::kInsert:
      result.affected = ctx.rows_affected;
      result.tag = "INSERT 0 " + std::to_string(ctx.rows_affected);
      break;
    case ast::StmtKind::kUpdate:
      result.affected = ctx.rows_affected;
      result.tag = "UPDATE " + std::to_string(ctx.rows_affected);
      break;
    default:
      result.affected = ctx.rows_affected;
      result.tag = "DELETE " + std::to_string(ctx.rows_affected);
      break;
  }
  if (p.statement->kind != ast::StmtKind::kSelect) result.returns_rows = !p.plan->returning.empty();
  return result;
}

int Connection::Impl::Threads() const {
  return static_cast<int>(std::strtol(settings.Get("threads").c_str(), nullptr, 10));
}

namespace {
// The seeds' two execution modes: analytical plans split their pipelines over threads,
// transactional ones run on the statement's thread.
std::string ExecutionModeLine(const LogicalOp& plan, int threads) {
  if (!RunsInParallel(plan, threads)) return "Execution Mode: OLTP (single thread)";
  return "Execution Mode: OLAP (" + std::to_string(threads) + " threads)";
}
}  // namespace

QueryResult::Impl Connection::Impl::RunExplain(const ast::ExplainStmt& stmt,
                                               const std::string& text) {
  (void)text;
  if (!IsPlanStatement(stmt.statement->kind))
    ThrowError(sqlstate::kFeatureNotSupported,
               "EXPLAIN supports SELECT, INSERT, UPDATE and DELETE");
  // The inner statement is borrowed for the duration of this call.
  std::shared_ptr<ast::Statement> inner(stmt.statement.get(), [](ast::Statement*) {});
  auto p = Prepare(inner, "");
  std::vector<std::string> lines;
  ExplainOptions options;
  options.costs = stmt.costs;
  options.threads = Threads();
  PlanProfile profile;
  if (stmt.analyze) {
    auto start = std::chrono::steady_clock::now();
    int64_t peak_memory = 0;
    QueryResult::Impl run = RunPlan(*p, {}, &profile, &peak_memory);
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    options.profile = &profile;
    ExplainPlan(*p->plan, &lines, options);
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%.3f", ms);
    lines.push_back(ExecutionModeLine(*p->plan, options.threads));
    lines.push_back("Actual Rows: " + std::to_string(run.returns_rows ? run.rows : run.affected));
    // What hash tables and sorts held at most; memory_limit bounds it (they spill past it).
    lines.push_back("Peak Memory: " + std::to_string((peak_memory + 1023) / 1024) + " kB");
    lines.push_back(std::string("Execution Time: ") + buf + " ms");
  } else {
    ExplainPlan(*p->plan, &lines, options);
    lines.push_back(ExecutionModeLine(*p->plan, options.threads));
  }
  QueryResult::Impl result;
  result.names = {"QUERY PLAN"};
  result.types = {LogicalType(TypeId::kText)};
  DataChunk chunk({LogicalType(TypeId::kText)}, std::max<idx_t>(lines.size(), 1));
  for (size_t i = 0; i < lines.size(); i++) chunk.column(0).SetString(i, lines[i]);
  chunk.SetSize(lines.size());
  result.Append(std::move(chunk));
  result.returns_rows = true;
  result.tag = "EXPLAIN";
  return result;
}

QueryResult::Impl Connection::Impl::RunTransaction(const ast::TransactionStmt& stmt) {
  using T = ast::TransactionStmt::Type;
  switch (stmt.type) {
    case T::kBegin:
      if (in_block) Notify("WARNING", "25001", "there is already a transaction in progress");
      if (!in_block) {
        // Nothing is pending outside a block, except the statements of an implicit block
        // before BEGIN, which become part of the explicit one (as in PostgreSQL).
        if (!implicit_block) RollbackAll();
        in_block = true;
        block_read_only = stmt.read_only.value_or(false);
        block_isolation = stmt.isolation_level;
        settings_at_begin = settings;
        Txn();
      }
      return TagResult("BEGIN");
    case T::kCommit: {
      bool was_failed = failed;
      if (was_failed) {
        RollbackAll();
        return TagResult("ROLLBACK");
      }
      if (!in_block) Notify("WARNING", "25P01", "there is no transaction in progress");
      in_block = false;  // COMMIT outside a block commits an implicit block's statements
      CommitTransaction();
      return TagResult("COMMIT");
    }
    case T::kRollback:
      if (!in_block) Notify("WARNING", "25P01", "there is no transaction in progress");
      RollbackAll();
      return TagResult("ROLLBACK");
    case T::kSavepoint:
    case T::kRelease:
    case T::kRollbackTo: {
      const char* what = stmt.type == T::kSavepoint ? "SAVEPOINT"
                         : stmt.type == T::kRelease ? "RELEASE SAVEPOINT"
                                                    : "ROLLBACK TO SAVEPOINT";
      if (!in_block)
        ThrowError(sqlstate::kNoActiveSqlTransaction,
                   std::string(what) + " can only be used in transaction blocks");
      Transaction& t = Txn();
      if (stmt.type == T::kSavepoint) {
        t.Savepoint(stmt.savepoint);
        return TagResult("SAVEPOINT");
      }
      Status s = stmt.type == T::kRelease ? t.ReleaseSavepoint(stmt.savepoint)
                                          : t.RollbackToSavepoint(stmt.savepoint);
      if (!s.ok()) throw DbException(s);
      if (stmt.type == T::kRollbackTo) {
        failed = false;
        // Catalog changes since the savepoint are undone with the writes: reload.
        if (ddl_catalog) ddl_catalog = Catalog::Load(t);
        return TagResult("ROLLBACK");
      }
      return TagResult("RELEASE");
    }
  }
  HELIOS_UNREACHABLE();
}

}  // namespace heliosdb
