#include "parquet/parquet_writer.h"

namespace heliosdb::parquet {

namespace {
constexpr char kMagic[] = "PAR1";
constexpr size_t kMaxGroupBytes = size_t{256} << 20;
}  // namespace

ParquetWriter::ParquetWriter(std::vector<WriteColumn> columns, WriterOptions options, Sink sink)
    : columns_(std::move(columns)), options_(options), sink_(std::move(sink)) {
  SchemaElement root;
  root.name = "schema";
  root.num_children = static_cast<int32_t>(columns_.size());
  root.repetition = Repetition::kRequired;
  meta_.schema.push_back(root);
  for (const WriteColumn& c : columns_) {
    writers_.push_back(std::make_unique<ColumnWriter>(c, options_.codec));
    AppendSchema(c, writers_.back()->leaf(), &meta_.schema);
  }
  meta_.created_by = "HeliosDB Nano";
  Emit(std::string_view(kMagic, 4));
}

ParquetWriter::~ParquetWriter() = default;

void ParquetWriter::Emit(std::string_view bytes) {
  sink_(bytes);
  offset_ += static_cast<int64_t>(bytes.size());
}

void ParquetWriter::Append(const DataChunk& chunk) {
  for (idx_t r = 0; r < chunk.size(); r++) {
    for (size_t c = 0; c < writers_.size(); c++) writers_[c]->Append(chunk.GetValue(c, r));
    RowDone();
  }
}

void ParquetWriter::AppendRow(const std::vector<Value>& row) {
  for (size_t c = 0; c < writers_.size(); c++) writers_[c]->Append(row[c]);
  RowDone();
}

void ParquetWriter::RowDone() {
  group_rows_++;
  meta_.num_rows++;
  if (group_rows_ >= options_.row_group_rows) {
    FlushRowGroup();
    return;
  }
  // Wide values: check the buffered size now and then, not per row.
  if (group_rows_ % 1024 == 0) {
    size_t bytes = 0;
    for (const auto& w : writers_) bytes += w->buffered_bytes();
    if (bytes >= kMaxGroupBytes) FlushRowGroup();
  }
}

void ParquetWriter::FlushRowGroup() {
  if (group_rows_ == 0) return;
  RowGroup group;
  group.num_rows = static_cast<int64_t>(group_rows_);
  std::string bytes;
  for (const auto& w : writers_) {
    ColumnChunk chunk = w->Flush(offset_ + static_cast<int64_t>(bytes.size()), &bytes);
    group.total_byte_size += chunk.meta_data->total_uncompressed_size;
    group.columns.push_back(std::move(chunk));
    // Column chunks go out one at a time so a row group never sits in memory twice.
    Emit(bytes);
    bytes.clear();
  }
  meta_.row_groups.push_back(std::move(group));
  group_rows_ = 0;
}

void ParquetWriter::Finish() {
  FlushRowGroup();
  std::string footer = SerializeFileMetaData(meta_);
  uint32_t length = static_cast<uint32_t>(footer.size());
  for (int i = 0; i < 4; i++) footer.push_back(static_cast<char>(length >> (8 * i)));
  footer.append(kMagic, 4);
  Emit(footer);
}

}  // namespace heliosdb::parquet
