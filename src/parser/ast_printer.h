// Deparses AST nodes back to SQL in PostgreSQL's ruleutils style: operators fully
// parenthesized ("(a + 1)"), keywords upper case, identifiers quoted only when needed.
// Used by parser tests and for EXPLAIN / error output. Thread safety: pure functions.
#pragma once

#include <string>

#include "parser/ast.h"

namespace heliosdb {

std::string ExprToString(const ast::Expr& expr);
std::string TypeNameToString(const ast::TypeName& type);
std::string WindowSpecToString(const ast::WindowSpec& window);
// "a, b DESC NULLS LAST": an ORDER BY list without the keywords.
std::string OrderByToString(const std::vector<ast::OrderByItem>& items);
std::string TableRefToString(const ast::TableRef& ref);
std::string SelectToString(const ast::SelectStmt& select);
// SELECT, INSERT, UPDATE and DELETE in full; other statements as their leading keywords.
std::string StatementToString(const ast::Statement& stmt);
std::string QuoteIdentifier(const std::string& name);

}  // namespace heliosdb
