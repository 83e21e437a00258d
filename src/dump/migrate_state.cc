#include "dump/migrate_state.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/exception.h"

namespace heliosdb::dump {

namespace {
constexpr const char* kHeader = "heliosdb-migrate 1 ";
}

MigrateState::MigrateState(const std::string& path, const std::string& target) : path_(path) {
  std::ifstream in(path);
  std::string line;
  bool fresh = !std::getline(in, line);
  if (!fresh && line != kHeader + target)
    ThrowError(sqlstate::kObjectNotInPrerequisiteState, "migrate state file \"" + path +
                                                            "\" belongs to another migration (" +
                                                            line + "); remove it to start over");
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string kind, key;
    words >> kind >> key;
    if (kind == "pre-data") pre_data_ = true;
    if (kind == "post-data") post_data_ = true;
    if (kind == "table") tables_.insert(key);
  }
  file_ = std::fopen(path.c_str(), "a");
  if (!file_) ThrowError("58030", "could not write \"" + path + "\": " + std::strerror(errno));
  if (fresh) Append(kHeader + target);
}

MigrateState::~MigrateState() {
  if (file_) std::fclose(file_);
}

void MigrateState::Append(const std::string& line) {
  std::string text = line + "\n";
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size() || std::fflush(file_) != 0 ||
      fsync(fileno(file_)) != 0)
    ThrowError("58030", "could not write \"" + path_ + "\": " + std::strerror(errno));
}

void MigrateState::RecordPreData() {
  std::lock_guard<std::mutex> lock(mu_);
  Append("pre-data");
  pre_data_ = true;
}

void MigrateState::RecordTable(const std::string& key, int64_t rows) {
  std::lock_guard<std::mutex> lock(mu_);
  Append("table " + key + " " + std::to_string(rows));
  tables_.insert(key);
}

void MigrateState::RecordPostData() {
  std::lock_guard<std::mutex> lock(mu_);
  Append("post-data");
  post_data_ = true;
}

}  // namespace heliosdb::dump
