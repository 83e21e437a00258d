// TableSizeCache: the planner's row estimates of tables, kept until the next commit.
//
// Asking RocksDB for a table's approximate size (files plus a memtable statistics walk) costs
// more than the point read of a short OLTP query, and every simple-protocol query is planned
// anew (pgbench -S spent 9 % of the server's time there). An estimate depends only on what is
// stored, which changes only by commits (and by flushes and compactions, which move the same
// rows between memtable and files): so one is reused while the last committed SCN is the one
// it was computed at, and plans come out exactly as without the cache.
// Thread safety: all methods are thread-safe.
#pragma once

#include <functional>
#include <mutex>
#include <unordered_map>

#include "txn/transaction.h"

namespace heliosdb {

class TableSizeCache {
 public:
  // The estimate of (branch, table) at committed SCN `scn`, from `compute` when none is kept.
  double Rows(BranchId branch, ObjectId table, Scn scn, const std::function<double()>& compute);

 private:
  struct Entry {
    Scn scn;
    double rows;
  };
  std::mutex mu_;
  std::unordered_map<uint64_t, Entry> entries_;  // (branch << 32 | table); guarded by mu_
};

}  // namespace heliosdb
