// CopyRowsSource: COPY FROM's data as typed chunks for the INSERT plan that writes them
// (execution/external_rows.h). Reads pieces from the CopyStream, splits them into rows with a
// CopyRowReader and parses each field as its column's type. A run of the plan reads at most
// `rows_per_run` rows, so COPY writes a bounded batch at a time (the insert reads its whole
// input before writing); Exhausted() says when the data has ended.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "common/types/value_text.h"
#include "engine/copy_format.h"
#include "engine/copy_stream.h"
#include "execution/external_rows.h"

namespace heliosdb {

class CopyRowsSource : public ExternalRows {
 public:
  CopyRowsSource(CopyStream* stream, const CopyOptions& options, std::vector<std::string> columns,
                 std::vector<LogicalType> types, TextFormatOptions text);

  bool Next(DataChunk* out) override;
  // Starts a run of the plan that reads at most `rows` rows.
  void StartRun(int64_t rows) { run_left_ = rows; }
  bool Exhausted() const { return at_end_ && !row_ready_; }

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
  int64_t run_left_ = 0;
};

}  // namespace heliosdb
