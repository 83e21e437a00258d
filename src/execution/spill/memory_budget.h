// MemoryBudget: one statement's `memory_limit`, shared by its operators and by the threads of
// its parallel pipelines. Operators that hold their input (hash join builds, hash aggregates,
// sorts) reserve what they hold through a MemoryReservation; when a reservation is refused
// they write rows to temporary files (spill) instead of growing, so a statement that needs
// more than the limit runs slower instead of failing or being killed.
//
// Thread safety: all methods may be called from any thread.
#pragma once

#include <atomic>
#include <cstdint>

#include "common/data_chunk.h"

namespace heliosdb {

// What a flat batch's values take in memory: fixed-width slots plus string bytes.
int64_t ApproximateBytes(const DataChunk& chunk);

class MemoryBudget {
 public:
  explicit MemoryBudget(int64_t limit) : limit_(limit) {}
  int64_t limit() const { return limit_; }
  int64_t used() const { return used_.load(); }
  int64_t peak() const { return peak_.load(); }  // the most ever reserved at once
  // Takes bytes if the total stays within share * limit; false (taking nothing) otherwise.
  bool TryReserve(int64_t bytes, double share = 1.0) {
    int64_t cap = static_cast<int64_t>(static_cast<double>(limit_) * share);
    int64_t current = used_.load();
    do {
      if (current + bytes > cap) return false;
    } while (!used_.compare_exchange_weak(current, current + bytes));
    int64_t peak = peak_.load();
    while (current + bytes > peak && !peak_.compare_exchange_weak(peak, current + bytes)) {
    }
    return true;
  }
  void Release(int64_t bytes) { used_ -= bytes; }

 private:
  int64_t limit_;
  std::atomic<int64_t> used_{0};
  std::atomic<int64_t> peak_{0};
};

// What one operator holds of a budget; given back when reset or destroyed. A null budget
// (no limit) grants everything.
class MemoryReservation {
 public:
  explicit MemoryReservation(MemoryBudget* budget = nullptr) : budget_(budget) {}
  MemoryReservation(const MemoryReservation&) = delete;
  MemoryReservation& operator=(const MemoryReservation&) = delete;
  ~MemoryReservation() { Reset(); }

  void SetBudget(MemoryBudget* budget) {
    Reset();
    budget_ = budget;
  }
  // Adds bytes to the reservation; false when the budget (its share of it) is spent.
  bool Grow(int64_t bytes, double share = 1.0) {
    if (budget_ && !budget_->TryReserve(bytes, share)) return false;
    bytes_ += bytes;
    return true;
  }
  int64_t bytes() const { return bytes_; }
  void Reset() {
    if (budget_) budget_->Release(bytes_);
    bytes_ = 0;
  }

 private:
  MemoryBudget* budget_;
  int64_t bytes_ = 0;
};

}  // namespace heliosdb
