// The recursive-descent parser's internal state and grammar functions. One ParserImpl parses
// one script; the grammar is split over parse_*.cc by area. Internal to src/parser/.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/exception.h"
#include "parser/ast.h"
#include "parser/token.h"

namespace heliosdb::parser {

class ParserImpl {
 public:
  explicit ParserImpl(std::string_view sql);
  std::vector<ast::StatementPtr> ParseAll();

 private:
  friend class DepthGuard;

  // ---- tokens (parser_core.cc)
  const Token& Peek(int k = 0) const;
  const Token& Prev() const { return tokens_[pos_ > 0 ? pos_ - 1 : 0]; }
  const Token& Next();
  int Loc() const { return Peek().location; }
  bool AtEnd() const { return Peek().type == TokenType::kEnd; }
  bool PeekKw(std::string_view kw, int k = 0) const;
  bool AcceptKw(std::string_view kw);
  void ExpectKw(std::string_view kw);
  bool PeekOp(std::string_view op, int k = 0) const;
  bool AcceptOp(std::string_view op);
  void ExpectOp(std::string_view op);
  bool PeekIdent(int k = 0) const { return Peek(k).type == TokenType::kIdent; }
  [[noreturn]] void SyntaxError(const Token& t) const;
  [[noreturn]] void SyntaxErrorHere() const { SyntaxError(Peek()); }
  [[noreturn]] void Error(const std::string& message, int location) const;
  void EnterDepth();
  std::string TokenSource(int first, int last) const;  // source text of tokens [first, last]

  // ---- names (parser_core.cc)
  std::string ParseColId();             // identifier or unreserved / column-name keyword
  std::string ParseColLabel();          // any identifier or keyword
  std::string ParseTypeFunctionName();  // identifier or unreserved / type-function keyword
  std::vector<std::string> ParseQualifiedName();
  std::vector<std::string> ParseNameList();       // a, b, c (ColIds)
  std::vector<std::string> ParseParenNameList();  // (a, b, c)
  std::vector<std::vector<std::string>> ParseQualifiedNameList();
  bool IsColIdToken(const Token& t) const;
  bool IsBareLabel(const Token& t) const;
  ast::OptionList ParseOptionList();  // ( key [=] value, ... )
  ast::ExprPtr ParseOptionValue();
  ast::ExprPtr ParseSignedNumber();
  bool IsQueryInParens(int index) const;  // tokens_[index] is '(' holding a query

  // ---- statements (parser_core.cc dispatches)
  ast::StatementPtr ParseStatement();
  ast::StatementPtr ParseStatementBody();

  // ---- expressions (parse_expression.cc)
  ast::ExprPtr ParseExpr();
  ast::ExprPtr ParseOr();
  ast::ExprPtr ParseAnd();
  ast::ExprPtr ParseNot();
  ast::ExprPtr ParseIs();
  ast::ExprPtr ParseComparison();
  ast::ExprPtr ParsePredicate();
  ast::ExprPtr ParseOtherOp();
  ast::ExprPtr ParseAdditive();
  ast::ExprPtr ParseMultiplicative();
  ast::ExprPtr ParseExponent();
  ast::ExprPtr ParseAtTimeZone();
  ast::ExprPtr ParseCollate();
  std::string ParseQualifiedOperator();
  ast::ExprPtr ParseUnary();
  ast::ExprPtr ParsePostfix();
  using Level = ast::ExprPtr (ParserImpl::*)();
  ast::ExprPtr ParseOperatorRhs(std::string op, int op_loc, ast::ExprPtr left, Level next);
  ast::ExprList ParseExprList();
  ast::ExprList ParseParenExprList();

  // ---- primary expressions (parse_primary.cc, parse_function.cc)
  ast::ExprPtr ParsePrimary();
  ast::ExprPtr ParseParenExpr();
  ast::ExprPtr ParseNamePrimary();
  ast::ExprPtr ParseKeywordPrimary(bool* handled);
  ast::ExprPtr TryTypedLiteral();
  ast::ExprPtr ParseIntervalLiteral();
  ast::ExprPtr ParseCase();
  ast::ExprPtr ParseCast();
  ast::ExprPtr ParseArray(bool keyword);
  ast::ExprPtr ParseSqlValueFunction();
  ast::ExprPtr ParseSpecialFunction(bool* handled);
  std::unique_ptr<ast::FunctionExpr> ParseFunctionCall(std::vector<std::string> name, int loc);
  std::unique_ptr<ast::WindowSpec> ParseWindowSpec();
  ast::FrameBound ParseFrameBound();
  std::vector<ast::OrderByItem> ParseOrderByList();  // after ORDER BY

  // ---- types (parse_type.cc)
  ast::TypeName ParseTypeName();
  bool PeekTypeKeyword() const;
  void ParseTypeModifiers(ast::TypeName* type);
  void ParseIntervalFields(ast::TypeName* type);
  void ParseArrayBounds(ast::TypeName* type);

