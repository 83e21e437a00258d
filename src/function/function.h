// Function descriptors: scalar functions (and operators, named by their symbol: "+", "=",
// "||", "~~" for LIKE, ...), aggregate functions and casts all evaluate a batch at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/data_chunk.h"

namespace heliosdb {

// Per-statement facts a function may read. Owned by the executing connection.
struct FunctionContext {
  std::string timezone = "UTC";     // the session's TimeZone setting
  int64_t statement_timestamp = 0;  // now() for the statement: us since 2000-01-01 UTC
  int64_t transaction_timestamp = 0;
  uint64_t random_state = 0x853c49e6748fea9bULL;  // random(); setseed() changes it
};

// Evaluates count rows: args holds one vector per argument (any vector kind), result is a
// flat vector of the function's return type with capacity >= count. A kernel writes every
// row of result, including its validity. Errors throw DbException.
using ScalarKernel =
    std::function<void(DataChunk& args, idx_t count, Vector* result, FunctionContext& ctx)>;

// Computes the return type from the argument types when it depends on them (numeric
// scale, coalesce, ...). Unset: the fixed return_type.
using ReturnTypeRule = std::function<LogicalType(const std::vector<LogicalType>& args)>;

struct ScalarFunction {
  std::string name;
  std::vector<LogicalType> args;  // only TypeId matters for matching
  LogicalType return_type;
  ScalarKernel kernel;
  ReturnTypeRule return_rule;
  bool variadic = false;   // the last argument type repeats
  bool volatile_ = false;  // random(), nextval(), now() is stable: false
  // NULL on any argument gives NULL: the executor may skip calling the kernel for such rows.
  bool strict = true;
  // An "any" (kUnknown) parameter keeps an argument of unknown type (an untyped literal or
  // NULL) as unknown instead of resolving it to text: pg_typeof('x') is 'unknown'.
  bool keep_unknown = false;
  // "any" (kUnknown) parameters reject arrays: PostgreSQL's anynonarray (text || anynonarray
  // must not capture text[] || text).
  bool any_nonarray = false;
};

// An aggregate keeps one fixed-size state per group; states are raw memory the hash
// aggregate allocates. For a state that owns heap memory, destroy frees it.
struct AggregateFunction {
  std::string name;
  std::vector<LogicalType> args;
  LogicalType return_type;
  ReturnTypeRule return_rule;
  size_t state_size = 0;
  std::function<void(uint8_t* state)> init;
  // For each row i < count: fold args' row i into states[i] (several rows may share a state).
  std::function<void(DataChunk& args, uint8_t** states, idx_t count)> update;
  // Merges src into dst (parallel partial aggregation).
  std::function<void(const uint8_t* src, uint8_t* dst)> combine;
  // Writes the result of states[i] to row offset + i of result.
  std::function<void(uint8_t** states, idx_t count, Vector* result, idx_t offset)> finalize;
  std::function<void(uint8_t* state)> destroy;  // may be empty
  bool count_star = false;                      // COUNT(*): no arguments, counts rows
};

}  // namespace heliosdb
