#include "storage/commit_time_map.h"

#include "storage/version_key.h"

namespace heliosdb {

namespace {
constexpr size_t kTimeKeySize = 1 + 8;
}  // namespace

std::optional<int64_t> CommitTimeMap::TimeOf(Scn scn) const {
  std::string v;
  if (scn == 0 || !kv_->Get(TimeMapKey(scn), &v) || v.size() != 8) return std::nullopt;
  return static_cast<int64_t>(GetFixed64BE(v.data()));
}

std::optional<std::pair<Scn, int64_t>> CommitTimeMap::AtOrAfter(KvIterator* it, Scn scn,
                                                                Scn last) const {
  it->Seek(TimeMapKey(scn));
  if (!it->Valid() || it->key().size() != kTimeKeySize || it->key()[0] != kTimePrefix ||
      it->value().size() != 8)
    return std::nullopt;
  Scn found = GetFixed64BE(it->key().data() + 1);
  if (found > last) return std::nullopt;
  return std::make_pair(found, static_cast<int64_t>(GetFixed64BE(it->value().data())));
}

Scn CommitTimeMap::ScnAt(int64_t micros, Scn last) const {
  auto it = kv_->NewIterator(KvReadOptions());
  // Binary search for the last record with time <= micros. SCNs without a record (failed
  // commits) are skipped by seeking to the next record.
  Scn lo = 1, hi = last, best = 0;
  while (lo <= hi) {
    Scn mid = lo + (hi - lo) / 2;
    auto rec = AtOrAfter(it.get(), mid, hi);
    if (!rec) {
      hi = mid - 1;  // no record in [mid, hi]
      continue;
    }
    if (rec->second <= micros) {
      best = rec->first;
      lo = rec->first + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

std::optional<std::pair<Scn, int64_t>> CommitTimeMap::Oldest() const {
  auto it = kv_->NewIterator(KvReadOptions());
  return AtOrAfter(it.get(), 0, UINT64_MAX);
}

}  // namespace heliosdb
