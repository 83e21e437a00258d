// The state file that makes migrate resumable: a text file of lines, appended and fsynced as
// each step commits on the target:
//   heliosdb-migrate 1 <target>     first line
//   pre-data                        schemas, sequences and tables created (one transaction)
//   range <schema.name> <key> <rows>  rows up to the storage key <key> (hex) committed
//   table <schema.name> <rows>      all of the table's rows committed
//   post-data                       constraints, indexes, sequence states, views (one transaction)
// Rows go over in ranges of a fixed number of rows, one transaction each. A re-run skips what
// the file records: finished tables, and the ranges of a table cut off midway (it resumes
// after the last committed range's key); a table without committed ranges is emptied and
// copied again. A range cut off midway was rolled back by the server, so nothing repeats.
#pragma once

#include <cstdio>
#include <map>
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
  // The storage key of the last committed range of a table, empty when none.
  std::string ResumeKey(const std::string& key) const;
  size_t tables_done() const { return tables_.size(); }
  // Thread-safe; durable when they return.
  void RecordPreData();
  void RecordRange(const std::string& key, std::string_view last_row_key, int64_t rows);
  void RecordTable(const std::string& key, int64_t rows);
  void RecordPostData();

 private:
  void Append(const std::string& line);
  std::string path_;
  std::FILE* file_ = nullptr;
  std::mutex mu_;
  bool pre_data_ = false, post_data_ = false;
  std::set<std::string> tables_;
  std::map<std::string, std::string> resume_keys_;
};

}  // namespace heliosdb::dump
