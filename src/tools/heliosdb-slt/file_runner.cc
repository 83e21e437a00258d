#include "file_runner.h"

#include <cstdio>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include "heliosdb/database.h"
#include "slt/result_check.h"
#include "slt/script_parser.h"

namespace heliosdb::slt {
namespace {

constexpr size_t kSqlShown = 80;

std::string OneLine(const std::string& sql) {
  std::string out;
  for (char c : sql) {
    if (c == '\n' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
    if (out.size() > kSqlShown) return out + "...";
  }
  return out;
}

// Keeps a failure report on one line whatever bytes the values hold.
std::string Printable(std::string s) {
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return s;
}

std::string ErrorText(const Status& s) {
  return s.sqlstate() + ": " + s.message();
}

ResultSet ToResultSet(const QueryResult& q) {
  ResultSet rs;
  size_t columns = q.column_count();
  rs.type_oids.reserve(columns);
  for (size_t c = 0; c < columns; ++c) rs.type_oids.push_back(q.column_type_oid(c));
  rs.rows.resize(q.row_count());
  for (size_t r = 0; r < q.row_count(); ++r) {
    auto& row = rs.rows[r];
    row.reserve(columns);
    for (size_t c = 0; c < columns; ++c) {
      if (q.IsNull(r, c)) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(q.GetText(r, c));
      }
    }
  }
  return rs;
}

bool RequirementMet(const std::string& requirement) {
  return requirement.rfind("vector_size", 0) == 0;
}

bool IsCounted(const Record& r) {
  return r.kind == Record::Kind::kStatement || r.kind == Record::Kind::kQuery ||
         r.kind == Record::Kind::kInvalid;
}

class FileRun {
 public:
  FileRun(const std::string& path, const RunOptions& options, RunCounters* counters)
      : path_(path), dialect_(DetectDialect(path)), options_(options), counters_(counters) {}

  void Run(const std::string& db_path) {
    std::vector<Record> records;
    std::string error;
    if (!LoadScript(path_, dialect_, &records, &error)) {
      counters_->total = 1;
      Report(path_, 0, "", error);
      return;
    }
    counters_->total = CountRecords(records);
    auto db = Database::Open(db_path);
    if (!db.ok()) {
      counters_->failed = counters_->total.load();
      Report(path_, 0, "", "cannot open a database: " + ErrorText(db.status()));
      return;
    }
    db_ = std::move(db.value());
    for (const Record& r : records) {
      if (!Step(r)) break;
    }
    sessions_.clear();  // connections before their database
    db_.reset();
  }

 private:
  // The records that will report: stops where an applicable halt or unmet require ends the file.
  int64_t CountRecords(const std::vector<Record>& records) const {
    int64_t n = 0;
    for (const Record& r : records) {
      if (!RecordApplies(r, options_.engine)) continue;
      if (r.kind == Record::Kind::kHalt) break;
      if (r.kind == Record::Kind::kRequire && !RequirementMet(r.argument)) break;
      if (IsCounted(r)) ++n;
    }
    return n;
  }

  // Returns false when the file ends here.
  bool Step(const Record& r) {
    RememberLabel(r);
    if (!RecordApplies(r, options_.engine)) return true;
    switch (r.kind) {
      case Record::Kind::kHalt:
        return false;
      case Record::Kind::kRequire:
        return RequirementMet(r.argument);
      case Record::Kind::kHashThreshold:
      case Record::Kind::kInclude:
        return true;
      default:
        break;
    }
    std::snprintf(counters_->current_file, sizeof(counters_->current_file), "%s", r.file.c_str());
    counters_->current_line = r.line;
    if (options_.skips && options_.skips->Matches(r.file, r.first_line, r.last_line)) {
      ++counters_->skipped;
      return true;
    }
    std::string message;
    bool ok = false;
    try {
      ok = Execute(r, &message);
    } catch (const std::exception& e) {
      message = std::string("exception: ") + e.what();
    } catch (...) {
      message = "unknown exception";
    }
    if (ok) {
      ++counters_->passed;
    } else {
      Report(r.file, r.line, r.sql, message);
    }
    return true;
  }

  bool Execute(const Record& r, std::string* message) {
    if (r.kind == Record::Kind::kInvalid) {
      *message = r.message;
      return false;
    }
    if (r.kind == Record::Kind::kStatement && IsNoOpStatement(r.sql)) return true;
    Connection* conn = Session(r.session);
    Result<QueryResult> result = conn->Execute(r.sql);
    if (!result.ok()) {
      if (r.expect_error) {
        if (ErrorMatches(r, dialect_, result.status().sqlstate(), result.status().message())) {
          return true;
        }
        *message = "expected error \"" + r.error_text + "\", got " + ErrorText(result.status());
        return false;
      }
      *message = ErrorText(result.status());
      return false;
    }
    if (r.expect_error) {
      *message = "expected an error, but it succeeded";
      return false;
    }
    if (r.kind == Record::Kind::kStatement) return true;
    CheckOutcome outcome = CheckQueryResult(r, dialect_, ToResultSet(result.value()));
    if (outcome.ok && !r.label.empty()) {
      auto it = label_hashes_.find(r.label);
      if (it != label_hashes_.end() && it->second != outcome.hash) {
        *message = "label " + r.label + ": hash " + outcome.hash + " differs from " + it->second;
        return false;
      }
    }
    *message = outcome.message;
    return outcome.ok;
  }

  // The first expected hash written for a label, whether or not its query runs here.
  void RememberLabel(const Record& r) {
    if (r.kind != Record::Kind::kQuery || r.label.empty() || r.expected.size() != 1) return;
    size_t count = 0;
    std::string hash;
    if (ParseHashLine(r.expected[0], &count, &hash)) label_hashes_.emplace(r.label, hash);
  }

  Connection* Session(const std::string& name) {
    auto& conn = sessions_[name];
    if (!conn) conn = db_->Connect();
    return conn.get();
  }

  void Report(const std::string& file, int line, const std::string& sql,
              const std::string& message) {
    ++counters_->failed;
    if (options_.quiet) return;
    std::printf("%s:%d: %s%s%s\n", file.c_str(), line, Printable(OneLine(sql)).c_str(),
                sql.empty() ? "" : " | ", Printable(message).c_str());
    std::fflush(stdout);
  }

  std::string path_;
  Dialect dialect_;
  RunOptions options_;
  RunCounters* counters_;
  std::unique_ptr<Database> db_;
  std::map<std::string, std::unique_ptr<Connection>> sessions_;
  std::unordered_map<std::string, std::string> label_hashes_;
};

}  // namespace

void RunFile(const std::string& path, const std::string& db_path, const RunOptions& options,
             RunCounters* counters) {
  FileRun(path, options, counters).Run(db_path);
  counters->done = true;
}

}  // namespace heliosdb::slt
