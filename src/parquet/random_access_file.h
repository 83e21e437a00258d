// Where the reader gets its bytes: a file on disk (read with pread, so a column chunk is read
// when it is needed, never the whole file) or, for tests, bytes in memory.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace heliosdb::parquet {

class RandomAccessFile {
 public:
  virtual ~RandomAccessFile() = default;
  virtual uint64_t size() const = 0;
  // REQUIRES: offset + length <= size(). Throws 58030 on an I/O error.
  virtual std::string Read(uint64_t offset, size_t length) const = 0;
  virtual const std::string& name() const = 0;
};

// Throws 58P01 when the file does not exist, 58030 for other errors (as COPY FROM does).
std::unique_ptr<RandomAccessFile> OpenFile(const std::string& path);
std::unique_ptr<RandomAccessFile> MemoryFile(std::string bytes, std::string name = "memory");

}  // namespace heliosdb::parquet
