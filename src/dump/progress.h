// Progress of a long operation on stderr: rows done of the total, rows/s and an ETA, redrawn
// at most five times a second, only when stderr is a terminal (quiet otherwise).
// Thread-safe: parallel copies report into one Progress.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace heliosdb::dump {

class Progress {
 public:
  Progress(std::string label, int64_t total_rows);
  ~Progress();  // ends the line it drew
  void AddRows(int64_t rows);

 private:
  void Draw(bool final);
  std::string label_;
  int64_t total_;
  bool enabled_;
  std::atomic<int64_t> done_{0};
  std::mutex mu_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace heliosdb::dump
