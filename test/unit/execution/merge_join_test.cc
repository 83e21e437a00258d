// MergeJoin against a nested-loop reference: every join type, with and without a residual,
// over inputs with duplicate keys on both sides, NULL keys anywhere, runs that span batches
// and batches of every size; plus text and two-column keys, and the left-order guarantee.
#include "execution/operator/join/merge_join.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>

#include "function/function_registry.h"

namespace heliosdb {
namespace {

// A row: key columns (NULL as nullopt) and an integer payload.
struct Row {
  std::vector<std::optional<int64_t>> key;
  int64_t payload;
};

// Hands out fixed batches: a child whose batch boundaries the test chooses.
class ChunkSource : public PhysicalOperator {
 public:
  ChunkSource(std::vector<LogicalType> types, std::vector<DataChunk> chunks)
      : PhysicalOperator(std::move(types)), chunks_(std::move(chunks)) {}
  DataChunk* Next(ExecContext&) override {
    if (next_ == chunks_.size()) return nullptr;
    return &chunks_[next_++];
  }

 private:
  std::vector<DataChunk> chunks_;
  size_t next_ = 0;
};

std::vector<LogicalType> RowTypes(size_t keys, LogicalType key_type) {
  std::vector<LogicalType> types(keys, key_type);
  types.push_back(TypeId::kBigInt);
  return types;
}

// Text keys are the integers written with a prefix and zero-padded, so their byte order is
// the integers' order.
Value KeyValue(const std::optional<int64_t>& k, const LogicalType& type) {
  if (!k) return Value::Null(type);
  if (type.id() == TypeId::kText) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "k%08lld", static_cast<long long>(*k));
    return Value::Text(buf);
  }
  return Value::BigInt(*k);
}

// Splits rows into batches of the given sizes (the last size repeats).
std::unique_ptr<PhysicalOperator> Source(const std::vector<Row>& rows, size_t keys,
                                         const LogicalType& key_type,
                                         const std::vector<idx_t>& sizes) {
  std::vector<LogicalType> types = RowTypes(keys, key_type);
  std::vector<DataChunk> chunks;
  size_t at = 0, s = 0;
  while (at < rows.size()) {
    idx_t n = std::min<idx_t>(sizes[std::min(s++, sizes.size() - 1)], rows.size() - at);
    DataChunk chunk(types);
    for (idx_t i = 0; i < n; i++) {
      const Row& row = rows[at + i];
      for (size_t k = 0; k < keys; k++) chunk.column(k).SetValue(i, KeyValue(row.key[k], key_type));
      chunk.column(keys).SetValue(i, Value::BigInt(row.payload));
    }
    chunk.SetSize(n);
    chunks.push_back(std::move(chunk));
    at += n;
  }
  return std::make_unique<ChunkSource>(types, std::move(chunks));
}

std::vector<BoundExprPtr> KeyRefs(size_t keys, const LogicalType& key_type) {
  std::vector<BoundExprPtr> out;
  for (size_t k = 0; k < keys; k++)
    out.push_back(MakeColumnRef(static_cast<int>(k), key_type, "k"));
  return out;
}

// left payload < right payload, over left ++ right.
BoundExprPtr LessThanResidual(size_t keys) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExprKind::kFunction;
  e->name = "<";
  e->type = TypeId::kBoolean;
  e->function = FunctionRegistry::Get().ResolveScalar("<", {TypeId::kBigInt, TypeId::kBigInt});
  int left_payload = static_cast<int>(keys);
  e->children.push_back(MakeColumnRef(left_payload, TypeId::kBigInt, "a"));
  e->children.push_back(
      MakeColumnRef(left_payload + 1 + static_cast<int>(keys), TypeId::kBigInt, "b"));
  return e;
}

