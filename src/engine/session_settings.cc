#include "engine/session_settings.h"

#include <algorithm>
#include <thread>

#include "common/exception.h"
#include "common/memory_size.h"
#include "common/types/date_time.h"

namespace heliosdb {

namespace {
// Every core of the machine, as DuckDB's `threads` defaults.
std::string DefaultThreads() {
  return std::to_string(std::max(1u, std::thread::hardware_concurrency()));
}

// 80% of physical memory (DuckDB's default), in whole megabytes; 1GB when it is unknown.
std::string DefaultMemoryLimit() {
  int64_t bytes = PhysicalMemoryBytes() / 5 * 4;
  if (bytes <= 0) bytes = int64_t{1} << 30;
  return FormatMemorySize(bytes >> 20 << 20);
}

// Name (lower case) -> default value, as PostgreSQL 15 reports them; threads and memory_limit
// are the analytical engine's (DuckDB's names).
const std::map<std::string, std::string>& Defaults() {
  static const std::map<std::string, std::string> kDefaults = {
      {"application_name", ""},
      {"branch", "main"},
      {"client_encoding", "UTF8"},
      {"client_min_messages", "notice"},
      {"datestyle", "ISO, MDY"},
      {"default_transaction_isolation", "read committed"},
      {"default_transaction_read_only", "off"},
      {"extra_float_digits", "1"},
      {"idle_in_transaction_session_timeout", "0"},
      {"integer_datetimes", "on"},
      {"intervalstyle", "postgres"},
      {"lock_timeout", "0"},
      {"max_connections", "100"},
      {"max_recursive_iterations", "100000"},
      {"memory_limit", DefaultMemoryLimit()},
      {"search_path", "\"$user\", public"},
      {"role", "none"},
      {"server_encoding", "UTF8"},
      {"server_version", "15.0"},
      {"server_version_num", "150000"},
      {"session_authorization", "heliosdb"},  // kBootstrapSuperuserName
      {"standard_conforming_strings", "on"},
      {"statement_timeout", "0"},
      {"synchronous_commit", "on"},
      {"threads", DefaultThreads()},
      {"timezone", "UTC"},
      {"transaction_isolation", "read committed"},
      {"transaction_read_only", "off"},
      // PostgreSQL's planner, parallelism and resource settings: accepted and shown, so that
      // scripts tuned for PostgreSQL (SET enable_seqscan = off, SET work_mem = ...) run
      // unchanged; HeliosDB's planner does not read them.
      {"bytea_output", "hex"},
      {"cpu_tuple_cost", "0.01"},
      {"effective_cache_size", "4GB"},
      {"enable_async_append", "on"},
      {"enable_bitmapscan", "on"},
      {"enable_gathermerge", "on"},
      {"enable_hashagg", "on"},
      {"enable_hashjoin", "on"},
      {"enable_incremental_sort", "on"},
      {"enable_indexonlyscan", "on"},
      {"enable_indexscan", "on"},
      {"enable_material", "on"},
      {"enable_memoize", "on"},
      {"enable_mergejoin", "on"},
      {"enable_nestloop", "on"},
      {"enable_parallel_append", "on"},
      {"enable_parallel_hash", "on"},
      {"enable_partition_pruning", "on"},
      {"enable_partitionwise_aggregate", "off"},
      {"enable_partitionwise_join", "off"},
      {"enable_seqscan", "on"},
      {"enable_sort", "on"},
      {"enable_tidscan", "on"},
      {"escape_string_warning", "on"},
      {"from_collapse_limit", "8"},
      {"geqo", "on"},
      {"hash_mem_multiplier", "2"},
      {"jit", "on"},
      {"jit_above_cost", "100000"},
      {"join_collapse_limit", "8"},
      {"max_parallel_workers_per_gather", "2"},
      {"min_parallel_index_scan_size", "512kB"},
      {"min_parallel_table_scan_size", "8MB"},
      {"parallel_setup_cost", "1000"},
      {"parallel_tuple_cost", "0.1"},
      {"random_page_cost", "4"},
      {"seq_page_cost", "1"},
      {"transaction_deferrable", "off"},
      {"work_mem", "4MB"},
  };
  return kDefaults;
}

// The Boolean settings among those above, whose values are shown as on / off.
bool IsBooleanSetting(const std::string& name) {
  return name.rfind("enable_", 0) == 0 || name == "geqo" || name == "jit" ||
         name == "escape_string_warning" || name == "transaction_deferrable";
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

[[noreturn]] void Unknown(const std::string& name) {
  ThrowError(sqlstate::kUndefinedObject, "unrecognized configuration parameter \"" + name + "\"");
}
}  // namespace

SessionSettings::SessionSettings() { ResetAll(); }

void SessionSettings::Set(const std::string& raw_name, const std::string& value) {
  std::string name = Lower(raw_name);
  if (name == "time zone") name = "timezone";
  if (!Defaults().count(name) && name.find('.') == std::string::npos) Unknown(raw_name);
  if (name == "server_version" || name == "server_version_num" || name == "server_encoding" ||
      name == "integer_datetimes" || name == "max_connections")
    ThrowError(sqlstate::kObjectNotInPrerequisiteState,
               "parameter \"" + name + "\" cannot be changed");
  std::string v = value;
  if (name == "synchronous_commit") {
    // Any of PostgreSQL's spellings is kept as given; only "off" (and its synonyms) relaxes.
    static const char* kAccepted[] = {"on",  "off",   "local", "remote_write", "remote_apply",
                                      "true", "false", "yes",   "no",           "1",
                                      "0"};
    std::string l = Lower(value);
    bool ok = false;
    for (const char* a : kAccepted) ok |= l == a;
    if (!ok)
      ThrowError(sqlstate::kInvalidParameterValue,
                 "invalid value for parameter \"synchronous_commit\": \"" + value + "\"");
    v = l;
  }
  if (IsBooleanSetting(name)) {
    // PostgreSQL's spellings of a Boolean, any unique prefix of them included.
    std::string l = Lower(value);
    auto prefix_of = [&](const char* word) {
      return !l.empty() && std::string_view(word).substr(0, l.size()) == l;
    };
    if (l == "on" || prefix_of("true") || prefix_of("yes") || l == "1") {
      v = "on";
    } else if (l == "of" || l == "off" || prefix_of("false") || prefix_of("no") || l == "0") {
      v = "off";
    } else {
      ThrowError(sqlstate::kInvalidParameterValue,
                 "parameter \"" + name + "\" requires a Boolean value");
    }
  }
  if (name == "bytea_output" && Lower(value) != "hex")
    ThrowError(sqlstate::kFeatureNotSupported, "bytea_output \"" + value + "\" is not supported");
  if (name == "max_recursive_iterations") {
    char* end = nullptr;
    long long n = std::strtoll(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || n < 1)
      ThrowError(sqlstate::kInvalidParameterValue,
                 "invalid value for parameter \"max_recursive_iterations\": \"" + value + "\"");
  }
  if (name == "threads") {
    char* end = nullptr;
    long long n = std::strtoll(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || n < 1 || n > 256)
      ThrowError(sqlstate::kInvalidParameterValue,
                 "invalid value for parameter \"threads\": \"" + value + "\"");
  }
  if (name == "memory_limit") {
    std::optional<int64_t> bytes = ParseMemorySize(value);
    if (!bytes || *bytes < (int64_t{1} << 20))
      ThrowError(sqlstate::kInvalidParameterValue,
                 "invalid value for parameter \"memory_limit\": \"" + value + "\"");
    v = FormatMemorySize(*bytes);
  }
  if ((name == "statement_timeout" || name == "idle_in_transaction_session_timeout") &&
      !ParseMilliseconds(value))
    ThrowError(sqlstate::kInvalidParameterValue,
               "invalid value for parameter \"" + name + "\": \"" + value + "\"");
  if (name == "timezone" && !IsValidTimeZone(value))
    ThrowError(sqlstate::kInvalidParameterValue,
               "invalid value for parameter \"TimeZone\": \"" + value + "\"");
  // "branch" names a database branch: the connection checks it exists (SET, and the first
  // transaction after a startup option set it), as only it knows the registry.
  values_[name] = v;
}

void SessionSettings::Reset(const std::string& raw_name) {
  std::string name = Lower(raw_name);
  auto it = Defaults().find(name);
  if (it == Defaults().end()) {
    if (name.find('.') == std::string::npos) Unknown(raw_name);
    values_.erase(name);
    return;
  }
  values_[name] = it->second;
}

void SessionSettings::ResetAll() {
  // Who the session is survives RESET ALL, as in PostgreSQL.
  auto kept = values_.find("session_authorization");
  std::string user = kept == values_.end() ? "" : kept->second;
  auto role = values_.find("role");
  std::string role_name = role == values_.end() ? "" : role->second;
  values_ = Defaults();
  if (!user.empty()) values_["session_authorization"] = user;
  if (!role_name.empty()) values_["role"] = role_name;
}

std::optional<int64_t> ParseMilliseconds(const std::string& value) {
  char* end = nullptr;
  double n = std::strtod(value.c_str(), &end);
  if (value.empty() || end == value.c_str() || n < 0) return std::nullopt;
  std::string unit = Lower(std::string(end));
  unit.erase(0, unit.find_first_not_of(' '));
  static const std::pair<const char*, double> kUnits[] = {
      {"", 1}, {"ms", 1}, {"s", 1000}, {"min", 60000}, {"h", 3600000}, {"d", 86400000}};
  for (const auto& [name, factor] : kUnits)
    if (unit == name) return static_cast<int64_t>(n * factor);
  return std::nullopt;
}

int64_t SessionSettings::Milliseconds(const std::string& name) const {
  return ParseMilliseconds(Get(name)).value_or(0);
}

const std::string& SessionSettings::Get(const std::string& raw_name) const {
  auto it = values_.find(raw_name);  // names are stored lower case; most callers pass them so
  if (it != values_.end()) return it->second;
  std::string name = Lower(raw_name);
  it = values_.find(name);
  if (it == values_.end()) Unknown(raw_name);
  return it->second;
}

std::vector<std::pair<std::string, std::string>> SessionSettings::All() const {
  return {values_.begin(), values_.end()};
}

}  // namespace heliosdb
