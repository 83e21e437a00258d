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

std::string ToHex(std::string_view bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::string FromHex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}
}  // namespace

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
    if (kind == "range") {
      std::string hex;
      words >> hex;
      resume_keys_[key] = FromHex(hex);
    }
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

std::string MigrateState::ResumeKey(const std::string& key) const {
  auto it = resume_keys_.find(key);
  return it == resume_keys_.end() ? "" : it->second;
}

void MigrateState::RecordRange(const std::string& key, std::string_view last_row_key,
                               int64_t rows) {
  std::lock_guard<std::mutex> lock(mu_);
  Append("range " + key + " " + ToHex(last_row_key) + " " + std::to_string(rows));
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
