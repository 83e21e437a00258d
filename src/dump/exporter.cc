#include "dump/exporter.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>

#include "common/binary_io.h"
#include "common/exception.h"
#include "dump/dump_branch.h"
#include "dump/dump_writer.h"
#include "dump/progress.h"
#include "dump/snapshot_source.h"

namespace heliosdb::dump {

namespace {

std::string DumpInfo(const ExportOptions& o) {
  BinaryWriter w;
  w.PutString(o.producer);
  w.PutSigned(std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count());
  w.PutBool(o.include_indexes);
  w.PutBool(o.include_config);
  w.PutBool(o.include_mvs);
  w.PutBool(o.include_branches);
  return std::move(w.data());
}

// Cuts a table's COPY text into blocks of whole rows of about kTargetBlockBytes.
class RowBlocks {
 public:
  RowBlocks(DumpWriter& writer, Progress& progress) : writer_(writer), progress_(progress) {}
  void Add(std::string_view rows) {
    buffer_.append(rows);
    if (buffer_.size() >= kTargetBlockBytes) Flush();
  }
  void Flush() {
    if (buffer_.empty()) return;
    int64_t rows = std::count(buffer_.begin(), buffer_.end(), '\n');
    writer_.WriteBlock(BlockKind::kRows, kFlagRequired, buffer_);
    writer_.AddRows(rows);
    progress_.AddRows(rows);
    rows_ += rows;
    buffer_.clear();
  }
  int64_t rows() const { return rows_; }

 private:
  DumpWriter& writer_;
  Progress& progress_;
  std::string buffer_;
  int64_t rows_ = 0;
};

void WriteTable(SnapshotSource& source, const DumpTable& t, DumpWriter& writer,
                Progress& progress) {
  BinaryWriter begin;
  begin.PutString(t.schema);
  begin.PutString(t.name);
  begin.PutVarint(t.columns.size());
  for (const DumpColumn& c : t.columns) begin.PutString(c.name);
  writer.WriteBlock(BlockKind::kTableBegin, kFlagRequired, begin.data());
  RowBlocks blocks(writer, progress);
  source.StreamRows(t, [&](const SnapshotSource::RowPiece& piece) { blocks.Add(piece.data); });
  blocks.Flush();
  HELIOS_ASSERT(blocks.rows() == t.rows);
  BinaryWriter end;
  end.PutSigned(blocks.rows());
  writer.WriteBlock(BlockKind::kTableEnd, kFlagRequired, end.data());
}

void WriteSections(SnapshotSource& source, DumpWriter& writer, const ExportOptions& options,
                   ExportStats* stats) {
  writer.WriteBlock(BlockKind::kDumpInfo, kFlagRequired, DumpInfo(options));
  DumpCatalog catalog = source.catalog();
  if (!options.include_indexes) catalog.indexes.clear();
  writer.WriteBlock(BlockKind::kCatalog, kFlagRequired, catalog.Encode());
  if (options.include_config) {
    BinaryWriter w;
    w.PutVarint(SnapshotSource::RenderSettings().size());
    for (const auto& [name, value] : SnapshotSource::RenderSettings()) {
      w.PutString(name);
      w.PutString(value);
    }
    writer.WriteBlock(BlockKind::kConfig, 0, w.data());
  }
  // Sections of features still to come: present and empty (zero objects), optional, so that
  // today's readers already skip what later writers put there.
  if (options.include_mvs) {
    BinaryWriter w;
    w.PutVarint(0);
    writer.WriteBlock(BlockKind::kMaterializedViews, 0, w.data());
  }
  // Every branch is read at the snapshot of main's (one moment for the whole database).
  std::vector<std::unique_ptr<SnapshotSource>> views;
  std::vector<DumpBranch> branches;
  if (options.include_branches) {
    for (const BranchInfo& b : source.Branches()) {
      views.push_back(std::make_unique<SnapshotSource>(source, b.name));
      DumpBranch d;
      d.name = b.name;
      d.parent = "main";
      for (const BranchInfo& p : source.Branches())
        if (p.id == b.parent) d.parent = p.name;
      d.fork_scn = b.fork_scn;
      d.fork_time = source.TimeOfScn(b.fork_scn);
      d.created_at = b.created_at;
      d.catalog = views.back()->catalog();
      if (!options.include_indexes) d.catalog.indexes.clear();
      branches.push_back(std::move(d));
    }
  }
  int64_t total = 0;
  for (const DumpTable& t : catalog.tables) total += t.rows;
  for (const DumpBranch& b : branches)
    for (const DumpTable& t : b.catalog.tables) total += t.rows;
  Progress progress("export", total);
  for (const DumpTable& t : catalog.tables) WriteTable(source, t, writer, progress);
  stats->tables = static_cast<int64_t>(catalog.tables.size());
  for (size_t i = 0; i < branches.size(); i++) {
    writer.WriteBlock(BlockKind::kBranches, kFlagRequired, branches[i].Encode());
    for (const DumpTable& t : branches[i].catalog.tables) WriteTable(*views[i], t, writer, progress);
  }
  stats->rows = total;
}

}  // namespace

ExportStats ExportDump(const std::string& db_path, const std::string& file,
                       const ExportOptions& options) {
  SnapshotSource source(db_path);
  return ExportDump(source, file, options);
}

ExportStats ExportDump(SnapshotSource& source, const std::string& file,
                       const ExportOptions& options) {
  ExportStats stats;
  try {
    DumpWriter writer(file);
    WriteSections(source, writer, options, &stats);
    writer.Finish();
    stats.bytes = writer.bytes_written();
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    throw;
  }
  return stats;
}

}  // namespace heliosdb::dump
