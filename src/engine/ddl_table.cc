// CREATE TABLE, CREATE INDEX and the column and constraint definitions they share with
// ALTER TABLE.
#include <set>

#include "common/exception.h"
#include "engine/ddl_executor.h"
#include "engine/table_tiering.h"
#include "engine/time_travel_retention.h"
#include "parser/ast_printer.h"
#include "execution/physical_planner.h"
#include "execution/table_row.h"
#include "execution/table_writer.h"
#include "planner/binder.h"
#include "planner/optimizer.h"
#include "planner/type_name.h"

namespace heliosdb {

namespace {
FkAction ToFkAction(ast::RefAction a) {
  switch (a) {
    case ast::RefAction::kRestrict:
      return FkAction::kRestrict;
    case ast::RefAction::kCascade:
      return FkAction::kCascade;
    case ast::RefAction::kSetNull:
      return FkAction::kSetNull;
    case ast::RefAction::kSetDefault:
      return FkAction::kSetDefault;
    default:
      return FkAction::kNoAction;
  }
}

std::string JoinNames(const TableInfo& table, const std::vector<int>& columns) {
  std::string out;
  for (size_t i = 0; i < columns.size(); i++) {
    if (i) out += "_";
    out += table.columns[columns[i]].name;
  }
  return out;
}

std::vector<int> ColumnIndexes(const TableInfo& table, const std::vector<std::string>& names,
                               int location) {
  std::vector<int> out;
  for (const auto& n : names) {
    int idx = table.FindColumn(n);
    if (idx < 0)
      ThrowError(sqlstate::kUndefinedColumn, "column \"" + n + "\" named in key does not exist",
                 location);
    out.push_back(idx);
  }
  return out;
}

// True if the expression names a column (shallow walk over the common expression kinds).
bool MentionsColumn(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::kColumnRef:
      return true;
    case ast::ExprKind::kUnary:
      return MentionsColumn(*e.As<ast::UnaryExpr>().operand);
    case ast::ExprKind::kBinary:
      return MentionsColumn(*e.As<ast::BinaryExpr>().left) ||
             MentionsColumn(*e.As<ast::BinaryExpr>().right);
    case ast::ExprKind::kCast:
      return MentionsColumn(*e.As<ast::CastExpr>().operand);
    case ast::ExprKind::kFunction:
      for (const auto& a : e.As<ast::FunctionExpr>().args)
        if (MentionsColumn(*a)) return true;
      return false;
    default:
      return false;
  }
}

int64_t OptionInt(const ast::Expr* e, int64_t fallback) {
  if (!e || e->kind != ast::ExprKind::kConstant) return fallback;
  return std::strtoll(e->As<ast::ConstantExpr>().text.c_str(), nullptr, 10);
}
}  // namespace

DdlExecutor::DdlExecutor(Connection::Impl& conn)
    : conn_(conn), catalog_(conn.MutableCatalog()), txn_(conn.Txn()) {}

ObjectId DdlExecutor::NewObjectId() {
  return kFirstUserObjectId +
         static_cast<ObjectId>(conn_.db->storage->IncrementCounter("object_id"));
}

std::string DdlExecutor::SchemaFor(const std::string& schema, int location) const {
  std::string s = schema.empty() ? catalog_.DefaultSchema() : schema;
  if (!catalog_.FindSchema(s))
    ThrowError(sqlstate::kInvalidSchemaName, "schema \"" + s + "\" does not exist", location);
  return s;
}

std::string DdlExecutor::UniqueRelationName(const std::string& schema,
                                            const std::string& base) const {
  std::string name = base.substr(0, 63);
  for (int i = 1; catalog_.RelationExists(schema, name); i++)
    name = base.substr(0, 60) + std::to_string(i);
  return name;
}

std::map<std::string, std::string> DdlExecutor::OptionTexts(const ast::OptionList& options,
                                                            const std::string& prefix) {
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : options)
    out[prefix + key] = value && value->kind == ast::ExprKind::kConstant
                            ? value->As<ast::ConstantExpr>().text
                            : "true";
  return out;
}

