// Casts between array types: PostgreSQL's array coercion applies the element cast to every
// element (NULL elements stay NULL) and keeps the array's shape.
#include "common/types/array_value.h"
#include "function/cast/cast.h"
#include "function/cast/cast_internal.h"

namespace heliosdb::cast_internal {

Value CastArray(const Value& array, const LogicalType& target, FunctionContext& ctx,
                bool explicit_cast) {
  LogicalType element = target.element_type();
  std::vector<Value> values = DecodeArray(array.GetString(), array.type().element_type());
  for (Value& v : values) v = CastValue(v, element, ctx, explicit_cast);
  return MakeArray(values, element);
}

}  // namespace heliosdb::cast_internal
