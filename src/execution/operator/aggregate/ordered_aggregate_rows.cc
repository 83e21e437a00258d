#include "execution/operator/aggregate/ordered_aggregate_rows.h"

#include <algorithm>

namespace heliosdb {

namespace {
// a against b in one sort key's order; NULLs as the key places them.
int CompareKey(const Value& a, const Value& b, bool descending, bool nulls_first) {
  if (a.is_null() || b.is_null()) {
    if (a.is_null() == b.is_null()) return 0;
    return a.is_null() == nulls_first ? -1 : 1;
  }
  int c = a.Compare(b);
  return descending ? -c : c;
}

bool SameArguments(const std::vector<Value>& a, const std::vector<Value>& b, size_t nargs) {
  for (size_t c = 0; c < nargs; c++)
    if (CompareKey(a[c], b[c], false, false) != 0) return false;
  return true;
}
}  // namespace

void OrderAggregateRows(const BoundAggregate& agg, std::vector<std::vector<Value>>* rows) {
  size_t nargs = agg.args.size();
  std::stable_sort(rows->begin(), rows->end(), [&](const auto& x, const auto& y) {
    for (size_t k = 0; k < agg.order_by.size(); k++) {
      const SortKey& key = agg.order_by[k];
      int c = CompareKey(x[nargs + k], y[nargs + k], key.descending, key.nulls_first);
      if (c != 0) return c < 0;
    }
    if (agg.distinct)
      for (size_t c = 0; c < nargs; c++) {
        int cmp = CompareKey(x[c], y[c], false, false);
        if (cmp != 0) return cmp < 0;
      }
    return false;
  });
  if (!agg.distinct) return;
  auto last = std::unique(rows->begin(), rows->end(),
                          [&](const auto& x, const auto& y) { return SameArguments(x, y, nargs); });
  rows->erase(last, rows->end());
}

}  // namespace heliosdb
