// Helpers to call registered functions on Values, the way the executor will: resolve by
// argument types, cast each argument to the resolved type (implicit rules), run the kernel.
#pragma once

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "common/exception.h"
#include "common/types/value_text.h"
#include "function/cast/cast.h"
#include "function/function_registry.h"

namespace heliosdb::test {

inline Value Lit(const std::string& text, LogicalType type) {
  return ParseValue(text, type);
}
inline Value Unknown(const std::string& text) {
  return Value::Text(text, TypeId::kUnknown);
}
inline Value Int(int64_t v) {
  return Value::Integer(v);
}
inline Value Big(int64_t v) {
  return Value::BigInt(v);
}
inline Value Dbl(double v) {
  return Value::Double(v);
}
inline Value Num(const std::string& s) {
  return Lit(s, LogicalType::Numeric());
}
inline Value Txt(const std::string& s) {
  return Value::Text(s);
}

inline FunctionContext& Ctx() {
  static FunctionContext ctx;
  return ctx;
}

inline ResolvedScalar Resolve(const std::string& name, const std::vector<Value>& args) {
  std::vector<LogicalType> types;
  for (const Value& v : args) types.push_back(v.type());
  return FunctionRegistry::Get().ResolveScalar(name, types);
}

inline Value Call(const std::string& name, const std::vector<Value>& args,
                  FunctionContext& ctx = Ctx()) {
  ResolvedScalar r = Resolve(name, args);
  if (!r.function) throw std::runtime_error("no function " + name);
  DataChunk chunk(r.arg_types, 1);
  for (size_t i = 0; i < args.size(); i++) {
    chunk.column(i).SetValue(0, CastValue(args[i], r.arg_types[i], ctx, false));
  }
  chunk.SetSize(1);
  Vector result(r.return_type, 1);
  r.function->kernel(chunk, 1, &result, ctx);
  return result.GetValue(0);
}

// The PostgreSQL text of a call's result ("NULL" for NULL).
inline std::string Eval(const std::string& name, const std::vector<Value>& args,
                        FunctionContext& ctx = Ctx()) {
  TextFormatOptions opts;
  opts.timezone = ctx.timezone;
  return FormatValue(Call(name, args, ctx), opts);
}

// "SQLSTATE message" of the error a call raises, or "no error".
inline std::string ErrorOf(const std::string& name, const std::vector<Value>& args) {
  try {
    Call(name, args);
  } catch (const DbException& e) {
    return e.status().sqlstate() + " " + e.status().message();
  }
  return "no error";
}

inline std::string TypeOf(const std::string& name, const std::vector<LogicalType>& types) {
  ResolvedScalar r = FunctionRegistry::Get().ResolveScalar(name, types);
  return r.function ? r.return_type.ToString() : "none";
}

// Runs an aggregate over one column of values (all rows into one state).
inline std::string Aggregate(const std::string& name, const std::vector<Value>& values,
                             LogicalType type) {
  ResolvedAggregate r = FunctionRegistry::Get().ResolveAggregate(name, {type});
  if (!r.function) throw std::runtime_error("no aggregate " + name);
  std::vector<uint8_t> state(r.function->state_size + 16);
  uint8_t* s = state.data();
  r.function->init(s);
  DataChunk chunk(r.arg_types, values.size() + 1);
  for (size_t i = 0; i < values.size(); i++) {
    chunk.column(0).SetValue(i, CastValue(values[i], r.arg_types[0], Ctx(), false));
  }
  chunk.SetSize(values.size());
  std::vector<uint8_t*> states(values.size() + 1, s);
  r.function->update(chunk, states.data(), values.size());
  Vector result(r.return_type, 1);
  r.function->finalize(states.data(), 1, &result, 0);
  if (r.function->destroy) r.function->destroy(s);
  return result.GetValue(0).ToString();
}

}  // namespace heliosdb::test
