#include "storage/db_directory.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/exception.h"
#include "storage/version_key.h"

namespace heliosdb {

namespace fs = std::filesystem;

namespace {

constexpr const char* kMarkerName = "HELIOSDB";
constexpr const char* kMarkerMagic = "HELIOSDB";

Status NotOurs(const std::string& path) {
  return Status::Error(sqlstate::kDataCorrupted, "\"" + path + "\" is not a HeliosDB database");
}

Status IoError(const std::string& what, const std::string& path, const std::string& why) {
  return Status::Error(sqlstate::kIoError, "could not " + what + " \"" + path + "\": " + why);
}

Status FsyncPath(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags);
  if (fd < 0) return IoError("open", path, std::strerror(errno));
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) return IoError("fsync", path, std::strerror(err));
  return Status::OK();
}

// Reads the marker's format version; false when the file is not a HeliosDB marker.
bool ReadMarker(const fs::path& marker, uint32_t* version) {
  std::ifstream in(marker);
  std::string magic, word;
  int64_t v = -1;
  if (!(in >> magic >> word >> v) || magic != kMarkerMagic || word != "format" || v < 0) {
    return false;
  }
  *version = static_cast<uint32_t>(v);
  return true;
}

}  // namespace

Status WriteDbMarker(const std::string& dir) {
  std::string path = (fs::path(dir) / kMarkerName).string();
  std::string tmp = path + ".tmp";
  std::string text = std::string(kMarkerMagic) + " format " + std::to_string(kFormatVersion) + "\n";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return IoError("create file", tmp, std::strerror(errno));
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fsync(fd) == 0;
  int err = errno;
  ::close(fd);
  if (!ok) return IoError("write file", tmp, std::strerror(err));
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    return IoError("rename file", tmp, std::strerror(errno));
  }
  return FsyncPath(dir, O_RDONLY | O_DIRECTORY);
}

Status PrepareDbDirectory(const std::string& path, bool create_if_missing, bool read_only,
                          DbDirectoryState* state) {
  state->fresh = false;
  if (path.empty()) return Status::Error(sqlstate::kIoError, "could not open database: empty path");
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)
    return IoError("access", path, ec.message());

  bool can_create = create_if_missing && !read_only;
  if (!fs::exists(st)) {
    if (!can_create) {
      return Status::Error(sqlstate::kInvalidCatalogName,
                           "database \"" + path + "\" does not exist");
    }
    fs::create_directories(path, ec);
    if (ec) return IoError("create directory", path, ec.message());
    state->fresh = true;
    return WriteDbMarker(path);
  }
  if (!fs::is_directory(st)) return NotOurs(path);

  fs::path marker = fs::path(path) / kMarkerName;
  if (fs::exists(marker, ec)) {
    uint32_t version = 0;
    if (!ReadMarker(marker, &version)) return NotOurs(path);
    if (version != kFormatVersion) {
      return Status::Error(sqlstate::kDataCorrupted,
                           "database \"" + path + "\" has format version " +
                               std::to_string(version) + ", this build reads " +
                               std::to_string(kFormatVersion))
          .WithHint("Open it with the HeliosDB version that wrote it, or export and re-import.");
    }
    return Status::OK();
  }
  bool empty = fs::is_empty(path, ec);
  if (ec) return IoError("read directory", path, ec.message());
  if (!empty) return NotOurs(path);
  if (!can_create) {
    return Status::Error(sqlstate::kInvalidCatalogName, "database \"" + path + "\" does not exist");
  }
  state->fresh = true;
  return WriteDbMarker(path);
}

}  // namespace heliosdb
