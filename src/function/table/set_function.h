// The rows of set-returning functions, one call at a time: generate_series, unnest,
// regexp_split_to_table and regexp_matches. FROM runs them as table functions
// (execution/operator/scan/table_function.h), the select list through ProjectSet
// (execution/operator/projection/project_set.h); the binder types their arguments
// (planner/set_function_binder.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/value.h"
#include "function/function.h"

namespace heliosdb {

// The rows of one call, produced on demand (generate_series may be long).
class SetFunctionRows {
 public:
  virtual ~SetFunctionRows() = default;
  // Fills row with one value per output column; false after the last row.
  virtual bool Next(std::vector<Value>* row) = 0;
};

// REQUIRES: args were coerced by the binder; columns are the call's output types. ctx must
// outlive the returned rows.
std::unique_ptr<SetFunctionRows> StartSetFunction(const std::string& name, std::vector<Value> args,
                                                  const std::vector<LogicalType>& columns,
                                                  FunctionContext& ctx);

// generate_series.cc and regexp_rows.cc
std::unique_ptr<SetFunctionRows> StartGenerateSeries(std::vector<Value> args, FunctionContext& ctx);
std::unique_ptr<SetFunctionRows> StartRegexpRows(const std::string& name, std::vector<Value> args);

}  // namespace heliosdb
