#include "slt/skip_list.h"

#include <cctype>
#include <cstdlib>
#include <fstream>

namespace heliosdb::slt {
namespace {

std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool PathMatches(const std::string& file, const std::string& entry) {
  if (file == entry) return true;
  if (entry.size() >= file.size()) return false;
  return file.compare(file.size() - entry.size(), entry.size(), entry) == 0 &&
         file[file.size() - entry.size() - 1] == '/';
}

}  // namespace

bool SkipList::Load(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read skip file " + path;
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    line = Trim(line);
    if (line.empty()) continue;
    size_t colon = line.rfind(':');
    int number = 0;
    std::string file = line;
    if (colon != std::string::npos) {
      std::string digits = Trim(line.substr(colon + 1));
      char* end = nullptr;
      long n = std::strtol(digits.c_str(), &end, 10);
      if (!digits.empty() && *end == '\0' && n > 0) {
        number = static_cast<int>(n);
        file = Trim(line.substr(0, colon));
      }
    }
    Add(file, number);
  }
  return true;
}

void SkipList::Add(const std::string& path, int line) {
  std::string p = path;
  while (p.compare(0, 2, "./") == 0) p = p.substr(2);
  by_name_[BaseName(p)].push_back({p, line});
  ++size_;
}

bool SkipList::Matches(const std::string& file, int first_line, int last_line) const {
  auto it = by_name_.find(BaseName(file));
  if (it == by_name_.end()) return false;
  for (const Entry& e : it->second) {
    if (e.line != 0 && (e.line < first_line || e.line > last_line)) continue;
    if (PathMatches(file, e.path)) return true;
  }
  return false;
}

}  // namespace heliosdb::slt
