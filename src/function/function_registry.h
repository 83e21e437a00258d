// FunctionRegistry: every built-in scalar and aggregate function, listed in one hand-written
// registry (function_registry.cc) that calls each family's Register function.
//
// Resolution follows PostgreSQL's rules (Typed conversion, "Function Type Resolution"):
// an exact match wins; otherwise candidates reachable by implicit casts are ranked by exact
// matches, then preferred types of each category (double precision for numerics, text for
// strings, timestamptz for datetimes); arguments of unknown type (string literals, NULL) match
// any type, preferring string. No candidate: nullptr. Several equally good: throws 42725
// "function f(unknown) is not unique".
//
// Thread safety: immutable after construction; Get() is safe from any thread.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "function/function.h"

namespace heliosdb {

struct ResolvedScalar {
  const ScalarFunction* function = nullptr;
  std::vector<LogicalType> arg_types;  // what each argument must be cast to
  LogicalType return_type;
};

struct ResolvedAggregate {
  const AggregateFunction* function = nullptr;
  std::vector<LogicalType> arg_types;
  LogicalType return_type;
};

class FunctionRegistry {
 public:
  static const FunctionRegistry& Get();

  void AddScalar(ScalarFunction f);
  void AddAggregate(AggregateFunction f);

  ResolvedScalar ResolveScalar(const std::string& name,
                               const std::vector<LogicalType>& arg_types) const;
  ResolvedAggregate ResolveAggregate(const std::string& name,
                                     const std::vector<LogicalType>& arg_types) const;
  bool IsAggregate(const std::string& name) const { return aggregates_.count(name) > 0; }
  bool IsScalar(const std::string& name) const { return scalars_.count(name) > 0; }
  // Every overload, for pg_proc.
  const std::unordered_map<std::string, std::vector<ScalarFunction>>& scalars() const {
    return scalars_;
  }
  const std::unordered_map<std::string, std::vector<AggregateFunction>>& aggregates() const {
    return aggregates_;
  }

 private:
  FunctionRegistry();
  std::unordered_map<std::string, std::vector<ScalarFunction>> scalars_;
  std::unordered_map<std::string, std::vector<AggregateFunction>> aggregates_;
};

}  // namespace heliosdb
