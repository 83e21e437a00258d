// pg_input_is_valid(text, type) and pg_input_error_info(text, type), PostgreSQL 16's checks of
// whether a text reads as a value of a type, and with which error otherwise. The type name is
// read as PostgreSQL's parseTypeString reads it (as the target of `NULL::type`). Both are
// evaluated while the query binds, so their arguments must be constants, as in their use:
// checking literal input.
#pragma once

#include <string>

#include "heliosdb/status.h"
#include "planner/binder.h"
#include "planner/expression_binder.h"

namespace heliosdb {

// The error `text` gives as input of the type named `type_name`, or OK. Throws DbException
// when the type does not exist.
Status CheckTypeInput(const std::string& text, const std::string& type_name);

// pg_input_is_valid in an expression: a Boolean constant (NULL for a NULL argument).
BoundExprPtr BindInputIsValid(ExpressionBinder& binder, const ast::FunctionExpr& call);

// pg_input_error_info in FROM: one row (message, detail, hint, sql_error_code), all NULL for
// valid input. Adds its columns to `scope`.
LogicalOpPtr BindInputErrorInfo(Binder& binder, const ast::FunctionRef& ref, Scope* scope);

}  // namespace heliosdb
