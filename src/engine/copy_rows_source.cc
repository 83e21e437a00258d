#include "engine/copy_rows_source.h"

#include "common/exception.h"

namespace heliosdb {

CopyRowsSource::CopyRowsSource(CopyStream* stream, const CopyOptions& options,
                               std::vector<std::string> columns, std::vector<LogicalType> types,
                               TextFormatOptions text)
    : stream_(stream),
      reader_(options),
      columns_(std::move(columns)),
      types_(std::move(types)),
      text_(std::move(text)) {}

bool CopyRowsSource::ReadRow() {
  if (row_ready_) return true;
  while (!reader_.NextRow(&fields_, at_end_)) {
    if (at_end_) return false;
    at_end_ = !stream_->Read(&piece_);
    if (!at_end_) reader_.Feed(piece_);
  }
  if (fields_.size() > columns_.size())
    ThrowError("22P04", "extra data after last expected column");
  if (fields_.size() < columns_.size())
    ThrowError("22P04", "missing data for column \"" + columns_[fields_.size()] + "\"");
  row_ready_ = true;
  return true;
}

void CopyRowsSource::ParseField(Vector& column, idx_t row, size_t c) {
  const CopyField& field = fields_[c];
  if (!field) {
    column.SetNull(row);
  } else if (types_[c].id() == TypeId::kText) {
    column.SetString(row, *field);  // text takes the field as it is: no Value in between
  } else {
    column.SetValue(row, ParseValue(*field, types_[c], text_));
  }
}

bool CopyRowsSource::Next(DataChunk* out) {
  idx_t n = 0;
  while (n < kVectorSize && run_left_ > 0 && ReadRow()) {
    for (size_t c = 0; c < types_.size(); c++) ParseField(out->column(c), n, c);
    row_ready_ = false;
    run_left_--;
    n++;
  }
  out->SetSize(n);
  return n > 0;
}

}  // namespace heliosdb
