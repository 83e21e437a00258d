// Comparison operators = <> < <= > >= for every type. Cross-type comparisons resolve through
// implicit casts to a common type (integer = numeric compares as numeric, exactly; numeric =
// double compares as double, as PostgreSQL). Strings compare bytewise (C collation); CHAR(n)
// compares without its trailing blanks.
#include "common/types/decimal.h"
#include "common/types/interval.h"
#include "common/types/string_type.h"
#include "function/builtin_functions.h"
#include "function/kernel_util.h"
#include "function/scalar/scalar_internal.h"

namespace heliosdb {

namespace {

// Registers an operator and, when the type has one (`prefix`), PostgreSQL's function behind it,
// named prefix + eq / ne / lt / le / gt / ge (booleq, int4lt, float8ge, ...).
void AddOperator(FunctionRegistry& reg, ScalarFunction f, const std::string& prefix) {
  static const std::pair<const char*, const char*> kSuffixes[] = {
      {"=", "eq"}, {"<>", "ne"}, {"<", "lt"}, {"<=", "le"}, {">", "gt"}, {">=", "ge"}};
  if (!prefix.empty()) {
    ScalarFunction named = f;
    for (const auto& [op, suffix] : kSuffixes)
      if (f.name == op) named.name = prefix + suffix;
    reg.AddScalar(std::move(named));
  }
  reg.AddScalar(std::move(f));
}

template <typename T, typename Cmp>
void AddComparisons(FunctionRegistry& reg, LogicalType t, Cmp cmp, const std::string& prefix = "") {
  LogicalType b(TypeId::kBoolean);
  AddOperator(reg, Scalar("=", {t, t}, b, MakeBinary<T, T>([cmp](const T& x, const T& y) {
                            return cmp(x, y) == 0;
                          })),
              prefix);
  AddOperator(reg, Scalar("<>", {t, t}, b, MakeBinary<T, T>([cmp](const T& x, const T& y) {
                            return cmp(x, y) != 0;
                          })),
              prefix);
  AddOperator(reg, Scalar("<", {t, t}, b, MakeBinary<T, T>([cmp](const T& x, const T& y) {
                            return cmp(x, y) < 0;
                          })),
              prefix);
  AddOperator(reg, Scalar("<=", {t, t}, b, MakeBinary<T, T>([cmp](const T& x, const T& y) {
                            return cmp(x, y) <= 0;
                          })),
              prefix);
  AddOperator(reg, Scalar(">", {t, t}, b, MakeBinary<T, T>([cmp](const T& x, const T& y) {
                            return cmp(x, y) > 0;
                          })),
              prefix);
  AddOperator(reg, Scalar(">=", {t, t}, b, MakeBinary<T, T>([cmp](const T& x, const T& y) {
                            return cmp(x, y) >= 0;
                          })),
              prefix);
}

// Integer-like types get direct operators rather than a three-way compare (the hottest path).
void AddInt64Comparisons(FunctionRegistry& reg, LogicalType t, const std::string& prefix) {
  LogicalType b(TypeId::kBoolean);
  AddOperator(reg, Scalar("=", {t, t}, b, MakeBinary<int64_t, int64_t>([](int64_t x, int64_t y) {
                            return x == y;
                          })),
              prefix);
  AddOperator(reg, Scalar("<>", {t, t}, b, MakeBinary<int64_t, int64_t>([](int64_t x, int64_t y) {
                            return x != y;
                          })),
              prefix);
  AddOperator(reg, Scalar("<", {t, t}, b, MakeBinary<int64_t, int64_t>([](int64_t x, int64_t y) {
                            return x < y;
                          })),
              prefix);
  AddOperator(reg, Scalar("<=", {t, t}, b, MakeBinary<int64_t, int64_t>([](int64_t x, int64_t y) {
                            return x <= y;
                          })),
              prefix);
  AddOperator(reg, Scalar(">", {t, t}, b, MakeBinary<int64_t, int64_t>([](int64_t x, int64_t y) {
                            return x > y;
                          })),
              prefix);
  AddOperator(reg, Scalar(">=", {t, t}, b, MakeBinary<int64_t, int64_t>([](int64_t x, int64_t y) {
                            return x >= y;
                          })),
              prefix);
}

}  // namespace

void RegisterComparisonOperators(FunctionRegistry& reg) {
  AddInt64Comparisons(reg, LogicalType(TypeId::kSmallInt), "int2");
  AddInt64Comparisons(reg, LogicalType(TypeId::kInteger), "int4");
  AddInt64Comparisons(reg, LogicalType(TypeId::kBigInt), "int8");
  for (TypeId id : {TypeId::kDate, TypeId::kTime, TypeId::kTimestamp, TypeId::kTimestampTz}) {
    AddInt64Comparisons(reg, LogicalType(id), "");
  }
  AddComparisons<bool>(
      reg, LogicalType(TypeId::kBoolean),
      [](bool x, bool y) { return static_cast<int>(x) - static_cast<int>(y); }, "bool");
  AddComparisons<double>(reg, LogicalType(TypeId::kReal), CompareDoubles, "float4");
  AddComparisons<double>(reg, LogicalType(TypeId::kDouble), CompareDoubles, "float8");
  AddComparisons<Decimal>(reg, LogicalType::Numeric(), DecimalCompare);
  for (TypeId id : {TypeId::kText, TypeId::kBytea}) {
    AddComparisons<std::string_view>(reg, LogicalType(id), CompareStrings);
  }
  AddComparisons<std::string_view>(reg, LogicalType(TypeId::kChar),
                                   [](std::string_view x, std::string_view y) {
                                     return CompareStrings(BpcharStrip(x), BpcharStrip(y));
                                   });
  AddComparisons<Interval>(reg, LogicalType(TypeId::kInterval), IntervalCompare);
  AddComparisons<Uuid>(reg, LogicalType(TypeId::kUuid), [](const Uuid& x, const Uuid& y) {
    if (x.hi != y.hi) return x.hi < y.hi ? -1 : 1;
    return x.lo < y.lo ? -1 : (x.lo > y.lo ? 1 : 0);
  });
}

}  // namespace heliosdb
