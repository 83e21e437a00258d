#include "dump/verify_side.h"

#include "dump/dump_walker.h"
#include "dump/pg_connection.h"
#include "dump/snapshot_source.h"
#include "engine/copy_format.h"

namespace heliosdb::dump {

namespace {

class LocalRows : public VerifySide {
 public:
  explicit LocalRows(SnapshotSource& source) : source_(source) {}
  std::string name() const override { return "heliosdb"; }
  std::map<std::string, TableChecksum> Checksums(const DumpCatalog& tables) override {
    std::map<std::string, TableChecksum> out;
    for (const DumpTable& t : tables.tables) {
      TableChecksum& sum = out[ObjectKey(t.schema, t.name)];
      Rows(t, [&](int64_t hash, const std::string&) { sum.Add(hash); });
    }
    return out;
  }
  void Rows(const DumpTable& t, const RowFn& fn) override {
    source_.StreamRows(
        t, [&](const SnapshotSource::RowPiece& piece) { ForEachCopyRow(piece.data, fn); });
  }
  std::set<std::string> Indexes() override { return CatalogIndexes(source_.catalog()); }
  std::set<std::string> Views() override {
    std::set<std::string> out;
    for (const DumpView& v : source_.catalog().views) out.insert(ObjectKey(v.schema, v.name));
    return out;
  }

 private:
  SnapshotSource& source_;
};

class PostgresRows : public VerifySide {
 public:
  explicit PostgresRows(const std::string& conninfo) : pg_(conninfo) {}
  std::string name() const override { return "postgresql"; }
  std::map<std::string, TableChecksum> Checksums(const DumpCatalog& tables) override {
    std::set<std::string> present;
    for (auto& row : pg_.Query("SELECT table_schema || '.' || table_name FROM "
                               "information_schema.tables WHERE table_type = 'BASE TABLE'"))
      present.insert(*row[0]);
    std::map<std::string, TableChecksum> out;
    for (const DumpTable& t : tables.tables) {
      std::string key = ObjectKey(t.schema, t.name);
      if (!present.count(key)) continue;
      auto row = pg_.Query(PostgresChecksumQuery(t)).at(0);
      TableChecksum sum;
      sum.rows = std::stoll(*row[0]);
      sum.sum = ParseInt128(*row[1]);
      out[key] = sum;
    }
    return out;
  }
  void Rows(const DumpTable& t, const RowFn& fn) override {
    pg_.QueryEach(PostgresRowHashQuery(t),
                  [&](const std::vector<Field>& row) { fn(std::stoll(*row[0]), *row[1]); });
  }
  std::set<std::string> Indexes() override {
    return Names("SELECT schemaname || '.' || indexname FROM pg_indexes");
  }
  std::set<std::string> Views() override {
    return Names("SELECT schemaname || '.' || viewname FROM pg_views");
  }

 private:
  static __int128 ParseInt128(const std::string& s) {
    __int128 v = 0;
    size_t i = s[0] == '-' ? 1 : 0;
    for (; i < s.size(); i++) v = v * 10 + (s[i] - '0');
    return s[0] == '-' ? -v : v;
  }
  std::set<std::string> Names(const std::string& sql) {
    std::set<std::string> out;
    for (auto& row : pg_.Query(sql)) out.insert(*row[0]);
    return out;
  }
  PgConnection pg_;
};

class DumpRows : public VerifySide {
 public:
  explicit DumpRows(const std::string& file) : file_(file) {
    DumpReader reader(file_);
    catalog_ = WalkDump(reader, {});
  }
  std::string name() const override { return "dump"; }
  std::map<std::string, TableChecksum> Checksums(const DumpCatalog&) override {
    std::map<std::string, TableChecksum> out;
    Walk([&](const DumpTable& t, const std::string& data) {
      TableChecksum& sum = out[ObjectKey(t.schema, t.name)];
      ForEachCopyRow(data, [&](int64_t hash, const std::string&) { sum.Add(hash); });
    });
    for (const DumpTable& t : catalog_.tables) out[ObjectKey(t.schema, t.name)];
    return out;
  }
  void Rows(const DumpTable& table, const RowFn& fn) override {
    Walk([&](const DumpTable& t, const std::string& data) {
      if (t.schema == table.schema && t.name == table.name) ForEachCopyRow(data, fn);
    });
  }
  std::set<std::string> Indexes() override { return CatalogIndexes(catalog_); }
  std::set<std::string> Views() override {
    std::set<std::string> out;
    for (const DumpView& v : catalog_.views) out.insert(ObjectKey(v.schema, v.name));
    return out;
  }

 private:
  void Walk(const std::function<void(const DumpTable&, const std::string&)>& fn) {
    DumpReader reader(file_);
    DumpHandlers h;
    bool on_branch = false;  // main's tables come first; branches' are not compared yet
    h.on_branch = [&](const DumpBranch&) { on_branch = true; };
    h.on_table = [&](const DumpTable& t, DumpRowsStream& rows) {
      if (on_branch) return;
      std::string data;
      while (rows.Read(&data)) fn(t, data);
    };
    WalkDump(reader, h);
  }
  std::string file_;
  DumpCatalog catalog_;
};

}  // namespace

void ForEachCopyRow(std::string_view copy_text, const VerifySide::RowFn& fn) {
  CopyOptions options;
  CopyRowReader reader(options);
  reader.Feed(copy_text);
  std::vector<CopyField> fields;
  while (reader.NextRow(&fields, /*at_end=*/true)) {
    std::string text = CanonicalRowText(fields);
    fn(RowHash(text), text);
  }
}

std::set<std::string> CatalogIndexes(const DumpCatalog& catalog) {
  std::set<std::string> out;
  for (const DumpIndex& i : catalog.indexes) out.insert(ObjectKey(i.schema, i.name));
  for (const DumpTable& t : catalog.tables)
    for (const DumpConstraint& k : t.constraints)
      if (k.kind == ConstraintKind::kPrimaryKey || k.kind == ConstraintKind::kUnique)
        out.insert(ObjectKey(t.schema, k.name));
  return out;
}

std::unique_ptr<VerifySide> LocalSide(SnapshotSource& source) {
  return std::make_unique<LocalRows>(source);
}
std::unique_ptr<VerifySide> PostgresSide(const std::string& conninfo) {
  return std::make_unique<PostgresRows>(conninfo);
}
std::unique_ptr<VerifySide> DumpSide(const std::string& file) {
  return std::make_unique<DumpRows>(file);
}

}  // namespace heliosdb::dump
