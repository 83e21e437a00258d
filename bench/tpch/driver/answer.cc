#include "answer.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <stdexcept>

namespace tpch {

namespace {

std::optional<double> AsNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

bool IsMoney(const std::string& text) {
  size_t dot = text.find('.');
  return dot == std::string::npos || text.size() - dot - 1 <= 2;
}

std::string TrimRight(const std::string& s) {
  size_t end = s.find_last_not_of(' ');
  return end == std::string::npos ? std::string() : s.substr(0, end + 1);
}

bool ValuesMatch(const std::string& a, const std::string& b) {
  std::optional<double> x = AsNumber(a), y = AsNumber(b);
  if (x && y) {
    double diff = std::fabs(*x - *y);
    if (diff <= 1e-6 * std::max(std::fabs(*x), std::fabs(*y))) return true;
    return diff <= 0.01 + 1e-9 && (IsMoney(a) || IsMoney(b));
  }
  return TrimRight(a) == TrimRight(b);
}

// Orders numbers by value and the rest as text, so that engines that print 12.5 and 12.50
// sort their rows alike.
bool RowLess(const Row& a, const Row& b) {
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    std::optional<double> x = AsNumber(a[i]), y = AsNumber(b[i]);
    if (x && y) {
      if (*x != *y) return *x < *y;
      continue;
    }
    std::string s = TrimRight(a[i]), t = TrimRight(b[i]);
    if (s != t) return s < t;
  }
  return a.size() < b.size();
}

std::string Join(const Row& row) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) out += (i ? "|" : "") + row[i];
  return out;
}

}  // namespace

void WriteAnswer(const std::string& path, const std::vector<Row>& rows) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const Row& row : rows) out << Join(row) << '\n';
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::vector<Row> ReadAnswer(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Row> rows;
  std::string line;
  while (std::getline(in, line)) {
    Row row;
    size_t start = 0;
    for (size_t bar; (bar = line.find('|', start)) != std::string::npos; start = bar + 1)
      row.push_back(line.substr(start, bar - start));
    row.push_back(line.substr(start));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string CompareAnswers(const std::vector<Row>& reference, const std::vector<Row>& actual,
                           bool ordered) {
  if (reference.size() != actual.size())
    return std::to_string(actual.size()) + " rows, expected " + std::to_string(reference.size());
  std::vector<Row> want = reference, got = actual;
  if (!ordered) {
    std::sort(want.begin(), want.end(), RowLess);
    std::sort(got.begin(), got.end(), RowLess);
  }
  for (size_t r = 0; r < want.size(); ++r) {
    bool same = want[r].size() == got[r].size();
    for (size_t c = 0; same && c < want[r].size(); ++c) same = ValuesMatch(want[r][c], got[r][c]);
    if (!same)
      return "row " + std::to_string(r + 1) + ": got [" + Join(got[r]) + "], expected [" +
             Join(want[r]) + "]";
  }
  return "";
}

}  // namespace tpch
