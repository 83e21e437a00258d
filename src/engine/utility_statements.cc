// Utility statements: SET / SHOW / RESET, SQL-level PREPARE / EXECUTE / DEALLOCATE, and the
// maintenance statements.
#include "common/exception.h"
#include "engine/connection_impl.h"
#include "execution/expression_executor.h"
#include "function/cast/cast.h"
#include "planner/binder.h"
#include "planner/type_name.h"

namespace heliosdb {

namespace {
QueryResult::Impl TextRows(const std::vector<std::string>& names,
                           const std::vector<std::vector<std::string>>& rows) {
  QueryResult::Impl r;
  r.names = names;
  r.types.assign(names.size(), LogicalType(TypeId::kText));
  DataChunk chunk(r.types, std::max<idx_t>(rows.size(), 1));
  for (size_t i = 0; i < rows.size(); i++)
    for (size_t c = 0; c < names.size(); c++) chunk.column(c).SetString(i, rows[i][c]);
  chunk.SetSize(rows.size());
  r.Append(std::move(chunk));
  r.returns_rows = true;
  r.tag = rows.size() == 1 && names.size() == 1 ? "SHOW" : "SELECT " + std::to_string(rows.size());
  return r;
}

std::string SettingText(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::kConstant) return e.As<ast::ConstantExpr>().text;
  if (e.kind == ast::ExprKind::kColumnRef) return e.As<ast::ColumnRefExpr>().names.back();
  if (e.kind == ast::ExprKind::kUnary && e.As<ast::UnaryExpr>().op == "-")
    return "-" + SettingText(*e.As<ast::UnaryExpr>().operand);
  ThrowError(sqlstate::kSyntaxError, "invalid value in SET", e.location);
}
}  // namespace

