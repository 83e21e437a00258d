// ScanRanges: hands the key ranges of one table scan out to the clones of a parallel
// pipeline. The first clone to ask cuts the scan's range into several pieces per clone
// (key_range_split.h); each clone then scans the pieces it takes with an iterator of its own,
// so storage reads, visibility checks and decoding all run in parallel, and a clone that
// finishes early takes more pieces (the load balancing of morsel-driven execution).
//
// Thread safety: Next() may be called from any number of threads.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace heliosdb {

class ScanRanges {
 public:
  using Range = std::pair<std::string, std::string>;  // [lower, upper); "" upper: no bound
  explicit ScanRanges(size_t clones) : clones_(clones) {}

  // The next range to scan; false when none is left. `cut` makes the ranges (called once, by
  // the first caller, with the number of pieces wanted).
  bool Next(const std::function<std::vector<Range>(size_t pieces)>& cut, Range* range);

 private:
  static constexpr size_t kPiecesPerClone = 8;
  size_t clones_;
  std::mutex mutex_;
  bool cut_ = false;
  std::vector<Range> ranges_;
  size_t next_ = 0;
};

}  // namespace heliosdb
