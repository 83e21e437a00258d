// Array functions by name, with PostgreSQL's results for one-dimensional arrays: an empty
// array has no dimensions (array_length, array_upper, array_lower, array_ndims and array_dims
// are NULL for it), and asking for a dimension other than 1 gives NULL.
#include "common/types/array_value.h"
#include "function/builtin_functions.h"
#include "function/kernel_util.h"

namespace heliosdb {

namespace {

using Values = std::vector<Value>;

Values Elements(const Value& array) {
  return DecodeArray(array.GetString(), array.type().element_type());
}

bool NotDistinct(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  return a.Compare(b) == 0;
}

// array_length / array_upper: the length of dimension 1 (or 1 for array_lower).
ScalarFunction DimensionFunction(const char* name, bool lower) {
  return Scalar(name, {LogicalType(TypeId::kArray), LogicalType(TypeId::kInteger)},
                LogicalType(TypeId::kInteger),
                MakeRowwise([lower](const Values& a, const LogicalType&, FunctionContext&) {
                  idx_t n = ArrayLength(a[0].GetString());
                  if (a[1].GetInt64() != 1 || n == 0) return Value::Null(TypeId::kInteger);
                  return Value::Integer(lower ? 1 : static_cast<int64_t>(n));
                }));
}

// The element cast to text as array_to_string shows it (the element type's output).
std::string ElementText(const Value& v, FunctionContext& ctx) {
  TextFormatOptions options;
  options.timezone = ctx.timezone;
  return FormatValue(v, options);
}

Value ArrayToString(const Values& a, FunctionContext& ctx) {
  if (a[0].is_null() || a[1].is_null()) return Value::Null(TypeId::kText);
  bool has_null_text = a.size() > 2 && !a[2].is_null();
  std::string out;
  bool first = true;
  for (const Value& v : Elements(a[0])) {
    if (v.is_null() && !has_null_text) continue;
    if (!first) out += a[1].GetString();
    first = false;
    out += v.is_null() ? a[2].GetString() : ElementText(v, ctx);
  }
  return Value::Text(out);
}

// string_to_array(text, delimiter [, null_string]): a NULL delimiter splits into characters,
// an empty one keeps the whole string; an empty string gives an empty array.
Value StringToArray(const Values& a) {
  LogicalType text(TypeId::kText);
  if (a[0].is_null()) return Value::Null(LogicalType::Array(text));
  const std::string& s = a[0].GetString();
  Values out;
  auto add = [&](std::string piece) {
    bool is_null = a.size() > 2 && !a[2].is_null() && piece == a[2].GetString();
    out.push_back(is_null ? Value::Null(text) : Value::Text(std::move(piece)));
  };
  if (!s.empty()) {
    if (a[1].is_null()) {
      for (size_t i = 0; i < s.size();) {
        size_t len = 1;
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0xF0)
          len = 4;
        else if (c >= 0xE0)
          len = 3;
        else if (c >= 0xC0)
          len = 2;
        add(s.substr(i, len));
        i += len;
      }
    } else if (a[1].GetString().empty()) {
      add(s);
    } else {
      const std::string& d = a[1].GetString();
      size_t start = 0;
      while (true) {
        size_t hit = s.find(d, start);
        if (hit == std::string::npos) break;
        add(s.substr(start, hit - start));
        start = hit + d.size();
      }
      add(s.substr(start));
    }
  }
  return MakeArray(out, text);
}

ScalarFunction NonStrict(ScalarFunction f) {
  f.strict = false;
  return f;
}

ScalarFunction WithSameType(ScalarFunction f) {
  f.return_rule = [](const std::vector<LogicalType>& args) { return args[0]; };
  return f;
}

}  // namespace

