// What ALP, ALP-RD and Gorilla need to know about float and double: the bit type and width, the
// largest decimal exponent worth trying, and exact loading from a column.
#pragma once

#include <cstdint>
#include <cstring>

#include "storage/columnar/codec/column_data.h"

namespace heliosdb::codec {

template <typename T>
struct FloatTraits;

template <>
struct FloatTraits<double> {
  using Bits = uint64_t;
  static constexpr int kBits = 64;
  static constexpr int kMaxExponent = 18;
};

template <>
struct FloatTraits<float> {
  using Bits = uint32_t;
  static constexpr int kBits = 32;
  static constexpr int kMaxExponent = 10;
};

template <typename T>
typename FloatTraits<T>::Bits ToBits(T v) {
  typename FloatTraits<T>::Bits b;
  std::memcpy(&b, &v, sizeof(T));
  return b;
}

template <typename T>
T FromBits(typename FloatTraits<T>::Bits b) {
  T v;
  std::memcpy(&v, &b, sizeof(T));
  return v;
}

template <typename T>
std::vector<T> LoadFloats(const ColumnView& column) {
  std::vector<T> v(column.count);
  if (column.count) std::memcpy(v.data(), column.fixed, column.count * sizeof(T));
  return v;
}

}  // namespace heliosdb::codec
