#include "engine/branch_diff.h"

#include "common/exception.h"
#include "common/types/value_text.h"
#include "execution/table_row.h"
#include "storage/kv_store.h"
#include "storage/version_key.h"

namespace heliosdb {

BranchDiff::BranchDiff(Database::Impl& db, const BranchInfo& parent, const BranchInfo& child)
    : db_(db), parent_(parent), child_(child) {
  if (child.parent != parent.id)
    ThrowError(sqlstate::kFeatureNotSupported,
               "database branch \"" + child.name + "\" is not a child of \"" + parent.name +
                   "\": only a branch and its parent can be compared or merged");
  TransactionManager& tm = db.storage->transactions();
  TransactionOptions options;
  options.branch = parent.id;
  base_ = tm.BeginAt(child.fork_scn, options);
  options.branch = child.id;
  options.read_only = true;
  child_txn_ = tm.Begin(options);
  base_catalog_ = Catalog::Load(*base_);
  child_catalog_ = db.CatalogFor(*child_txn_);
}

BranchDiff::~BranchDiff() {
  base_->Rollback();
  child_txn_->Rollback();
}

std::vector<std::string> BranchDiff::ChangedKeys(BranchId branch, ObjectId object, Scn after,
                                                 Scn upto) const {
  std::vector<std::string> out;
  std::string prefix;
  AppendObjectPrefix(branch, object, &prefix);
  KvReadOptions ro;
  ro.upper_bound = ObjectEnd(branch, object);
  ro.fill_cache = false;
  auto it = db_.storage->kv().NewIterator(ro);
  ParsedVersionKey parsed;
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    if (!ParseVersionKey(it->key(), &parsed)) break;
    if (parsed.scn <= after || parsed.scn > upto) continue;
    if (!out.empty() && out.back() == parsed.user_key) continue;
    out.emplace_back(parsed.user_key);
  }
  return out;
}

std::vector<std::string> BranchDiff::ChildKeys(ObjectId object) const {
  return ChangedKeys(child_.id, object, 0, child_txn_->snapshot_scn());
}

bool BranchDiff::ParentChanged(ObjectId object, const std::string& key) const {
  KvReadOptions ro;
  ro.prefix_same_as_start = true;
  auto it = db_.storage->kv().NewIterator(ro);
  std::string seek;
  AppendVersionKey(parent_.id, object, key, UINT64_MAX, &seek);  // the newest version
  it->Seek(seek);
  ParsedVersionKey parsed;
  if (!it->Valid() || !ParseVersionKey(it->key(), &parsed) || parsed.object != object ||
      parsed.branch != parent_.id || parsed.user_key != key)
    return false;
  return parsed.scn > child_.fork_scn;
}

namespace {
// PostgreSQL's record_out quoting: empty strings and those with special characters quoted.
std::string RecordField(const std::string& s) {
  bool quote = s.empty();
  for (char c : s)
    if (c == ',' || c == '(' || c == ')' || c == '"' || c == '\\' || c == ' ') quote = true;
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back(c);
    out.push_back(c);
  }
  return out + "\"";
}
}  // namespace

std::string RowText(const TableInfo& table, const std::optional<std::string>& bytes) {
  if (!bytes) return "";
  std::vector<Value> row = DecodeTableRow(table, *bytes);
  std::string out = "(";
  for (size_t i = 0; i < row.size(); i++) {
    if (i) out += ",";
    if (!row[i].is_null()) out += RecordField(FormatValue(row[i]));
  }
  return out + ")";
}

std::string KeyText(const TableInfo& table, const std::string& key,
                    const std::optional<std::string>& row) {
  if (table.has_primary_key() && row)
    return DescribeKey(table, table.primary_key, DecodeTableRow(table, *row));
  std::string hex = "\\x";
  static const char* kDigits = "0123456789abcdef";
  for (unsigned char c : key) {
    hex.push_back(kDigits[c >> 4]);
    hex.push_back(kDigits[c & 15]);
  }
  return table.has_primary_key() ? "key " + hex : "row id " + hex;
}

}  // namespace heliosdb
