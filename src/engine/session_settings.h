// Session settings (SET / SHOW / RESET): the parameters PostgreSQL clients read and set, with
// their defaults. Unknown names are errors (42704), except custom "prefix.name" ones, as in
// PostgreSQL.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace heliosdb {

// "100", "100ms", "2s", "1min", "1h", "1d" (a bare number is milliseconds, as PostgreSQL's
// timeouts); nullopt when malformed.
std::optional<int64_t> ParseMilliseconds(const std::string& value);

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
  // A time setting (statement_timeout, ...) in milliseconds; 0: off.
  int64_t Milliseconds(const std::string& name) const;

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace heliosdb
