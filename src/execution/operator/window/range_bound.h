// RANGE frames with an offset (`RANGE BETWEEN 5 PRECEDING AND INTERVAL '1 day' FOLLOWING`): the
// value a frame bound stands at, `offset` before or after a row's ORDER BY value, and how the
// ORDER BY values of other rows compare with it. The rules are PostgreSQL's in_range support
// functions: integer sums that overflow lie beyond every value, NaN sorts after all numbers,
// infinity minus infinity admits every row, dates move as timestamps, and a time moves by the
// offset's time part without wrapping at midnight.
#pragma once

#include "common/value.h"
#include "function/function.h"

namespace heliosdb {

struct RangeLimit {
  int infinite = 0;  // -1: below every value, +1: above every value (NaN included), 0: `value`
  Value value;
};

// Throws 22013 "invalid preceding or following size in window function" when offset is
// negative (or NaN). REQUIRES: offset is not NULL and has the type the binder gave it.
void CheckRangeOffset(const Value& offset);

// key + offset (add) or key - offset. upper: the frame holds the values at or below the limit
// (else at or above it), which only matters where PostgreSQL's answer is not a sum (infinity -
// infinity). REQUIRES: key is not NULL.
RangeLimit RangeOffsetLimit(const Value& key, const Value& offset, bool add, bool upper,
                            const FunctionContext& ctx);

// The ascending order of a non-NULL ORDER BY value against a limit: <0, 0, >0.
int CompareToLimit(const Value& key, const RangeLimit& limit);

}  // namespace heliosdb
