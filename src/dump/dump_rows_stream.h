// DumpRowsStream: feeds one table's kRows blocks from a DumpReader to COPY ... FROM STDIN
// (import) or to any consumer of COPY text (verify --dump), ending at the table's kTableEnd.
#pragma once

#include "common/exception.h"
#include "dump/dump_reader.h"
#include "engine/copy_stream.h"

namespace heliosdb::dump {

class Progress;

class DumpRowsStream : public CopyStream {
 public:
  DumpRowsStream(DumpReader& reader, Progress* progress) : reader_(reader), progress_(progress) {}
  void BeginCopyIn(size_t) override {}
  // The next kRows payload; false at kTableEnd (whose count is checked against the rows read)
  // or, with a statement budget set, once that many bytes were read since BeginStatement.
  bool Read(std::string* data) override;
  // Import loads a large table by several COPY statements, each a transaction of about
  // `budget` bytes, so no transaction buffers a whole table's writes.
  void BeginStatement(size_t budget) {
    budget_ = budget;
    read_in_statement_ = 0;
  }
  bool ended() const { return ended_; }
  void BeginCopyOut(size_t) override { HELIOS_UNREACHABLE(); }
  void Write(std::string_view) override { HELIOS_UNREACHABLE(); }
  void EndCopyOut() override { HELIOS_UNREACHABLE(); }
  int64_t rows() const { return rows_; }

 private:
  DumpReader& reader_;
  Progress* progress_;
  Block block_;
  int64_t rows_ = 0;
  bool ended_ = false;
  size_t budget_ = 0;  // 0: no limit
  size_t read_in_statement_ = 0;
};

}  // namespace heliosdb::dump
