// MERGE DATABASE BRANCH source INTO target [WITH (conflict = 'fail'|'ours'|'theirs',
// dry_run = true)]: a three-way merge of the source's changes since its fork into its parent,
// in one transaction on the target (so a crash leaves it fully applied or not at all).
//
//   schema   every catalog entry the source changed is copied, unless the target changed the
//            same entry differently since the fork (a "schema" conflict).
//   rows     every row the source changed (its own keyspace) is applied through TableWriter,
//            so secondary indexes follow and constraints are checked, unless the target
//            changed the same row differently since the fork (an "update/update",
//            "update/delete", ... conflict). A row whose write violates a constraint in the
//            merged result is a conflict of that constraint's kind (unique_violation,
//            foreign_key_violation, check_violation, not_null_violation).
//
// Resolution: 'fail' (the default) applies nothing when there is any conflict and raises
// 23000 whose DETAIL lists every conflict, one line each; 'ours' keeps the target's side of
// each conflict; 'theirs' takes the source's side of changed-on-both-sides rows and schema
// entries (a constraint violation cannot take the source's side: that row is skipped). The
// statement returns one row per conflict (table_name, key, conflict, ours, theirs,
// resolution). dry_run = true returns the same report and changes nothing.
// Cost: proportional to the rows the source changed (plus one seek per such row on the
// target), not to the database's size.
#include <algorithm>

#include "common/exception.h"
#include "engine/branch_diff.h"
#include "engine/branch_statements.h"
#include "execution/table_row.h"
#include "execution/table_writer.h"
#include "storage/key_codec.h"
#include "storage/kv_store.h"

namespace heliosdb {

namespace {

enum class Resolution { kFail, kOurs, kTheirs };

struct MergeOptions {
  Resolution resolution = Resolution::kFail;
  bool dry_run = false;
};

std::string OptionText(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::kConstant) {
    const auto& c = e.As<ast::ConstantExpr>();
    if (c.type == ast::ConstantExpr::Type::kTrue) return "true";
    if (c.type == ast::ConstantExpr::Type::kFalse) return "false";
    return c.text;
  }
  if (e.kind == ast::ExprKind::kColumnRef) return e.As<ast::ColumnRefExpr>().names.back();
  ThrowError(sqlstate::kSyntaxError, "invalid value in MERGE option", e.location);
}

MergeOptions ParseOptions(const ast::MergeBranchStmt& stmt) {
  MergeOptions out;
  for (const auto& [name, value] : stmt.options) {
    std::string v = value ? OptionText(*value) : "true";
    for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "conflict") {
      if (v == "fail") {
        out.resolution = Resolution::kFail;
      } else if (v == "ours") {
        out.resolution = Resolution::kOurs;
      } else if (v == "theirs") {
        out.resolution = Resolution::kTheirs;
      } else {
        ThrowError(sqlstate::kInvalidParameterValue,
                   "invalid value for MERGE option \"conflict\": \"" + v + "\"",
                   value ? value->location : stmt.location);
      }
    } else if (name == "dry_run") {
      if (v == "true" || v == "on" || v == "1" || v == "yes") {
        out.dry_run = true;
      } else if (v == "false" || v == "off" || v == "0" || v == "no") {
        out.dry_run = false;
      } else {
        ThrowError(sqlstate::kInvalidParameterValue,
                   "invalid value for MERGE option \"dry_run\": \"" + v + "\"",
                   value ? value->location : stmt.location);
      }
    } else {
      ThrowError(sqlstate::kInvalidParameterValue, "unrecognized MERGE option \"" + name + "\"",
                 stmt.location);
    }
  }
  return out;
}

struct Conflict {
  std::string table, key, kind, ours, theirs;
  bool take_theirs = false;  // what the resolution did (or would do)
};

const char* ChangeName(const std::optional<std::string>& base,
                       const std::optional<std::string>& now) {
  if (!base) return "insert";
  if (!now) return "delete";
  return "update";
}

