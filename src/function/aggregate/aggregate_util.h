// Helpers for aggregate functions. States are raw memory owned by the hash aggregate; they are
// read and written through memcpy (Load/Store), so a state needs no more than byte alignment
// even when it holds 128-bit NUMERIC coefficients.
#pragma once

#include <cstring>
#include <string>

#include "common/vector.h"
#include "function/function.h"

namespace heliosdb {

template <typename S>
inline S LoadState(const uint8_t* p) {
  S s;
  std::memcpy(static_cast<void*>(&s), p, sizeof(S));
  return s;
}

template <typename S>
inline void StoreState(uint8_t* p, const S& s) {
  std::memcpy(p, static_cast<const void*>(&s), sizeof(S));
}

// An aggregate over one argument whose state S is trivially copyable:
//   step(S&, const T&) folds a non-NULL value, merge(S&, const S&) combines partials,
//   emit(const S&, Vector*, row) writes a result (or NULL).
template <typename S, typename T, typename Step, typename Merge, typename Emit>
AggregateFunction MakeAggregate(std::string name, LogicalType arg, LogicalType ret, Step step,
                                Merge merge, Emit emit) {
  AggregateFunction f;
  f.name = std::move(name);
  f.args = {arg};
  f.return_type = ret;
  f.state_size = sizeof(S);
  f.init = [](uint8_t* state) { StoreState(state, S{}); };
  f.update = [step](DataChunk& args, uint8_t** states, idx_t count) {
    UnifiedFormat u = args.column(0).ToUnified();
    for (idx_t i = 0; i < count; i++) {
      if (!u.IsValid(i)) continue;
      S s = LoadState<S>(states[i]);
      step(s, u.Get<T>(i));
      StoreState(states[i], s);
    }
  };
  f.combine = [merge](const uint8_t* src, uint8_t* dst) {
    S d = LoadState<S>(dst);
    merge(d, LoadState<S>(src));
    StoreState(dst, d);
  };
  f.finalize = [emit](uint8_t** states, idx_t count, Vector* result, idx_t offset) {
    for (idx_t i = 0; i < count; i++) emit(LoadState<S>(states[i]), result, offset + i);
  };
  return f;
}

template <typename T>
inline void EmitValue(Vector* result, idx_t row, const T& v) {
  result->validity().SetValid(row);
  result->data<T>()[row] = v;
}

}  // namespace heliosdb
