#include "slt/script_parser.h"

#include <glob.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace heliosdb::slt {
namespace {

constexpr int kMaxIncludeDepth = 16;

bool IsBlank(const std::string& line) {
  return std::all_of(line.begin(), line.end(),
                     [](unsigned char c) { return std::isspace(c) != 0; });
}

bool IsComment(const std::string& line) {
  return !line.empty() && line[0] == '#';
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> Tokens(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  std::string t;
  while (in >> t) out.push_back(t);
  return out;
}

// The rest of `line` after its first `n` whitespace-separated tokens, trimmed.
std::string RestAfterTokens(const std::string& line, int n) {
  size_t i = 0;
  for (int k = 0; k < n; ++k) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
  }
  return Trim(std::string_view(line).substr(i));
}

// Everything after `#` on a directive line is a comment (`skipif mysql # not compatible`).
std::string StripTrailingComment(const std::string& line) {
  size_t hash = line.find('#');
  return hash == std::string::npos ? line : line.substr(0, hash);
}

bool IsSessionName(const std::string& token) {
  return token.size() > 3 && token.compare(0, 3, "con") == 0;
}

class ScriptReader {
 public:
  ScriptReader(std::string_view text, Dialect dialect, const std::string& file)
      : lines_(SplitLines(text)), dialect_(dialect), file_(file) {}

  std::vector<Record> Read() {
    std::vector<Record> records;
    while (true) {
      SkipBlankAndComments();
      if (pos_ >= lines_.size()) break;
      records.push_back(ReadRecord());
    }
    return records;
  }

 private:
  void SkipBlankAndComments() {
    while (pos_ < lines_.size() && (IsBlank(lines_[pos_]) || IsComment(lines_[pos_]))) ++pos_;
  }

  // Reads body lines (comments dropped) until a blank line or, when stop_at_dashes, `----`.
  // Returns true when it stopped at `----` (which is consumed).
  bool ReadBody(std::vector<std::string>* out, bool stop_at_dashes, Record* record) {
    while (pos_ < lines_.size() && !IsBlank(lines_[pos_])) {
      const std::string& line = lines_[pos_++];
      record->last_line = static_cast<int>(pos_);
      if (IsComment(line)) continue;
      if (stop_at_dashes && Trim(line) == "----") return true;
      out->push_back(line);
    }
    return false;
  }

  static std::string Join(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) {
      if (!out.empty()) out += '\n';
      out += l;
    }
    return out;
  }

  Record ReadRecord() {
    Record r;
    r.file = file_;
    r.first_line = static_cast<int>(pos_) + 1;
    // Condition lines, then the keyword line.
    while (pos_ < lines_.size() && !IsBlank(lines_[pos_])) {
      const std::string& line = lines_[pos_];
      if (IsComment(line)) {
        ++pos_;
        continue;
      }
      auto t = Tokens(StripTrailingComment(line));
      if (t.size() >= 2 && (t[0] == "skipif" || t[0] == "onlyif")) {
        r.conditions.push_back({t[0] == "onlyif", Lower(t[1])});
        ++pos_;
        continue;
      }
      break;
    }
    r.last_line = static_cast<int>(pos_);
    if (pos_ >= lines_.size() || IsBlank(lines_[pos_])) {
      r.kind = Record::Kind::kInvalid;
      r.line = r.first_line;
      r.message = "condition without a record";
      return r;
    }
    const std::string header = lines_[pos_++];
    r.line = static_cast<int>(pos_);
    r.last_line = r.line;
    auto t = Tokens(header);
    const std::string& kw = t[0];
    if (kw == "statement") {
      ReadStatement(header, t, &r);
    } else if (kw == "query") {
      ReadQuery(header, t, &r);
    } else if (kw == "halt") {
      r.kind = Record::Kind::kHalt;
    } else if (kw == "hash-threshold" && t.size() >= 2) {
      r.kind = Record::Kind::kHashThreshold;
      r.hash_threshold = std::atoi(t[1].c_str());
    } else if (kw == "include" && t.size() >= 2) {
      r.kind = Record::Kind::kInclude;
      r.argument = RestAfterTokens(header, 1);
    } else if (kw == "require" && t.size() >= 2) {
      r.kind = Record::Kind::kRequire;
      r.argument = RestAfterTokens(header, 1);
    } else {
      r.kind = Record::Kind::kInvalid;
      r.message = "unrecognized record: " + header.substr(0, 60);
    }
    if (r.kind == Record::Kind::kInvalid && r.sql.empty()) {
      // Skip what we could not read up to the next blank line.
      std::vector<std::string> ignored;
      ReadBody(&ignored, false, &r);
    }
    return r;
  }

  void ReadStatement(const std::string& header, const std::vector<std::string>& t, Record* r) {
    r->kind = Record::Kind::kStatement;
    std::string mode = t.size() >= 2 ? t[1] : "ok";
    if (mode == "error") {
      r->expect_error = true;
    } else if (mode != "ok" && mode != "count") {
      r->kind = Record::Kind::kInvalid;
      r->message = "unknown statement mode: " + mode;
    }
    ReadSessionOrErrorText(header, t, r);
    std::vector<std::string> sql;
    bool dashes = ReadBody(&sql, true, r);
    r->sql = Join(sql);
    if (dashes) {
      // sqllogictest-rs writes a multi-line expected error after `----`.
      std::vector<std::string> msg;
      ReadBody(&msg, false, r);
      if (r->expect_error && r->error_text.empty()) r->error_text = Trim(Join(msg));
    }
    if (r->kind == Record::Kind::kStatement && Trim(r->sql).empty()) {
      r->kind = Record::Kind::kInvalid;
      r->message = "statement without SQL";
    }
  }