const char* ConstraintKind(const std::string& sqlstate) {
  if (sqlstate == sqlstate::kUniqueViolation) return "unique_violation";
  if (sqlstate == sqlstate::kForeignKeyViolation) return "foreign_key_violation";
  if (sqlstate == sqlstate::kCheckViolation) return "check_violation";
  if (sqlstate == sqlstate::kNotNullViolation) return "not_null_violation";
  return nullptr;
}

std::string DisplayName(const TableInfo& t) {
  return t.schema == "public" ? t.name : t.schema + "." + t.name;
}

// The source row as the merged table's columns: matched by name, missing ones NULL.
std::vector<Value> ToTarget(const TableInfo& source, const TableInfo& target,
                            const std::vector<Value>& row) {
  std::vector<Value> out;
  for (const ColumnInfo& c : target.columns) {
    int i = source.FindColumn(c.name);
    out.push_back(i >= 0 ? row[i] : Value::Null(c.type));
  }
  return out;
}

// Whether the target's row already equals the source's (compared as values: the same row
// written before and after an ADD COLUMN differs in bytes only).
bool SameRow(const TableInfo& source, const TableInfo& target,
             const std::optional<std::string>& ours, const std::optional<std::string>& theirs) {
  if (ours == theirs) return true;
  if (!ours || !theirs) return false;
  std::vector<Value> a = DecodeTableRow(target, *ours);
  std::vector<Value> b = ToTarget(source, target, DecodeTableRow(source, *theirs));
  for (size_t i = 0; i < a.size(); i++) {
    if (a[i].is_null() != b[i].is_null()) return false;
    if (!a[i].is_null() && !(a[i] == b[i])) return false;
  }
  return true;
}

class Merger {
 public:
  Merger(Connection::Impl& conn, BranchDiff& diff, Transaction& target, MergeOptions options)
      : conn_(conn), diff_(diff), target_(target), options_(options) {}

  void MergeCatalog() {
    for (const std::string& key : diff_.ChildKeys(kCatalogObjectId)) {
      std::optional<std::string> theirs = diff_.child().Get(kCatalogObjectId, key);
      std::optional<std::string> ours = target_.Get(kCatalogObjectId, key);
      if (ours == theirs) continue;
      std::optional<std::string> base = diff_.base().Get(kCatalogObjectId, key);
      bool take = true;
      if (ours != base && diff_.ParentChanged(kCatalogObjectId, key)) {
        // Statistics (ANALYZE on both sides) are no conflict: the target's stay.
        if (IsStatistics(key)) continue;
        take = options_.resolution == Resolution::kTheirs;
        conflicts_.push_back({"(schema)", EntryName(key), "schema", ours ? "changed" : "dropped",
                              theirs ? "changed" : "dropped", take});
      }
      if (!take) continue;
      if (theirs) {
        target_.Put(kCatalogObjectId, key, *theirs);
      } else {
        target_.Delete(kCatalogObjectId, key);
      }
    }
  }

  // Rows of every table the source changed: inserts and updates of tables without foreign
  // keys first (referenced rows exist before their referencing rows), deletes last.
  void MergeRows() {
    merged_catalog_ = Catalog::Load(target_);
    ctx_.txn = &target_;
    ctx_.catalog = merged_catalog_.get();
    ctx_.storage = conn_.db->storage.get();
    ctx_.function = conn_.MakeFunctionContext();
    ctx_.session = &conn_;
    std::vector<const TableInfo*> tables;
    for (const auto& [id, t] : diff_.child_catalog().tables()) tables.push_back(&t);
    std::stable_sort(tables.begin(), tables.end(), [](const TableInfo* a, const TableInfo* b) {
      return HasForeignKey(*a) < HasForeignKey(*b);
    });
    for (bool deletes : {false, true}) {
      if (deletes) std::reverse(tables.begin(), tables.end());
      for (const TableInfo* t : tables) MergeTable(*t, deletes);
    }
  }

  const std::vector<Conflict>& conflicts() const { return conflicts_; }
  int64_t applied() const { return applied_; }

 private:
  static bool HasForeignKey(const TableInfo& t) {
    for (const ConstraintInfo& c : t.constraints)
      if (c.kind == ConstraintKind::kForeignKey) return true;
    return false;
  }

