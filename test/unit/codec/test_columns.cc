#include "test_columns.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>

namespace heliosdb::codec::test {

ColumnView TestColumn::view() const {
  ColumnView v;
  v.type = type;
  v.count = count;
  v.fixed = fixed.data();
  v.strings = views.data();
  v.validity = validity.empty() ? nullptr : validity.data();
  return v;
}

void TestColumn::SetNull(idx_t row) {
  if (validity.empty()) validity.assign((count + 63) / 64, ~uint64_t{0});
  validity[row >> 6] &= ~(uint64_t{1} << (row & 63));
}

TestColumn IntColumn(std::string name, StorageType type, const std::vector<int64_t>& values) {
  TestColumn c;
  c.name = std::move(name);
  c.type = type;
  c.count = values.size();
  ColumnBuffer buf;
  buf.Reset(type, values.size());
  for (idx_t i = 0; i < values.size(); i++) buf.SetInt(i, values[i]);
  c.fixed.assign(buf.fixed(), buf.fixed() + values.size() * StorageTypeWidth(type));
  return c;
}

TestColumn DoubleColumn(std::string name, const std::vector<double>& values) {
  TestColumn c;
  c.name = std::move(name);
  c.type = StorageType::kDouble;
  c.count = values.size();
  c.fixed.resize(values.size() * 8);
  if (!values.empty()) std::memcpy(c.fixed.data(), values.data(), c.fixed.size());
  return c;
}

TestColumn FloatColumn(std::string name, const std::vector<float>& values) {
  TestColumn c;
  c.name = std::move(name);
  c.type = StorageType::kFloat;
  c.count = values.size();
  c.fixed.resize(values.size() * 4);
  if (!values.empty()) std::memcpy(c.fixed.data(), values.data(), c.fixed.size());
  return c;
}

TestColumn StringColumn(std::string name, std::vector<std::string> values) {
  TestColumn c;
  c.name = std::move(name);
  c.type = StorageType::kString;
  c.count = values.size();
  c.strings = std::move(values);
  for (const std::string& s : c.strings) c.views.push_back(s);
  return c;
}

namespace {

constexpr idx_t kRows = 5000;  // several bit-packing blocks and a sampled (not whole) analysis

std::vector<int64_t> IntShapes(std::mt19937_64& rng, int shape, int64_t lo, int64_t hi) {
  std::vector<int64_t> v(kRows);
  std::uniform_int_distribution<int64_t> any(lo, hi);
  switch (shape) {
    case 0:  // random over the whole range
      for (auto& x : v) x = any(rng);
      break;
    case 1:  // sorted
      for (auto& x : v) x = any(rng);
      std::sort(v.begin(), v.end());
      break;
    case 2:  // low cardinality
      for (auto& x : v) x = std::min(hi, lo + static_cast<int64_t>(rng() % 5));
      break;
    case 3:  // runs
      for (idx_t i = 0; i < v.size(); i++) v[i] = (i / 700) % 2 ? hi : lo;
      break;
    case 4:  // extremes alternating (the widest differences)
      for (idx_t i = 0; i < v.size(); i++) v[i] = (i % 3 == 0) ? lo : (i % 3 == 1 ? hi : 0);
      break;
    case 5:  // steady step with jitter (timestamps)
      for (idx_t i = 0; i < v.size(); i++) {
        v[i] = std::clamp<int64_t>(lo / 2 + static_cast<int64_t>(i) * 7 + (rng() % 3), lo, hi);
      }
      break;
  }
  return v;
}

void AddIntColumns(std::mt19937_64& rng, std::vector<TestColumn>& out) {
  struct Range {
    StorageType type;
    int64_t lo, hi;
  };
  const Range kRanges[] = {
      {StorageType::kBool, 0, 1},
      {StorageType::kInt8, INT8_MIN, INT8_MAX},
      {StorageType::kInt16, INT16_MIN, INT16_MAX},
      {StorageType::kInt32, INT32_MIN, INT32_MAX},
      {StorageType::kInt64, INT64_MIN, INT64_MAX},
  };
  for (const Range& r : kRanges) {
    std::string t = StorageTypeName(r.type);
    for (int shape = 0; shape < 6; shape++) {
      out.push_back(IntColumn(t + " shape " + std::to_string(shape), r.type,
                              IntShapes(rng, shape, r.lo, r.hi)));
    }
    out.push_back(IntColumn(t + " one value", r.type, {r.hi}));
    out.push_back(IntColumn(t + " empty", r.type, {}));
    TestColumn nulls = IntColumn(t + " all null", r.type, std::vector<int64_t>(300, 0));
    for (idx_t i = 0; i < nulls.count; i++) nulls.SetNull(i);
    out.push_back(std::move(nulls));
    TestColumn some = IntColumn(t + " some null", r.type, IntShapes(rng, 1, r.lo, r.hi));
    for (idx_t i = 0; i < some.count; i += 1 + rng() % 9) some.SetNull(i);
    out.push_back(std::move(some));
  }
  // Dates (days) and timestamps (microseconds) as the cold tier stores them.
  std::vector<int64_t> days(kRows), micros(kRows);
  for (idx_t i = 0; i < kRows; i++) {
    days[i] = 8000 + static_cast<int64_t>(rng() % 2500);
    micros[i] = 800000000000000 + static_cast<int64_t>(i) * 1000000;
  }
  out.push_back(IntColumn("date days", StorageType::kInt32, days));
  out.push_back(IntColumn("timestamp every second", StorageType::kInt64, micros));
  // NUMERIC(15,2) as scaled integers, and huge / tiny decimals.
  std::vector<int64_t> money(kRows), huge(kRows);
  for (idx_t i = 0; i < kRows; i++) {
    money[i] = 90000 + static_cast<int64_t>(rng() % 10000000);
    huge[i] = (i % 2 ? 1 : -1) * static_cast<int64_t>(999999999999999999 - rng() % 1000);
  }
  out.push_back(IntColumn("numeric(15,2) prices", StorageType::kInt64, money));
  out.push_back(IntColumn("numeric(18,18) huge and tiny", StorageType::kInt64, huge));
}

void AddFloatColumns(std::mt19937_64& rng, std::vector<TestColumn>& out) {
  const double kNan = std::numeric_limits<double>::quiet_NaN();
  const double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> decimals(kRows), walk(kRows), random_bits(kRows), special, sensor(kRows);
  double price = 100;
  for (idx_t i = 0; i < kRows; i++) {
    decimals[i] = static_cast<double>(rng() % 1000000) / 100.0;
    price = std::max(0.01, price + static_cast<double>(static_cast<int>(rng() % 21) - 10) / 100);
    walk[i] = std::round(price * 100) / 100;
    uint64_t bits = rng();
    std::memcpy(&random_bits[i], &bits, 8);
    sensor[i] = 20 + 5 * std::sin(static_cast<double>(i) / 300) +
                std::normal_distribution<double>(0, 0.05)(rng);
  }
  uint64_t payload_nan_bits = 0x7ff8000000000123ULL, negative_nan_bits = 0xfff0000000000001ULL;
  double payload_nan, negative_nan;
  std::memcpy(&payload_nan, &payload_nan_bits, 8);
  std::memcpy(&negative_nan, &negative_nan_bits, 8);
  for (int rep = 0; rep < 400; rep++) {
    for (double v : {0.0, -0.0, kNan, payload_nan, negative_nan, kInf, -kInf, 4.9e-324, -4.9e-324,
                     2.2250738585072009e-308, 1.7976931348623157e308, -1.7976931348623157e308,
                     1e-300, 0.1, 1.5, 9007199254740993.0, -123456.789}) {
      special.push_back(v);
    }
  }
  out.push_back(DoubleColumn("float8 decimals", decimals));
  out.push_back(DoubleColumn("float8 price walk", walk));
  out.push_back(DoubleColumn("float8 random bits", random_bits));
  out.push_back(DoubleColumn("float8 nan inf -0 denormals", special));
  out.push_back(DoubleColumn("float8 sensor", sensor));
  out.push_back(DoubleColumn("float8 one value", {-0.0}));
  out.push_back(DoubleColumn("float8 empty", {}));
  out.push_back(DoubleColumn("float8 constant nan", std::vector<double>(3000, kNan)));
  TestColumn nulls = DoubleColumn("float8 all null", std::vector<double>(100, 0));
  for (idx_t i = 0; i < nulls.count; i++) nulls.SetNull(i);
  out.push_back(std::move(nulls));
  TestColumn some = DoubleColumn("float8 some null", walk);
  for (idx_t i = 3; i < some.count; i += 1 + rng() % 5) some.SetNull(i);
  out.push_back(std::move(some));

  std::vector<float> fdec, fspecial, fbits(kRows);
  for (double d : decimals) fdec.push_back(static_cast<float>(d));
  for (double d : special) fspecial.push_back(static_cast<float>(d));
  for (auto& f : fbits) {
    uint32_t bits = static_cast<uint32_t>(rng());
    std::memcpy(&f, &bits, 4);
  }
  fspecial.push_back(1e-45f);  // the smallest denormal float
  out.push_back(FloatColumn("float4 decimals", fdec));
  out.push_back(FloatColumn("float4 nan inf -0 denormals", fspecial));
  out.push_back(FloatColumn("float4 random bits", fbits));
  out.push_back(FloatColumn("float4 empty", {}));
}

void AddStringColumns(std::mt19937_64& rng, std::vector<TestColumn>& out) {
  const char* kWords[] = {"furiously", "final", "deposits", "sleep",  "quickly", "ironic",
                          "packages",  "café",  "naïve",    "日本語", "🙂",    "requests"};
  std::vector<std::string> comments, flags, random_bytes, utf8, longs;
  for (idx_t i = 0; i < kRows; i++) {
    std::string s;
    for (int w = 0, n = 2 + rng() % 8; w < n; w++) {
      s += kWords[rng() % 12];
      s += ' ';
    }
    comments.push_back(s);
    flags.push_back(std::string(1, "ANR"[rng() % 3]));
    std::string b(rng() % 20, '\0');
    for (char& c : b) c = static_cast<char>(rng());
    random_bytes.push_back(b);
    utf8.push_back(std::string(kWords[7 + rng() % 5]) + std::to_string(i));
  }
  for (int i = 0; i < 20; i++) longs.push_back(std::string(50000 + rng() % 50000, "xyz"[i % 3]));
  longs.push_back("");
  out.push_back(StringColumn("text comments", comments));
  out.push_back(StringColumn("text flags", flags));
  out.push_back(StringColumn("bytea random bytes", random_bytes));
  out.push_back(StringColumn("text utf8", utf8));
  out.push_back(StringColumn("text long strings", longs));
  out.push_back(StringColumn("text empty strings", std::vector<std::string>(3000, "")));
  out.push_back(StringColumn("text one value", {"only"}));
  out.push_back(StringColumn("text empty column", {}));
  TestColumn nulls = StringColumn("text all null", std::vector<std::string>(200, ""));
  for (idx_t i = 0; i < nulls.count; i++) nulls.SetNull(i);
  out.push_back(std::move(nulls));
  TestColumn some = StringColumn("text some null", comments);
  for (idx_t i = 0; i < some.count; i += 1 + rng() % 4) some.SetNull(i);
  out.push_back(std::move(some));
}

}  // namespace

std::vector<TestColumn> AllTestColumns() {
  std::mt19937_64 rng(42);
  std::vector<TestColumn> out;
  AddIntColumns(rng, out);
  AddFloatColumns(rng, out);
  AddStringColumns(rng, out);
  return out;
}

}  // namespace heliosdb::codec::test
