// The hand-written recursive-descent parser for PostgreSQL's SQL dialect plus the HeliosDB
// extensions (AS OF / VERSIONS BETWEEN on table references, CREATE / DROP / MERGE DATABASE
// BRANCH, USE BRANCH, WITH (...) options). Produces ast::Statement trees (parser/ast.h).
//
// Errors throw DbException with PostgreSQL's SQLSTATE and message and the 1-based character
// position of the offending token:
//   42601 syntax error at or near "FORM"        42601 syntax error at end of input
//   42601 unterminated quoted string at or near "'abc"
//   22P02 / 42601 for bad numeric literals, 42P02 for $0
// Thread safety: a Parser is used by one thread; Parse functions are reentrant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parser/ast.h"

namespace heliosdb {

class Parser {
 public:
  // Parses every statement in sql (separated by ';'; empty statements are skipped). Each
  // statement's location / end_location delimit its text inside sql.
  static std::vector<ast::StatementPtr> ParseAll(std::string_view sql);
};

// Splits a script into statement texts at top-level semicolons (outside quotes, dollar quotes,
// comments and parentheses), without parsing. Used by the shell to decide when the input
// buffer holds a complete statement: `rest` receives the unterminated remainder.
std::vector<std::string> SplitStatements(std::string_view script, std::string* rest);

}  // namespace heliosdb
