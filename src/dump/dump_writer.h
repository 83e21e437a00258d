// DumpWriter: writes a dump file block by block (format v2, drawn in dump_writer.cc).
// Streaming: each block goes to the file as it is added; nothing but the current block is
// held in memory. Not thread-safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "dump/dump_format.h"

namespace heliosdb::dump {

class DumpWriter {
 public:
  // Creates (truncates) path and writes the file header. Throws DbException (58030) when the
  // file cannot be written.
  explicit DumpWriter(const std::string& path);
  ~DumpWriter();
  DumpWriter(const DumpWriter&) = delete;
  DumpWriter& operator=(const DumpWriter&) = delete;

  // Appends one block; every block but the trailer is zstd-compressed.
  void WriteBlock(BlockKind kind, uint16_t flags, std::string_view payload);
  // Counts rows for the trailer (the rows of kRows blocks written so far).
  void AddRows(uint64_t rows) { rows_ += rows; }
  // Writes the trailer and closes the file (fsynced). No block may follow.
  void Finish();
  uint64_t bytes_written() const { return offset_; }

 private:
  void Append(std::string_view bytes);
  std::string path_;
  std::FILE* file_ = nullptr;
  uint64_t offset_ = 0;
  uint64_t blocks_ = 0;
  uint64_t rows_ = 0;
  void* checksums_state_ = nullptr;  // XXH64 state over the block checksums
  std::string compressed_;
};

// The XXH64 checksum of one block: over its first 12 header bytes and its stored payload,
// seeded with the block's ordinal so that a dropped, repeated or reordered block is caught.
uint64_t BlockChecksum(std::string_view header12, std::string_view stored, uint64_t ordinal);

}  // namespace heliosdb::dump