QueryResult::Impl Connection::Impl::RunUtility(PreparedPlan& p) {
  const ast::Statement& s = *p.statement;
  switch (s.kind) {
    case ast::StmtKind::kSet: {
      const auto& set = s.As<ast::SetStmt>();
      bool to_default = set.values.size() == 1 && set.values[0]->kind == ast::ExprKind::kDefault;
      if (set.name == "role") {
        SetRole(to_default ? "none" : SettingText(*set.values[0]), set.local);
        return TagResult("SET");
      }
      if (set.name == "branch") {
        if (to_default) ThrowError(sqlstate::kFeatureNotSupported, "use SET branch = main");
        SetBranch(SettingText(*set.values[0]));
        return TagResult("SET");
      }
      if (set.name == "session_authorization") {
        SetSessionAuthorization(to_default ? "" : SettingText(*set.values[0]));
        return TagResult("SET");
      }
      // SET TRANSACTION ISOLATION LEVEL sets the level of the running block only.
      if (set.name == "transaction_isolation" && in_block && set.values.size() == 1)
        block_isolation = SettingText(*set.values[0]);
      // SET LOCAL outside a block does nothing (PostgreSQL warns); inside, it is undone at
      // the transaction's end.
      if (set.local && !in_block) return TagResult("SET");
      if (set.local && !settings_before_local) settings_before_local = settings;
      if (set.values.size() == 1 && set.values[0]->kind == ast::ExprKind::kDefault) {
        settings.Reset(set.name);
      } else {
        std::string value;
        for (size_t i = 0; i < set.values.size(); i++) {
          if (i) value += ", ";
          value += SettingText(*set.values[i]);
        }
        settings.Set(set.name, value);
      }
      return TagResult("SET");
    }
    case ast::StmtKind::kReset: {
      const auto& reset = s.As<ast::ResetStmt>();
      if (reset.name == "role") {
        SetRole("none", false);
      } else if (reset.name == "session_authorization") {
        SetSessionAuthorization("");
      } else if (reset.name == "all") {
        settings.ResetAll();
      } else {
        settings.Reset(reset.name);
      }
      return TagResult("RESET");
    }
    case ast::StmtKind::kShow: {
      const auto& show = s.As<ast::ShowStmt>();
      if (show.name == "all") {
        std::vector<std::vector<std::string>> rows;
        for (const auto& [name, value] : settings.All()) rows.push_back({name, value, ""});
        return TextRows({"name", "setting", "description"}, rows);
      }
      std::string name = show.name == "time zone" ? "timezone" : show.name;
      // The column is named as PostgreSQL spells the parameter (SHOW datestyle -> DateStyle).
      std::string column = name == "timezone"        ? "TimeZone"
                           : name == "datestyle"     ? "DateStyle"
                           : name == "intervalstyle" ? "IntervalStyle"
                                                     : name;
      // transaction_isolation is the running transaction's level (BEGIN ISOLATION LEVEL).
      return TextRows({column},
                      {{name == "transaction_isolation" ? IsolationLevel() : settings.Get(name)}});
    }
    case ast::StmtKind::kPrepare: {
      const auto& prepare = s.As<ast::PrepareStmt>();
      if (sql_prepared.count(prepare.name))
        ThrowError("42P05", "prepared statement \"" + prepare.name + "\" already exists",
                   prepare.location);
      std::vector<LogicalType> types;
      for (const auto& t : prepare.param_types) types.push_back(ResolveTypeName(t));
      // The inner statement lives inside this statement's tree: share its ownership.
      std::shared_ptr<ast::Statement> inner(p.statement, prepare.statement.get());
      sql_prepared[prepare.name] = Prepare(inner, p.text, types);
      return TagResult("PREPARE");
    }
    case ast::StmtKind::kExecute: {
      const auto& execute = s.As<ast::ExecuteStmt>();
      auto it = sql_prepared.find(execute.name);
      if (it == sql_prepared.end())
        ThrowError(sqlstate::kInvalidSqlStatementName,
                   "prepared statement \"" + execute.name + "\" does not exist", execute.location);
      PreparedPlan& target = *it->second;
      if (execute.params.size() != target.param_types.size())
        ThrowError(sqlstate::kSyntaxError,
                   "wrong number of parameters for prepared statement \"" + execute.name + "\"",
                   execute.location);
      Binder binder(CurrentCatalog());
      ExecContext ctx;
      ctx.function = MakeFunctionContext();
      ExpressionExecutor executor(ctx);
      std::vector<Value> params;
      for (size_t i = 0; i < execute.params.size(); i++) {
        auto e =
            binder.Coerce(binder.BindScalar(*execute.params[i], Scope()), target.param_types[i],
                          true, "parameter $" + std::to_string(i + 1), execute.params[i]->location);
        params.push_back(executor.EvaluateConstant(*e));
      }
      if (target.statement->kind == ast::StmtKind::kSelect ||
          target.statement->kind == ast::StmtKind::kInsert ||
          target.statement->kind == ast::StmtKind::kUpdate ||
          target.statement->kind == ast::StmtKind::kDelete)
        return RunPlan(target, params);
      return Run(target, params);
    }
    case ast::StmtKind::kDeallocate: {
      const auto& d = s.As<ast::DeallocateStmt>();
      if (d.all) {
        sql_prepared.clear();
      } else if (!sql_prepared.erase(d.name)) {
        ThrowError(sqlstate::kInvalidSqlStatementName,
                   "prepared statement \"" + d.name + "\" does not exist", d.location);
      }
      return TagResult(d.all ? "DEALLOCATE ALL" : "DEALLOCATE");
    }
    case ast::StmtKind::kCreateBranch:
    case ast::StmtKind::kDropBranch:
    case ast::StmtKind::kMergeBranch:
    case ast::StmtKind::kRestoreDatabase:
      return RunBranchStatement(s);
    case ast::StmtKind::kVacuum:
      return TagResult("VACUUM");
    case ast::StmtKind::kCheckpoint:
      return TagResult("CHECKPOINT");
    case ast::StmtKind::kComment:
      return TagResult("COMMENT");
    default:
      ThrowError(sqlstate::kFeatureNotSupported, "this statement is not supported yet", s.location);
  }
}

}  // namespace heliosdb
