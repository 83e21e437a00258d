// CommitTimeMap: the wall-clock time of every commit and the way back from a time to an SCN,
// over the 't' records each commit writes in its own batch (storage/version_key.h). Serves
// AS OF TIMESTAMP, scn_to_timestamp / timestamp_to_scn, the versions_*time pseudo-columns and
// the retention horizon.
//
// Times are microseconds since 2000-01-01 UTC (TIMESTAMPTZ values). They are taken before the
// commit's batch is written, so they grow with the SCN up to clock steps and the race of two
// concurrent committers (a few microseconds); ScnAt() treats them as ordered.
// Thread safety: thread-safe (reads only).
#pragma once

#include <cstdint>
#include <optional>

#include "storage/kv_store.h"
#include "txn/transaction.h"

namespace heliosdb {

class CommitTimeMap {
 public:
  explicit CommitTimeMap(KvStore* kv) : kv_(kv) {}

  // The commit time of scn; nothing when no commit has that SCN (a hole, or SCN 0).
  std::optional<int64_t> TimeOf(Scn scn) const;
  // The newest SCN committed at or before `micros`; 0 when every commit is later.
  // REQUIRES: last is the newest published SCN (no later record is searched).
  Scn ScnAt(int64_t micros, Scn last) const;
  // The oldest commit's (SCN, time); nothing in a database without commits.
  std::optional<std::pair<Scn, int64_t>> Oldest() const;

 private:
  // The first record with SCN >= scn (and <= last): its (SCN, time).
  std::optional<std::pair<Scn, int64_t>> AtOrAfter(KvIterator* it, Scn scn, Scn last) const;

  KvStore* kv_;
};

}  // namespace heliosdb
