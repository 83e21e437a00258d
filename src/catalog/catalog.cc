#include "catalog/catalog.h"

#include "common/exception.h"
#include "storage/key_codec.h"

namespace heliosdb {

namespace {
constexpr ObjectId kPublicSchemaId = 2;
constexpr ObjectId kPgCatalogSchemaId = 3;
constexpr ObjectId kInformationSchemaId = 4;

std::string EntryKey(CatalogKind kind, ObjectId id) {
  return EncodeKey({Value::Integer(static_cast<int64_t>(kind)), Value::BigInt(id)});
}
}  // namespace

std::shared_ptr<Catalog> Catalog::Load(Transaction& txn) {
  auto catalog = std::make_shared<Catalog>();
  catalog->schemas_[kPublicSchemaId] = {kPublicSchemaId, "public"};
  catalog->schemas_[kPgCatalogSchemaId] = {kPgCatalogSchemaId, "pg_catalog"};
  catalog->schemas_[kInformationSchemaId] = {kInformationSchemaId, "information_schema"};
  // The bootstrap superuser exists from the start; ALTER ROLE on it writes an entry that
  // replaces this one.
  RoleInfo bootstrap;
  bootstrap.id = kBootstrapSuperuserId;
  bootstrap.name = kBootstrapSuperuserName;
  bootstrap.superuser = bootstrap.login = bootstrap.createdb = bootstrap.createrole = true;
  catalog->roles_[kBootstrapSuperuserId] = bootstrap;
  for (auto it = txn.Scan(kCatalogObjectId, "", ""); it->Valid(); it->Next()) {
    std::string_view key = it->key();
    auto kind = static_cast<CatalogKind>(DecodeKeyPart(&key, TypeId::kInteger).GetInt64());
    std::string_view v = it->value();
    switch (kind) {
      case CatalogKind::kSchema: {
        auto e = DeserializeSchema(v);
        catalog->schemas_[e.id] = e;
        break;
      }
      case CatalogKind::kTable: {
        auto e = DeserializeTable(v);
        catalog->tables_[e.id] = std::move(e);
        break;
      }
      case CatalogKind::kIndex: {
        auto e = DeserializeIndex(v);
        catalog->indexes_[e.id] = std::move(e);
        break;
      }
      case CatalogKind::kView: {
        auto e = DeserializeView(v);
        catalog->views_[e.id] = std::move(e);
        break;
      }
      case CatalogKind::kSequence: {
        auto e = DeserializeSequence(v);
        catalog->sequences_[e.id] = std::move(e);
        break;
      }
      case CatalogKind::kStatistics: {
        auto e = DeserializeStatistics(v);
        catalog->statistics_[e.table_id] = std::move(e);
        break;
      }
      case CatalogKind::kRole: {
        auto e = DeserializeRole(v);
        catalog->roles_[e.id] = std::move(e);
        break;
      }
      default:
        ThrowError(sqlstate::kDataCorrupted, "catalog entry of unknown kind");
    }
  }
  return catalog;
}

template <typename T>
const T* Catalog::FindIn(const std::map<ObjectId, T>& entries, const std::string& schema,
                         const std::string& name) const {
  for (const auto& [id, e] : entries)
    if (e.name == name && e.schema == schema) return &e;
  return nullptr;
}

namespace {
thread_local const std::vector<std::string>* current_search_path = nullptr;
}  // namespace

SearchPathScope::SearchPathScope(const std::vector<std::string>& path)
    : saved_(current_search_path) {
  current_search_path = &path;
}

SearchPathScope::~SearchPathScope() { current_search_path = saved_; }

const std::vector<std::string>& SearchPathScope::Current() {
  static const std::vector<std::string> kDefault = {"public", "pg_catalog"};
  return current_search_path ? *current_search_path : kDefault;
}

std::vector<std::string> ParseSearchPath(const std::string& setting) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < setting.size()) {
    size_t comma = setting.find(',', i);
    std::string item = setting.substr(i, comma == std::string::npos ? std::string::npos : comma - i);
    i = comma == std::string::npos ? setting.size() : comma + 1;
    size_t b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
    if (b == std::string::npos) continue;
    item = item.substr(b, e - b + 1);
    if (item.size() >= 2 && item.front() == '"' && item.back() == '"') {
      item = item.substr(1, item.size() - 2);
    } else {
      for (auto& ch : item) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    if (item != "$user") out.push_back(item);  // no per-user schemas in an embedded database
  }
  out.push_back("pg_catalog");
  return out;
}

std::string Catalog::DefaultSchema() const {
  for (const auto& s : SearchPathScope::Current())
    if (s != "pg_catalog" && FindSchema(s)) return s;
  ThrowError(sqlstate::kInvalidSchemaName, "no schema has been selected to create in");
}

std::string Catalog::ResolveSchema(const std::string& schema, const std::string& name,
                                   CatalogKind kind) const {
  if (!schema.empty()) return schema;
  for (const std::string& path_entry : SearchPathScope::Current()) {
    const char* candidate = path_entry.c_str();
    bool found = false;
    switch (kind) {
      case CatalogKind::kTable:
        found = FindIn(tables_, candidate, name) != nullptr;
        break;
      case CatalogKind::kView:
        found = FindIn(views_, candidate, name) != nullptr;
        break;
      case CatalogKind::kIndex:
        found = FindIn(indexes_, candidate, name) != nullptr;
        break;
      case CatalogKind::kSequence:
        found = FindIn(sequences_, candidate, name) != nullptr;
        break;
      default:
        break;
    }
    if (found) return candidate;
  }
  return SearchPathScope::Current().empty() ? "public" : SearchPathScope::Current().front();
}

