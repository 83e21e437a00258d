// Writes one table file in the dialect all three loaders read: fields separated by '|', no
// trailing separator, no header, no quoting (no generated value holds '|', a quote or a
// newline), dates as YYYY-MM-DD, money as a decimal with two digits.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace tpch {

class CsvWriter {
 public:
  // Throws std::runtime_error when the file cannot be created.
  explicit CsvWriter(const std::string& path);
  ~CsvWriter();  // flushes and closes; Close() reports the errors this cannot
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  CsvWriter& Int(int64_t value);
  CsvWriter& Money(int64_t cents);
  CsvWriter& Text(std::string_view value);
  // A day counted from 1992-01-01, the first date of the spec's range.
  CsvWriter& Date(int day);
  void EndRow();
  // Flushes and closes; throws std::runtime_error on a write error (a full disk).
  void Close();

  int64_t rows() const { return rows_; }

 private:
  void Separate();
  void Flush();

  std::string path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  bool row_started_ = false;
  int64_t rows_ = 0;
};

}  // namespace tpch
