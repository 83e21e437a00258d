// Catalog entry serialization. Every entry value is:
//
//   u8 entry format (1) | u8 CatalogKind | fields in declaration order, where
//   integers are zigzag varints, strings are varint length + bytes, bools one byte,
//   LogicalType is (u8 TypeId, varint mod1, varint mod2), and for an array type (TypeId
//   kArray) a u8 element TypeId after them; lists are varint count + items,
//   string maps are varint count + (key, value) pairs.
//
// New fields are appended at the end and read only when present, so older entries stay
// readable. Tables and views end with (owner, acl) where an acl is varint count + (grantee
// id, privilege bits) pairs. A role is (id, name, superuser, login, createdb, createrole,
// password verifier, member_of ids).
#include <cstring>

#include "catalog/catalog.h"
#include "common/binary_io.h"

namespace heliosdb {

namespace {
constexpr uint8_t kEntryFormat = 1;
constexpr const char* kWhat = "catalog entry";

void Begin(BinaryWriter& w, CatalogKind kind) {
  w.PutU8(kEntryFormat);
  w.PutU8(static_cast<uint8_t>(kind));
}

BinaryReader Open(std::string_view bytes, CatalogKind kind) {
  BinaryReader r(bytes, kWhat);
  if (r.GetU8() != kEntryFormat || r.GetU8() != static_cast<uint8_t>(kind))
    ThrowError(sqlstate::kDataCorrupted, "catalog entry has an unknown format");
  return r;
}

void PutType(BinaryWriter& w, const LogicalType& t) {
  w.PutU8(static_cast<uint8_t>(t.id()));
  w.PutSigned(t.modifier1());
  w.PutSigned(t.modifier2());
  if (t.IsArray()) w.PutU8(static_cast<uint8_t>(t.element_type().id()));
}

LogicalType GetType(BinaryReader& r) {
  auto id = static_cast<TypeId>(r.GetU8());
  auto m1 = static_cast<int32_t>(r.GetSigned());
  auto m2 = static_cast<int32_t>(r.GetSigned());
  if (id == TypeId::kArray)
    return LogicalType::Array(LogicalType(static_cast<TypeId>(r.GetU8()), m1, m2));
  return LogicalType(id, m1, m2);
}

void PutInts(BinaryWriter& w, const std::vector<int>& v) {
  w.PutVarint(v.size());
  for (int x : v) w.PutSigned(x);
}

std::vector<int> GetInts(BinaryReader& r) {
  std::vector<int> v(r.GetVarint());
  for (auto& x : v) x = static_cast<int>(r.GetSigned());
  return v;
}

void PutOptions(BinaryWriter& w, const std::map<std::string, std::string>& m) {
  w.PutVarint(m.size());
  for (const auto& [k, v] : m) {
    w.PutString(k);
    w.PutString(v);
  }
}

void PutOwnership(BinaryWriter& w, ObjectId owner, const Acl& acl) {
  w.PutSigned(owner);
  w.PutVarint(acl.size());
  for (const auto& [grantee, privileges] : acl) {
    w.PutSigned(grantee);
    w.PutVarint(privileges);
  }
}

// Entries written before roles existed end earlier: owner 0, no grants.
void GetOwnership(BinaryReader& r, ObjectId* owner, Acl* acl) {
  if (r.AtEnd()) return;
  *owner = static_cast<ObjectId>(r.GetSigned());
  for (uint64_t n = r.GetVarint(); n > 0; n--) {
    auto grantee = static_cast<ObjectId>(r.GetSigned());
    (*acl)[grantee] = static_cast<uint32_t>(r.GetVarint());
  }
}

std::map<std::string, std::string> GetOptions(BinaryReader& r) {
  std::map<std::string, std::string> m;
  for (uint64_t n = r.GetVarint(); n > 0; n--) {
    std::string k = r.GetString();
    m[k] = r.GetString();
  }
  return m;
}
}  // namespace

std::string SerializeEntry(const SchemaInfo& e) {
  BinaryWriter w;
  Begin(w, CatalogKind::kSchema);
  w.PutSigned(e.id);
  w.PutString(e.name);
  return std::move(w.data());
}

SchemaInfo DeserializeSchema(std::string_view bytes) {
  BinaryReader r = Open(bytes, CatalogKind::kSchema);
  SchemaInfo e;
  e.id = static_cast<ObjectId>(r.GetSigned());
  e.name = r.GetString();
  return e;
}

std::string SerializeEntry(const TableInfo& e) {
  BinaryWriter w;
  Begin(w, CatalogKind::kTable);
  w.PutSigned(e.id);
  w.PutString(e.schema);
  w.PutString(e.name);
  w.PutVarint(e.columns.size());
  for (const auto& c : e.columns) {
    w.PutString(c.name);
    PutType(w, c.type);
    w.PutSigned(c.slot);
    w.PutBool(c.not_null);
    w.PutString(c.default_sql);
    w.PutBool(c.identity);
    w.PutBool(c.identity_always);
    w.PutString(c.sequence);
    w.PutSigned(c.attnum);
  }
  w.PutVarint(e.slot_types.size());
  for (const auto& t : e.slot_types) PutType(w, t);
  PutInts(w, e.primary_key);
  w.PutVarint(e.constraints.size());
  for (const auto& c : e.constraints) {
    w.PutString(c.name);
    w.PutU8(static_cast<uint8_t>(c.kind));
    PutInts(w, c.columns);
    w.PutString(c.check_sql);
    w.PutSigned(c.index_id);
    w.PutSigned(c.ref_table);
    PutInts(w, c.ref_columns);
    w.PutU8(static_cast<uint8_t>(c.on_delete));
    w.PutU8(static_cast<uint8_t>(c.on_update));
  }
  PutOptions(w, e.options);
  PutOwnership(w, e.owner, e.acl);
  return std::move(w.data());
}

TableInfo DeserializeTable(std::string_view bytes) {
  BinaryReader r = Open(bytes, CatalogKind::kTable);
  TableInfo e;
  e.id = static_cast<ObjectId>(r.GetSigned());
  e.schema = r.GetString();
  e.name = r.GetString();
  e.columns.resize(r.GetVarint());
  for (auto& c : e.columns) {
    c.name = r.GetString();
    c.type = GetType(r);
    c.slot = static_cast<int>(r.GetSigned());
    c.not_null = r.GetBool();
    c.default_sql = r.GetString();
    c.identity = r.GetBool();
    c.identity_always = r.GetBool();
    c.sequence = r.GetString();
    c.attnum = static_cast<int>(r.GetSigned());
  }
  e.slot_types.resize(r.GetVarint());
  for (auto& t : e.slot_types) t = GetType(r);
  e.primary_key = GetInts(r);
  e.constraints.resize(r.GetVarint());
  for (auto& c : e.constraints) {
    c.name = r.GetString();
    c.kind = static_cast<ConstraintKind>(r.GetU8());
    c.columns = GetInts(r);
    c.check_sql = r.GetString();
    c.index_id = static_cast<ObjectId>(r.GetSigned());
    c.ref_table = static_cast<ObjectId>(r.GetSigned());
    c.ref_columns = GetInts(r);
    c.on_delete = static_cast<FkAction>(r.GetU8());
    c.on_update = static_cast<FkAction>(r.GetU8());
  }
  e.options = GetOptions(r);
  GetOwnership(r, &e.owner, &e.acl);
  return e;
}

std::string SerializeEntry(const IndexInfo& e) {
  BinaryWriter w;
  Begin(w, CatalogKind::kIndex);
  w.PutSigned(e.id);
  w.PutString(e.schema);
  w.PutString(e.name);
  w.PutSigned(e.table_id);
  PutInts(w, e.columns);
  w.PutVarint(e.descending.size());
  for (bool d : e.descending) w.PutBool(d);
  w.PutBool(e.unique);
  w.PutBool(e.primary);
  w.PutString(e.method);
  PutOptions(w, e.options);
  return std::move(w.data());
}

IndexInfo DeserializeIndex(std::string_view bytes) {
  BinaryReader r = Open(bytes, CatalogKind::kIndex);
  IndexInfo e;
  e.id = static_cast<ObjectId>(r.GetSigned());
  e.schema = r.GetString();
  e.name = r.GetString();
  e.table_id = static_cast<ObjectId>(r.GetSigned());
  e.columns = GetInts(r);
  e.descending.resize(r.GetVarint());
  for (size_t i = 0; i < e.descending.size(); i++) e.descending[i] = r.GetBool();
  e.unique = r.GetBool();
  e.primary = r.GetBool();
  e.method = r.GetString();
  e.options = GetOptions(r);
  return e;
}

std::string SerializeEntry(const ViewInfo& e) {
  BinaryWriter w;
  Begin(w, CatalogKind::kView);
  w.PutSigned(e.id);
  w.PutString(e.schema);
  w.PutString(e.name);
  w.PutVarint(e.column_names.size());
  for (const auto& c : e.column_names) w.PutString(c);
  w.PutString(e.query_sql);
  PutOwnership(w, e.owner, e.acl);
  return std::move(w.data());
}

ViewInfo DeserializeView(std::string_view bytes) {
  BinaryReader r = Open(bytes, CatalogKind::kView);
  ViewInfo e;
  e.id = static_cast<ObjectId>(r.GetSigned());
  e.schema = r.GetString();
  e.name = r.GetString();
  e.column_names.resize(r.GetVarint());
  for (auto& c : e.column_names) c = r.GetString();
  e.query_sql = r.GetString();
  GetOwnership(r, &e.owner, &e.acl);
  return e;
}

std::string SerializeEntry(const SequenceInfo& e) {
  BinaryWriter w;
  Begin(w, CatalogKind::kSequence);
  w.PutSigned(e.id);
  w.PutString(e.schema);
  w.PutString(e.name);
  PutType(w, e.type);
  w.PutSigned(e.start);
  w.PutSigned(e.increment);
  w.PutSigned(e.min_value);
  w.PutSigned(e.max_value);
  w.PutBool(e.cycle);
  w.PutString(e.owned_by);
  return std::move(w.data());
}

SequenceInfo DeserializeSequence(std::string_view bytes) {
  BinaryReader r = Open(bytes, CatalogKind::kSequence);
  SequenceInfo e;
  e.id = static_cast<ObjectId>(r.GetSigned());
  e.schema = r.GetString();
  e.name = r.GetString();
  e.type = GetType(r);
  e.start = r.GetSigned();
  e.increment = r.GetSigned();
  e.min_value = r.GetSigned();
  e.max_value = r.GetSigned();
  e.cycle = r.GetBool();
  e.owned_by = r.GetString();
  return e;
}

std::string SerializeEntry(const RoleInfo& e) {
  BinaryWriter w;
  Begin(w, CatalogKind::kRole);
  w.PutSigned(e.id);
  w.PutString(e.name);
  w.PutBool(e.superuser);
  w.PutBool(e.login);
  w.PutBool(e.createdb);
  w.PutBool(e.createrole);
  w.PutString(e.password);
  w.PutVarint(e.member_of.size());
  for (ObjectId id : e.member_of) w.PutSigned(id);
  return std::move(w.data());
}

RoleInfo DeserializeRole(std::string_view bytes) {
  BinaryReader r = Open(bytes, CatalogKind::kRole);
  RoleInfo e;
  e.id = static_cast<ObjectId>(r.GetSigned());
  e.name = r.GetString();
  e.superuser = r.GetBool();
  e.login = r.GetBool();
  e.createdb = r.GetBool();
  e.createrole = r.GetBool();
  e.password = r.GetString();
  e.member_of.resize(r.GetVarint());
  for (auto& id : e.member_of) id = static_cast<ObjectId>(r.GetSigned());
  return e;
}

namespace {
// Doubles travel as their IEEE-754 bit pattern.
void PutDouble(BinaryWriter& w, double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  w.PutVarint(bits);
}

double GetDouble(BinaryReader& r) {
  uint64_t bits = r.GetVarint();
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}
}  // namespace

std::string SerializeEntry(const TableStats& e) {
  BinaryWriter w;
  Begin(w, CatalogKind::kStatistics);
  w.PutSigned(e.table_id);
  PutDouble(w, e.rows);
  w.PutVarint(e.columns.size());
  for (const auto& c : e.columns) {
    w.PutSigned(c.slot);
    PutDouble(w, c.null_fraction);
    PutDouble(w, c.distinct);
    w.PutBool(c.has_range);
    PutDouble(w, c.min);
    PutDouble(w, c.max);
  }
  return std::move(w.data());
}

TableStats DeserializeStatistics(std::string_view bytes) {
  BinaryReader r = Open(bytes, CatalogKind::kStatistics);
  TableStats e;
  e.table_id = static_cast<ObjectId>(r.GetSigned());
  e.rows = GetDouble(r);
  e.columns.resize(r.GetVarint());
  for (auto& c : e.columns) {
    c.slot = static_cast<int>(r.GetSigned());
    c.null_fraction = GetDouble(r);
    c.distinct = GetDouble(r);
    c.has_range = r.GetBool();
    c.min = GetDouble(r);
    c.max = GetDouble(r);
  }
  return e;
}

}  // namespace heliosdb
