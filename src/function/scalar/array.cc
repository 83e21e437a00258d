// Array operators: comparison (PostgreSQL's btree order for arrays), || concatenation, the
// ARRAY[...] constructor and subscripts. Arrays are one-dimensional with lower bound 1
// (common/types/array_value.h).
#include "function/scalar/array.h"

#include <algorithm>

#include "common/types/array_value.h"
#include "function/builtin_functions.h"
#include "function/kernel_util.h"

namespace heliosdb {

namespace {

using Values = std::vector<Value>;

Values Elements(const Value& array) {
  return DecodeArray(array.GetString(), array.type().element_type());
}

// Concatenation as array_cat / array_append / array_prepend: a NULL array counts as empty,
// a NULL element is appended as NULL; NULL || NULL (arrays) is NULL.
Value Concat(const Value& a, const Value& b, const LogicalType& result) {
  LogicalType element = result.element_type();
  bool a_array = a.type().IsArray(), b_array = b.type().IsArray();
  if (a_array && b_array && a.is_null() && b.is_null()) return Value::Null(result);
  Values out;
  if (a_array) {
    if (!a.is_null()) out = Elements(a);
  } else {
    out.push_back(a);
  }
  if (b_array) {
    if (!b.is_null()) {
      Values tail = Elements(b);
      out.insert(out.end(), tail.begin(), tail.end());
    }
  } else {
    out.push_back(b);
  }
  return MakeArray(out, element);
}

ScalarFunction ConcatFunction(const char* name, LogicalType left, LogicalType right) {
  ScalarFunction f = Scalar(name, {left, right}, LogicalType(TypeId::kArray),
                            MakeRowwise([](const Values& a, const LogicalType& t,
                                           FunctionContext&) { return Concat(a[0], a[1], t); },
                                        false));
  f.strict = false;
  f.return_rule = [](const std::vector<LogicalType>& args) {
    return args[0].IsArray() ? args[0] : args[1];
  };
  return f;
}

template <typename Pred>
ScalarFunction Comparison(const char* name, Pred pred) {
  LogicalType any_array(TypeId::kArray);
  return Scalar(name, {any_array, any_array}, LogicalType(TypeId::kBoolean),
                MakeRowwise([pred](const Values& a, const LogicalType&, FunctionContext&) {
                  return Value::Boolean(pred(a[0].Compare(a[1])));
                }));
}

ScalarFunction MakeConstructor() {
  ScalarFunction f =
      Scalar("array", {LogicalType(TypeId::kAnyElement)}, LogicalType(TypeId::kArray),
             MakeRowwise([](const Values& a, const LogicalType& t,
                            FunctionContext&) { return MakeArray(a, t.element_type()); },
                         false));
  f.variadic = true;
  f.strict = false;
  return f;
}

ScalarFunction MakeSubscript() {
  return Scalar("array_subscript", {LogicalType(TypeId::kArray), LogicalType(TypeId::kInteger)},
                LogicalType(TypeId::kAnyElement),
                MakeRowwise([](const Values& a, const LogicalType& t, FunctionContext&) {
                  Values e = Elements(a[0]);
                  int64_t i = a[1].GetInt64();
                  if (i < 1 || i > static_cast<int64_t>(e.size())) return Value::Null(t);
                  return e[i - 1];
                }));
}

ScalarFunction MakeSlice() {
  LogicalType i4(TypeId::kInteger);
  return Scalar("array_slice", {LogicalType(TypeId::kArray), i4, i4}, LogicalType(TypeId::kArray),
                MakeRowwise([](const Values& a, const LogicalType& t, FunctionContext&) {
                  Values e = Elements(a[0]);
                  int64_t lo = std::max<int64_t>(a[1].GetInt64(), 1);
                  int64_t hi = std::min<int64_t>(a[2].GetInt64(), static_cast<int64_t>(e.size()));
                  Values out;
                  for (int64_t i = lo; i <= hi; i++) out.push_back(e[i - 1]);
                  return MakeArray(out, t.element_type());
                }));
}

}  // namespace

const ScalarFunction& ArrayConstructorFunction() {
  static const ScalarFunction kFunction = MakeConstructor();
  return kFunction;
}

const ScalarFunction& ArraySubscriptFunction() {
  static const ScalarFunction kFunction = MakeSubscript();
  return kFunction;
}

const ScalarFunction& ArraySliceFunction() {
  static const ScalarFunction kFunction = MakeSlice();
  return kFunction;
}

void RegisterArrayOperators(FunctionRegistry& reg) {
  LogicalType any_array(TypeId::kArray), element(TypeId::kAnyElement);
  reg.AddScalar(ConcatFunction("||", any_array, any_array));
  reg.AddScalar(ConcatFunction("||", any_array, element));
  reg.AddScalar(ConcatFunction("||", element, any_array));
  reg.AddScalar(ConcatFunction("array_cat", any_array, any_array));
  reg.AddScalar(ConcatFunction("array_append", any_array, element));
  reg.AddScalar(ConcatFunction("array_prepend", element, any_array));
  reg.AddScalar(Comparison("=", [](int c) { return c == 0; }));
  reg.AddScalar(Comparison("<>", [](int c) { return c != 0; }));
  reg.AddScalar(Comparison("<", [](int c) { return c < 0; }));
  reg.AddScalar(Comparison("<=", [](int c) { return c <= 0; }));
  reg.AddScalar(Comparison(">", [](int c) { return c > 0; }));
  reg.AddScalar(Comparison(">=", [](int c) { return c >= 0; }));
}

}  // namespace heliosdb