  // A catalog key is (kind, id): the report names the object as one of the catalogs has it.
  std::string EntryName(std::string_view key) const {
    std::string_view in = key;
    auto kind = static_cast<CatalogKind>(DecodeKeyPart(&in, TypeId::kInteger).GetInt64());
    auto id = static_cast<ObjectId>(DecodeKeyPart(&in, TypeId::kBigInt).GetInt64());
    for (const Catalog* c : {&diff_.child_catalog(), &diff_.base_catalog()}) {
      if (kind == CatalogKind::kTable && c->tables().count(id))
        return "table " + DisplayName(c->tables().at(id));
      if (kind == CatalogKind::kIndex && c->indexes().count(id))
        return "index " + c->indexes().at(id).name;
      if (kind == CatalogKind::kView && c->views().count(id))
        return "view " + c->views().at(id).name;
      if (kind == CatalogKind::kSequence && c->sequences().count(id))
        return "sequence " + c->sequences().at(id).name;
    }
    return "catalog entry " + std::to_string(static_cast<int>(kind)) + "/" + std::to_string(id);
  }

  static bool IsStatistics(std::string_view key) {
    std::string_view in = key;
    return DecodeKeyPart(&in, TypeId::kInteger).GetInt64() ==
           static_cast<int64_t>(CatalogKind::kStatistics);
  }

  void MergeTable(const TableInfo& source, bool deletes) {
    auto it = merged_catalog_->tables().find(source.id);
    for (const std::string& key : diff_.ChildKeys(source.id)) {
      std::optional<std::string> theirs = diff_.child().Get(source.id, key);
      if (theirs.has_value() == deletes) continue;  // this pass handles the other kind
      if (it == merged_catalog_->tables().end()) {
        conflicts_.push_back({DisplayName(source), KeyText(source, key, theirs), "table_dropped",
                              "", RowText(source, theirs), false});
        continue;
      }
      const TableInfo& target = it->second;
      std::optional<std::string> ours = target_.Get(source.id, key);
      if (SameRow(source, target, ours, theirs)) continue;
      std::optional<std::string> base = diff_.base().Get(source.id, key);
      std::string key_text = KeyText(source, key, theirs ? theirs : base ? base : ours);
      if (ours != base && diff_.ParentChanged(source.id, key)) {
        bool take = options_.resolution == Resolution::kTheirs;
        conflicts_.push_back({DisplayName(source), key_text,
                              std::string(ChangeName(base, ours)) + "/" + ChangeName(base, theirs),
                              RowText(target, ours), RowText(source, theirs), take});
        if (!take) continue;
      }
      Apply(source, target, key, key_text, ours, theirs);
    }
  }

  void Apply(const TableInfo& source, const TableInfo& target, const std::string& key,
             const std::string& key_text, const std::optional<std::string>& ours,
             const std::optional<std::string>& theirs) {
    static const std::string kSavepoint = "heliosdb_merge_row";
    target_.Savepoint(kSavepoint);
    try {
      TableWriter writer(ctx_, target);
      std::optional<std::vector<Value>> old_row;
      if (ours) old_row = DecodeTableRow(target, *ours);
      if (!theirs) {
        writer.Delete(key, *old_row);
      } else {
        std::vector<Value> row = ToTarget(source, target, DecodeTableRow(source, *theirs));
        if (old_row) {
          writer.Update(key, *old_row, std::move(row));
        } else {
          writer.Insert(std::move(row));
        }
      }
      applied_++;
    } catch (const DbException& e) {
      const char* kind = ConstraintKind(e.status().sqlstate());
      if (!kind) throw;
      Status s = target_.RollbackToSavepoint(kSavepoint);
      if (!s.ok()) throw DbException(s);
      conflicts_.push_back({DisplayName(source), key_text, kind, RowText(target, ours),
                            RowText(source, theirs) + ": " + e.status().message(), false});
    }
    Status s = target_.ReleaseSavepoint(kSavepoint);
    if (!s.ok()) throw DbException(s);
  }

