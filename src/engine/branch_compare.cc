// pg_database_branches() and pg_compare_branches(a, b).
#include <set>

#include "common/exception.h"
#include "engine/branch_diff.h"
#include "engine/branch_statements.h"
#include "storage/commit_time_map.h"
#include "storage/kv_store.h"
#include "storage/version_key.h"

namespace heliosdb {

SystemRows DatabaseBranches(Connection::Impl& conn) {
  StorageEngine& storage = *conn.db->storage;
  CommitTimeMap times(&storage.kv());
  SystemRows out;
  out.names = {"branch_name",     "parent",     "created_at", "fork_point_scn",
               "fork_point_time", "size_bytes", "status"};
  const LogicalType text(TypeId::kText), big(TypeId::kBigInt), ts(TypeId::kTimestampTz);
  out.types = {text, text, ts, big, ts, big, text};
  std::vector<BranchInfo> all = storage.transactions().branches().List();
  auto name_of = [&](BranchId id) {
    for (const BranchInfo& b : all)
      if (b.id == id) return Value::Text(b.name);
    return Value::Null(text);
  };
  for (const BranchInfo& b : all) {
    std::vector<Value> row;
    row.push_back(Value::Text(b.name));
    row.push_back(b.parent ? name_of(b.parent) : Value::Null(text));
    std::optional<int64_t> created;
    if (b.id == kMainBranch) {
      if (auto oldest = times.Oldest()) created = oldest->second;  // the first commit
    } else {
      created = b.created_at;
    }
    row.push_back(created ? Value::Int(ts, *created) : Value::Null(ts));
    row.push_back(Value::BigInt(static_cast<int64_t>(b.fork_scn)));
    std::optional<int64_t> fork_time = b.fork_scn ? times.TimeOf(b.fork_scn) : std::nullopt;
    row.push_back(fork_time ? Value::Int(ts, *fork_time) : Value::Null(ts));
    // Bytes written on the branch: its own keyspace only (what it shares with its parent is
    // not copied). An estimate from RocksDB's index blocks and memtable statistics.
    std::string begin(1, kVersionPrefix), end(1, kVersionPrefix);
    PutFixed32BE(b.id, &begin);
    PutFixed32BE(b.id + 1, &end);
    KvStore::RangeSize size = storage.kv().ApproximateSize(begin, end);
    row.push_back(Value::BigInt(static_cast<int64_t>(size.file_bytes + size.memtable_bytes)));
    row.push_back(Value::Text(b.merged ? "merged" : "active"));
    out.rows.push_back(std::move(row));
  }
  return out;
}

namespace {
const char* Change(const std::optional<std::string>& base, const std::optional<std::string>& now) {
  if (base == now) return nullptr;
  if (!base) return "inserted";
  if (!now) return "deleted";
  return "updated";
}

const TableInfo* TableIn(const Catalog& catalog, ObjectId id) {
  auto it = catalog.tables().find(id);
  return it == catalog.tables().end() ? nullptr : &it->second;
}
}  // namespace

SystemRows CompareBranches(Connection::Impl& conn, const std::string& left,
                           const std::string& right) {
  StorageEngine& storage = *conn.db->storage;
  BranchInfo l = FindBranch(storage, left), r = FindBranch(storage, right);
  bool left_is_parent = r.parent == l.id;
  BranchDiff diff(*conn.db, left_is_parent ? l : r, left_is_parent ? r : l);
  TransactionOptions options;
  options.branch = diff.parent_info().id;
  options.read_only = true;
  std::unique_ptr<Transaction> parent = storage.transactions().Begin(options);
  std::shared_ptr<const Catalog> parent_catalog = conn.db->CatalogFor(*parent);

  SystemRows out;
  out.names = {"table_name", "key",      "left_change", "right_change",
               "base_row",   "left_row", "right_row"};
  out.types.assign(out.names.size(), LogicalType(TypeId::kText));
  std::set<ObjectId> tables;
  for (const Catalog* c : {&diff.base_catalog(), parent_catalog.get(), &diff.child_catalog()})
    for (const auto& [id, t] : c->tables()) tables.insert(id);
  const LogicalType text(TypeId::kText);
  auto cell = [&](const char* s) { return s ? Value::Text(s) : Value::Null(text); };
  for (ObjectId id : tables) {
    const TableInfo* base_t = TableIn(diff.base_catalog(), id);
    const TableInfo* parent_t = TableIn(*parent_catalog, id);
    const TableInfo* child_t = TableIn(diff.child_catalog(), id);
    const TableInfo* any = parent_t ? parent_t : child_t ? child_t : base_t;
    std::vector<std::string> keys = diff.ChildKeys(id);
    std::vector<std::string> theirs = diff.ChangedKeys(
        diff.parent_info().id, id, diff.child_info().fork_scn, parent->snapshot_scn());
    keys.insert(keys.end(), theirs.begin(), theirs.end());
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::string& key : keys) {
      std::optional<std::string> b = diff.base().Get(id, key);
      std::optional<std::string> p = parent->Get(id, key);
      std::optional<std::string> c = diff.child().Get(id, key);
      const char* pc = Change(b, p);
      const char* cc = Change(b, c);
      if (!pc && !cc) continue;  // changed and changed back
      const TableInfo& pt = parent_t ? *parent_t : *any;
      const TableInfo& ct = child_t ? *child_t : *any;
      const TableInfo& bt = base_t ? *base_t : *any;
      std::string key_text = b   ? KeyText(bt, key, b)
                             : p ? KeyText(pt, key, p)
                                 : KeyText(ct, key, c);
      std::vector<Value> row{
          Value::Text(any->schema == "public" ? any->name : any->schema + "." + any->name),
          Value::Text(key_text), cell(left_is_parent ? pc : cc), cell(left_is_parent ? cc : pc),
          b ? Value::Text(RowText(bt, b)) : Value::Null(text)};
      const auto& lrow = left_is_parent ? p : c;
      const auto& rrow = left_is_parent ? c : p;
      row.push_back(lrow ? Value::Text(RowText(left_is_parent ? pt : ct, lrow))
                         : Value::Null(text));
      row.push_back(rrow ? Value::Text(RowText(left_is_parent ? ct : pt, rrow))
                         : Value::Null(text));
      out.rows.push_back(std::move(row));
    }
  }
  parent->Rollback();
  return out;
}

}  // namespace heliosdb
