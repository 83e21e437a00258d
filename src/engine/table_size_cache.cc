#include "engine/table_size_cache.h"

namespace heliosdb {

double TableSizeCache::Rows(BranchId branch, ObjectId table, Scn scn,
                            const std::function<double()>& compute) {
  uint64_t key = uint64_t{branch} << 32 | table;
  {
    std::lock_guard lock(mu_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.scn == scn) return it->second.rows;
  }
  // Computed outside the lock; two connections may both compute it, which is harmless.
  double rows = compute();
  std::lock_guard lock(mu_);
  entries_[key] = Entry{scn, rows};
  return rows;
}

}  // namespace heliosdb
