// The --skip-file of heliosdb-slt: records the engine is known to fail for a reason outside
// its control (another engine's quirk), one per line as `path:line  # reason`. A path matches a
// test file when it equals the file's path or is a suffix of it at a '/' boundary, so entries
// may be written relative to the peer-tests root. A line inside a record (its conditions, header,
// SQL or results) selects that record; a path without a line skips the whole file.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace heliosdb::slt {

class SkipList {
 public:
  // Adds the entries of a skip file. Returns false and sets *error if it cannot be read;
  // malformed lines are ignored.
  bool Load(const std::string& path, std::string* error);
  void Add(const std::string& path, int line);  // line 0: the whole file

  bool Matches(const std::string& file, int first_line, int last_line) const;
  size_t size() const { return size_; }

 private:
  struct Entry {
    std::string path;
    int line;
  };
  // Keyed by the file name, so a lookup only compares the few entries of that name.
  std::unordered_map<std::string, std::vector<Entry>> by_name_;
  size_t size_ = 0;
};

}  // namespace heliosdb::slt
