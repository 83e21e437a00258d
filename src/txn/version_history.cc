#include "txn/version_history.h"

#include "storage/version_key.h"

namespace heliosdb {

VersionHistory::VersionHistory(KvStore* kv, BranchId branch, ObjectId object, Scn upto)
    : upto_(upto) {
  AppendObjectPrefix(branch, object, &prefix_);
  KvReadOptions ro;
  ro.upper_bound = ObjectEnd(branch, object);
  ro.fill_cache = false;  // a history walk should not push the working set out of the cache
  it_ = kv->NewIterator(ro);
  it_->Seek(prefix_);
}

bool VersionHistory::NextKey() {
  versions_.clear();
  ParsedVersionKey parsed;
  while (it_->Valid()) {
    if (!ParseVersionKey(it_->key(), &parsed)) return false;
    if (versions_.empty()) {
      key_.assign(parsed.user_key);
    } else if (parsed.user_key != key_) {
      return true;
    }
    if (parsed.scn <= upto_) {
      std::string_view v = it_->value();
      StoredVersion version;
      version.scn = parsed.scn;
      version.tombstone = v.empty() || static_cast<VersionTag>(v[0]) != VersionTag::kPut;
      if (!version.tombstone) version.row.assign(v.substr(1));
      versions_.push_back(std::move(version));
    }
    it_->Next();  // a key whose versions are all too new is replaced by the next one
  }
  return !versions_.empty();
}

}  // namespace heliosdb