void RegisterArrayFunctions(FunctionRegistry& reg) {
  LogicalType any_array(TypeId::kArray), element(TypeId::kAnyElement), i4(TypeId::kInteger),
      text(TypeId::kText);
  reg.AddScalar(DimensionFunction("array_length", false));
  reg.AddScalar(DimensionFunction("array_upper", false));
  reg.AddScalar(DimensionFunction("array_lower", true));
  reg.AddScalar(Scalar("cardinality", {any_array}, i4,
                       MakeRowwise([](const Values& a, const LogicalType&, FunctionContext&) {
                         return Value::Integer(static_cast<int64_t>(ArrayLength(a[0].GetString())));
                       })));
  reg.AddScalar(Scalar("array_ndims", {any_array}, i4,
                       MakeRowwise([](const Values& a, const LogicalType&, FunctionContext&) {
                         return ArrayLength(a[0].GetString()) == 0 ? Value::Null(TypeId::kInteger)
                                                                   : Value::Integer(1);
                       })));
  reg.AddScalar(Scalar("array_dims", {any_array}, text,
                       MakeRowwise([](const Values& a, const LogicalType&, FunctionContext&) {
                         idx_t n = ArrayLength(a[0].GetString());
                         if (n == 0) return Value::Null(TypeId::kText);
                         return Value::Text("[1:" + std::to_string(n) + "]");
                       })));
  auto position = [](const Values& a, const LogicalType&, FunctionContext&) {
    if (a[0].is_null() || (a.size() > 2 && a[2].is_null())) return Value::Null(TypeId::kInteger);
    Values e = Elements(a[0]);
    int64_t start = a.size() > 2 ? std::max<int64_t>(a[2].GetInt64(), 1) : 1;
    for (int64_t i = start; i <= static_cast<int64_t>(e.size()); i++)
      if (NotDistinct(e[i - 1], a[1])) return Value::Integer(i);
    return Value::Null(TypeId::kInteger);
  };
  reg.AddScalar(
      NonStrict(Scalar("array_position", {any_array, element}, i4, MakeRowwise(position, false))));
  reg.AddScalar(NonStrict(
      Scalar("array_position", {any_array, element, i4}, i4, MakeRowwise(position, false))));
  reg.AddScalar(NonStrict(Scalar("array_positions", {any_array, element}, LogicalType::Array(i4),
                                 MakeRowwise(
                                     [](const Values& a, const LogicalType& t, FunctionContext&) {
                                       if (a[0].is_null()) return Value::Null(t);
                                       Values e = Elements(a[0]), out;
                                       for (size_t i = 0; i < e.size(); i++)
                                         if (NotDistinct(e[i], a[1]))
                                           out.push_back(
                                               Value::Integer(static_cast<int64_t>(i + 1)));
                                       return MakeArray(out, t.element_type());
                                     },
                                     false))));
  reg.AddScalar(WithSameType(
      NonStrict(Scalar("array_remove", {any_array, element}, any_array,
                       MakeRowwise(
                           [](const Values& a, const LogicalType& t, FunctionContext&) {
                             if (a[0].is_null()) return Value::Null(t);
                             Values out;
                             for (Value& v : Elements(a[0]))
                               if (!NotDistinct(v, a[1])) out.push_back(std::move(v));
                             return MakeArray(out, t.element_type());
                           },
                           false)))));
  reg.AddScalar(WithSameType(
      NonStrict(Scalar("array_replace", {any_array, element, element}, any_array,
                       MakeRowwise(
                           [](const Values& a, const LogicalType& t, FunctionContext&) {
                             if (a[0].is_null()) return Value::Null(t);
                             Values out = Elements(a[0]);
                             for (Value& v : out)
                               if (NotDistinct(v, a[1])) v = a[2];
                             return MakeArray(out, t.element_type());
                           },
                           false)))));
  auto to_string = [](const Values& a, const LogicalType&, FunctionContext& ctx) {
    return ArrayToString(a, ctx);
  };
  reg.AddScalar(Scalar("array_to_string", {any_array, text}, text, MakeRowwise(to_string)));
  reg.AddScalar(NonStrict(
      Scalar("array_to_string", {any_array, text, text}, text, MakeRowwise(to_string, false))));
  auto from_string = [](const Values& a, const LogicalType&, FunctionContext&) {
    return StringToArray(a);
  };
  reg.AddScalar(NonStrict(Scalar("string_to_array", {text, text}, LogicalType::Array(text),
                                 MakeRowwise(from_string, false))));
  reg.AddScalar(NonStrict(Scalar("string_to_array", {text, text, text}, LogicalType::Array(text),
                                 MakeRowwise(from_string, false))));
}

}  // namespace heliosdb
