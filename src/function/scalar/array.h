// Array functions the binder builds directly rather than resolving by name: the ARRAY[...]
// constructor and subscripts. They are not in the registry, so SQL cannot call them by name.
#pragma once

#include "function/function.h"

namespace heliosdb {

// (element, ...) -> element[]: the arguments, already of the element type, in order.
const ScalarFunction& ArrayConstructorFunction();
// (array, integer) -> element: 1-based; NULL when out of range.
const ScalarFunction& ArraySubscriptFunction();
// (array, integer, integer) -> array: the elements between the bounds, clamped to the array.
const ScalarFunction& ArraySliceFunction();

}  // namespace heliosdb
