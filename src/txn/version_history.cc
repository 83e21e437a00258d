#include "txn/version_history.h"

#include "storage/version_key.h"

namespace heliosdb {

VersionHistory::VersionHistory(KvStore* kv, BranchId branch, ObjectId object, Scn upto)
    : VersionHistory(kv, std::vector<BranchLayer>{{branch, upto, nullptr}}, object) {}

VersionHistory::VersionHistory(KvStore* kv, const std::vector<BranchLayer>& layers,
                               ObjectId object) {
  for (const BranchLayer& layer : layers) {
    std::string prefix;
    AppendObjectPrefix(layer.branch, object, &prefix);
    KvReadOptions ro;
    ro.upper_bound = ObjectEnd(layer.branch, object);
    ro.fill_cache = false;  // a history walk should not push the working set out of the cache
    Layer l{kv->NewIterator(ro), layer.cap};
    l.it->Seek(prefix);
    layers_.push_back(std::move(l));
  }
}

bool VersionHistory::SmallestKey(std::string* key) {
  bool any = false;
  ParsedVersionKey parsed;
  for (Layer& l : layers_) {
    if (!l.it->Valid() || !ParseVersionKey(l.it->key(), &parsed)) continue;
    if (!any || parsed.user_key < *key) key->assign(parsed.user_key);
    any = true;
  }
  return any;
}

bool VersionHistory::NextKey() {
  ParsedVersionKey parsed;
  while (true) {
    versions_.clear();
    if (!SmallestKey(&key_)) return false;
    for (Layer& l : layers_) {
      for (; l.it->Valid(); l.it->Next()) {
        if (!ParseVersionKey(l.it->key(), &parsed) || parsed.user_key != key_) break;
        if (parsed.scn > l.cap) continue;
        std::string_view v = l.it->value();
        StoredVersion version;
        version.scn = parsed.scn;
        version.tombstone = v.empty() || static_cast<VersionTag>(v[0]) != VersionTag::kPut;
        if (!version.tombstone) version.row.assign(v.substr(1));
        versions_.push_back(std::move(version));
      }
    }
    if (!versions_.empty()) return true;  // a key whose versions are all too new is skipped
  }
}

}  // namespace heliosdb
