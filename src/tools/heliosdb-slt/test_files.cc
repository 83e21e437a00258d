#include "test_files.h"

#include <glob.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

namespace heliosdb::slt {
namespace {

namespace fs = std::filesystem;

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsScript(const std::string& name) {
  return EndsWith(name, ".test") || EndsWith(name, ".slt") || EndsWith(name, ".test_slow");
}

bool IsPart(const std::string& name) {
  return EndsWith(name, ".slt.part");
}

// Adds to *included the normalized paths that `file`'s include lines name.
void AddIncludes(const std::string& file, std::set<std::string>* included) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, 8, "include ") != 0) continue;
    std::string arg = line.substr(8);
    while (!arg.empty() && (arg.back() == '\r' || arg.back() == ' ')) arg.pop_back();
    std::string pattern = (fs::path(file).parent_path() / arg).lexically_normal().string();
    glob_t g{};
    if (glob(pattern.c_str(), 0, nullptr, &g) == 0) {
      for (size_t i = 0; i < g.gl_pathc; ++i) {
        included->insert(fs::path(g.gl_pathv[i]).lexically_normal().string());
      }
    }
    globfree(&g);
  }
}

std::vector<std::string> WalkDirectory(const std::string& dir) {
  std::vector<std::string> scripts, parts;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       it != end; it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file(ec)) continue;
    std::string path = it->path().string();
    std::string name = it->path().filename().string();
    if (IsScript(name)) scripts.push_back(path);
    if (IsPart(name)) parts.push_back(path);
  }
  std::set<std::string> included;
  for (const auto& f : scripts) {
    if (EndsWith(f, ".slt")) AddIncludes(f, &included);
  }
  for (const auto& f : parts) AddIncludes(f, &included);
  for (const auto& p : parts) {
    if (!included.count(fs::path(p).lexically_normal().string())) scripts.push_back(p);
  }
  std::sort(scripts.begin(), scripts.end());
  return scripts;
}

}  // namespace

std::vector<std::string> CollectTestFiles(const std::vector<std::string>& inputs, int64_t* failed) {
  std::vector<std::string> files;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      auto found = WalkDirectory(input);
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(input, ec)) {
      files.push_back(input);
    } else {
      std::fprintf(stderr, "heliosdb-slt: %s: no such file or directory\n", input.c_str());
      ++*failed;
    }
  }
  return files;
}

}  // namespace heliosdb::slt
