// SpillFile: rows an operator wrote out of memory, to be read back later in batches.
//
// The file is an unnamed temporary file (std::tmpfile: removed by the system when closed,
// also after a crash). Layout, a sequence of records:
//
//   u32 little-endian length | row bytes (storage/row_codec.h's encoding of the chunk's row)
//
// Appends go through a buffer; readers use positioned reads of their own, so several
// threads may read one finished file at once (each through its own Reader).
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "common/data_chunk.h"

namespace heliosdb {

class SpillFile {
 public:
  explicit SpillFile(std::vector<LogicalType> types);
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Appends row `row` of chunk (columns of this file's types). Throws 53100 / 58030 when the
  // disk refuses the bytes.
  void Append(const DataChunk& chunk, idx_t row);
  // Writes out the buffer; REQUIRES: before any Reader reads.
  void Finish();
  int64_t rows() const { return rows_; }
  int64_t bytes() const { return written_ + static_cast<int64_t>(buffer_.size()); }
  const std::vector<LogicalType>& types() const { return types_; }

  class Reader {
   public:
    explicit Reader(const SpillFile& file) : file_(file) {}
    // Fills *out (initialized here) with up to kVectorSize rows; false at the end.
    bool Read(DataChunk* out);

   private:
    bool Fill(size_t need);  // makes at least `need` unread bytes available
    const SpillFile& file_;
    int64_t offset_ = 0;  // file position of buffer_'s end
    std::string buffer_;
    size_t pos_ = 0;
  };

 private:
  void Flush();
  std::vector<LogicalType> types_;
  std::vector<int> all_columns_;
  FILE* file_ = nullptr;
  std::string buffer_;
  std::string row_;
  int64_t written_ = 0;
  int64_t rows_ = 0;
};

}  // namespace heliosdb