ExecContext DdlExecutor::MakeExecContext() {
  ExecContext ctx;
  ctx.txn = &txn_;
  ctx.catalog = &catalog_;
  ctx.storage = conn_.db->storage.get();
  ctx.function = conn_.MakeFunctionContext();
  ctx.cancel = &conn_.cancel;
  ctx.deadline = conn_.statement_deadline;
  ctx.session = &conn_;
  return ctx;
}

void DdlExecutor::AddColumn(TableInfo* table, const ast::ColumnDef& def,
                            std::vector<SequenceInfo>* sequences,
                            std::vector<ast::TableConstraint>* pending) {
  if (table->FindColumn(def.name) >= 0)
    ThrowError(sqlstate::kDuplicateColumn,
               catalog_.GetTable(table->id)
                   ? "column \"" + def.name + "\" of relation \"" + table->name +
                         "\" already exists"
                   : "column \"" + def.name + "\" specified more than once",
               def.location);
  ColumnInfo col;
  col.name = def.name;
  std::string type_name = def.type.name;
  bool serial = type_name == "serial" || type_name == "serial4" || type_name == "bigserial" ||
                type_name == "serial8" || type_name == "smallserial" || type_name == "serial2";
  if (serial) {
    col.type = type_name == "bigserial" || type_name == "serial8" ? TypeId::kBigInt
               : type_name == "smallserial" || type_name == "serial2" ? TypeId::kSmallInt
                                                                      : TypeId::kInteger;
  } else {
    col.type = ResolveTypeName(def.type);
  }
  col.slot = static_cast<int>(table->slot_types.size());
  col.attnum = 1;
  for (const auto& c : table->columns) col.attnum = std::max(col.attnum, c.attnum + 1);
  col.attnum = std::max(col.attnum, col.slot + 1);
  Binder binder(catalog_);
  binder.set_function_context(conn_.MakeFunctionContext());
  auto make_sequence = [&](const ast::OptionList* options) {
    SequenceInfo seq;
    seq.id = NewObjectId();
    seq.schema = table->schema;
    seq.name = UniqueRelationName(table->schema, table->name + "_" + col.name + "_seq");
    for (const auto& s : *sequences)
      if (s.name == seq.name) seq.name += "1";
    seq.type = col.type;
    seq.max_value = col.type.id() == TypeId::kSmallInt ? 32767
                    : col.type.id() == TypeId::kInteger ? 2147483647
                                                        : INT64_MAX;
    if (options) {
      for (const auto& [key, value] : *options) {
        if (key == "start") seq.start = OptionInt(value.get(), 1);
        if (key == "increment") seq.increment = OptionInt(value.get(), 1);
        if (key == "minvalue") seq.min_value = OptionInt(value.get(), 1);
        if (key == "maxvalue") seq.max_value = OptionInt(value.get(), seq.max_value);
        if (key == "cycle") seq.cycle = true;
      }
    }
    if (!col.type.IsInteger())
      ThrowError(sqlstate::kInvalidParameterValue,
                 "identity column type must be smallint, integer, or bigint", def.location);
    seq.owned_by = table->name + "." + col.name;
    col.sequence = seq.name;
    std::string qualified = seq.schema == "public" ? seq.name : seq.schema + "." + seq.name;
    col.default_sql = "nextval('" + qualified + "'::regclass)";
    col.not_null = true;
    sequences->push_back(seq);
  };
  if (serial) make_sequence(nullptr);
  for (const auto& c : def.constraints) {
    using T = ast::ColumnConstraint::Type;
    switch (c.type) {
      case T::kNotNull:
        col.not_null = true;
        break;
      case T::kNull:
        break;
      case T::kDefault: {
        if (MentionsColumn(*c.expr))
          ThrowError(sqlstate::kFeatureNotSupported,
                     "cannot use column reference in DEFAULT expression", c.expr->location);
        col.default_sql = ExprToString(*c.expr);
        // Validate now: the default must bind and convert to the column type.
        binder.Coerce(binder.BindScalar(*c.expr, Scope()), col.type, true,
                      "column \"" + col.name + "\"", c.expr->location);
        break;
      }
      case T::kIdentity:
        make_sequence(&c.sequence_options);
        col.identity = true;
        col.identity_always = c.identity_always;
        break;
      case T::kGenerated:
        ThrowError(sqlstate::kFeatureNotSupported, "generated columns are not supported yet",
                   c.location);
      case T::kCheck: {
        ConstraintInfo info;
        info.name = c.name.empty() ? table->name + "_" + def.name + "_check" : c.name;
        info.kind = ConstraintKind::kCheck;
        info.check_sql = ExprToString(*c.expr);
        table->constraints.push_back(info);
        break;
      }
      case T::kPrimaryKey:
      case T::kUnique:
      case T::kReferences: {
        ast::TableConstraint tc;
        tc.location = c.location;
        tc.name = c.name;
        tc.columns = {def.name};
        if (c.type == T::kPrimaryKey) tc.type = ast::TableConstraint::Type::kPrimaryKey;
        if (c.type == T::kUnique) tc.type = ast::TableConstraint::Type::kUnique;
        if (c.type == T::kReferences) {
          tc.type = ast::TableConstraint::Type::kForeignKey;
          tc.fk.ref_table = c.fk.ref_table;
          tc.fk.ref_columns = c.fk.ref_columns;
          tc.fk.on_delete = c.fk.on_delete;
          tc.fk.on_update = c.fk.on_update;
        }
        pending->push_back(std::move(tc));
        break;
      }
    }
  }
  table->columns.push_back(col);
  table->slot_types.push_back(col.type);
}

