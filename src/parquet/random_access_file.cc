#include "parquet/random_access_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/exception.h"

namespace heliosdb::parquet {

namespace {

[[noreturn]] void ThrowIo(const std::string& action, const std::string& path) {
  int error = errno;
  ThrowError(error == ENOENT ? "58P01" : sqlstate::kIoError,
             "could not " + action + " file \"" + path + "\": " + std::strerror(error));
}

class DiskFile : public RandomAccessFile {
 public:
  explicit DiskFile(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) ThrowIo("open", path);
    struct stat st;
    if (::fstat(fd_, &st) != 0) {
      ::close(fd_);
      ThrowIo("stat", path);
    }
    if (S_ISDIR(st.st_mode)) {
      ::close(fd_);
      ThrowError(sqlstate::kIoError, "could not read file \"" + path + "\": Is a directory");
    }
    size_ = static_cast<uint64_t>(st.st_size);
  }
  ~DiskFile() override { ::close(fd_); }
  uint64_t size() const override { return size_; }
  const std::string& name() const override { return path_; }
  std::string Read(uint64_t offset, size_t length) const override {
    std::string out(length, '\0');
    size_t done = 0;
    while (done < length) {
      ssize_t n = ::pread(fd_, out.data() + done, length - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) ThrowIo("read", path_);
      if (n == 0) ThrowError(sqlstate::kIoError, "file \"" + path_ + "\" shrank while being read");
      done += static_cast<size_t>(n);
    }
    return out;
  }

 private:
  std::string path_;
  int fd_ = -1;
  uint64_t size_ = 0;
};

class BytesFile : public RandomAccessFile {
 public:
  BytesFile(std::string bytes, std::string name)
      : bytes_(std::move(bytes)), name_(std::move(name)) {}
  uint64_t size() const override { return bytes_.size(); }
  const std::string& name() const override { return name_; }
  std::string Read(uint64_t offset, size_t length) const override {
    return bytes_.substr(offset, length);
  }

 private:
  std::string bytes_;
  std::string name_;
};

}  // namespace

std::unique_ptr<RandomAccessFile> OpenFile(const std::string& path) {
  return std::make_unique<DiskFile>(path);
}

std::unique_ptr<RandomAccessFile> MemoryFile(std::string bytes, std::string name) {
  return std::make_unique<BytesFile>(std::move(bytes), std::move(name));
}

}  // namespace heliosdb::parquet
