#include "txn/row_lock_table.h"

#include <algorithm>

#include "common/exception.h"

namespace heliosdb {

namespace {
using Clock = std::chrono::steady_clock;
}

bool RowLockTable::ClosesCycle(uint64_t txn) const {
  // Follow waiter -> owner edges from txn; each transaction waits for at most one lock, so
  // the walk is a chain and ends within as many steps as there are waiters.
  uint64_t current = txn;
  for (size_t steps = 0; steps <= waiting_on_.size(); steps++) {
    auto waiting = waiting_on_.find(current);
    if (waiting == waiting_on_.end()) return false;
    auto lock = locks_.find(waiting->second);
    if (lock == locks_.end()) return false;
    current = lock->second.owner;
    if (current == txn) return true;
  }
  return false;
}

void RowLockTable::Abandon(Waiter* waiter, uint64_t hash) {
  waiting_on_.erase(waiter->txn);
  auto lock = locks_.find(hash);
  if (lock == locks_.end()) return;
  auto& queue = lock->second.waiters;
  queue.erase(std::remove(queue.begin(), queue.end(), waiter), queue.end());
}

RowLockTable::Outcome RowLockTable::Lock(uint64_t txn, uint64_t hash,
                                         const LockWaitLimits& limits) {
  std::unique_lock lock(mu_);
  auto [it, inserted] = locks_.try_emplace(hash);
  if (inserted) {
    it->second.owner = txn;
    return Outcome::kAcquired;
  }
  if (it->second.owner == txn) return Outcome::kAlreadyHeld;

  Waiter me;
  me.txn = txn;
  it->second.waiters.push_back(&me);
  waiting_on_[txn] = hash;
  Clock::time_point lock_deadline = Clock::time_point::max();
  if (limits.lock_timeout.count() > 0) lock_deadline = Clock::now() + limits.lock_timeout;
  Clock::time_point next_deadlock_check = Clock::now();
  while (!me.granted) {
    Clock::time_point now = Clock::now();
    if (now >= next_deadlock_check) {
      if (ClosesCycle(txn)) {
        Abandon(&me, hash);
        ThrowError(sqlstate::kDeadlockDetected, "deadlock detected");
      }
      next_deadlock_check = now + kDeadlockRecheck;
    }
    if (limits.cancel && limits.cancel->load(std::memory_order_relaxed)) {
      Abandon(&me, hash);
      ThrowError(sqlstate::kQueryCanceled, "canceling statement due to user request");
    }
    if (now >= limits.statement_deadline) {
      Abandon(&me, hash);
      ThrowError(sqlstate::kQueryCanceled, "canceling statement due to statement timeout");
    }
    if (now >= lock_deadline) {
      Abandon(&me, hash);
      ThrowError(sqlstate::kLockNotAvailable, "canceling statement due to lock timeout");
    }
    Clock::time_point wake =
        std::min({now + kPollInterval, limits.statement_deadline, lock_deadline});
    me.cv.wait_until(lock, wake);
  }
  waiting_on_.erase(txn);
  return Outcome::kAfterWait;
}

void RowLockTable::ReleaseAll(uint64_t txn, const std::vector<uint64_t>& hashes) {
  if (hashes.empty()) return;
  std::lock_guard lock(mu_);
  for (uint64_t hash : hashes) {
    auto it = locks_.find(hash);
    if (it == locks_.end() || it->second.owner != txn) continue;
    auto& queue = it->second.waiters;
    if (queue.empty()) {
      locks_.erase(it);
      continue;
    }
    Waiter* next = queue.front();
    queue.pop_front();
    it->second.owner = next->txn;
    waiting_on_.erase(next->txn);  // it waits no more, even before it wakes
    next->granted = true;
    next->cv.notify_one();
  }
}

}  // namespace heliosdb
