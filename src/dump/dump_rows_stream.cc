#include "dump/dump_rows_stream.h"

#include <algorithm>

#include "common/binary_io.h"
#include "dump/progress.h"

namespace heliosdb::dump {

bool DumpRowsStream::Read(std::string* data) {
  if (budget_ > 0 && read_in_statement_ >= budget_) return false;
  while (!ended_) {
    if (!reader_.Next(&block_)) reader_.Corrupt(reader_.offset(), "a table's rows end early");
    switch (static_cast<BlockKind>(block_.kind)) {
      case BlockKind::kRows: {
        int64_t rows = std::count(block_.payload.begin(), block_.payload.end(), '\n');
        rows_ += rows;
        if (progress_) progress_->AddRows(rows);
        read_in_statement_ += block_.payload.size();
        data->swap(block_.payload);
        return true;
      }
      case BlockKind::kTableEnd: {
        BinaryReader r(block_.payload, "dump table end");
        if (r.GetSigned() != rows_)
          reader_.Corrupt(block_.offset, "the table's row count disagrees with its rows");
        ended_ = true;
        break;
      }
      case BlockKind::kDumpInfo:
      case BlockKind::kCatalog:
      case BlockKind::kTableBegin:
      case BlockKind::kConfig:
        reader_.Corrupt(block_.offset, "a table's rows end without their end block");
      default:
        reader_.SkipUnknown(block_);
    }
  }
  return false;
}

}  // namespace heliosdb::dump
