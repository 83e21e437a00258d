// Loops that scalar kernels and casts are built from. Each reads its inputs through
// UnifiedFormat (so FLAT, CONSTANT and DICTIONARY vectors all work), propagates NULLs for strict
// functions, and writes a flat result including its validity. The physical C++ types are the
// ones of common/types.h: bool, int64_t, double, Decimal, std::string_view, Interval, Uuid.
// A std::string result is copied into the result vector's string heap.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

#include "common/data_chunk.h"
#include "common/vector.h"
#include "function/function.h"

namespace heliosdb {

template <typename R>
inline void StoreResult(Vector* result, idx_t i, R&& r) {
  using D = std::decay_t<R>;
  if constexpr (std::is_same_v<D, std::string>) {
    result->SetString(i, r);
  } else if constexpr (std::is_same_v<D, std::string_view>) {
    result->SetString(i, r);
  } else {
    result->data<D>()[i] = r;
  }
}

// result[i] = op(a[i]); NULL in, NULL out.
template <typename A, typename Op>
void UnaryExecute(const Vector& a, Vector* result, idx_t count, Op&& op) {
  UnifiedFormat ua = a.ToUnified();
  ValidityMask& rv = result->validity();
  if (ua.validity->AllValid()) {
    rv.Reset();
    for (idx_t i = 0; i < count; i++) StoreResult(result, i, op(ua.Get<A>(i)));
    return;
  }
  for (idx_t i = 0; i < count; i++) {
    if (!ua.IsValid(i)) {
      rv.SetInvalid(i);
      continue;
    }
    rv.SetValid(i);
    StoreResult(result, i, op(ua.Get<A>(i)));
  }
}

// result[i] = op(a[i], b[i]); NULL if either is NULL.
template <typename A, typename B, typename Op>
void BinaryExecute(const Vector& a, const Vector& b, Vector* result, idx_t count, Op&& op) {
  UnifiedFormat ua = a.ToUnified(), ub = b.ToUnified();
  ValidityMask& rv = result->validity();
  if (ua.validity->AllValid() && ub.validity->AllValid()) {
    rv.Reset();
    for (idx_t i = 0; i < count; i++) StoreResult(result, i, op(ua.Get<A>(i), ub.Get<B>(i)));
    return;
  }
  for (idx_t i = 0; i < count; i++) {
    if (!ua.IsValid(i) || !ub.IsValid(i)) {
      rv.SetInvalid(i);
      continue;
    }
    rv.SetValid(i);
    StoreResult(result, i, op(ua.Get<A>(i), ub.Get<B>(i)));
  }
}

template <typename A, typename B, typename C, typename Op>
void TernaryExecute(const Vector& a, const Vector& b, const Vector& c, Vector* result, idx_t count,
                    Op&& op) {
  UnifiedFormat ua = a.ToUnified(), ub = b.ToUnified(), uc = c.ToUnified();
  ValidityMask& rv = result->validity();
  for (idx_t i = 0; i < count; i++) {
    if (!ua.IsValid(i) || !ub.IsValid(i) || !uc.IsValid(i)) {
      rv.SetInvalid(i);
      continue;
    }
    rv.SetValid(i);
    StoreResult(result, i, op(ua.Get<A>(i), ub.Get<B>(i), uc.Get<C>(i)));
  }
}

// Row-at-a-time over any number of arguments (functions with many or optional arguments):
// op(i, formats) returns the value; NULL when any argument is NULL.
template <typename Op>
void NaryExecute(DataChunk& args, idx_t count, Vector* result, Op&& op) {
  std::vector<UnifiedFormat> fmts;
  fmts.reserve(args.column_count());
  for (idx_t c = 0; c < args.column_count(); c++) fmts.push_back(args.column(c).ToUnified());
  ValidityMask& rv = result->validity();
  for (idx_t i = 0; i < count; i++) {
    bool valid = true;
    for (const UnifiedFormat& f : fmts) valid = valid && f.IsValid(i);
    if (!valid) {
      rv.SetInvalid(i);
      continue;
    }
    rv.SetValid(i);
    StoreResult(result, i, op(i, fmts));
  }
}

// Kernels from per-value operations (the operation may capture; it is copied into the kernel).
template <typename A, typename Op>
ScalarKernel MakeUnary(Op op) {
  return [op](DataChunk& args, idx_t count, Vector* result, FunctionContext&) {
    UnaryExecute<A>(args.column(0), result, count, op);
  };
}

template <typename A, typename B, typename Op>
ScalarKernel MakeBinary(Op op) {
  return [op](DataChunk& args, idx_t count, Vector* result, FunctionContext&) {
    BinaryExecute<A, B>(args.column(0), args.column(1), result, count, op);
  };
}

template <typename A, typename B, typename C, typename Op>
ScalarKernel MakeTernary(Op op) {
  return [op](DataChunk& args, idx_t count, Vector* result, FunctionContext&) {
    TernaryExecute<A, B, C>(args.column(0), args.column(1), args.column(2), result, count, op);
  };
}

// Row-at-a-time over boxed Values, for functions whose work dwarfs the boxing (arrays,
// regular expressions): op(args, result_type) returns the row's value, NULL allowed. A strict
// kernel gives NULL without calling op when any argument is NULL.
template <typename Op>
ScalarKernel MakeRowwise(Op op, bool strict = true) {
  return [op, strict](DataChunk& args, idx_t count, Vector* result, FunctionContext& ctx) {
    std::vector<Value> row(args.column_count());
    for (idx_t i = 0; i < count; i++) {
      bool any_null = false;
      for (idx_t c = 0; c < args.column_count(); c++) {
        row[c] = args.column(c).GetValue(i);
        any_null |= row[c].is_null();
      }
      if (strict && any_null) {
        result->SetNull(i);
        continue;
      }
      result->SetValue(i, op(row, result->type(), ctx));
    }
  };
}

// Registration shorthand.
inline ScalarFunction Scalar(std::string name, std::vector<LogicalType> args, LogicalType ret,
                             ScalarKernel kernel) {
  ScalarFunction f;
  f.name = std::move(name);
  f.args = std::move(args);
  f.return_type = ret;
  f.kernel = std::move(kernel);
  return f;
}

}  // namespace heliosdb