const SchemaInfo* Catalog::FindSchema(const std::string& name) const {
  for (const auto& [id, s] : schemas_)
    if (s.name == name) return &s;
  return nullptr;
}

const TableInfo* Catalog::FindTable(const std::string& schema, const std::string& name) const {
  return FindIn(tables_, ResolveSchema(schema, name, CatalogKind::kTable), name);
}
const ViewInfo* Catalog::FindView(const std::string& schema, const std::string& name) const {
  return FindIn(views_, ResolveSchema(schema, name, CatalogKind::kView), name);
}
const IndexInfo* Catalog::FindIndex(const std::string& schema, const std::string& name) const {
  return FindIn(indexes_, ResolveSchema(schema, name, CatalogKind::kIndex), name);
}
const SequenceInfo* Catalog::FindSequence(const std::string& schema,
                                          const std::string& name) const {
  return FindIn(sequences_, ResolveSchema(schema, name, CatalogKind::kSequence), name);
}

const TableInfo* Catalog::GetTable(ObjectId id) const {
  auto it = tables_.find(id);
  return it == tables_.end() ? nullptr : &it->second;
}

const IndexInfo* Catalog::GetIndex(ObjectId id) const {
  auto it = indexes_.find(id);
  return it == indexes_.end() ? nullptr : &it->second;
}

std::vector<const IndexInfo*> Catalog::TableIndexes(ObjectId table_id) const {
  std::vector<const IndexInfo*> out;
  for (const auto& [id, ix] : indexes_)
    if (ix.table_id == table_id) out.push_back(&ix);
  return out;
}

const RoleInfo* Catalog::FindRole(const std::string& name) const {
  for (const auto& [id, r] : roles_)
    if (r.name == name) return &r;
  return nullptr;
}

const RoleInfo* Catalog::GetRole(ObjectId id) const {
  auto it = roles_.find(id);
  return it == roles_.end() ? nullptr : &it->second;
}

void Catalog::PutRole(Transaction& txn, const RoleInfo& role) {
  txn.Put(kCatalogObjectId, EntryKey(CatalogKind::kRole, role.id), SerializeEntry(role));
  roles_[role.id] = role;
}

std::vector<const TableInfo*> Catalog::ReferencingTables(ObjectId table_id) const {
  std::vector<const TableInfo*> out;
  for (const auto& [id, t] : tables_) {
    for (const auto& c : t.constraints) {
      if (c.kind == ConstraintKind::kForeignKey && c.ref_table == table_id) {
        out.push_back(&t);
        break;
      }
    }
  }
  return out;
}

bool Catalog::RelationExists(const std::string& schema, const std::string& name) const {
  return FindIn(tables_, schema, name) || FindIn(views_, schema, name) ||
         FindIn(indexes_, schema, name) || FindIn(sequences_, schema, name);
}

void Catalog::PutSchema(Transaction& txn, const SchemaInfo& schema) {
  txn.Put(kCatalogObjectId, EntryKey(CatalogKind::kSchema, schema.id), SerializeEntry(schema));
  schemas_[schema.id] = schema;
}

void Catalog::PutTable(Transaction& txn, const TableInfo& table) {
  txn.Put(kCatalogObjectId, EntryKey(CatalogKind::kTable, table.id), SerializeEntry(table));
  tables_[table.id] = table;
}

void Catalog::PutIndex(Transaction& txn, const IndexInfo& index) {
  txn.Put(kCatalogObjectId, EntryKey(CatalogKind::kIndex, index.id), SerializeEntry(index));
  indexes_[index.id] = index;
}

void Catalog::PutView(Transaction& txn, const ViewInfo& view) {
  txn.Put(kCatalogObjectId, EntryKey(CatalogKind::kView, view.id), SerializeEntry(view));
  views_[view.id] = view;
}

void Catalog::PutSequence(Transaction& txn, const SequenceInfo& sequence) {
  txn.Put(kCatalogObjectId, EntryKey(CatalogKind::kSequence, sequence.id),
          SerializeEntry(sequence));
  sequences_[sequence.id] = sequence;
}

const TableStats* Catalog::GetStatistics(ObjectId table_id) const {
  auto it = statistics_.find(table_id);
  return it == statistics_.end() ? nullptr : &it->second;
}

void Catalog::PutStatistics(Transaction& txn, const TableStats& stats) {
  txn.Put(kCatalogObjectId, EntryKey(CatalogKind::kStatistics, stats.table_id),
          SerializeEntry(stats));
  statistics_[stats.table_id] = stats;
}

void Catalog::Drop(Transaction& txn, CatalogKind kind, ObjectId id) {
  txn.Delete(kCatalogObjectId, EntryKey(kind, id));
  if (kind == CatalogKind::kTable && statistics_.erase(id))
    txn.Delete(kCatalogObjectId, EntryKey(CatalogKind::kStatistics, id));
  switch (kind) {
    case CatalogKind::kSchema:
      schemas_.erase(id);
      break;
    case CatalogKind::kTable:
      tables_.erase(id);
      break;
    case CatalogKind::kIndex:
      indexes_.erase(id);
      break;
    case CatalogKind::kView:
      views_.erase(id);
      break;
    case CatalogKind::kSequence:
      sequences_.erase(id);
      break;
    case CatalogKind::kStatistics:
      statistics_.erase(id);
      break;
    case CatalogKind::kRole:
      roles_.erase(id);
      break;
  }
}

}  // namespace heliosdb
