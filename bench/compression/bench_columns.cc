#include "bench_columns.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <random>
#include <stdexcept>

namespace heliosdb::codec::bench {

ColumnView BenchColumn::view() const {
  ColumnView v;
  v.type = type;
  v.count = count;
  v.fixed = fixed.data();
  v.strings = views.data();
  return v;
}

namespace {

StorageType TypeOf(FieldKind kind) {
  switch (kind) {
    case FieldKind::kInt32:
    case FieldKind::kDate:
      return StorageType::kInt32;
    case FieldKind::kInt64:
    case FieldKind::kDecimal2AsInt64:
      return StorageType::kInt64;
    case FieldKind::kDecimalAsDouble:
      return StorageType::kDouble;
    case FieldKind::kString:
      return StorageType::kString;
  }
  return StorageType::kInt64;
}

// Days since 2000-01-01 (PostgreSQL's epoch) of "YYYY-MM-DD" (Howard Hinnant's civil algorithm).
int32_t ParseDate(std::string_view s) {
  int y = std::stoi(std::string(s.substr(0, 4)));
  unsigned m = std::stoi(std::string(s.substr(5, 2))), d = std::stoi(std::string(s.substr(8, 2)));
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468 - 10957;
}

int64_t ParseScaled2(std::string_view s) {
  bool neg = !s.empty() && s[0] == '-';
  if (neg) s.remove_prefix(1);
  int64_t v = 0;
  int decimals = -1;
  for (char c : s) {
    if (c == '.') {
      decimals = 0;
      continue;
    }
    v = v * 10 + (c - '0');
    if (decimals >= 0) decimals++;
  }
  for (int k = std::max(decimals, 0); k < 2; k++) v *= 10;
  return neg ? -v : v;
}

void Append(BenchColumn& c, FieldKind kind, std::string_view field) {
  auto put = [&](auto v) {
    size_t at = c.fixed.size();
    c.fixed.resize(at + sizeof(v));
    std::memcpy(c.fixed.data() + at, &v, sizeof(v));
  };
  switch (kind) {
    case FieldKind::kInt32:
      put(static_cast<int32_t>(std::stol(std::string(field))));
      break;
    case FieldKind::kInt64:
      put(static_cast<int64_t>(std::stoll(std::string(field))));
      break;
    case FieldKind::kDecimal2AsInt64:
      put(ParseScaled2(field));
      break;
    case FieldKind::kDecimalAsDouble:
      put(std::strtod(std::string(field).c_str(), nullptr));
      break;
    case FieldKind::kDate:
      put(ParseDate(field));
      break;
    case FieldKind::kString:
      c.arena.append(field);
      c.views.emplace_back(nullptr, field.size());  // pointed into the arena when loading ends
      break;
  }
  c.count++;
}

void PointViews(BenchColumn& c) {
  size_t at = 0;
  for (auto& v : c.views) {
    v = std::string_view(c.arena.data() + at, v.size());
    at += v.size();
  }
}

}  // namespace

std::vector<BenchColumn> LoadFields(const std::string& dir, const std::vector<FieldSpec>& specs,
                                    idx_t max_rows) {
  std::string path = dir + "/" + specs.at(0).table + ".csv";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<BenchColumn> cols(specs.size());
  for (size_t k = 0; k < specs.size(); k++) {
    cols[k].name = specs[k].table + "." + specs[k].name;
    cols[k].type = TypeOf(specs[k].kind);
  }
  std::string line;
  std::vector<std::string_view> fields;
  while (cols[0].count < max_rows && std::getline(in, line)) {
    fields.clear();
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); i++) {
      if (i == line.size() || line[i] == '|') {
        fields.emplace_back(line.data() + start, i - start);
        start = i + 1;
      }
    }
    for (size_t k = 0; k < specs.size(); k++)
      Append(cols[k], specs[k].kind, fields.at(specs[k].field));
  }
  for (auto& c : cols) PointViews(c);
  return cols;
}

BenchColumn LoadField(const std::string& dir, const FieldSpec& spec, idx_t max_rows) {
  return std::move(LoadFields(dir, {spec}, max_rows)[0]);
}

namespace {
BenchColumn Doubles(std::string name, const std::vector<double>& v) {
  BenchColumn c;
  c.name = std::move(name);
  c.type = StorageType::kDouble;
  c.count = v.size();
  c.fixed.resize(v.size() * 8);
  std::memcpy(c.fixed.data(), v.data(), c.fixed.size());
  return c;
}

std::vector<double> Sensor(idx_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0, 0.08);
  std::vector<double> v(n);
  double drift = 0;
  for (idx_t i = 0; i < n; i++) {
    double t = static_cast<double>(i);
    drift += noise(rng) * 0.01;
    v[i] = 18 + 6 * std::sin(2 * M_PI * t / 86400) + 2 * std::sin(2 * M_PI * t / 604800) + drift +
           noise(rng);
  }
  return v;
}
}  // namespace

BenchColumn SensorSeries(idx_t n, unsigned seed) {
  std::vector<double> v = Sensor(n, seed);
  for (double& x : v) x = std::round(x * 100) / 100;
  return Doubles("sensor (0.01 resolution)", v);
}

BenchColumn SensorSeriesRaw(idx_t n, unsigned seed) {
  return Doubles("sensor (full precision)", Sensor(n, seed));
}

BenchColumn StockWalk(idx_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::vector<double> v(n);
  int64_t cents = 10000;
  for (idx_t i = 0; i < n; i++) {
    cents = std::max<int64_t>(1, cents + static_cast<int64_t>(rng() % 41) - 20);
    v[i] = static_cast<double>(cents) / 100;
  }
  return Doubles("stock price walk (2 decimals)", v);
}

}  // namespace heliosdb::codec::bench