// Output rows as "left payload|right payload" (NULL for a padded side), in output order.
std::vector<std::string> RunJoin(const std::vector<Row>& left, const std::vector<Row>& right,
                                 JoinType type, bool residual, size_t keys,
                                 const LogicalType& key_type, const std::vector<idx_t>& left_sizes,
                                 const std::vector<idx_t>& right_sizes) {
  std::vector<LogicalType> out_types = RowTypes(keys, key_type);
  bool filter_only = type == JoinType::kSemi || type == JoinType::kAnti;
  if (!filter_only)
    for (const auto& t : RowTypes(keys, key_type)) out_types.push_back(t);
  MergeJoin join(KeyRefs(keys, key_type), KeyRefs(keys, key_type),
                 residual ? LessThanResidual(keys) : nullptr, type, out_types);
  join.AddChild(Source(left, keys, key_type, left_sizes));
  join.AddChild(Source(right, keys, key_type, right_sizes));
  ExecContext ctx;
  std::vector<std::string> out;
  while (DataChunk* chunk = join.Next(ctx)) {
    EXPECT_GT(chunk->size(), 0u);
    EXPECT_LE(chunk->size(), kVectorSize);
    for (idx_t r = 0; r < chunk->size(); r++) {
      Value a = chunk->GetValue(keys, r);
      std::string row = a.is_null() ? "NULL" : std::to_string(a.GetInt64());
      if (!filter_only) {
        Value b = chunk->GetValue(2 * keys + 1, r);
        row += "|" + (b.is_null() ? std::string("NULL") : std::to_string(b.GetInt64()));
      }
      out.push_back(row);
    }
  }
  return out;
}

bool KeysMatch(const Row& a, const Row& b) {
  for (size_t k = 0; k < a.key.size(); k++)
    if (!a.key[k] || !b.key[k] || *a.key[k] != *b.key[k]) return false;
  return true;
}

std::vector<std::string> Reference(const std::vector<Row>& left, const std::vector<Row>& right,
                                   JoinType type, bool residual) {
  std::vector<std::string> out;
  std::vector<bool> right_matched(right.size(), false);
  for (const Row& l : left) {
    bool matched = false;
    for (size_t j = 0; j < right.size(); j++) {
      const Row& r = right[j];
      if (!KeysMatch(l, r) || (residual && !(l.payload < r.payload))) continue;
      matched = true;
      right_matched[j] = true;
      if (type == JoinType::kInner || type == JoinType::kLeft || type == JoinType::kFull)
        out.push_back(std::to_string(l.payload) + "|" + std::to_string(r.payload));
    }
    if ((type == JoinType::kSemi && matched) || (type == JoinType::kAnti && !matched))
      out.push_back(std::to_string(l.payload));
    if (!matched && (type == JoinType::kLeft || type == JoinType::kFull))
      out.push_back(std::to_string(l.payload) + "|NULL");
  }
  if (type == JoinType::kFull)
    for (size_t j = 0; j < right.size(); j++)
      if (!right_matched[j]) out.push_back("NULL|" + std::to_string(right[j].payload));
  return out;
}

// Ascending keys with runs of random length; rows with a NULL key part between runs (where
// a sort puts them for some key column, NULLS LAST) and at both ends.
std::vector<Row> SortedRows(std::mt19937& rng, size_t count, size_t keys, int max_run,
                            int64_t payload_base) {
  std::vector<Row> rows;
  int64_t key = 0;
  auto add = [&](Row row) {
    row.payload = payload_base + static_cast<int64_t>(rows.size());
    rows.push_back(std::move(row));
  };
  while (rows.size() < count) {
    if (rng() % 4 == 0) {
      Row row;
      for (size_t k = 0; k < keys; k++) row.key.push_back(key);
      row.key[rng() % keys] = std::nullopt;
      add(row);
    }
    key += 1 + static_cast<int64_t>(rng() % 3);
    int run = 1 + static_cast<int>(rng() % max_run);
    for (int i = 0; i < run && rows.size() < count; i++) {
      Row row;
      // The second key column, when there is one, ascends within the first one's run, in
      // pairs of equal values.
      for (size_t k = 0; k < keys; k++) row.key.push_back(k == 0 ? key : int64_t{i / 2});
      add(row);
    }
  }
  add(Row{std::vector<std::optional<int64_t>>(keys), 0});
  return rows;
}

constexpr JoinType kTypes[] = {JoinType::kInner, JoinType::kLeft, JoinType::kFull, JoinType::kSemi,
                               JoinType::kAnti};

