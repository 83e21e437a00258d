// Transactions, EXPLAIN, SET / SHOW / RESET, PREPARE / EXECUTE, COPY, ANALYZE / VACUUM,
// CHECKPOINT, branches and REFRESH MATERIALIZED VIEW.
#include "parser_test_util.h"

namespace heliosdb::testing {
namespace {

using TxType = ast::TransactionStmt::Type;

TEST(UtilityTest, Transactions) {
  auto b =
      ParseAs<ast::TransactionStmt>("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  EXPECT_EQ(b->type, TxType::kBegin);
  EXPECT_EQ(b->isolation_level, "repeatable read");
  EXPECT_EQ(b->read_only, true);
  auto s = ParseAs<ast::TransactionStmt>(
      "START TRANSACTION READ WRITE ISOLATION LEVEL "
      "SERIALIZABLE");
  EXPECT_EQ(s->type, TxType::kBegin);
  EXPECT_EQ(s->read_only, false);
  EXPECT_EQ(s->isolation_level, "serializable");
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("BEGIN WORK")->type, TxType::kBegin);
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("begin isolation level read committed")->isolation_level,
            "read committed");
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("COMMIT")->type, TxType::kCommit);
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("END TRANSACTION")->type, TxType::kCommit);
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("ROLLBACK WORK")->type, TxType::kRollback);
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("ABORT")->type, TxType::kRollback);
  auto sp = ParseAs<ast::TransactionStmt>("SAVEPOINT sp1");
  EXPECT_EQ(sp->type, TxType::kSavepoint);
  EXPECT_EQ(sp->savepoint, "sp1");
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("RELEASE SAVEPOINT sp1")->type, TxType::kRelease);
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("RELEASE sp1")->savepoint, "sp1");
  auto rt = ParseAs<ast::TransactionStmt>("ROLLBACK TO SAVEPOINT sp1");
  EXPECT_EQ(rt->type, TxType::kRollbackTo);
  EXPECT_EQ(rt->savepoint, "sp1");
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("ROLLBACK TRANSACTION TO sp2")->savepoint, "sp2");
}

TEST(UtilityTest, Explain) {
  auto e = ParseAs<ast::ExplainStmt>("EXPLAIN ANALYZE VERBOSE SELECT 1");
  EXPECT_TRUE(e->analyze);
  EXPECT_TRUE(e->verbose);
  EXPECT_TRUE(e->costs);
  EXPECT_EQ(e->format, "text");
  EXPECT_EQ(e->statement->kind, ast::StmtKind::kSelect);
  EXPECT_EQ(e->statement->location, 25);
  auto o = ParseAs<ast::ExplainStmt>(
      "EXPLAIN (ANALYZE, COSTS OFF, FORMAT JSON, BUFFERS true) DELETE FROM t");
  EXPECT_TRUE(o->analyze);
  EXPECT_FALSE(o->costs);
  EXPECT_EQ(o->format, "json");
  EXPECT_EQ(o->statement->kind, ast::StmtKind::kDelete);
  auto p = ParseAs<ast::ExplainStmt>("EXPLAIN (SELECT 1)");
  EXPECT_FALSE(p->analyze);
  EXPECT_EQ(p->statement->kind, ast::StmtKind::kSelect);
}

