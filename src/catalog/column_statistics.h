// Builds a column's ColumnStats from its values (ANALYZE): counts NULLs, tracks the range of
// numbers, dates and times, and estimates the number of distinct values: exactly while they
// are few, then with a HyperLogLog sketch (Flajolet, Fusy, Gandouet, Meunier 2007) of 2^12
// registers, whose standard error is about 1.6%.
#pragma once

#include <optional>
#include <unordered_set>
#include <vector>

#include "catalog/catalog_entry.h"
#include "common/value.h"

namespace heliosdb {

// A value as a number for range estimates (dates and timestamps both in microseconds);
// nothing for types without an order the optimizer can interpolate (text, bytea, ...).
std::optional<double> NumericPosition(const Value& v);

class ColumnStatsBuilder {
 public:
  explicit ColumnStatsBuilder(int slot);
  void Add(const Value& v);
  ColumnStats Finish() const;

 private:
  static constexpr int kRegisterBits = 12;
  static constexpr size_t kExactLimit = 4096;

  int slot_;
  double rows_ = 0;
  double nulls_ = 0;
  bool has_range_ = false;
  double min_ = 0, max_ = 0;
  std::unordered_set<uint64_t> exact_;  // hashes seen, until kExactLimit of them
  bool overflowed_ = false;
  std::vector<uint8_t> registers_;
};

}  // namespace heliosdb
