#include "csv_writer.h"

#include <charconv>
#include <stdexcept>
#include <vector>

namespace tpch {

namespace {

constexpr size_t kFlushBytes = 1 << 20;

bool IsLeap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// The text of every day from 1992-01-01 on, built once: dates are a tenth of lineitem's fields.
const std::vector<std::string>& DateTexts() {
  static const std::vector<std::string> texts = [] {
    static const int kMonthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    std::vector<std::string> out;
    char buf[32];
    for (int year = 1992; year <= 1999; ++year) {
      for (int month = 1; month <= 12; ++month) {
        int days = kMonthDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0);
        for (int day = 1; day <= days; ++day) {
          std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
          out.emplace_back(buf);
        }
      }
    }
    return out;
  }();
  return texts;
}

}  // namespace

CsvWriter::CsvWriter(const std::string& path) : path_(path) {
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) throw std::runtime_error("cannot create " + path);
  buffer_.reserve(kFlushBytes + 4096);
}

CsvWriter::~CsvWriter() {
  if (file_) {
    Flush();
    std::fclose(file_);
  }
}

void CsvWriter::Close() {
  Flush();
  bool failed = std::ferror(file_) != 0;
  failed |= std::fclose(file_) != 0;
  file_ = nullptr;
  if (failed) throw std::runtime_error("write error on " + path_);
}

void CsvWriter::Separate() {
  if (row_started_) buffer_ += '|';
  row_started_ = true;
}

CsvWriter& CsvWriter::Int(int64_t value) {
  Separate();
  char buf[24];
  auto end = std::to_chars(buf, buf + sizeof(buf), value).ptr;
  buffer_.append(buf, end);
  return *this;
}

CsvWriter& CsvWriter::Money(int64_t cents) {
  Separate();
  if (cents < 0) {
    buffer_ += '-';
    cents = -cents;
  }
  char buf[24];
  auto end = std::to_chars(buf, buf + sizeof(buf), cents / 100).ptr;
  buffer_.append(buf, end);
  buffer_ += '.';
  buffer_ += static_cast<char>('0' + cents % 100 / 10);
  buffer_ += static_cast<char>('0' + cents % 10);
  return *this;
}

CsvWriter& CsvWriter::Text(std::string_view value) {
  Separate();
  buffer_.append(value);
  return *this;
}

CsvWriter& CsvWriter::Date(int day) {
  Separate();
  buffer_ += DateTexts().at(static_cast<size_t>(day));
  return *this;
}

void CsvWriter::EndRow() {
  buffer_ += '\n';
  row_started_ = false;
  ++rows_;
  if (buffer_.size() >= kFlushBytes) Flush();
}

void CsvWriter::Flush() {
  if (!buffer_.empty()) std::fwrite(buffer_.data(), 1, buffer_.size(), file_);
  buffer_.clear();
}

}  // namespace tpch
