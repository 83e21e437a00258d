// DumpReader: reads a dump file block by block, checking the file header, every block's
// checksum and size, and the trailer. Any damage throws DbException XX001 naming the byte
// offset, the block and its kind, so a truncated or corrupted dump is refused before use.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "dump/dump_format.h"

namespace heliosdb::dump {

struct Block {
  uint16_t kind = 0;
  uint16_t flags = 0;
  uint64_t offset = 0;  // where the block's header starts in the file
  uint64_t ordinal = 0;
  std::string payload;  // uncompressed
};

class DumpReader {
 public:
  // Opens path and checks the file header. Throws 58P01 when it cannot be opened.
  explicit DumpReader(const std::string& path);
  ~DumpReader();
  DumpReader(const DumpReader&) = delete;
  DumpReader& operator=(const DumpReader&) = delete;

  // The next block that is not the trailer; false after the trailer was read and checked.
  // Unknown kinds are returned too: callers skip them with SkipUnknown().
  bool Next(Block* block);
  // Call for a block whose kind the caller does not know: refuses (0A000) a required one,
  // and otherwise says on stderr, once per kind, that it is skipped.
  void SkipUnknown(const Block& block);
  uint64_t rows() const { return trailer_rows_; }  // valid after Next returned false
  uint64_t offset() const { return offset_; }
  // The object whose blocks follow ("table app.orders"), named by errors until cleared.
  void set_object(std::string object) { object_ = std::move(object); }
  uint64_t file_size() const { return file_size_; }

  // Throws XX001 "dump file ... is corrupted at byte offset N (block k, kind): what".
  [[noreturn]] void Corrupt(uint64_t offset, const std::string& what) const;

 private:
  bool ReadExact(std::string* out, size_t n);
  std::string path_;
  std::FILE* file_ = nullptr;
  uint64_t offset_ = 0;
  uint64_t file_size_ = 0;
  uint64_t ordinal_ = 0;
  uint64_t trailer_rows_ = 0;
  uint64_t rows_seen_ = 0;
  bool ended_ = false;
  void* checksums_state_ = nullptr;
  std::string stored_;
  std::string context_;  // "block k, kind" of the block being read, for errors
  std::string object_;
};

}  // namespace heliosdb::dump
