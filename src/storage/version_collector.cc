#include "storage/version_collector.h"

#include "storage/version_key.h"

namespace heliosdb {

bool VersionCollector::Drop(std::string_view key) {
  ParsedVersionKey parsed;
  if (!ParseVersionKey(key, &parsed)) return false;  // metadata and the time map stay
  std::string_view prefix = VersionKeyPrefix(key);
  if (prefix != current_) {
    // The first (newest) version of a key in this compaction: always kept.
    current_.assign(prefix);
    covered_ = parsed.scn <= horizons_.For(parsed.branch, parsed.object);
    return false;
  }
  if (covered_) return true;
  covered_ = parsed.scn <= horizons_.For(parsed.branch, parsed.object);
  return false;
}

}  // namespace heliosdb