void CheckAll(const std::vector<Row>& left, const std::vector<Row>& right, size_t keys,
              const LogicalType& key_type, const std::vector<idx_t>& left_sizes,
              const std::vector<idx_t>& right_sizes) {
  for (JoinType type : kTypes) {
    for (bool residual : {false, true}) {
      std::vector<std::string> got =
          RunJoin(left, right, type, residual, keys, key_type, left_sizes, right_sizes);
      std::vector<std::string> want = Reference(left, right, type, residual);
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
      ASSERT_EQ(got, want) << "join type " << static_cast<int>(type) << " residual " << residual;
    }
  }
}

TEST(MergeJoinTest, MatchesNestedLoopOnRandomInputs) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; round++) {
    size_t keys = round % 4 == 3 ? 2 : 1;
    int max_run = round % 2 ? 4 : 40;
    std::vector<Row> left = SortedRows(rng, 50 + rng() % 400, keys, max_run, 0);
    std::vector<Row> right = SortedRows(rng, 50 + rng() % 400, keys, max_run, 200);
    std::vector<idx_t> left_sizes = {1 + rng() % 64}, right_sizes = {1 + rng() % 64, 1, 3};
    CheckAll(left, right, keys, TypeId::kBigInt, left_sizes, right_sizes);
  }
}

TEST(MergeJoinTest, TextKeys) {
  std::mt19937 rng(11);
  std::vector<Row> left = SortedRows(rng, 300, 1, 5, 0);
  std::vector<Row> right = SortedRows(rng, 300, 1, 5, 150);
  CheckAll(left, right, 1, TypeId::kText, {17}, {5});
}

TEST(MergeJoinTest, RunsLongerThanABatch) {
  // 3000 x 2500 rows of one key, with smaller keys around it, in full-size batches.
  std::vector<Row> left, right;
  for (int i = 0; i < 3000; i++) left.push_back({{int64_t{5}}, i});
  right.push_back({{int64_t{1}}, 100000});
  for (int i = 0; i < 2500; i++) right.push_back({{int64_t{5}}, 100001 + i});
  right.push_back({{int64_t{9}}, 200000});
  for (JoinType type : kTypes) {
    std::vector<std::string> got =
        RunJoin(left, right, type, false, 1, TypeId::kBigInt, {kVectorSize}, {kVectorSize});
    size_t pairs = 3000 * 2500;
    size_t want = type == JoinType::kInner  ? pairs
                  : type == JoinType::kLeft ? pairs
                  : type == JoinType::kFull ? pairs + 2
                  : type == JoinType::kSemi ? 3000
                                            : 0;
    EXPECT_EQ(got.size(), want) << static_cast<int>(type);
  }
}

TEST(MergeJoinTest, InnerSemiAndAntiKeepTheLeftOrder) {
  std::mt19937 rng(3);
  std::vector<Row> left = SortedRows(rng, 500, 1, 6, 0);
  std::vector<Row> right = SortedRows(rng, 500, 1, 6, 250);
  for (JoinType type : {JoinType::kInner, JoinType::kSemi, JoinType::kAnti}) {
    std::vector<std::string> got =
        RunJoin(left, right, type, true, 1, TypeId::kBigInt, {100}, {70});
    std::vector<int64_t> left_payloads;
    for (const std::string& row : got) left_payloads.push_back(std::stoll(row));
    EXPECT_TRUE(std::is_sorted(left_payloads.begin(), left_payloads.end()));
  }
}

TEST(MergeJoinTest, EmptyInputs) {
  std::vector<Row> some = {{{int64_t{1}}, 1}, {{std::nullopt}, 2}};
  for (JoinType type : kTypes) {
    EXPECT_EQ(RunJoin({}, some, type, false, 1, TypeId::kBigInt, {4}, {4}),
              Reference({}, some, type, false));
    EXPECT_EQ(RunJoin(some, {}, type, false, 1, TypeId::kBigInt, {4}, {4}),
              Reference(some, {}, type, false));
  }
}

}  // namespace
}  // namespace heliosdb
