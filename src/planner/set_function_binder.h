// Set-returning functions (generate_series, unnest, regexp_split_to_table, regexp_matches):
// the typing shared by FROM, where they are table functions, and the select list, where a
// ProjectSet operator runs them (PostgreSQL 10 semantics: several run in lockstep, the
// shorter ones padded with NULL). The rows come from function/table/set_function.h.
#pragma once

#include <string>
#include <vector>

#include "planner/binder.h"

namespace heliosdb {

bool IsSetFunctionName(const std::string& name);
// The descriptor a select-list call carries in BoundExpr::function. It is never executed as a
// scalar: the SELECT binder moves such calls into a ProjectSet.
const ScalarFunction& SetFunctionMarker(const std::string& name);
bool IsSetFunctionCall(const BoundExpr& e);
// Coerces the arguments in place and returns the function's output column types; throws
// 42883 when the function does not take such arguments.
std::vector<LogicalType> BindSetFunctionArgs(Binder& binder, const std::string& name,
                                             std::vector<BoundExprPtr>* args, int location);

// Moves the set-function calls of targets into a ProjectSet over plan and makes the targets
// read its columns; plan unchanged when there are none. Throws 0A000 for nested calls.
LogicalOpPtr PlanSetFunctions(LogicalOpPtr plan, std::vector<BoundExprPtr>* targets);

}  // namespace heliosdb
