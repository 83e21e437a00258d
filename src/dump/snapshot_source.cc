#include "dump/snapshot_source.h"

#include "common/types/value_text.h"
#include "engine/connection_impl.h"
#include "engine/copy_format.h"
#include "execution/exec_context.h"
#include "execution/table_row.h"
#include "parser/ast_printer.h"
#include "storage/kv_store.h"
#include "storage/version_key.h"
#include "txn/transaction_manager.h"

namespace heliosdb::dump {

namespace {

constexpr size_t kPieceBytes = 64 * 1024;

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

SnapshotSource::SnapshotSource(SnapshotSource& main, const std::string& branch)
    : session_(main.session_.database()) {
  session_.Exec("SET branch = " + QuoteIdentifier(branch));
  Begin(main.session_.connection().impl()->Txn().snapshot_scn());
}

std::vector<BranchInfo> SnapshotSource::Branches() {
  std::vector<BranchInfo> out =
      session_.connection().impl()->db->storage->transactions().branches().List();
  std::erase_if(out, [](const BranchInfo& b) { return b.id == kMainBranch; });
  return out;
}

int64_t SnapshotSource::TimeOfScn(Scn scn) {
  std::string v;
  if (!session_.connection().impl()->db->storage->kv().Get(TimeMapKey(scn), &v) || v.size() != 8)
    return 0;
  return static_cast<int64_t>(GetFixed64BE(v.data()));
}

void SnapshotSource::Begin(Scn pin_at) {
  for (const auto& [name, value] : RenderSettings())
    session_.Exec("SET " + name + " = '" + value + "'");
  session_.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  Connection::Impl* conn = session_.connection().impl();
  StorageEngine* storage = conn->db->storage.get();
  if (pin_at != 0) {  // another branch's view of the same moment: a snapshot at that SCN
    TransactionOptions options;
    options.branch = conn->CurrentBranch().id;
    options.read_only = true;
    conn->txn->Rollback();
    conn->txn = storage->transactions().BeginAt(pin_at, options);
    conn->catalog = conn->db->CatalogFor(*conn->txn);
  }
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

// Reads the stored rows of the snapshot's transaction directly rather than through COPY TO,
// which would materialize the whole table: this holds one 64 kB piece at a time, and rows
// come in primary-key (or row id) order, so dumps of equal data are equal.
void SnapshotSource::StreamRows(const DumpTable& table,
                                const std::function<void(const RowPiece&)>& sink,
                                std::string_view after, int64_t piece_rows) {
  Connection::Impl* conn = session_.connection().impl();
  const TableInfo* info = conn->CurrentCatalog().FindTable(table.schema, table.name);
  HELIOS_ASSERT(info != nullptr);
  CopyOptions options;
  CopyRowWriter writer(options);
  TextFormatOptions text;  // UTC, as RenderSettings says
  // The smallest key after `after`: keys are prefix-free, so appending a zero byte is next.
  std::string lower = after.empty() ? "" : std::string(after) + '\0';
  std::string last_key;
  int64_t rows = 0, streamed = 0;
  auto flush = [&] {
    if (rows == 0) return;
    sink(RowPiece{writer.out(), rows, last_key});
    writer.out().clear();
    rows = 0;
  };
  for (auto it = conn->Txn().Scan(info->id, lower, ""); it->Valid(); it->Next()) {
    for (const Value& v : DecodeTableRow(*info, it->value())) {
      if (v.is_null()) {
        writer.AddNull();
      } else {
        writer.AddField(FormatValue(v, text));
      }
    }
    writer.EndRow();
    last_key.assign(it->key());
    rows++;
    streamed++;
    if (writer.out().size() >= kPieceBytes || (piece_rows > 0 && streamed % piece_rows == 0))
      flush();
  }
  flush();
}

}  // namespace heliosdb::dump
