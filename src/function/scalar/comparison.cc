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

template <typename T, typename Cmp>
void AddComparisons(FunctionRegistry& reg, LogicalType t, Cmp cmp) {
  LogicalType b(TypeId::kBoolean);
  reg.AddScalar(Scalar("=", {t, t}, b,
                       MakeBinary<T, T>([cmp](const T& x, const T& y) { return cmp(x, y) == 0; })));
  reg.AddScalar(Scalar("<>", {t, t}, b,
                       MakeBinary<T, T>([cmp](const T& x, const T& y) { return cmp(x, y) != 0; })));
  reg.AddScalar(Scalar("<", {t, t}, b,
                       MakeBinary<T, T>([cmp](const T& x, const T& y) { return cmp(x, y) < 0; })));
  reg.AddScalar(Scalar("<=", {t, t}, b,
                       MakeBinary<T, T>([cmp](const T& x, const T& y) { return cmp(x, y) <= 0; })));
  reg.AddScalar(Scalar(">", {t, t}, b,
                       MakeBinary<T, T>([cmp](const T& x, const T& y) { return cmp(x, y) > 0; })));
  reg.AddScalar(Scalar(">=", {t, t}, b,
                       MakeBinary<T, T>([cmp](const T& x, const T& y) { return cmp(x, y) >= 0; })));
}

// Integer-like types get direct operators rather than a three-way compare (the hottest path).
void AddInt64Comparisons(FunctionRegistry& reg, LogicalType t) {
  LogicalType b(TypeId::kBoolean);
  reg.AddScalar(Scalar("=", {t, t}, b,
                       MakeBinary<int64_t, int64_t>([](int64_t x, int64_t y) { return x == y; })));
  reg.AddScalar(Scalar("<>", {t, t}, b,
                       MakeBinary<int64_t, int64_t>([](int64_t x, int64_t y) { return x != y; })));
  reg.AddScalar(Scalar("<", {t, t}, b,
                       MakeBinary<int64_t, int64_t>([](int64_t x, int64_t y) { return x < y; })));
  reg.AddScalar(Scalar("<=", {t, t}, b,
                       MakeBinary<int64_t, int64_t>([](int64_t x, int64_t y) { return x <= y; })));
  reg.AddScalar(Scalar(">", {t, t}, b,
                       MakeBinary<int64_t, int64_t>([](int64_t x, int64_t y) { return x > y; })));
  reg.AddScalar(Scalar(">=", {t, t}, b,
                       MakeBinary<int64_t, int64_t>([](int64_t x, int64_t y) { return x >= y; })));
}

}  // namespace

void RegisterComparisonOperators(FunctionRegistry& reg) {
  for (TypeId id : {TypeId::kSmallInt, TypeId::kInteger, TypeId::kBigInt, TypeId::kDate,
                    TypeId::kTime, TypeId::kTimestamp, TypeId::kTimestampTz}) {
    AddInt64Comparisons(reg, LogicalType(id));
  }
  AddComparisons<bool>(reg, LogicalType(TypeId::kBoolean),
                       [](bool x, bool y) { return static_cast<int>(x) - static_cast<int>(y); });
  for (TypeId id : {TypeId::kReal, TypeId::kDouble}) {
    AddComparisons<double>(reg, LogicalType(id), CompareDoubles);
  }
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
