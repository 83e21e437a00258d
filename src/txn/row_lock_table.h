// RowLockTable: the row locks that make a writer wait for another transaction that wrote the
// same row and has not finished, as PostgreSQL's tuple locks do.
//
// A lock is a 64-bit hash of (branch, object, key), owned by one transaction id until that
// transaction commits (after its commit is published) or rolls back. A transaction that asks
// for a lock another one owns queues behind it; when the owner releases, the lock passes to
// the first waiter in line (FIFO, so a hot row cannot starve a waiter). A hash collision only
// makes a writer wait for an unrelated one, never skip a wait.
//
// Deadlocks: a waiter waits for exactly one lock, so the wait-for graph has one edge per
// waiting transaction (waiter -> owner of the lock it waits for). The transaction whose wait
// would close a cycle is the victim (40P01), checked when a wait begins and again every
// kDeadlockRecheck of waiting.
//
// Thread safety: all methods are thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "txn/transaction.h"

namespace heliosdb {

class RowLockTable {
 public:
  enum class Outcome {
    kAlreadyHeld,  // the caller owned the lock already
    kAcquired,     // the lock was free
    kAfterWait,    // the lock was free only after waiting for its owner to finish
  };

  // Takes lock `hash` for transaction `txn`, waiting while another owns it.
  // Throws DbException: 40P01 when waiting would deadlock, 55P03 past limits.lock_timeout,
  // 57014 on cancel or past the statement deadline. The caller holds nothing new then.
  Outcome Lock(uint64_t txn, uint64_t hash, const LockWaitLimits& limits);
  // Releases every lock in `hashes` (those txn owns), handing each to its first waiter.
  void ReleaseAll(uint64_t txn, const std::vector<uint64_t>& hashes);

  // How long a waiter sleeps between looks at its cancel flag and deadlines.
  static constexpr std::chrono::milliseconds kPollInterval{20};
  static constexpr std::chrono::milliseconds kDeadlockRecheck{1000};

 private:
  struct Waiter {
    uint64_t txn = 0;
    std::condition_variable cv;
    bool granted = false;
  };
  struct Entry {
    uint64_t owner;
    std::deque<Waiter*> waiters;
  };

  // REQUIRES: mu_ held; txn is registered in waiting_on_.
  bool ClosesCycle(uint64_t txn) const;
  // REQUIRES: mu_ held. Takes the waiter out of the lock's queue and the wait-for graph.
  void Abandon(Waiter* waiter, uint64_t hash);

  std::mutex mu_;
  std::unordered_map<uint64_t, Entry> locks_;          // guarded by mu_
  std::unordered_map<uint64_t, uint64_t> waiting_on_;  // txn -> lock hash; guarded by mu_
};

}  // namespace heliosdb