  // After `statement ok|error` / `query error`: DuckDB names a session; RisingWave and our own
  // files give the expected error text; SQLite's rest of line means nothing.
  void ReadSessionOrErrorText(const std::string& header, const std::vector<std::string>& t,
                              Record* r) {
    if (t.size() < 3 || dialect_ == Dialect::kSqlite) return;
    if (dialect_ == Dialect::kDuckDb || !r->expect_error) {
      r->session = t[2];
      return;
    }
    r->error_text = RestAfterTokens(header, 2);
  }

  void ReadQuery(const std::string& header, const std::vector<std::string>& t, Record* r) {
    r->kind = Record::Kind::kQuery;
    if (t.size() < 2) {
      r->kind = Record::Kind::kInvalid;
      r->message = "query without types";
    } else if (t[1] == "error") {
      r->expect_error = true;
      ReadSessionOrErrorText(header, t, r);
    } else {
      r->types = t[1];
      for (size_t i = 2; i < t.size(); ++i) {
        if (t[i][0] == '#') break;
        if (t[i] == "nosort") {
          r->sort = SortMode::kNoSort;
        } else if (t[i] == "rowsort") {
          r->sort = SortMode::kRowSort;
        } else if (t[i] == "valuesort") {
          r->sort = SortMode::kValueSort;
        } else if (dialect_ != Dialect::kSqlite && IsSessionName(t[i])) {
          r->session = t[i];
        } else {
          r->label = t[i];
        }
      }
    }
    std::vector<std::string> sql;
    r->has_result_block = ReadBody(&sql, true, r);
    r->sql = Join(sql);
    if (r->has_result_block) {
      ReadBody(&r->expected, false, r);
      if (r->expect_error && r->error_text.empty()) r->error_text = Trim(Join(r->expected));
    }
    if (r->kind == Record::Kind::kQuery && Trim(r->sql).empty()) {
      r->kind = Record::Kind::kInvalid;
      r->message = "query without SQL";
    }
  }

  std::vector<std::string> lines_;
  Dialect dialect_;
  std::string file_;
  size_t pos_ = 0;
};

bool ReadFile(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *text = ss.str();
  return true;
}

void LoadInto(const std::string& path, Dialect dialect, int depth, const std::string& text,
              std::vector<Record>* out) {
  for (Record& r : ParseScript(text, dialect, path)) {
    if (r.kind != Record::Kind::kInclude) {
      out->push_back(std::move(r));
      continue;
    }
    auto dir = std::filesystem::path(path).parent_path();
    std::string pattern = (dir / r.argument).lexically_normal().string();
    std::vector<std::string> matches;
    glob_t g{};
    if (glob(pattern.c_str(), 0, nullptr, &g) == 0) {
      for (size_t i = 0; i < g.gl_pathc; ++i) matches.push_back(g.gl_pathv[i]);
    }
    globfree(&g);
    std::sort(matches.begin(), matches.end());
    std::string included;
    if (matches.empty() || depth >= kMaxIncludeDepth) {
      r.kind = Record::Kind::kInvalid;
      r.message =
          matches.empty() ? "include matches no file: " + r.argument : "includes nested too deeply";
      out->push_back(std::move(r));
      continue;
    }
    for (const auto& m : matches) {
      if (!ReadFile(m, &included)) continue;
      LoadInto(m, dialect, depth + 1, included, out);
    }
  }
}

}  // namespace

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    size_t e = end;
    if (e > start && text[e - 1] == '\r') --e;
    lines.emplace_back(text.substr(start, e - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

Dialect DetectDialect(const std::string& path) {
  bool sqlite = false, duckdb = false;
  for (const auto& part : std::filesystem::path(path)) {
    std::string p = part.string();
    if (p == "risingwave") return Dialect::kRisingWave;
    if (p == "sqlite") sqlite = true;
    if (p == "duckdb") duckdb = true;
  }
  if (sqlite) return Dialect::kSqlite;
  if (duckdb) return Dialect::kDuckDb;
  return Dialect::kHelios;
}

std::vector<Record> ParseScript(std::string_view text, Dialect dialect, const std::string& file) {
  return ScriptReader(text, dialect, file).Read();
}

bool LoadScript(const std::string& path, Dialect dialect, std::vector<Record>* records,
                std::string* error) {
  std::string text;
  if (!ReadFile(path, &text)) {
    *error = "cannot read " + path;
    return false;
  }
  LoadInto(path, dialect, 0, text, records);
  return true;
}

bool IsNoOpStatement(const std::string& sql) {
  std::string norm;
  for (char c : Trim(sql)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!norm.empty() && norm.back() != ' ') norm += ' ';
    } else {
      norm += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  while (!norm.empty() && (norm.back() == ';' || norm.back() == ' ')) norm.pop_back();
  auto starts = [&](const char* prefix) { return norm.rfind(prefix, 0) == 0; };
  return norm == "FLUSH" || norm == "PRAGMA ENABLE_VERIFICATION" ||
         starts("SET RW_IMPLICIT_FLUSH") || starts("SET QUERY_MODE") ||
         starts("SET CREATE_COMPACTION_GROUP_FOR_MV");
}

bool RecordApplies(const Record& record, const std::string& engine) {
  std::string name = Lower(engine);
  for (const Condition& c : record.conditions) {
    if (c.only_if && c.engine != name) return false;
    if (!c.only_if && c.engine == name) return false;
  }
  return true;
}

}  // namespace heliosdb::slt
