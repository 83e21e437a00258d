#include "execution/parallel/scan_ranges.h"

namespace heliosdb {

bool ScanRanges::Next(const std::function<std::vector<Range>(size_t pieces)>& cut,
                      Range* range) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!cut_) {
    cut_ = true;
    ranges_ = cut(clones_ * kPiecesPerClone);
  }
  if (next_ >= ranges_.size()) return false;
  *range = std::move(ranges_[next_++]);
  return true;
}

}  // namespace heliosdb
