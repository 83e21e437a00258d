// Binder: resolves names against the catalog and a scope of visible columns, checks and
// coerces types (PostgreSQL's rules), and produces logical plans for SELECT, INSERT, UPDATE
// and DELETE. Errors throw DbException with the SQLSTATE and the position of the offending
// node (42P01 undefined table, 42703 undefined column, 42702 ambiguous column, 42883
// undefined function, 42804 datatype mismatch, 42803 grouping error, ...).
//
// Parameter types ($n) are inferred from their context and collected in parameter_types().
// Thread safety: one Binder per statement.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "parser/ast.h"
#include "planner/logical_plan.h"
#include "planner/time_travel.h"

namespace heliosdb {

// A column visible to expressions: its source table's alias and name, and its position in
// the input of the operator that evaluates the expression.
struct ScopeColumn {
  ScopeColumn(std::string table_name, std::string column_name, LogicalType column_type,
              bool hidden = false, bool is_row_key = false, std::string relation_name = "")
      : table(std::move(table_name)),
        name(std::move(column_name)),
        type(column_type),
        hidden_unqualified(hidden),
        row_key(is_row_key),
        relation(std::move(relation_name)) {}
  std::string table;
  std::string name;
  LogicalType type;
  bool hidden_unqualified = false;  // the right copy of a USING / NATURAL join column
  bool row_key = false;             // the storage key column of UPDATE / DELETE scans
  std::string relation;             // the table's own name when `table` is an alias
};

struct Scope {
  std::vector<ScopeColumn> columns;
  // The scope of the enclosing query when this one is a subquery expression: names not found
  // here resolve there (correlation).
  const Scope* outer = nullptr;
  bool HasTable(const std::string& table) const;
};

class Binder {
 public:
  // param_types: types given by the client (PREPARE ... (int) or the wire protocol); entries
  // of kUnknown are inferred.
  Binder(const Catalog& catalog, std::vector<LogicalType> param_types = {});

  LogicalOpPtr BindSelect(const ast::SelectStmt& stmt);
  LogicalOpPtr BindInsert(const ast::InsertStmt& stmt);
  LogicalOpPtr ExternalRowsSource(const TableInfo& table, const std::vector<int>& targets);
  LogicalOpPtr BindUpdate(const ast::UpdateStmt& stmt);
  LogicalOpPtr BindDelete(const ast::DeleteStmt& stmt);

  // An expression over scope, without aggregates (defaults, CHECK constraints, index exprs).
  BoundExprPtr BindScalar(const ast::Expr& expr, const Scope& scope);
  // Binds SQL text of one expression (stored defaults and CHECK constraints).
  BoundExprPtr BindExpressionText(const std::string& sql, const Scope& scope);
  // The table's columns as a scope named after the table (or alias).
  static Scope TableScope(const TableInfo& table, const std::string& alias = "");

  // Coerces expr to type under the given context rules; throws 42804 when not allowed.
  // what: how the error names the target ("column \"x\"", "argument of WHERE", ...).
  BoundExprPtr Coerce(BoundExprPtr expr, const LogicalType& type, bool assignment,
                      const std::string& what, int location);
  BoundExprPtr CoerceToBoolean(BoundExprPtr expr, const char* clause, int location);

  // Final parameter types (unknown ones become text).
  std::vector<LogicalType> parameter_types() const;

  const Catalog& catalog() const { return catalog_; }
  // Records the id of every table and view the statement reads (view dependencies).
  void record_dependencies(std::vector<ObjectId>* out) { dependencies_ = out; }
  // A view's output columns, by binding its query.
  static LogicalOpPtr BindView(const Catalog& catalog, const ViewInfo& view,
                               std::vector<ObjectId>* dependencies = nullptr);
  // The session facts constant folding needs (time zone for timestamptz literals).
  void set_function_context(const FunctionContext& ctx) { function_context_ = ctx; }
  // Where AS OF and VERSIONS BETWEEN resolve; unset, they are refused (0A000).
  void set_time_travel(TimeTravelSource* source) { time_travel_ = source; }

 private:
  friend class ExpressionBinder;
  friend class SelectBinder;

