#include "dump/snapshot_source.h"

#include "engine/connection_impl.h"
#include "engine/copy_stream.h"
#include "execution/exec_context.h"
#include "parser/ast_printer.h"

namespace heliosdb::dump {

namespace {

// COPY TO STDOUT into a callback; COPY writes whole rows per piece.
class SinkStream : public CopyStream {
 public:
  explicit SinkStream(const std::function<void(std::string_view)>& sink) : sink_(sink) {}
  void BeginCopyIn(size_t) override { HELIOS_UNREACHABLE(); }
  bool Read(std::string*) override { HELIOS_UNREACHABLE(); }
  void BeginCopyOut(size_t) override {}
  void Write(std::string_view data) override { sink_(data); }
  void EndCopyOut() override {}

 private:
  const std::function<void(std::string_view)>& sink_;
};

// The value the next nextval() returns, from the sequence's durable counters (which, as in
// PostgreSQL, are outside transactions: a snapshot cannot hold them still).
int64_t NextValue(StorageEngine* storage, const SequenceInfo& seq) {
  int64_t calls = storage->ReadCounter(SequenceCounterName(seq.id));
  int64_t base = storage->ReadCounter(SequenceBaseName(seq.id));
  __int128 next = static_cast<__int128>(base) + static_cast<__int128>(calls) * seq.increment;
  if (next > seq.max_value) return seq.cycle ? seq.min_value : seq.max_value;
  if (next < seq.min_value) return seq.cycle ? seq.max_value : seq.min_value;
  return static_cast<int64_t>(next);
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& SnapshotSource::RenderSettings() {
  static const std::vector<std::pair<std::string, std::string>> kSettings = {
      {"TimeZone", "UTC"},
      {"DateStyle", "ISO, MDY"},
      {"IntervalStyle", "postgres"},
      {"extra_float_digits", "1"},
  };
  return kSettings;
}

std::string ColumnList(const DumpTable& table) {
  std::string s = "(";
  for (size_t i = 0; i < table.columns.size(); i++)
    s += (i ? ", " : "") + QuoteIdentifier(table.columns[i].name);
  return s + ")";
}

SnapshotSource::SnapshotSource(const std::string& path)
    : session_(path, /*create_if_missing=*/false, /*read_only=*/false) {
  Begin();
}

SnapshotSource::SnapshotSource(Database& database) : session_(database) {
  Begin();
}

void SnapshotSource::Begin() {
  for (const auto& [name, value] : RenderSettings())
    session_.Exec("SET " + name + " = '" + value + "'");
  session_.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  Connection::Impl* conn = session_.connection().impl();
  StorageEngine* storage = conn->db->storage.get();
  catalog_ = DumpCatalog::FromCatalog(conn->CurrentCatalog(),
                                      [&](const SequenceInfo& s) { return NextValue(storage, s); });
  for (DumpTable& t : catalog_.tables) {
    QueryResult r = session_.Exec("SELECT count(*) FROM " + QualifiedName(t.schema, t.name));
    t.rows = r.GetInt64(0, 0);
  }
}

SnapshotSource::~SnapshotSource() {
  session_.connection().Execute("ROLLBACK");
}

void SnapshotSource::StreamRows(const DumpTable& table,
                                const std::function<void(std::string_view)>& sink) {
  SinkStream stream(sink);
  session_.Copy(
      "COPY " + QualifiedName(table.schema, table.name) + " " + ColumnList(table) + " TO STDOUT",
      &stream);
}

}  // namespace heliosdb::dump
