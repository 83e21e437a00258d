// CopyFileStream: the CopyStream of COPY ... FROM 'file' and COPY ... TO 'file', a file on the
// server's machine read or written by the process itself (PostgreSQL's server-side COPY).
// Opening fails with 58P01 (no such file) or 58030 (other I/O errors), as in PostgreSQL.
// Thread safety: used only by the thread running the connection's statement.
#pragma once

#include <cstdio>
#include <string>

#include "engine/copy_stream.h"

namespace heliosdb {

class CopyFileStream : public CopyStream {
 public:
  // Opens `path` for reading (is_from) or writing (truncating it); throws DbException.
  CopyFileStream(const std::string& path, bool is_from);
  ~CopyFileStream() override;
  CopyFileStream(const CopyFileStream&) = delete;
  CopyFileStream& operator=(const CopyFileStream&) = delete;

  void BeginCopyIn(size_t) override {}
  bool Read(std::string* data) override;
  void BeginCopyOut(size_t) override {}
  void Write(std::string_view data) override;
  // Flushes and closes the file, reporting a write error that only shows on close.
  void EndCopyOut() override;

 private:
  [[noreturn]] void ThrowIoError(const char* action, const char* hint = "") const;

  std::string path_;
  std::FILE* file_ = nullptr;
};

}  // namespace heliosdb
