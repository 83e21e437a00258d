// CopyRowsSource: COPY FROM's text or CSV data as typed chunks for the INSERT plan that writes
// them (copy_insert.h). Reads pieces from the CopyStream, splits them into rows with a
// CopyRowReader and parses each field as its column's type.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "common/types/value_text.h"
#include "engine/copy_format.h"
#include "engine/copy_insert.h"
#include "engine/copy_stream.h"

namespace heliosdb {

class CopyRowsSource : public CopySource {
 public:
  CopyRowsSource(CopyStream* stream, const CopyOptions& options, std::vector<std::string> columns,
                 std::vector<LogicalType> types, TextFormatOptions text);

  bool Next(DataChunk* out) override;
  bool Exhausted() const override { return at_end_ && !row_ready_; }

 private:
  // Buffers the next row in fields_; false at the end of the data.
  bool ReadRow();
  void ParseField(Vector& column, idx_t row, size_t c);

  CopyStream* stream_;
  CopyRowReader reader_;
  std::vector<std::string> columns_;
  std::vector<LogicalType> types_;
  TextFormatOptions text_;
  std::vector<CopyField> fields_;
  std::string piece_;
  bool at_end_ = false;     // the stream has no more pieces
  bool row_ready_ = false;  // fields_ holds a row not yet returned
};

}  // namespace heliosdb
