// DDL dispatch and the statements on schemas, sequences, views, DROP and TRUNCATE.
#include "engine/ddl_executor.h"

#include "catalog/privileges.h"
#include "common/exception.h"
#include "execution/table_row.h"
#include "planner/binder.h"
#include "planner/type_name.h"

namespace heliosdb {

QueryResult::Impl Connection::Impl::RunDdl(const ast::Statement& stmt, const std::string& text) {
  RoleScope role_scope(CurrentRoleId());  // CREATE VIEW and CREATE TABLE AS bind queries
  DdlExecutor ddl(*this);
  return ddl.Execute(stmt, text);
}

QueryResult::Impl DdlExecutor::Execute(const ast::Statement& s, const std::string& text) {
  switch (s.kind) {
    case ast::StmtKind::kCreateTable:
      return CreateTable(s.As<ast::CreateTableStmt>());
    case ast::StmtKind::kCreateIndex:
      return CreateIndex(s.As<ast::CreateIndexStmt>());
    case ast::StmtKind::kCreateSchema:
      return CreateSchema(s.As<ast::CreateSchemaStmt>());
    case ast::StmtKind::kCreateSequence:
      return CreateSequence(s.As<ast::CreateSequenceStmt>());
    case ast::StmtKind::kAlterSequence:
      return AlterSequence(s.As<ast::CreateSequenceStmt>());
    case ast::StmtKind::kCreateView:
      return CreateView(s.As<ast::CreateViewStmt>(), text);
    case ast::StmtKind::kDrop:
      return Drop(s.As<ast::DropStmt>());
    case ast::StmtKind::kTruncate:
      return Truncate(s.As<ast::TruncateStmt>());
    case ast::StmtKind::kAlterTable:
      return AlterTable(s.As<ast::AlterTableStmt>());
    case ast::StmtKind::kAnalyze:
      return Analyze(s.As<ast::AnalyzeStmt>());
    case ast::StmtKind::kCreateRole:
      return CreateRole(s.As<ast::RoleStmt>());
    case ast::StmtKind::kAlterRole:
      return AlterRole(s.As<ast::RoleStmt>());
    case ast::StmtKind::kDropRole:
      return DropRole(s.As<ast::RoleStmt>());
    case ast::StmtKind::kGrant:
      return s.As<ast::GrantStmt>().roles ? GrantRoles(s.As<ast::GrantStmt>())
                                          : GrantPrivileges(s.As<ast::GrantStmt>());
    default:
      HELIOS_UNREACHABLE();
  }
}

QueryResult::Impl DdlExecutor::CreateSchema(const ast::CreateSchemaStmt& stmt) {
  if (catalog_.FindSchema(stmt.name)) {
    if (stmt.if_not_exists) return TagResult("CREATE SCHEMA");
    ThrowError(sqlstate::kDuplicateSchema, "schema \"" + stmt.name + "\" already exists",
               stmt.location);
  }
  catalog_.PutSchema(txn_, {NewObjectId(), stmt.name});
  return TagResult("CREATE SCHEMA");
}

namespace {
// Applies CREATE / ALTER SEQUENCE options; returns whether RESTART was given (with *restart).
bool ApplySequenceOptions(SequenceInfo* seq, const ast::OptionList& options, bool creating,
                          int64_t* restart) {
  bool restarted = false;
  auto number = [](const ast::Expr* e, const std::string& key) -> int64_t {
    if (!e || e->kind != ast::ExprKind::kConstant)
      ThrowError(sqlstate::kSyntaxError, "option \"" + key + "\" needs a number");
    return std::strtoll(e->As<ast::ConstantExpr>().text.c_str(), nullptr, 10);
  };
  bool min_given = false, max_given = false;
  for (const auto& [key, value] : options) {
    if (key == "increment") {
      seq->increment = number(value.get(), key);
      if (seq->increment == 0)
        ThrowError(sqlstate::kInvalidParameterValue, "INCREMENT must not be zero");
    } else if (key == "minvalue") {
      min_given = value != nullptr;
      if (value) seq->min_value = number(value.get(), key);
    } else if (key == "maxvalue") {
      max_given = value != nullptr;
      if (value) seq->max_value = number(value.get(), key);
    } else if (key == "start") {
      seq->start = number(value.get(), key);
    } else if (key == "restart") {
      restarted = true;
      *restart = value ? number(value.get(), key) : seq->start;
    } else if (key == "cycle") {
      seq->cycle = !value || value->kind != ast::ExprKind::kConstant ||
                   value->As<ast::ConstantExpr>().type != ast::ConstantExpr::Type::kFalse;
    } else if (key == "as") {
      if (value && value->kind == ast::ExprKind::kConstant) {
        ast::TypeName t;
        t.name = value->As<ast::ConstantExpr>().text;
        seq->type = ResolveTypeName(t);
      }
    }
  }
  if (creating) {
    int64_t type_max = seq->type.id() == TypeId::kSmallInt  ? 32767
                       : seq->type.id() == TypeId::kInteger ? 2147483647
                                                            : INT64_MAX;
    if (seq->increment < 0) {
      if (!max_given) seq->max_value = -1;
      if (!min_given) seq->min_value = -type_max - 1;
      if (!options.empty() && seq->start == 1) seq->start = seq->max_value;
    } else {
      if (!max_given) seq->max_value = type_max;
      if (!min_given) seq->min_value = 1;
    }
    bool start_given = false;
    for (const auto& o : options) start_given |= o.first == "start";
    if (!start_given) seq->start = seq->increment > 0 ? seq->min_value : seq->max_value;
  }
  if (seq->min_value >= seq->max_value)
    ThrowError(sqlstate::kInvalidParameterValue,
               "MINVALUE (" + std::to_string(seq->min_value) + ") must be less than MAXVALUE (" +
                   std::to_string(seq->max_value) + ")");
  if (seq->start < seq->min_value || seq->start > seq->max_value)
    ThrowError(sqlstate::kInvalidParameterValue,
               "START value (" + std::to_string(seq->start) +
                   ") cannot be outside the sequence's bounds");
  return restarted;
}
}  // namespace

QueryResult::Impl DdlExecutor::CreateSequence(const ast::CreateSequenceStmt& stmt) {
  auto [schema_name, name] = SplitQualifiedName(stmt.name, stmt.location);
  std::string schema = SchemaFor(schema_name, stmt.location);
  if (catalog_.RelationExists(schema, name)) {
    if (stmt.if_not_exists) return TagResult("CREATE SEQUENCE");
    ThrowError(sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists",
               stmt.location);
  }
  SequenceInfo seq;
  seq.id = NewObjectId();
  seq.schema = schema;
  seq.name = name;
  int64_t restart = 0;
  ApplySequenceOptions(&seq, stmt.options, true, &restart);
  catalog_.PutSequence(txn_, seq);
  ResetSequence(conn_.db->storage.get(), seq.id, seq.start);
  return TagResult("CREATE SEQUENCE");
}

QueryResult::Impl DdlExecutor::AlterSequence(const ast::CreateSequenceStmt& stmt) {
  auto [schema_name, name] = SplitQualifiedName(stmt.name, stmt.location);
  const SequenceInfo* found = catalog_.FindSequence(schema_name, name);
  if (!found) {
    if (stmt.if_not_exists) return TagResult("ALTER SEQUENCE");
    ThrowError(sqlstate::kUndefinedTable, "relation \"" + name + "\" does not exist",
               stmt.location);
  }
  SequenceInfo seq = *found;
  int64_t restart = 0;
  bool restarted = ApplySequenceOptions(&seq, stmt.options, false, &restart);
  catalog_.PutSequence(txn_, seq);
  if (restarted) ResetSequence(conn_.db->storage.get(), seq.id, restart);
  return TagResult("ALTER SEQUENCE");
}

QueryResult::Impl DdlExecutor::CreateView(const ast::CreateViewStmt& stmt,
                                          const std::string& text) {
  if (stmt.materialized)
    ThrowError(sqlstate::kFeatureNotSupported, "materialized views are not supported yet",
               stmt.location);
  auto [schema_name, name] = SplitQualifiedName(stmt.name, stmt.location);
  std::string schema = SchemaFor(schema_name, stmt.location);
  const ViewInfo* existing = catalog_.FindView(schema, name);
  if (catalog_.RelationExists(schema, name) && !(existing && stmt.or_replace)) {
    if (stmt.if_not_exists) return TagResult("CREATE VIEW");
    ThrowError(sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists",
               stmt.location);
  }
  Binder binder(catalog_);
  LogicalOpPtr plan = binder.BindSelect(*stmt.query);
  if (stmt.columns.size() > plan->names.size())
    ThrowError(sqlstate::kSyntaxError, "CREATE VIEW specifies more column names than columns",
               stmt.location);
  std::vector<std::string> new_names = plan->names;
  for (size_t i = 0; i < stmt.columns.size(); i++) new_names[i] = stmt.columns[i];
  if (existing) {
    // OR REPLACE may add columns at the end, never drop, rename or retype existing ones.
    LogicalOpPtr old_plan = Binder::BindView(catalog_, *existing);
    if (new_names.size() < old_plan->names.size())
      ThrowError(sqlstate::kInvalidTableDefinition, "cannot drop columns from view",
                 stmt.location);
    for (size_t i = 0; i < old_plan->names.size(); i++) {
      if (old_plan->names[i] != new_names[i])
        ThrowError(sqlstate::kInvalidTableDefinition,
                   "cannot change name of view column \"" + old_plan->names[i] + "\" to \"" +
                       new_names[i] + "\"",
                   stmt.location);
      if (old_plan->types[i] != plan->types[i])
        ThrowError(sqlstate::kInvalidTableDefinition,
                   "cannot change data type of view column \"" + old_plan->names[i] +
                       "\" from " + old_plan->types[i].ToString() + " to " +
                       plan->types[i].ToString(),
                   stmt.location);
    }
  }
  ViewInfo view;
  view.id = existing ? existing->id : NewObjectId();
  view.schema = schema;
  view.name = name;
  view.column_names = stmt.columns;
  view.query_sql = stmt.query_text.empty() ? text : stmt.query_text;
  if (existing) {
    RequireOwner(existing->owner, "view", name);
    view.owner = existing->owner;
    view.acl = existing->acl;
  } else {
    view.owner = conn_.CurrentRoleId();
  }
  catalog_.PutView(txn_, view);
  return TagResult("CREATE VIEW");
}

std::vector<ViewInfo> DdlExecutor::DependentViews(ObjectId id) const {
  std::vector<ViewInfo> out;
  for (const auto& [view_id, view] : catalog_.views()) {
    if (view_id == id) continue;
    std::vector<ObjectId> deps;
    try {
      Binder::BindView(catalog_, view, &deps);
    } catch (const DbException&) {
      continue;  // a view that no longer binds depends on nothing we can name
    }
    if (std::find(deps.begin(), deps.end(), id) != deps.end()) out.push_back(view);
  }
  return out;
}

void DdlExecutor::DropDependentViews(ObjectId id, const std::string& noun,
                                     const std::string& name, bool cascade) {
  std::vector<ViewInfo> views = DependentViews(id);
  if (views.empty()) return;
  if (!cascade) {
    Status s = Status::Error(sqlstate::kDependentObjectsStillExist,
                             "cannot drop " + noun + " " + name +
                                 " because other objects depend on it");
    s.WithDetail("view " + views[0].name + " depends on " + noun + " " + name);
    s.WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
    throw DbException(s);
  }
  for (const auto& v : views)
    if (catalog_.views().count(v.id)) catalog_.Drop(txn_, CatalogKind::kView, v.id);
}

void DdlExecutor::DeleteAllRows(const TableInfo& table) {
  std::vector<const IndexInfo*> indexes = catalog_.TableIndexes(table.id);
  std::vector<std::string> keys;
  for (auto it = txn_.Scan(table.id, "", ""); it->Valid(); it->Next()) keys.emplace_back(it->key());
  for (const auto& k : keys) txn_.Delete(table.id, k);
  for (const IndexInfo* index : indexes) {
    std::vector<std::string> entries;
    for (auto it = txn_.Scan(index->id, "", ""); it->Valid(); it->Next())
      entries.emplace_back(it->key());
    for (const auto& k : entries) txn_.Delete(index->id, k);
  }
}

QueryResult::Impl DdlExecutor::Truncate(const ast::TruncateStmt& stmt) {
  std::vector<const TableInfo*> tables;
  for (const auto& name : stmt.tables) {
    auto [schema, table_name] = SplitQualifiedName(name, stmt.location);
    const TableInfo* t = catalog_.FindTable(schema, table_name);
    if (!t)
      ThrowError(sqlstate::kUndefinedTable, "relation \"" + table_name + "\" does not exist",
                 stmt.location);
    CheckTablePrivileges(catalog_, conn_.CurrentRoleId(), *t, kPrivTruncate);
    tables.push_back(t);
  }
  for (const TableInfo* t : tables) {
    for (const TableInfo* child : catalog_.ReferencingTables(t->id)) {
      bool listed = false;
      for (const TableInfo* other : tables) listed |= other->id == child->id;
      if (!listed && !stmt.cascade) {
        Status s = Status::Error(sqlstate::kFeatureNotSupported,
                                 "cannot truncate a table referenced in a foreign key constraint");
        s.WithDetail("Table \"" + child->name + "\" references \"" + t->name + "\".");
        s.WithHint("Truncate table \"" + child->name +
                   "\" at the same time, or use TRUNCATE ... CASCADE.");
        throw DbException(s);
      }
      if (!listed) DeleteAllRows(*child);
    }
  }
  for (const TableInfo* t : tables) {
    DeleteAllRows(*t);
    if (stmt.restart_identity)
      for (const auto& c : t->columns)
        if (!c.sequence.empty())
          if (const SequenceInfo* seq = catalog_.FindSequence(t->schema, c.sequence))
            ResetSequence(conn_.db->storage.get(), seq->id, seq->start);
  }
  return TagResult("TRUNCATE TABLE");
}

QueryResult::Impl DdlExecutor::Drop(const ast::DropStmt& stmt) {
  using O = ast::DropStmt::Object;
  static const char* kTags[] = {"DROP TABLE",    "DROP INDEX",  "DROP VIEW",
                                "DROP MATERIALIZED VIEW", "DROP SEQUENCE", "DROP SCHEMA"};
  static const char* kNouns[] = {"table", "index", "view", "materialized view", "sequence",
                                 "schema"};
  int which = static_cast<int>(stmt.object);
  for (const auto& qualified : stmt.names) {
    auto [schema, name] = SplitQualifiedName(qualified, stmt.location);
    auto missing = [&]() {
      // Another kind of relation under that name: PostgreSQL says what it is instead.
      const char* actual = catalog_.FindTable(schema, name)      ? "table"
                           : catalog_.FindView(schema, name)     ? "view"
                           : catalog_.FindIndex(schema, name)    ? "index"
                           : catalog_.FindSequence(schema, name) ? "sequence"
                                                                 : nullptr;
      if (actual && stmt.object != O::kSchema) {
        Status s = Status::Error(sqlstate::kWrongObjectType,
                                 "\"" + name + "\" is not " +
                                     (which == 1 ? "an " : "a ") + kNouns[which]);
        std::string kind = actual;
        std::string upper = kind == "table" ? "TABLE" : kind == "view" ? "VIEW"
                            : kind == "index" ? "INDEX" : "SEQUENCE";
        s.WithHint("Use DROP " + upper + " to remove " + (kind == "index" ? "an " : "a ") + kind +
                   ".");
        throw DbException(s);
      }
      if (stmt.if_exists) {
        conn_.Notify("NOTICE", "00000",
                     std::string(kNouns[which]) + " \"" + name + "\" does not exist, skipping");
        return;
      }
      ThrowError(stmt.object == O::kSchema ? sqlstate::kInvalidSchemaName
                                           : sqlstate::kUndefinedTable,
                 std::string(kNouns[which]) + " \"" + name + "\" does not exist", stmt.location);
    };
    auto depends = [&](const std::string& detail) {
      Status s = Status::Error(sqlstate::kDependentObjectsStillExist,
                               "cannot drop " + std::string(kNouns[which]) + " " + name +
                                   " because other objects depend on it");
      s.WithDetail(detail);
      s.WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
      throw DbException(s);
    };
    switch (stmt.object) {
      case O::kTable: {
        const TableInfo* t = catalog_.FindTable(schema, name);
        if (!t) {
          if (catalog_.FindView(schema, name) && !stmt.if_exists) {
            Status s = Status::Error(sqlstate::kWrongObjectType, "\"" + name + "\" is not a table");
            s.WithHint("Use DROP VIEW to remove a view.");
            throw DbException(s);
          }
          missing();
          break;
        }
        RequireOwner(t->owner, "table", t->name);
        TableInfo dropped = *t;
        DropDependentViews(dropped.id, "table", dropped.name, stmt.cascade);
        for (const TableInfo* child : catalog_.ReferencingTables(dropped.id)) {
          if (child->id == dropped.id) continue;
          TableInfo updated = *child;
          std::string constraint;
          std::vector<ConstraintInfo> kept;
          for (const auto& c : updated.constraints) {
            if (c.kind == ConstraintKind::kForeignKey && c.ref_table == dropped.id) {
              constraint = c.name;
              continue;
            }
            kept.push_back(c);
          }
          if (!stmt.cascade)
            depends("constraint " + constraint + " on table " + child->name +
                    " depends on table " + dropped.name);
          updated.constraints = std::move(kept);
          catalog_.PutTable(txn_, updated);
        }
        for (const IndexInfo* index : catalog_.TableIndexes(dropped.id))
          catalog_.Drop(txn_, CatalogKind::kIndex, index->id);
        for (const auto& c : dropped.columns)
          if (!c.sequence.empty())
            if (const SequenceInfo* seq = catalog_.FindSequence(dropped.schema, c.sequence))
              catalog_.Drop(txn_, CatalogKind::kSequence, seq->id);
        // The rows stay in the keyspace as history (the object id is never reused); the
        // retention collector reclaims them.
        catalog_.Drop(txn_, CatalogKind::kTable, dropped.id);
        break;
      }
      case O::kIndex: {
        const IndexInfo* index = catalog_.FindIndex(schema, name);
        if (!index) {
          missing();
          break;
        }
        const TableInfo* table = catalog_.GetTable(index->table_id);
        for (const auto& c : table->constraints)
          if (c.index_id == index->id) {
            Status s = Status::Error(sqlstate::kDependentObjectsStillExist,
                                     "cannot drop index " + name + " because constraint " +
                                         c.name + " on table " + table->name + " requires it");
            s.WithHint("You can drop constraint " + c.name + " on table " + table->name +
                       " instead.");
            throw DbException(s);
          }
        catalog_.Drop(txn_, CatalogKind::kIndex, index->id);
        break;
      }
      case O::kView:
      case O::kMaterializedView: {
        const ViewInfo* view = catalog_.FindView(schema, name);
        if (!view) {
          missing();
          break;
        }
        RequireOwner(view->owner, "view", view->name);
        ViewInfo dropped = *view;
        DropDependentViews(dropped.id, "view", dropped.name, stmt.cascade);
        catalog_.Drop(txn_, CatalogKind::kView, dropped.id);
        break;
      }
      case O::kSequence: {
        const SequenceInfo* seq = catalog_.FindSequence(schema, name);
        if (!seq) {
          missing();
          break;
        }
        for (const auto& [id, t] : catalog_.tables())
          for (const auto& c : t.columns)
            if (c.sequence == seq->name && t.schema == seq->schema) {
              if (!stmt.cascade)
                depends("default value for column " + c.name + " of table " + t.name +
                        " depends on sequence " + seq->name);
            }
        catalog_.Drop(txn_, CatalogKind::kSequence, seq->id);
        break;
      }
      case O::kSchema: {
        const SchemaInfo* s = catalog_.FindSchema(name);
        if (!s) {
          missing();
          break;
        }
        if (name == "public" || name == "pg_catalog" || name == "information_schema")
          ThrowError(sqlstate::kDependentObjectsStillExist,
                     "cannot drop schema " + name + " because it is required by the database system");
        bool empty = true;
        for (const auto& [id, t] : catalog_.tables()) empty &= t.schema != name;
        for (const auto& [id, v] : catalog_.views()) empty &= v.schema != name;
        for (const auto& [id, q] : catalog_.sequences()) empty &= q.schema != name;
        if (!empty && !stmt.cascade) depends("schema " + name + " contains objects");
        std::vector<std::pair<CatalogKind, ObjectId>> doomed;
        for (const auto& [id, t] : catalog_.tables())
          if (t.schema == name) doomed.emplace_back(CatalogKind::kTable, id);
        for (const auto& [id, i] : catalog_.indexes())
          if (i.schema == name) doomed.emplace_back(CatalogKind::kIndex, id);
        for (const auto& [id, v] : catalog_.views())
          if (v.schema == name) doomed.emplace_back(CatalogKind::kView, id);
        for (const auto& [id, q] : catalog_.sequences())
          if (q.schema == name) doomed.emplace_back(CatalogKind::kSequence, id);
        for (const auto& [kind, id] : doomed) catalog_.Drop(txn_, kind, id);
        catalog_.Drop(txn_, CatalogKind::kSchema, s->id);
        break;
      }
    }
  }
  return TagResult(kTags[which]);
}

}  // namespace heliosdb