void DdlExecutor::AddConstraint(TableInfo* table, const ast::TableConstraint& c,
                                std::vector<IndexInfo>* new_indexes) {
  using T = ast::TableConstraint::Type;
  ConstraintInfo info;
  info.name = c.name;
  info.columns = ColumnIndexes(*table, c.columns, c.location);
  switch (c.type) {
    case T::kPrimaryKey:
      if (table->has_primary_key())
        ThrowError(sqlstate::kInvalidTableDefinition,
                   "multiple primary keys for table \"" + table->name + "\" are not allowed",
                   c.location);
      info.kind = ConstraintKind::kPrimaryKey;
      if (info.name.empty()) info.name = UniqueRelationName(table->schema, table->name + "_pkey");
      table->primary_key = info.columns;
      for (int col : info.columns) table->columns[col].not_null = true;
      break;
    case T::kUnique: {
      info.kind = ConstraintKind::kUnique;
      if (info.name.empty())
        info.name =
            UniqueRelationName(table->schema, table->name + "_" + JoinNames(*table, info.columns) +
                                                  "_key");
      IndexInfo index;
      index.id = NewObjectId();
      index.schema = table->schema;
      index.name = info.name;
      index.table_id = table->id;
      index.columns = info.columns;
      index.descending.assign(info.columns.size(), false);
      index.unique = true;
      info.index_id = index.id;
      new_indexes->push_back(index);
      break;
    }
    case T::kCheck:
      info.kind = ConstraintKind::kCheck;
      info.check_sql = ExprToString(*c.check);
      if (info.name.empty()) info.name = table->name + "_check";
      break;
    case T::kForeignKey: {
      info.kind = ConstraintKind::kForeignKey;
      auto [ref_schema, ref_name] = SplitQualifiedName(c.fk.ref_table, c.location);
      const TableInfo* parent = ref_name == table->name &&
                                        (ref_schema.empty() || ref_schema == table->schema)
                                    ? table
                                    : catalog_.FindTable(ref_schema, ref_name);
      if (!parent)
        ThrowError(sqlstate::kUndefinedTable, "relation \"" + ref_name + "\" does not exist",
                   c.location);
      if (c.fk.ref_columns.empty()) {
        if (!parent->has_primary_key())
          ThrowError("42830",
                     "there is no primary key for referenced table \"" + parent->name + "\"",
                     c.location);
        info.ref_columns = parent->primary_key;
      } else {
        info.ref_columns = ColumnIndexes(*parent, c.fk.ref_columns, c.location);
      }
      std::set<int> wanted(info.ref_columns.begin(), info.ref_columns.end());
      bool unique = std::set<int>(parent->primary_key.begin(), parent->primary_key.end()) == wanted;
      for (const auto& pc : parent->constraints)
        unique |= pc.kind == ConstraintKind::kUnique &&
                  std::set<int>(pc.columns.begin(), pc.columns.end()) == wanted;
      if (!unique)
        ThrowError("42830",
                   "there is no unique constraint matching given keys for referenced table \"" +
                       parent->name + "\"",
                   c.location);
      if (info.ref_columns.size() != info.columns.size())
        ThrowError("42830",
                   "number of referencing and referenced columns for foreign key disagree",
                   c.location);
      info.ref_table = parent->id;
      info.on_delete = ToFkAction(c.fk.on_delete);
      info.on_update = ToFkAction(c.fk.on_update);
      if (info.name.empty())
        info.name = table->name + "_" + JoinNames(*table, info.columns) + "_fkey";
      break;
    }
  }
  for (const auto& existing : table->constraints)
    if (existing.name == info.name)
      ThrowError(sqlstate::kDuplicateObject,
                 "constraint \"" + info.name + "\" for relation \"" + table->name +
                     "\" already exists",
                 c.location);
  table->constraints.push_back(info);
}