  Connection::Impl& conn_;
  BranchDiff& diff_;
  Transaction& target_;
  MergeOptions options_;
  std::shared_ptr<const Catalog> merged_catalog_;
  ExecContext ctx_;
  std::vector<Conflict> conflicts_;
  int64_t applied_ = 0;
};

const char* ResolutionName(const Conflict& c, const MergeOptions& options) {
  if (options.resolution == Resolution::kFail) return "fail";
  return c.take_theirs ? "theirs" : "ours";
}

QueryResult::Impl Report(const std::vector<Conflict>& conflicts, const MergeOptions& options,
                         std::string tag) {
  QueryResult::Impl r;
  r.names = {"table_name", "key", "conflict", "ours", "theirs", "resolution"};
  r.types.assign(r.names.size(), LogicalType(TypeId::kText));
  DataChunk chunk(r.types, std::max<idx_t>(conflicts.size(), 1));
  for (size_t i = 0; i < conflicts.size(); i++) {
    const Conflict& c = conflicts[i];
    std::string cells[] = {c.table, c.key, c.kind, c.ours, c.theirs, ResolutionName(c, options)};
    for (size_t col = 0; col < 6; col++) chunk.column(col).SetString(i, cells[col]);
  }
  chunk.SetSize(conflicts.size());
  r.Append(std::move(chunk));
  r.returns_rows = true;
  r.tag = std::move(tag);
  return r;
}

}  // namespace

QueryResult::Impl MergeBranch(Connection::Impl& conn, const ast::MergeBranchStmt& stmt) {
  MergeOptions options = ParseOptions(stmt);
  StorageEngine& storage = *conn.db->storage;
  BranchInfo source = FindBranch(storage, stmt.source, stmt.location);
  BranchInfo target = FindBranch(storage, stmt.target, stmt.location);
  if (source.parent != target.id)
    ThrowError(sqlstate::kFeatureNotSupported,
               "cannot merge database branch \"" + source.name + "\" into \"" + target.name +
                   "\": a branch merges into its parent",
               stmt.location);
  BranchDiff diff(*conn.db, target, source);
  TransactionOptions txn_options;
  txn_options.branch = target.id;
  txn_options.synchronous_commit = conn.db->options.synchronous_commit;
  std::unique_ptr<Transaction> txn = storage.transactions().Begin(txn_options);
  Merger merger(conn, diff, *txn, options);
  merger.MergeCatalog();
  merger.MergeRows();
  const std::vector<Conflict>& conflicts = merger.conflicts();
  if (options.dry_run) {
    txn->Rollback();
    return Report(conflicts, options, "MERGE DATABASE BRANCH 0");
  }
  if (!conflicts.empty() && options.resolution == Resolution::kFail) {
    txn->Rollback();
    std::string detail;
    for (const Conflict& c : conflicts) {
      if (!detail.empty()) detail += "\n";
      detail += c.kind + " on " + c.table + " " + c.key + ": ours " +
                (c.ours.empty() ? "(none)" : c.ours) + ", theirs " +
                (c.theirs.empty() ? "(none)" : c.theirs);
    }
    throw DbException(
        Status::Error(sqlstate::kIntegrityConstraintViolation,
                      "merge of database branch \"" + source.name + "\" into \"" + target.name +
                          "\" has " + std::to_string(conflicts.size()) + " conflict" +
                          (conflicts.size() == 1 ? "" : "s"),
                      stmt.location)
            .WithDetail(detail)
            .WithHint("Use WITH (conflict = 'ours') or WITH (conflict = 'theirs'), or "
                      "WITH (dry_run = true) to see the report."));
  }
  conn.db->BeginCatalogChange();
  Status s = txn->Commit();
  conn.db->EndCatalogChange(target.id);
  if (!s.ok()) throw DbException(s);
  Status marked = storage.transactions().branches().MarkMerged(source.id);
  if (!marked.ok()) throw DbException(marked);
  return Report(conflicts, options, "MERGE DATABASE BRANCH " + std::to_string(merger.applied()));
}

}  // namespace heliosdb
