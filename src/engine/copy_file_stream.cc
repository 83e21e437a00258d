#include "engine/copy_file_stream.h"

#include <cerrno>
#include <cstring>

#include "common/exception.h"

namespace heliosdb {

namespace {
constexpr size_t kReadChunk = 64 * 1024;
}  // namespace

CopyFileStream::CopyFileStream(const std::string& path, bool is_from) : path_(path) {
  file_ = std::fopen(path.c_str(), is_from ? "rb" : "wb");
  if (!file_ && is_from) {
    ThrowIoError("could not open file \"%s\" for reading",
                 "COPY FROM instructs the PostgreSQL server process to read a file. You may want "
                 "a client-side facility such as psql's \\copy.");
  }
  if (!file_) ThrowIoError("could not open file \"%s\" for writing");
}

CopyFileStream::~CopyFileStream() {
  if (file_) std::fclose(file_);
}

bool CopyFileStream::Read(std::string* data) {
  data->resize(kReadChunk);
  size_t n = std::fread(data->data(), 1, kReadChunk, file_);
  data->resize(n);
  if (n == 0 && std::ferror(file_)) ThrowIoError("could not read from COPY file \"%s\"");
  return n > 0;
}

void CopyFileStream::Write(std::string_view data) {
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size())
    ThrowIoError("could not write to COPY file \"%s\"");
}

void CopyFileStream::EndCopyOut() {
  std::FILE* file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0) ThrowIoError("could not write to COPY file \"%s\"");
}

void CopyFileStream::ThrowIoError(const char* action, const char* hint) const {
  int error = errno;
  std::string message = action;
  message.replace(message.find("%s"), 2, path_);
  message += std::string(": ") + std::strerror(error);
  Status s = Status::Error(error == ENOENT ? "58P01" : "58030", message);
  if (*hint) s.WithHint(hint);
  throw DbException(s);
}

}  // namespace heliosdb