QueryResult::Impl DdlExecutor::CreateTable(const ast::CreateTableStmt& stmt) {
  auto [schema_name, name] = SplitQualifiedName(stmt.name, stmt.location);
  std::string schema = SchemaFor(schema_name, stmt.location);
  if (catalog_.RelationExists(schema, name)) {
    if (stmt.if_not_exists) return TagResult("CREATE TABLE");
    ThrowError(sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists",
               stmt.location);
  }
  if (stmt.as_select) return CreateTableAs(stmt, schema, name);
  TableInfo table;
  table.id = NewObjectId();
  table.schema = schema;
  table.name = name;
  table.owner = conn_.CurrentRoleId();
  std::vector<SequenceInfo> sequences;
  std::vector<ast::TableConstraint> pending;
  for (const auto& def : stmt.columns) AddColumn(&table, def, &sequences, &pending);
  std::vector<IndexInfo> indexes;
  for (const auto& c : pending) AddConstraint(&table, c, &indexes);
  for (const auto& c : stmt.constraints) AddConstraint(&table, c, &indexes);
  table.options = OptionTexts(stmt.options);
  // Column options (`c text COMPRESSION lz4`, `c text WITH (compression = 'fsst')`) are kept
  // as "<column>.<key>", as ALTER COLUMN ... SET (...) keeps them.
  for (const auto& def : stmt.columns)
    for (auto& [key, text] : OptionTexts(def.options, def.name + ".")) table.options[key] = text;
  if (table.options.count(kRetentionSetting)) ParseRetention(table.options[kRetentionSetting]);
  ValidateTieringOptions(table);
  // CHECK expressions must bind against the table.
  Binder binder(catalog_);
  Scope scope = Binder::TableScope(table);
  for (const auto& c : table.constraints) {
    if (c.kind != ConstraintKind::kCheck) continue;
    BoundExprPtr check = binder.BindExpressionText(c.check_sql, scope);
    if (check->HasSubquery())
      ThrowError(sqlstate::kFeatureNotSupported, "cannot use subquery in check constraint");
    binder.CoerceToBoolean(std::move(check), "CHECK", 0);
  }
  for (const auto& seq : sequences) {
    catalog_.PutSequence(txn_, seq);
    ResetSequence(conn_.db->storage.get(), seq.id, seq.start);
  }
  catalog_.PutTable(txn_, table);
  for (const auto& index : indexes) catalog_.PutIndex(txn_, index);
  return TagResult("CREATE TABLE");
}

