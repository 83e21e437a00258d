#include "dump/dump_catalog.h"

#include <functional>
#include <set>

#include "common/binary_io.h"
#include "parser/ast_printer.h"

namespace heliosdb::dump {

namespace {

enum class RecordKind : uint8_t { kSchema = 1, kTable = 2, kIndex = 3, kView = 4, kSequence = 5 };

void PutStrings(BinaryWriter& w, const std::vector<std::string>& v) {
  w.PutVarint(v.size());
  for (const auto& s : v) w.PutString(s);
}
std::vector<std::string> GetStrings(BinaryReader& r) {
  std::vector<std::string> v(r.GetVarint());
  for (auto& s : v) s = r.GetString();
  return v;
}
void PutOptions(BinaryWriter& w, const std::map<std::string, std::string>& m) {
  w.PutVarint(m.size());
  for (const auto& [k, v] : m) {
    w.PutString(k);
    w.PutString(v);
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

std::vector<std::string> ColumnNames(const TableInfo& t, const std::vector<int>& columns) {
  std::vector<std::string> names;
  for (int c : columns) names.push_back(t.columns[c].name);
  return names;
}

void EncodeTable(BinaryWriter& w, const DumpTable& t) {
  w.PutString(t.schema);
  w.PutString(t.name);
  w.PutVarint(t.columns.size());
  for (const DumpColumn& c : t.columns) {
    w.PutString(c.name);
    w.PutString(c.type);
    w.PutBool(c.not_null);
    w.PutString(c.default_sql);
    w.PutBool(c.serial);
    w.PutBool(c.identity);
    w.PutBool(c.identity_always);
    w.PutString(c.sequence);
  }
  PutStrings(w, t.primary_key);
  w.PutVarint(t.constraints.size());
  for (const DumpConstraint& c : t.constraints) {
    w.PutString(c.name);
    w.PutU8(static_cast<uint8_t>(c.kind));
    PutStrings(w, c.columns);
    w.PutString(c.check_sql);
    w.PutString(c.ref_schema);
    w.PutString(c.ref_table);
    PutStrings(w, c.ref_columns);
    w.PutU8(static_cast<uint8_t>(c.on_delete));
    w.PutU8(static_cast<uint8_t>(c.on_update));
  }
  PutOptions(w, t.options);
  w.PutSigned(t.rows);
}

DumpTable DecodeTable(BinaryReader& r) {
  DumpTable t;
  t.schema = r.GetString();
  t.name = r.GetString();
  t.columns.resize(r.GetVarint());
  for (DumpColumn& c : t.columns) {
    c.name = r.GetString();
    c.type = r.GetString();
    c.not_null = r.GetBool();
    c.default_sql = r.GetString();
    c.serial = r.GetBool();
    c.identity = r.GetBool();
    c.identity_always = r.GetBool();
    c.sequence = r.GetString();
  }
  t.primary_key = GetStrings(r);
  t.constraints.resize(r.GetVarint());
  for (DumpConstraint& c : t.constraints) {
    c.name = r.GetString();
    c.kind = static_cast<ConstraintKind>(r.GetU8());
    c.columns = GetStrings(r);
    c.check_sql = r.GetString();
    c.ref_schema = r.GetString();
    c.ref_table = r.GetString();
    c.ref_columns = GetStrings(r);
    c.on_delete = static_cast<FkAction>(r.GetU8());
    c.on_update = static_cast<FkAction>(r.GetU8());
  }
  t.options = GetOptions(r);
  t.rows = r.GetSigned();
  return t;
}

DumpColumn DescribeColumn(const ColumnInfo& c) {
  DumpColumn d{c.name, c.type.ToString(), c.not_null,        c.default_sql,
               false,  c.identity,        c.identity_always, c.sequence};
  if (!c.sequence.empty()) {
    // The owned sequence comes back with the column: SERIAL or IDENTITY recreates it.
    d.default_sql.clear();
    d.serial = !c.identity;
  }
  return d;
}

}  // namespace

std::string QualifiedName(const std::string& schema, const std::string& name) {
  return QuoteIdentifier(schema) + "." + QuoteIdentifier(name);
}

DumpCatalog DumpCatalog::FromCatalog(
    const Catalog& catalog, const std::function<int64_t(const SequenceInfo&)>& next_value) {
  DumpCatalog d;
  for (const auto& [id, s] : catalog.schemas())
    if (s.name != "public" && s.name != "pg_catalog" && s.name != "information_schema")
      d.schemas.push_back(s.name);
  std::set<ObjectId> constraint_indexes;
  for (const auto& [id, t] : catalog.tables()) {
    DumpTable dt{t.schema, t.name, {}, ColumnNames(t, t.primary_key), {}, t.options, 0};
    for (const ColumnInfo& c : t.columns) dt.columns.push_back(DescribeColumn(c));
    for (const ConstraintInfo& c : t.constraints) {
      DumpConstraint dc{c.name,      c.kind,     ColumnNames(t, c.columns), c.check_sql, "", "", {},
                        c.on_delete, c.on_update};
      if (c.index_id) constraint_indexes.insert(c.index_id);
      if (c.kind == ConstraintKind::kForeignKey) {
        const TableInfo* ref = catalog.GetTable(c.ref_table);
        dc.ref_schema = ref->schema;
        dc.ref_table = ref->name;
        dc.ref_columns = ColumnNames(*ref, c.ref_columns);
      }
      dt.constraints.push_back(std::move(dc));
    }
    d.tables.push_back(std::move(dt));
  }
  for (const auto& [id, i] : catalog.indexes()) {
    if (i.primary || constraint_indexes.count(id)) continue;
    const TableInfo* t = catalog.GetTable(i.table_id);
    d.indexes.push_back({i.schema, i.name, t->name, ColumnNames(*t, i.columns), i.descending,
                         i.unique, i.method, i.options});
  }
  for (const auto& [id, v] : catalog.views())
    d.views.push_back({v.schema, v.name, v.column_names, v.query_sql});
  for (const auto& [id, s] : catalog.sequences())
    d.sequences.push_back({s.schema, s.name, s.type.ToString(), s.start, s.increment, s.min_value,
                           s.max_value, s.cycle, s.owned_by, next_value(s)});
  return d;
}

std::string DumpCatalog::Encode() const {
  BinaryWriter out;
  auto record = [&](RecordKind kind, BinaryWriter& body) {
    out.PutU8(static_cast<uint8_t>(kind));
    out.PutString(body.data());
  };
  for (const std::string& s : schemas) {
    BinaryWriter w;
    w.PutString(s);
    record(RecordKind::kSchema, w);
  }
  for (const DumpTable& t : tables) {
    BinaryWriter w;
    EncodeTable(w, t);
    record(RecordKind::kTable, w);
  }
  for (const DumpIndex& i : indexes) {
    BinaryWriter w;
    w.PutString(i.schema);
    w.PutString(i.name);
    w.PutString(i.table);
    PutStrings(w, i.columns);
    w.PutVarint(i.descending.size());
    for (bool b : i.descending) w.PutBool(b);
    w.PutBool(i.unique);
    w.PutString(i.method);
    PutOptions(w, i.options);
    record(RecordKind::kIndex, w);
  }
  for (const DumpView& v : views) {
    BinaryWriter w;
    w.PutString(v.schema);
    w.PutString(v.name);
    PutStrings(w, v.column_names);
    w.PutString(v.query_sql);
    record(RecordKind::kView, w);
  }
  for (const DumpSequence& s : sequences) {
    BinaryWriter w;
    w.PutString(s.schema);
    w.PutString(s.name);
    w.PutString(s.type);
    for (int64_t v : {s.start, s.increment, s.min_value, s.max_value}) w.PutSigned(v);
    w.PutBool(s.cycle);
    w.PutString(s.owned_by);
    w.PutSigned(s.next_value);
    record(RecordKind::kSequence, w);
  }
  return std::move(out.data());
}

DumpCatalog DumpCatalog::Decode(std::string_view bytes) {
  DumpCatalog d;
  BinaryReader in(bytes, "dump catalog");
  while (!in.AtEnd()) {
    auto kind = static_cast<RecordKind>(in.GetU8());
    std::string body = in.GetString();
    BinaryReader r(body, "dump catalog record");
    switch (kind) {
      case RecordKind::kSchema:
        d.schemas.push_back(r.GetString());
        break;
      case RecordKind::kTable:
        d.tables.push_back(DecodeTable(r));
        break;
      case RecordKind::kIndex: {
        DumpIndex i;
        i.schema = r.GetString();
        i.name = r.GetString();
        i.table = r.GetString();
        i.columns = GetStrings(r);
        i.descending.resize(r.GetVarint());
        for (size_t k = 0; k < i.descending.size(); k++) i.descending[k] = r.GetBool();
        i.unique = r.GetBool();
        i.method = r.GetString();
        i.options = GetOptions(r);
        d.indexes.push_back(std::move(i));
        break;
      }
      case RecordKind::kView: {
        DumpView v;
        v.schema = r.GetString();
        v.name = r.GetString();
        v.column_names = GetStrings(r);
        v.query_sql = r.GetString();
        d.views.push_back(std::move(v));
        break;
      }
      case RecordKind::kSequence: {
        DumpSequence s;
        s.schema = r.GetString();
        s.name = r.GetString();
        s.type = r.GetString();
        s.start = r.GetSigned();
        s.increment = r.GetSigned();
        s.min_value = r.GetSigned();
        s.max_value = r.GetSigned();
        s.cycle = r.GetBool();
        s.owned_by = r.GetString();
        s.next_value = r.GetSigned();
        d.sequences.push_back(std::move(s));
        break;
      }
      default:
        break;  // a record kind of a later version: its body is skipped
    }
  }
  return d;
}

const DumpTable* DumpCatalog::FindTable(const std::string& schema, const std::string& name) const {
  for (const DumpTable& t : tables)
    if (t.schema == schema && t.name == name) return &t;
  return nullptr;
}

}  // namespace heliosdb::dump
