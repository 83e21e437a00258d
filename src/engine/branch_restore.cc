// RESTORE DATABASE TO TIMESTAMP x | SCN n: point-in-time recovery of the session's branch.
// The branch's visible state (catalog, rows and index entries alike) is made equal to its
// state at that SCN by writing new versions, in one transaction: for every key that differs,
// the old row again or a tombstone. History is kept, so a restore can itself be undone by
// restoring to the SCN before it, and AS OF still reads the states in between. It runs on any
// branch, main included (nothing is destroyed). Cost: one scan of the branch's visible state
// now and then, so it is proportional to the database's size.
#include "common/exception.h"
#include "engine/branch_statements.h"
#include "storage/kv_store.h"
#include "storage/version_key.h"

namespace heliosdb {

std::set<ObjectId> StoredObjects(KvStore& kv, const std::vector<BranchLayer>& layers) {
  std::set<ObjectId> out;
  KvReadOptions ro;
  ro.fill_cache = false;
  auto it = kv.NewIterator(ro);
  for (const BranchLayer& l : layers) {
    std::string begin(1, kVersionPrefix), end(1, kVersionPrefix);
    PutFixed32BE(l.branch, &begin);
    PutFixed32BE(l.branch + 1, &end);
    // One seek per object: from an object's first key straight to the next object.
    for (it->Seek(begin); it->Valid() && it->key() < end;) {
      ParsedVersionKey parsed;
      if (!ParseVersionKey(it->key(), &parsed)) break;
      out.insert(parsed.object);
      if (parsed.object == UINT32_MAX) break;
      it->Seek(ObjectEnd(l.branch, parsed.object));
    }
  }
  return out;
}

namespace {
struct KeyChange {
  ObjectId object;
  std::string key;
  std::optional<std::string> row;  // nullopt: delete
};

// The writes that turn `now`'s visible state of object into `then`'s.
void Differences(Transaction& then, Transaction& now, ObjectId object,
                 std::vector<KeyChange>* out) {
  auto a = then.Scan(object, "", "");
  auto b = now.Scan(object, "", "");
  while (a->Valid() || b->Valid()) {
    int cmp = !a->Valid() ? 1 : !b->Valid() ? -1 : a->key().compare(b->key());
    if (cmp < 0) {
      out->push_back({object, std::string(a->key()), std::string(a->value())});
      a->Next();
    } else if (cmp > 0) {
      out->push_back({object, std::string(b->key()), std::nullopt});
      b->Next();
    } else {
      if (a->value() != b->value())
        out->push_back({object, std::string(a->key()), std::string(a->value())});
      a->Next();
      b->Next();
    }
  }
}
}  // namespace

QueryResult::Impl RestoreDatabase(Connection::Impl& conn, const ast::RestoreDatabaseStmt& stmt) {
  BranchInfo branch = conn.CurrentBranch();
  Scn target = ResolveBranchScn(conn, *stmt.to, stmt.location);
  TransactionManager& tm = conn.db->storage->transactions();
  TransactionOptions options;
  options.branch = branch.id;
  options.synchronous_commit = conn.db->options.synchronous_commit;
  std::unique_ptr<Transaction> then = tm.BeginAt(target, options);
  std::unique_ptr<Transaction> now = tm.Begin(options);
  auto layers = tm.branches().Layers(branch.id, now->snapshot_scn());
  if (!layers.ok()) throw DbException(layers.status());
  std::vector<KeyChange> changes;
  for (ObjectId object : StoredObjects(conn.db->storage->kv(), layers.value()))
    Differences(*then, *now, object, &changes);
  then->Rollback();
  for (const KeyChange& c : changes) {
    if (c.row) {
      now->Put(c.object, c.key, *c.row);
    } else {
      now->Delete(c.object, c.key);
    }
  }
  // The catalog may change with the data: connections reload it after the commit.
  conn.db->BeginCatalogChange();
  Status s = now->Commit();
  conn.db->EndCatalogChange(branch.id);
  if (!s.ok()) throw DbException(s);
  return TagResult("RESTORE DATABASE");
}

}  // namespace heliosdb