  // ---- queries (parse_select.cc, parse_from.cc)
  std::unique_ptr<ast::SelectStmt> ParseQuery(std::unique_ptr<ast::WithClause> with = nullptr);
  std::unique_ptr<ast::SelectStmt> ParseSetOps(int min_precedence);
  std::unique_ptr<ast::SelectStmt> ParseSetOperand();
  std::unique_ptr<ast::SelectStmt> ParseSelectCore();
  std::unique_ptr<ast::SelectStmt> ParseValues();
  void ParseQueryTail(ast::SelectStmt* stmt);
  std::unique_ptr<ast::WithClause> ParseWithClause();
  std::vector<ast::SelectItem> ParseTargetList();
  ast::GroupingElement ParseGroupingElement();
  std::vector<ast::TableRefPtr> ParseFromList();
  ast::TableRefPtr ParseTableRef();
  ast::TableRefPtr ParseTablePrimary();
  void ParseTableAlias(ast::TableRef* ref, bool allow_columns);
  bool PeekAsOf() const;
  void RejectTimeTravelTarget();  // 0A000 when AS OF / VERSIONS follows a DML target
  std::unique_ptr<ast::AsOfClause> ParseAsOfValue();  // after AS OF
  void ParseTimeTravel(ast::BaseTableRef* ref);

  // ---- DML (parse_dml.cc)
  ast::StatementPtr ParseInsert(std::unique_ptr<ast::WithClause> with);
  ast::StatementPtr ParseUpdate(std::unique_ptr<ast::WithClause> with);
  ast::StatementPtr ParseDelete(std::unique_ptr<ast::WithClause> with);
  std::vector<ast::OnConflictClause::SetClause> ParseSetClauses();
  std::unique_ptr<ast::OnConflictClause> ParseOnConflict();
  std::vector<ast::SelectItem> ParseReturning();
  std::string ParseDmlAlias(bool require_as);

  // ---- DDL (parse_create.cc, parse_alter.cc)
  ast::StatementPtr ParseCreate();
  ast::StatementPtr ParseCreateTable(bool temporary);
  ast::ColumnDef ParseColumnDef();
  bool ParseColumnConstraint(ast::ColumnDef* column);
  bool PeekTableConstraint() const;
  bool IsColumnNameListThenAs() const;
  ast::TableConstraint ParseTableConstraint();
  void ParseReferences(ast::ForeignKeySpec* fk);
  void SkipConstraintAttributes();
  ast::StatementPtr ParseCreateIndex(bool unique);
  ast::IndexElement ParseIndexElement();
  ast::StatementPtr ParseCreateSequence(bool alter);
  bool ParseSequenceOption(ast::OptionList* options);
  ast::StatementPtr ParseCreateView(bool or_replace, bool materialized);
  ast::StatementPtr ParseDrop();
  ast::StatementPtr ParseAlter();
  ast::StatementPtr ParseAlterTable();
  ast::AlterTableAction ParseAlterTableAction();
  ast::AlterTableAction ParseAlterColumnAction();
  ast::StatementPtr ParseTruncate();
  ast::StatementPtr ParseComment();

  // ---- everything else (parse_misc.cc, parse_utility.cc)
  ast::StatementPtr ParseTransaction();
  void ParseTransactionModes(ast::TransactionStmt* stmt);
  ast::StatementPtr ParseExplain();
  ast::StatementPtr ParseSet();
  ast::StatementPtr ParseShowOrReset(bool show);
  std::string ParseVariableName();
  ast::ExprPtr ParseVarValue();
  ast::StatementPtr ParsePrepare();
  ast::StatementPtr ParseExecute();
  ast::StatementPtr ParseDeallocate();
  ast::StatementPtr ParseCopy();
  void ParseCopyLegacyOptions(ast::CopyStmt* stmt);
  ast::StatementPtr ParseAnalyze(bool vacuum);
  ast::StatementPtr ParseCreateBranch();
  ast::StatementPtr ParseDropBranch();
  ast::StatementPtr ParseMergeBranch();
  ast::StatementPtr ParseUseBranch();
  ast::StatementPtr ParseRestoreDatabase();
  ast::StatementPtr ParseRefresh();
  // ---- roles and privileges (parse_role.cc)
  ast::StatementPtr ParseCreateRole();  // at ROLE / USER / GROUP
  ast::StatementPtr ParseAlterRole();   // at ROLE / USER
  ast::StatementPtr ParseDropRole();    // at ROLE / USER / GROUP
  void ParseRoleOptions(ast::RoleStmt* stmt);
  ast::StatementPtr ParseGrant();  // at GRANT / REVOKE
  std::string ParseRoleName();     // a name or a string

  std::string_view sql_;
  std::vector<Token> tokens_;
  std::vector<int> paren_match_;  // index of the matching ')' for each '(' (or -1)
  size_t pos_ = 0;
  int depth_ = 0;
  uintptr_t stack_base_ = 0;
  uintptr_t stack_budget_ = 0;
};

// Counts one level of nesting for the duration of a grammar function: deep input fails with
// "stack depth limit exceeded" instead of overflowing the stack.
class DepthGuard {
 public:
  explicit DepthGuard(ParserImpl* p) : p_(p) { p_->EnterDepth(); }
  ~DepthGuard() { --p_->depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  ParserImpl* p_;
};

template <typename T>
std::unique_ptr<T> MakeNode(int location) {
  auto node = std::make_unique<T>();
  node->location = location;
  return node;
}

ast::ExprPtr MakeStringConstant(std::string text, int location);
ast::ExprPtr MakeIntegerConstant(std::string text, int location);
// PostgreSQL's canonical name of a type spelled as one word ("int4" -> "integer").
std::string CanonicalTypeName(const std::vector<std::string>& names);

}  // namespace heliosdb::parser
