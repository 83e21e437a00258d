// Aggregates: results, result types, NULL handling, empty input, combine.
#include <cmath>

#include "function_test_util.h"

namespace heliosdb::test {
namespace {

const LogicalType kInt(TypeId::kInteger), kBig(TypeId::kBigInt),
    kDbl(TypeId::kDouble), kNum = LogicalType::Numeric(), kText(TypeId::kText),
                           kBool(TypeId::kBoolean);
Value Null(LogicalType t) {
  return Value::Null(t);
}

TEST(AggregateTest, CountSumAvg) {
  std::vector<Value> v = {Int(1), Int(2), Null(kInt), Int(4)};
  EXPECT_EQ(Aggregate("count", v, kInt), "3");
  EXPECT_EQ(Aggregate("sum", v, kInt), "7");
  EXPECT_EQ(Aggregate("avg", v, kInt), "2.3333333333333333");
  EXPECT_EQ(Aggregate("avg", {Int(1), Int(2)}, kInt), "1.5000000000000000");
  EXPECT_EQ(Aggregate("sum", {}, kInt), "NULL");
  EXPECT_EQ(Aggregate("count", {}, kInt), "0");
  EXPECT_EQ(Aggregate("sum", {Null(kInt)}, kInt), "NULL");
  EXPECT_EQ(Aggregate("avg", {}, kInt), "NULL");
  EXPECT_EQ(Aggregate("sum", {Big(INT64_MAX), Big(INT64_MAX)}, kBig), "18446744073709551614");
  EXPECT_EQ(Aggregate("sum", {Num("1.5"), Num("2.25")}, kNum), "3.75");
  EXPECT_EQ(Aggregate("avg", {Num("1.5"), Num("2.5")}, kNum), "2.0000000000000000");
  EXPECT_EQ(Aggregate("sum", {Dbl(0.1), Dbl(0.2)}, kDbl), "0.30000000000000004");
  EXPECT_EQ(Aggregate("avg", {Dbl(1), Dbl(2)}, kDbl), "1.5");
  EXPECT_EQ(Aggregate("sum", {Lit("1 day", TypeId::kInterval), Lit("2 hours", TypeId::kInterval)},
                      LogicalType(TypeId::kInterval)),
            "1 day 02:00:00");
  EXPECT_EQ(Aggregate("avg", {Lit("1 day", TypeId::kInterval), Lit("2 days", TypeId::kInterval)},
                      LogicalType(TypeId::kInterval)),
            "1 day 12:00:00");
}

TEST(AggregateTest, CountStar) {
  ResolvedAggregate r = FunctionRegistry::Get().ResolveAggregate("count", {});
  ASSERT_NE(r.function, nullptr);
  EXPECT_TRUE(r.function->count_star);
  uint8_t state[16];
  r.function->init(state);
  DataChunk none;
  uint8_t* states[3] = {state, state, state};
  r.function->update(none, states, 3);
  Vector out(kBig, 1);
  r.function->finalize(states, 1, &out, 0);
  EXPECT_EQ(out.GetValue(0).ToString(), "3");
}

TEST(AggregateTest, MinMax) {
  EXPECT_EQ(Aggregate("min", {Int(3), Null(kInt), Int(-1)}, kInt), "-1");
  EXPECT_EQ(Aggregate("max", {Int(3), Null(kInt), Int(-1)}, kInt), "3");
  EXPECT_EQ(Aggregate("max", {Txt("apple"), Txt("Banana"), Txt("cherry")}, kText), "cherry");
  EXPECT_EQ(Aggregate("min", {Txt("apple"), Txt("Banana")}, kText), "Banana");
  EXPECT_EQ(Aggregate("max", {Num("1.50"), Num("1.5000001")}, kNum), "1.5000001");
  EXPECT_EQ(Aggregate("max", {Dbl(1), Dbl(NAN)}, kDbl), "NaN");
  EXPECT_EQ(Aggregate("min", {}, kText), "NULL");
  EXPECT_EQ(Aggregate("max", {Lit("2024-01-01", TypeId::kDate), Lit("2023-12-31", TypeId::kDate)},
                      LogicalType(TypeId::kDate)),
            "2024-01-01");
}

TEST(AggregateTest, BoolAndStringAgg) {
  Value t = Value::Boolean(true), f = Value::Boolean(false);
  EXPECT_EQ(Aggregate("bool_and", {t, Null(kBool), t}, kBool), "t");
  EXPECT_EQ(Aggregate("bool_and", {t, f}, kBool), "f");
  EXPECT_EQ(Aggregate("every", {t, f}, kBool), "f");
  EXPECT_EQ(Aggregate("bool_or", {f, t}, kBool), "t");
  EXPECT_EQ(Aggregate("bool_or", {}, kBool), "NULL");
  // string_agg over (value, ',') pairs.
  ResolvedAggregate r = FunctionRegistry::Get().ResolveAggregate("string_agg", {kText, kText});
  ASSERT_NE(r.function, nullptr);
  std::vector<uint8_t> state(r.function->state_size);
  r.function->init(state.data());
  DataChunk chunk({kText, kText}, 3);
  chunk.column(0).SetValue(0, Txt("a"));
  chunk.column(0).SetValue(1, Null(kText));
  chunk.column(0).SetValue(2, Txt("c"));
  chunk.column(1) = Vector::Constant(Txt(", "));
  chunk.SetSize(3);
  uint8_t* states[3] = {state.data(), state.data(), state.data()};
  r.function->update(chunk, states, 3);
  Vector out(kText, 1);
  r.function->finalize(states, 1, &out, 0);
  EXPECT_EQ(out.GetValue(0).ToString(), "a, c");
  r.function->destroy(state.data());
}

TEST(AggregateTest, Statistics) {
  std::vector<Value> ints = {Int(1), Int(2), Int(3), Int(4)};
  EXPECT_EQ(Aggregate("variance", ints, kInt), "1.6666666666666667");
  EXPECT_EQ(Aggregate("stddev", ints, kInt), "1.2909944487358056");
  EXPECT_EQ(Aggregate("var_pop", ints, kInt), "1.2500000000000000");
  EXPECT_EQ(Aggregate("stddev_pop", ints, kInt), "1.1180339887498948");
  std::vector<Value> dbls = {Dbl(1), Dbl(2), Dbl(3), Dbl(4)};
  EXPECT_EQ(Aggregate("stddev_samp", dbls, kDbl), "1.2909944487358056");
  EXPECT_EQ(Aggregate("var_pop", dbls, kDbl), "1.25");
  EXPECT_EQ(Aggregate("stddev", {Int(1)}, kInt), "NULL");
  EXPECT_EQ(Aggregate("stddev_pop", {Int(1)}, kInt), "0");
  EXPECT_EQ(Aggregate("variance", {}, kDbl), "NULL");
}

TEST(AggregateTest, CombinePartials) {
  ResolvedAggregate r = FunctionRegistry::Get().ResolveAggregate("max", {kText});
  std::vector<uint8_t> a(r.function->state_size), b(r.function->state_size);
  r.function->init(a.data());
  r.function->init(b.data());
  DataChunk chunk({kText}, 1);
  chunk.column(0).SetValue(0, Txt("zeta"));
  chunk.SetSize(1);
  uint8_t* sb = b.data();
  r.function->update(chunk, &sb, 1);
  r.function->combine(b.data(), a.data());
  uint8_t* sa = a.data();
  Vector out(kText, 1);
  r.function->finalize(&sa, 1, &out, 0);
  EXPECT_EQ(out.GetValue(0).ToString(), "zeta");
  r.function->destroy(a.data());
  r.function->destroy(b.data());
}

}  // namespace
}  // namespace heliosdb::test