  // FROM clause
  LogicalOpPtr BindTableRef(const ast::TableRef& ref, Scope* scope);
  // A FROM item after others: LATERAL ones (and table functions) may read `left`'s columns.
  LogicalOpPtr BindLateralRef(const ast::TableRef& ref, const Scope& left, Scope* scope);
  LogicalOpPtr BindBaseTable(const ast::BaseTableRef& ref, Scope* scope);
  // A table reference with AS OF / VERSIONS BETWEEN (time_travel_binder.cc).
  LogicalOpPtr BindHistoricTable(const ast::BaseTableRef& ref, Scope* scope);
  Scn BindAsOfValue(const ast::AsOfClause& clause, const ast::Expr* value, int location);
  // target_name: the UPDATE / DELETE target's name, which the FROM / USING items may not
  // reuse (42712), as no two items may.
  LogicalOpPtr BindFrom(const std::vector<ast::TableRefPtr>& from, Scope* scope,
                        const std::string& target_name = "");
  // UPDATE ... FROM / DELETE ... USING: the target's scan crossed with the other items, whose
  // columns scope gains after the target's; the WHERE clause then pairs the rows.
  LogicalOpPtr JoinWriteSources(LogicalOpPtr target, const std::vector<ast::TableRefPtr>& from,
                                const std::string& target_name, Scope* scope);
  LogicalOpPtr BindJoin(const ast::JoinRef& ref, Scope* scope);
  LogicalOpPtr BindTableFunction(const ast::FunctionRef& ref, Scope* scope);
  // A WITH RECURSIVE query `anchor UNION [ALL] recursive-term`; null when the term does not
  // refer to the CTE (then it is an ordinary CTE).
  LogicalOpPtr BindRecursiveCte(const ast::CommonTableExpr& cte,
                                const std::vector<std::string>& names);
  LogicalOpPtr BindSubquery(const ast::SelectStmt& query, const std::string& alias,
                            const std::vector<std::string>& column_aliases, Scope* scope);
  LogicalOpPtr BindValues(const ast::SelectStmt& stmt);
  LogicalOpPtr BindSetOperation(const ast::SelectStmt& stmt);
  // ORDER BY of a VALUES list or a set operation: output column names, ordinals or
  // expressions over the output columns.
  std::vector<SortKey> BindOutputOrderBy(const ast::SelectStmt& stmt, const LogicalOp& plan);
  const TableInfo& LookupTable(const std::vector<std::string>& name, int location) const;
  // SET clauses of UPDATE and ON CONFLICT DO UPDATE: the column each sets and its new value.
  void BindSetClauses(const TableInfo& table,
                      const std::vector<ast::OnConflictClause::SetClause>& clauses,
                      const Scope& scope, std::vector<int>* columns,
                      std::vector<BoundExprPtr>* exprs);
  // plan filtered by a WHERE clause bound over scope (UPDATE and DELETE).
  LogicalOpPtr AddWhere(LogicalOpPtr plan, const ast::Expr& where, const Scope& scope);
  BoundExprPtr BindDefault(const TableInfo& table, int column);
  std::vector<BoundExprPtr> BindReturning(const std::vector<ast::SelectItem>& items,
                                          const TableInfo& table, const std::string& alias,
                                          std::vector<std::string>* names,
                                          std::vector<LogicalType>* types);
  // RETURNING over a whole scope: the written row, then the row key and the FROM / USING
  // items' columns.
  std::vector<BoundExprPtr> BindReturning(const std::vector<ast::SelectItem>& items,
                                          const Scope& scope, std::vector<std::string>* names,
                                          std::vector<LogicalType>* types);

  // WITH clauses in scope, innermost last, each with how many of its CTEs are visible (a CTE
  // body sees the ones before it): a table name that matches one binds that CTE's query.
  std::vector<std::pair<const ast::WithClause*, size_t>> ctes_;
  // Throws 42712 when one WITH names two queries alike.
  void PushWith(const ast::WithClause* with);
  void PopWith(const ast::WithClause* with) {
    if (with) ctes_.pop_back();
  }
  const Catalog& catalog_;
  std::vector<LogicalType> param_types_;
  FunctionContext function_context_;
  // pg_database_branches() and the engine's other table functions (planner/time_travel.h);
  // null when `ref` is not one.
  LogicalOpPtr BindEngineTableFunction(const ast::FunctionRef& ref, Scope* scope);
  TimeTravelSource* time_travel_ = nullptr;
  std::vector<ObjectId>* dependencies_ = nullptr;
  int depth_ = 0;  // nesting of views and subqueries, bounded against runaway recursion
  // The scope a subquery expression being bound sits in (its outer scope), or null.
  const Scope* outer_scope_ = nullptr;
  // Recursive CTEs whose recursive term is being bound: their name reads the working table.
  struct WorkingTable {
    std::string name;
    int id;
    std::vector<LogicalType> types;
    std::vector<std::string> names;
    bool used = false;
  };
  std::vector<WorkingTable> working_tables_;
  int next_working_table_ = 1;
};

// The common type of a set of expressions' types (CASE, COALESCE, IN, VALUES, UNION) by
// PostgreSQL's rules; throws 42804 "<context> types X and Y cannot be matched".
LogicalType CommonType(const std::vector<LogicalType>& types, const char* context, int location);

// The output column name PostgreSQL gives an unaliased select-list expression.
std::string FigureColumnName(const ast::Expr& expr);

// The qualified name of a table reference split into (schema, name).
std::pair<std::string, std::string> SplitQualifiedName(const std::vector<std::string>& name,
                                                       int location);

}  // namespace heliosdb