TEST(UtilityTest, SetShowReset) {
  auto s = ParseAs<ast::SetStmt>("SET search_path TO app, public");
  EXPECT_EQ(s->name, "search_path");
  ASSERT_EQ(s->values.size(), 2u);
  EXPECT_EQ(ExprToString(*s->values[1]), "'public'");
  auto l = ParseAs<ast::SetStmt>("SET LOCAL lite.cpu_budget = 15");
  EXPECT_TRUE(l->local);
  EXPECT_EQ(l->name, "lite.cpu_budget");
  EXPECT_EQ(ExprToString(*l->values[0]), "15");
  EXPECT_EQ(ExprToString(*ParseAs<ast::SetStmt>("SET x = -0.75")->values[0]), "(-0.75)");
  EXPECT_EQ(ExprToString(*ParseAs<ast::SetStmt>("SET x = true")->values[0]), "'true'");
  EXPECT_EQ(ExprToString(*ParseAs<ast::SetStmt>("SET x = on")->values[0]), "'on'");
  EXPECT_EQ(ExprToString(*ParseAs<ast::SetStmt>("SET x = '30 days'")->values[0]), "'30 days'");
  EXPECT_EQ(ParseAs<ast::SetStmt>("SET SESSION x TO DEFAULT")->values[0]->kind,
            ast::ExprKind::kDefault);
  auto tz = ParseAs<ast::SetStmt>("SET TIME ZONE 'UTC'");
  EXPECT_EQ(tz->name, "timezone");
  EXPECT_EQ(ExprToString(*tz->values[0]), "'UTC'");
  EXPECT_EQ(ParseAs<ast::SetStmt>("SET TIME ZONE LOCAL")->values[0]->kind, ast::ExprKind::kDefault);
  auto ch = ParseAs<ast::SetStmt>(
      "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  EXPECT_EQ(ch->name, "default_transaction_isolation");
  EXPECT_EQ(ExprToString(*ch->values[0]), "'serializable'");
  auto tx = ParseAs<ast::SetStmt>("SET TRANSACTION READ ONLY");
  EXPECT_EQ(tx->name, "transaction_read_only");
  EXPECT_EQ(ParseAs<ast::SetStmt>("SET SCHEMA 'app'")->name, "search_path");
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW search_path")->name, "search_path");
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW ALL")->name, "all");
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW TIME ZONE")->name, "timezone");
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW TRANSACTION ISOLATION LEVEL")->name,
            "transaction_isolation");
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW lite.cpu_budget")->name, "lite.cpu_budget");
  EXPECT_EQ(ParseAs<ast::ResetStmt>("RESET ALL")->name, "all");
  EXPECT_EQ(ParseAs<ast::ResetStmt>("RESET work_mem")->name, "work_mem");
}

TEST(UtilityTest, PreparedStatements) {
  auto p = ParseAs<ast::PrepareStmt>("PREPARE q (int, text) AS SELECT $1, $2");
  EXPECT_EQ(p->name, "q");
  ASSERT_EQ(p->param_types.size(), 2u);
  EXPECT_EQ(p->param_types[0].name, "integer");
  EXPECT_EQ(p->statement->kind, ast::StmtKind::kSelect);
  EXPECT_EQ(ParseAs<ast::PrepareStmt>("PREPARE q AS INSERT INTO t VALUES ($1)")->statement->kind,
            ast::StmtKind::kInsert);
  auto e = ParseAs<ast::ExecuteStmt>("EXECUTE q (1, 'a')");
  EXPECT_EQ(e->params.size(), 2u);
  EXPECT_TRUE(ParseAs<ast::ExecuteStmt>("EXECUTE q")->params.empty());
  EXPECT_EQ(ParseAs<ast::DeallocateStmt>("DEALLOCATE PREPARE q")->name, "q");
  EXPECT_TRUE(ParseAs<ast::DeallocateStmt>("DEALLOCATE ALL")->all);
}

std::string Options(const ast::OptionList& options) {
  std::string out;
  for (const auto& [k, v] : options) {
    out += (out.empty() ? "" : ", ") + k + (v ? "=" + ExprToString(*v) : "");
  }
  return out;
}

