// Casts between SQL types with PostgreSQL's semantics and errors: text input parsing (22P02
// invalid input syntax for type integer: "abc"), range checks (22003 integer out of range),
// rounding (numeric to integer rounds half away from zero; float to integer rounds half to
// even), VARCHAR(n) truncation rules (explicit casts truncate; assignment raises 22001 unless
// the excess is spaces), CHAR(n) blank padding, NUMERIC(p,s) rounding and overflow.
#pragma once

#include "common/value.h"
#include "common/vector.h"
#include "function/function.h"

namespace heliosdb {

// When PostgreSQL applies a cast from one type to another (pg_cast.castcontext).
enum class CastContext { kImplicit, kAssignment, kExplicit, kNone };

CastContext GetCastContext(const LogicalType& from, const LogicalType& to);

// Casts count rows of source (any kind) into result (flat, capacity >= count, of type target).
// `explicit_cast` selects explicit-cast rules (truncation) over assignment rules.
void CastVector(const Vector& source, Vector* result, idx_t count, const LogicalType& target,
                FunctionContext& ctx, bool explicit_cast = true);
Value CastValue(const Value& value, const LogicalType& target, FunctionContext& ctx,
                bool explicit_cast = true);

}  // namespace heliosdb
