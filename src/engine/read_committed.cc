// READ COMMITTED, PostgreSQL's default isolation level: each statement of a transaction reads
// the database as last committed before it started, and a statement that meets a row updated
// by a concurrent transaction waits for it (the row lock, txn/row_lock_table.h) and then
// writes the newest version instead of failing. REPEATABLE READ and SERIALIZABLE keep one
// snapshot for the whole transaction and fail such a statement with 40001.
#include <cctype>

#include "engine/connection_impl.h"

namespace heliosdb {

namespace {
// Marks the write-set position a statement starts from; re-runs roll back to it. The name
// cannot be written in SQL (a control character), so it never meets a user's savepoint.
constexpr const char* kStatementStart = "\x01statement";
}  // namespace

std::string Connection::Impl::IsolationLevel() const {
  std::string level =
      block_isolation.empty() ? settings.Get("default_transaction_isolation") : block_isolation;
  for (char& c : level) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return level;
}

bool Connection::Impl::ReadCommitted() const {
  std::string level = IsolationLevel();
  // As in PostgreSQL, READ UNCOMMITTED behaves as READ COMMITTED.
  return level == "read committed" || level == "read uncommitted";
}

QueryResult::Impl Connection::Impl::RunPlanStatement(PreparedPlan& p,
                                                     const std::vector<Value>& params) {
  if (!ReadCommitted()) return RunPlan(p, params);
  // A statement that opens the transaction already has the newest snapshot.
  bool refresh = txn != nullptr;
  Transaction& t = Txn();
  // Only writing statements can meet a concurrent update, and only they need the mark.
  bool writes = p.statement->kind != ast::StmtKind::kSelect;
  while (true) {
    if (refresh) t.RefreshSnapshot();
    if (!writes) return RunPlan(p, params);
    t.Savepoint(kStatementStart);
    try {
      QueryResult::Impl result = RunPlan(p, params);
      (void)t.ReleaseSavepoint(kStatementStart);
      return result;
    } catch (const StatementRestart&) {
      // The row locks taken so far stay held: the re-run finds those rows settled.
      (void)t.RollbackToSavepoint(kStatementStart);
      (void)t.ReleaseSavepoint(kStatementStart);
      refresh = true;
    } catch (...) {
      (void)t.ReleaseSavepoint(kStatementStart);
      throw;
    }
  }
}

}  // namespace heliosdb
