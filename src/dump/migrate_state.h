// The state file that makes migrate resumable: a text file of lines, appended and fsynced as
// each step commits on the target:
//   heliosdb-migrate 1 <target>     first line
//   pre-data                        schemas, sequences and tables created (one transaction)
//   table <schema.name> <rows>      the table's rows copied and committed (one transaction)
//   post-data                       constraints, indexes, sequence states, views (one transaction)
// A re-run skips what the file records; a table not recorded is emptied and copied again, so
// a copy cut off midway (rolled back by the server) never leaves duplicates.
#pragma once

#include <cstdio>
#include <mutex>
#include <set>
#include <string>

namespace heliosdb::dump {

class MigrateState {
 public:
  // Reads path when it exists (refusing one written for another target), else creates it.
  MigrateState(const std::string& path, const std::string& target);
  ~MigrateState();
  bool pre_data() const { return pre_data_; }
  bool post_data() const { return post_data_; }
  bool TableDone(const std::string& key) const { return tables_.count(key) > 0; }
  size_t tables_done() const { return tables_.size(); }
  // Thread-safe; durable when they return.
  void RecordPreData();
  void RecordTable(const std::string& key, int64_t rows);
  void RecordPostData();

 private:
  void Append(const std::string& line);
  std::string path_;
  std::FILE* file_ = nullptr;
  std::mutex mu_;
  bool pre_data_ = false, post_data_ = false;
  std::set<std::string> tables_;
};

}  // namespace heliosdb::dump
