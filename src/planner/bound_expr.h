// BoundExpr: an expression after name resolution and type checking. Column references are
// positions in the input chunk of the operator that evaluates the expression. One struct with
// a kind keeps cloning, comparing and rewriting (aggregates, access paths) simple.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/value.h"
#include "function/function_registry.h"

namespace heliosdb {

struct SequenceInfo;
struct LogicalOp;

enum class BoundExprKind : uint8_t {
  kConstant,
  kColumn,     // input column `index`
  kParameter,  // statement parameter `index` (0-based)
  kFunction,   // scalar function over children
  kCast,       // children[0] cast to type
  kCase,       // children: when0, then0, when1, then1, ..., [else]
  kAnd,        // n-ary
  kOr,         // n-ary
  kNot,
  kIsNull,       // children[0] IS NULL (negated: IS NOT NULL)
  kIsDistinct,   // children[0] IS DISTINCT FROM children[1] (negated: IS NOT DISTINCT)
  kInList,       // children[0] IN (children[1..]) (negated: NOT IN)
  kCoalesce,     // first non-null child
  kNullIf,       // NULLIF(children[0], children[1]); function = the "=" operator
  kGreatest,     // GREATEST / LEAST (negated = LEAST)
  kNextval,      // nextval of sequence `index` (volatile)
  kSessionFunction,  // `name` answered by the session (currval, setval, current_setting, ...);
                     // `index` is the sequence id for currval / setval
  kAggregateRef, // binder-internal: the aggregate `index` of the query being bound
  kWindowRef,    // binder-internal: the window function `index` of the query being bound
  kOuterColumn,  // column `index` of the row of the query `depth` levels out (correlation)
  kSubquery,     // `subquery` as a value: SubqueryType in `index`; children[0] the operand
  kArrayAnyAll,  // children[0] op ANY (children[1], an array); negated: op ALL; function = op
};

// kSubquery forms (BoundExpr::index). IN is ANY with "="; kArray is ARRAY(SELECT ...).
enum class SubqueryType : int { kScalar, kExists, kAny, kAll, kArray };

struct BoundExpr {
  BoundExprKind kind = BoundExprKind::kConstant;
  LogicalType type;
  Value constant;                          // kConstant
  int index = -1;                          // kColumn / kParameter / kNextval / kAggregateRef
  ResolvedScalar function;                 // kFunction, kInList / kNullIf ("=" operator)
  std::vector<std::unique_ptr<BoundExpr>> children;
  bool negated = false;
  bool explicit_cast = false;  // kCast: explicit (truncating) rather than assignment rules
  std::string name;            // the function's or column's name, for EXPLAIN and headers
  int depth = 0;               // kOuterColumn: how many query levels out
  int location = 0;            // column references: where they stand in the SQL (for errors)
  std::shared_ptr<LogicalOp> subquery;  // kSubquery: its plan (first column is the value)
  bool correlated = false;              // kSubquery: refers to an outer query's row

  std::unique_ptr<BoundExpr> Copy() const;
  // Structural equality (GROUP BY matching).
  bool Equals(const BoundExpr& other) const;
  // True if no column, parameter or volatile function occurs in it.
  bool IsConstant() const;
  bool HasParameters() const;
  bool IsVolatile() const;
  bool HasSubquery() const;
  // A readable rendering for EXPLAIN, with column names from `input_names`.
  std::string ToString(const std::vector<std::string>& input_names) const;
};

using BoundExprPtr = std::unique_ptr<BoundExpr>;

BoundExprPtr MakeConstant(const Value& v);
BoundExprPtr MakeColumnRef(int index, const LogicalType& type, std::string name);
BoundExprPtr MakeCast(BoundExprPtr child, const LogicalType& type, bool explicit_cast);

}  // namespace heliosdb
