// Session settings (SET / SHOW / RESET): the parameters PostgreSQL clients read and set, with
// their defaults. Unknown names are errors (42704), except custom "prefix.name" ones, as in
// PostgreSQL.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace heliosdb {

class SessionSettings {
 public:
  SessionSettings();
  // Throws 42704 for an unknown parameter, 22023 for an invalid value.
  void Set(const std::string& name, const std::string& value);
  void Reset(const std::string& name);
  void ResetAll();
  const std::string& Get(const std::string& name) const;  // throws 42704 when unknown
  // Every setting in name order (SHOW ALL).
  std::vector<std::pair<std::string, std::string>> All() const;

  bool synchronous_commit() const {
    std::string v = Get("synchronous_commit");
    return v != "off" && v != "false" && v != "no" && v != "0";
  }
  std::string timezone() const { return Get("timezone"); }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace heliosdb
