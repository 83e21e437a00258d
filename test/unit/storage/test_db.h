// Test helpers: a fresh database directory per test, removed afterwards.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "storage/storage_engine.h"

namespace heliosdb {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "helios-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::unique_ptr<StorageEngine> OpenOrDie(const std::string& path,
                                                StorageOptions options = StorageOptions()) {
  auto r = StorageEngine::Open(path, options);
  EXPECT_TRUE(r.ok()) << r.status().sqlstate() << " " << r.status().message();
  if (!r.ok()) return nullptr;
  return std::move(r).value();
}

}  // namespace heliosdb
