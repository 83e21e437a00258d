// Helpers shared by the parser tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "common/exception.h"
#include "parser/ast.h"
#include "parser/ast_printer.h"
#include "parser/parser.h"

namespace heliosdb::testing {

// Parses exactly one statement.
inline ast::StatementPtr ParseOne(std::string_view sql) {
  auto stmts = Parser::ParseAll(sql);
  EXPECT_EQ(stmts.size(), 1u) << sql;
  if (stmts.empty()) return nullptr;
  return std::move(stmts[0]);
}

template <typename T>
std::unique_ptr<T> ParseAs(std::string_view sql) {
  auto stmt = ParseOne(sql);
  return std::unique_ptr<T>(static_cast<T*>(stmt.release()));
}

// The deparsed first target of "SELECT <expr>".
inline std::string Expr(std::string_view expr) {
  auto select = ParseAs<ast::SelectStmt>("SELECT " + std::string(expr));
  if (!select || select->targets.empty()) return "<none>";
  return ExprToString(*select->targets[0].expr);
}

// The deparsed statement.
inline std::string Deparse(std::string_view sql) {
  auto stmt = ParseOne(sql);
  return stmt ? StatementToString(*stmt) : "<none>";
}

struct ErrorInfo {
  std::string sqlstate;
  std::string message;
  int position = -1;
};

inline ErrorInfo ParseError(std::string_view sql) {
  try {
    Parser::ParseAll(sql);
  } catch (const DbException& e) {
    return {e.status().sqlstate(), e.status().message(), e.status().position()};
  }
  return {"", "<no error>", -1};
}

}  // namespace heliosdb::testing