TEST(UtilityTest, Copy) {
  auto c = ParseAs<ast::CopyStmt>(
      "COPY t (a, b) FROM '/tmp/x.csv' WITH (FORMAT csv, HEADER true, DELIMITER ',', "
      "NULL '', QUOTE '\"', FORCE_QUOTE (a, b))");
  EXPECT_EQ(c->columns, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(c->is_from);
  EXPECT_FALSE(c->stdio);
  EXPECT_EQ(c->filename, "/tmp/x.csv");
  EXPECT_EQ(Options(c->options),
            "format='csv', header=true, delimiter=',', null='', quote='\"', force_quote='a,b'");
  auto o = ParseAs<ast::CopyStmt>("COPY t TO STDOUT WITH CSV HEADER DELIMITER AS ';' NULL 'x'");
  EXPECT_FALSE(o->is_from);
  EXPECT_TRUE(o->stdio);
  EXPECT_EQ(Options(o->options), "format='csv', header=true, delimiter=';', null='x'");
  auto q = ParseAs<ast::CopyStmt>("COPY (SELECT 1) TO STDOUT (FORMAT text, HEADER)");
  ASSERT_TRUE(q->query);
  EXPECT_EQ(Options(q->options), "format='text', header");
  EXPECT_TRUE(ParseAs<ast::CopyStmt>("COPY t FROM STDIN")->stdio);
}

TEST(UtilityTest, AnalyzeVacuumCheckpoint) {
  auto a = ParseAs<ast::AnalyzeStmt>("ANALYZE t, s.u (a)");
  EXPECT_EQ(a->kind, ast::StmtKind::kAnalyze);
  EXPECT_EQ(a->tables.size(), 2u);
  EXPECT_TRUE(ParseAs<ast::AnalyzeStmt>("ANALYZE")->tables.empty());
  EXPECT_EQ(ParseAs<ast::AnalyzeStmt>("ANALYZE VERBOSE t")->tables.size(), 1u);
  auto v = ParseAs<ast::AnalyzeStmt>("VACUUM ANALYZE t");
  EXPECT_EQ(v->kind, ast::StmtKind::kVacuum);
  EXPECT_EQ(v->tables.size(), 1u);
  EXPECT_EQ(ParseAs<ast::AnalyzeStmt>("VACUUM (VERBOSE, ANALYZE) t")->tables.size(), 1u);
  EXPECT_EQ(ParseAs<ast::AnalyzeStmt>("VACUUM FULL")->kind, ast::StmtKind::kVacuum);
  EXPECT_EQ(ParseOne("CHECKPOINT")->kind, ast::StmtKind::kCheckpoint);
}

TEST(UtilityTest, Branches) {
  auto c = ParseAs<ast::CreateBranchStmt>(
      "CREATE DATABASE BRANCH IF NOT EXISTS staging FROM main AS OF TIMESTAMP "
      "'2025-11-15 06:00:00' WITH (replication_factor = 3, region = 'us-west')");
  EXPECT_EQ(c->kind, ast::StmtKind::kCreateBranch);
  EXPECT_TRUE(c->if_not_exists);
  EXPECT_EQ(c->name, "staging");
  EXPECT_EQ(c->parent, "main");
  ASSERT_TRUE(c->as_of);
  EXPECT_EQ(c->as_of->type, ast::AsOfClause::Type::kTimestamp);
  EXPECT_EQ(c->options.size(), 2u);
  auto n = ParseAs<ast::CreateBranchStmt>("CREATE DATABASE BRANCH test FROM CURRENT AS OF NOW");
  EXPECT_EQ(n->parent, "");
  EXPECT_EQ(n->as_of->type, ast::AsOfClause::Type::kNow);
  auto t = ParseAs<ast::CreateBranchStmt>("CREATE DATABASE BRANCH b AS OF TRANSACTION 987654");
  EXPECT_EQ(t->as_of->type, ast::AsOfClause::Type::kScn);
  EXPECT_EQ(ExprToString(*t->as_of->value), "987654");
  EXPECT_FALSE(ParseAs<ast::CreateBranchStmt>("CREATE DATABASE BRANCH b")->as_of);
  auto d = ParseAs<ast::DropBranchStmt>("DROP DATABASE BRANCH IF EXISTS b");
  EXPECT_TRUE(d->if_exists);
  EXPECT_EQ(d->name, "b");
  auto m = ParseAs<ast::MergeBranchStmt>(
      "MERGE DATABASE BRANCH test_scenario INTO main WITH (conflict = 'fail', dry_run = true)");
  EXPECT_EQ(m->source, "test_scenario");
  EXPECT_EQ(m->target, "main");
  EXPECT_EQ(m->options.size(), 2u);
  auto u = ParseAs<ast::SetStmt>("USE BRANCH feature_x");
  EXPECT_EQ(u->name, "branch");
  EXPECT_EQ(ExprToString(*u->values[0]), "'feature_x'");
}

TEST(UtilityTest, RefreshMaterializedView) {
  auto r = ParseAs<ast::RefreshMatViewStmt>("REFRESH MATERIALIZED VIEW CONCURRENTLY s.mv");
  EXPECT_TRUE(r->concurrently);
  EXPECT_EQ(r->name, (std::vector<std::string>{"s", "mv"}));
  EXPECT_TRUE(
      ParseAs<ast::RefreshMatViewStmt>("REFRESH MATERIALIZED VIEW mv INCREMENTAL")->incremental);
  EXPECT_TRUE(
      ParseAs<ast::RefreshMatViewStmt>("REFRESH MATERIALIZED VIEW mv WITH NO DATA")->with_no_data);
}

}  // namespace
}  // namespace heliosdb::testing
