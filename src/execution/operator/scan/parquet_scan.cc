#include "execution/operator/scan/parquet_scan.h"

#include "common/exception.h"

namespace heliosdb {

void ParquetScan::Open() {
  const std::string& path = op_.exprs[0]->constant.GetString();
  reader_ = std::make_unique<parquet::ParquetReader>(parquet::OpenFile(path));
  // Only the columns the query reads (op_.columns, pruned by the optimizer) are decoded.
  const auto& columns = reader_->columns();
  for (size_t i = 0; i < op_.columns.size(); i++) {
    size_t c = static_cast<size_t>(op_.columns[i]);
    if (c >= columns.size() || columns[c].type != types_[i])
      ThrowError(sqlstate::kFeatureNotSupported,
                 "the columns of \"" + path + "\" changed since the statement was prepared");
    projection_.push_back(c);
  }
}

DataChunk* ParquetScan::Next(ExecContext& ctx) {
  if (!reader_) Open();
  while (group_.empty() || row_ >= group_[0].size()) {
    if (next_group_ >= reader_->row_groups()) return nullptr;
    ctx.CheckCancel();
    group_ = reader_->ReadRowGroup(next_group_++, projection_);
    row_ = 0;
  }
  out_.Initialize(types_);
  idx_t n = std::min<size_t>(kVectorSize, group_[0].size() - row_);
  for (size_t c = 0; c < group_.size(); c++)
    for (idx_t r = 0; r < n; r++) out_.column(c).SetValue(r, group_[c][row_ + r]);
  row_ += n;
  out_.SetSize(n);
  return &out_;
}

}  // namespace heliosdb