QueryResult::Impl DdlExecutor::CreateTableAs(const ast::CreateTableStmt& stmt,
                                             const std::string& schema, const std::string& name) {
  PreparedPlan plan;
  plan.statement = std::shared_ptr<ast::Statement>(
      const_cast<ast::SelectStmt*>(stmt.as_select.get()), [](ast::Statement*) {});
  conn_.Bind(plan);
  TableInfo table;
  table.id = NewObjectId();
  table.schema = schema;
  table.name = name;
  table.owner = conn_.CurrentRoleId();
  for (size_t i = 0; i < plan.plan->types.size(); i++) {
    ColumnInfo col;
    col.name = i < stmt.columns.size() ? stmt.columns[i].name : plan.plan->names[i];
    col.type = plan.plan->types[i].id() == TypeId::kUnknown ? LogicalType(TypeId::kText)
                                                             : plan.plan->types[i];
    col.slot = static_cast<int>(i);
    col.attnum = static_cast<int>(i) + 1;
    if (table.FindColumn(col.name) >= 0)
      ThrowError(sqlstate::kDuplicateColumn,
                 "column \"" + col.name + "\" specified more than once", stmt.location);
    table.columns.push_back(col);
    table.slot_types.push_back(col.type);
  }
  catalog_.PutTable(txn_, table);
  int64_t rows = 0;
  if (!stmt.with_no_data) {
    ExecContext ctx = MakeExecContext();
    PhysicalOperatorPtr root = CreatePhysicalPlan(*plan.plan);
    TableWriter writer(ctx, *catalog_.GetTable(table.id));
    while (DataChunk* chunk = root->Next(ctx)) {
      for (idx_t r = 0; r < chunk->size(); r++) {
        std::vector<Value> row;
        for (idx_t c = 0; c < chunk->column_count(); c++) row.push_back(chunk->GetValue(c, r));
        writer.Insert(std::move(row));
        rows++;
      }
    }
  }
  return TagResult("SELECT " + std::to_string(rows));
}

void DdlExecutor::BuildIndex(const TableInfo& table, const IndexInfo& index) {
  for (auto it = txn_.Scan(table.id, "", ""); it->Valid(); it->Next()) {
    std::vector<Value> row = DecodeTableRow(table, it->value());
    std::string row_key(it->key());
    std::string entry = IndexEntryKey(index, row, row_key);
    bool has_null;
    IndexValuesOf(index, row, &has_null);
    if (index.unique && !has_null && txn_.Get(index.id, entry)) {
      Status s = Status::Error(sqlstate::kUniqueViolation,
                               "could not create unique index \"" + index.name + "\"");
      s.WithDetail("Key " + DescribeKey(table, index.columns, row) + " is duplicated.");
      throw DbException(s);
    }
    txn_.Put(index.id, entry, row_key);
  }
}

QueryResult::Impl DdlExecutor::CreateIndex(const ast::CreateIndexStmt& stmt) {
  Binder binder(catalog_);
  auto [schema_name, table_name] = SplitQualifiedName(stmt.table, stmt.location);
  const TableInfo* table = catalog_.FindTable(schema_name, table_name);
  if (!table)
    ThrowError(sqlstate::kUndefinedTable, "relation \"" + table_name + "\" does not exist",
               stmt.location);
  std::string method = stmt.method.empty() ? "btree" : stmt.method;
  if (method == "hash") method = "btree";  // an ordered index answers equality too
  if (method != "btree")
    ThrowError(sqlstate::kUndefinedObject, "access method \"" + method + "\" does not exist",
               stmt.location);
  IndexInfo index;
  index.schema = table->schema;
  index.table_id = table->id;
  index.unique = stmt.unique;
  index.method = method;
  for (const auto& e : stmt.elements) {
    if (e.column.empty())
      ThrowError(sqlstate::kFeatureNotSupported, "expression indexes are not supported yet",
                 e.location);
    int idx = table->FindColumn(e.column);
    if (idx < 0)
      ThrowError(sqlstate::kUndefinedColumn, "column \"" + e.column + "\" does not exist",
                 e.location);
    index.columns.push_back(idx);
    index.descending.push_back(e.descending);
  }
  if (stmt.where)
    ThrowError(sqlstate::kFeatureNotSupported, "partial indexes are not supported yet",
               stmt.where->location);
  std::string name = stmt.name;
  if (name.empty()) {
    name = UniqueRelationName(table->schema,
                              table->name + "_" + JoinNames(*table, index.columns) + "_idx");
  } else if (catalog_.RelationExists(table->schema, name)) {
    if (stmt.if_not_exists) return TagResult("CREATE INDEX");
    ThrowError(sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists",
               stmt.location);
  }
  index.name = name;
  index.id = NewObjectId();
  index.options = OptionTexts(stmt.options);
  BuildIndex(*table, index);
  catalog_.PutIndex(txn_, index);
  return TagResult("CREATE INDEX");
}

}  // namespace heliosdb
