#include "shell.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>

#include "error_report.h"
#include "meta_commands.h"
#include "result_printer.h"
#include "statement_splitter.h"
#include "version.h"

namespace heliosdb::shell {
namespace {

std::string HistoryPath() {
  const char* home = std::getenv("HOME");
  return home ? std::string(home) + "/.heliosdb_history" : "";
}

bool IsTrue(const std::string& v) {
  return v == "1" || v == "on" || v == "true" || v == "yes" || v == "ON" || v == "TRUE";
}

std::string TrimRight(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.pop_back();
  return s;
}

}  // namespace

Shell::Shell(ShellOptions options) : options_(std::move(options)) {}

Shell::~Shell() {
  connection_.reset();  // a Database must outlive its connections
  database_.reset();
}

bool Shell::OpenDatabase() {
  Options opts;
  opts.read_only = options_.read_only;
  opts.branch = options_.branch;
  opts.create_if_missing = !options_.read_only;
  auto db = Database::Open(options_.path, opts);
  if (!db.ok()) {
    std::fprintf(stderr, "heliosdb-nano: error: could not open database \"%s\": %s\n",
                 options_.path.c_str(), db.status().message().c_str());
    return false;
  }
  database_ = std::move(db.value());
  connection_ = database_->Connect();
  return connection_ != nullptr;
}

int Shell::Run() {
  if (!OpenDatabase()) return 2;
  if (!options_.actions.empty()) return RunActions();
  if (isatty(STDIN_FILENO)) {
    if (!options_.quiet) {
      std::printf("heliosdb-nano %s (%s)\nType \"\\?\" for help.\n\n", kHeliosVersion,
                  options_.path.c_str());
    }
    auto reader = NewTerminalReader(HistoryPath());
    ProcessInput(reader.get(), "", true);
  } else {
    auto reader = NewStreamReader(stdin, false);
    ProcessInput(reader.get(), "", false);
  }
  return stopped_ ? 3 : 0;
}

int Shell::RunActions() {
  int status = 0;
  for (const auto& action : options_.actions) {
    if (quit_ || stopped_) break;
    if (action.is_file) {
      if (!IncludeFile(action.text) && !stopped_) status = 1;
      continue;
    }
    had_error_ = false;
    std::string text = action.text;
    size_t first = text.find_first_not_of(" \t\n");
    if (first != std::string::npos && text[first] == '\\') {
      if (RunMetaCommand(this, text.substr(first)) == MetaStatus::kError) had_error_ = true;
    } else {
      ExecuteCommandString(text);
    }
    if (had_error_) {
      status = 1;
      if (OnErrorStop()) break;
    }
  }
  if (stopped_) return 3;
  return status;
}

bool Shell::IncludeFile(const std::string& file) {
  FILE* f = file == "-" ? stdin : std::fopen(file.c_str(), "r");
  if (f == nullptr) {
    std::fflush(stdout);
    std::fprintf(stderr, "heliosdb-nano: error: %s: No such file or directory\n", file.c_str());
    return false;
  }
  auto reader = NewStreamReader(f, f != stdin);
  ProcessInput(reader.get(), file == "-" ? "<stdin>" : file, false);
  return !stopped_;
}

void Shell::ProcessInput(LineReader* reader, const std::string& source, bool interactive) {
  LineReader* saved_reader = current_reader_;
  std::string saved_source = current_source_;
  bool saved_interactive = interactive_;
  current_reader_ = reader;
  current_source_ = source;
  interactive_ = interactive;
  StatementSplitter splitter;
  std::string line, history;
  while (!quit_ && !stopped_) {
    char kind = splitter.HasPending() ? splitter.ContinuationChar() : '=';
    std::string prompt = Prompt(kind);
    if (!reader->ReadLine(prompt, &line)) break;
    if (options_.echo_all) std::printf("%s\n", line.c_str());
    size_t first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line[first] == '\\' && !splitter.InsideLiteral()) {
      if (interactive) reader->AddHistory(line);
      std::string meta = line.substr(first);
      if (meta == "\\g" || meta == "\\g;") {
        std::string sql = splitter.TakePending();
        if (!sql.empty()) ExecuteStatement(sql);
      } else if (meta == "\\r") {
        splitter.Reset();
        if (interactive) std::printf("Query buffer reset (cleared).\n");
      } else if (meta == "\\p") {
        std::printf("%s\n",
                    splitter.HasPending() ? splitter.pending().c_str() : "Query buffer is empty.");
      } else if (RunMetaCommand(this, meta) == MetaStatus::kError) {
        had_error_ = true;
        if (OnErrorStop() && !interactive) stopped_ = true;
      }
      continue;
    }
    history += line + "\n";
    std::vector<std::string> statements;
    splitter.Feed(line + "\n", &statements);
    for (const auto& sql : statements) {
      if (stopped_ || quit_) break;
      error_prefix_ = source.empty() ? ""
                                     : "heliosdb-nano:" + source + ":" +
                                           std::to_string(reader->line_number()) + ": ";
      ExecuteStatement(sql);
    }
    if (!splitter.HasPending()) {
      if (interactive && !statements.empty()) reader->AddHistory(TrimRight(history));
      history.clear();
    }
  }
  // psql runs an unterminated last statement of a script, and drops it at an interactive EOF.
  if (!interactive && !quit_ && !stopped_ && splitter.HasPending()) {
    std::string sql = splitter.TakePending();
    if (!sql.empty()) ExecuteStatement(sql);
  }
  if (interactive && !quit_) std::printf("\n");
  error_prefix_.clear();
  current_reader_ = saved_reader;
  current_source_ = saved_source;
  interactive_ = saved_interactive;
}

void Shell::ExecuteStatement(const std::string& sql) {
  if (options_.echo_queries) std::printf("%s\n", sql.c_str());
  auto start = std::chrono::steady_clock::now();
  Result<QueryResult> result = connection_->Execute(sql);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (result.ok()) {
    PrintResult(result.value(), expanded, options_.quiet, stdout);
  } else {
    ReportError(result.status(), sql);
  }
  if (timing) PrintTiming(ms);
  std::fflush(stdout);
}

void Shell::ExecuteCommandString(const std::string& sql) {
  auto start = std::chrono::steady_clock::now();
  connection_->ExecuteEach(sql, [&](Result<QueryResult>&& result) {
    if (result.ok()) {
      PrintResult(result.value(), expanded, options_.quiet, stdout);
      return true;
    }
    ReportError(result.status(), sql);
    return false;
  });
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (timing) PrintTiming(ms);
  std::fflush(stdout);
}

void Shell::ReportError(const Status& status, const std::string& query) {
  had_error_ = true;
  // ON_ERROR_STOP ends scripts, -c and piped input; an interactive session goes on.
  if (OnErrorStop() && !interactive_) stopped_ = true;
  std::fflush(stdout);
  std::fputs(FormatError(status, query, error_prefix_).c_str(), stderr);
  std::fflush(stderr);
}

void Shell::PrintTiming(double ms) {
  if (ms < 1000.0) {
    std::printf("Time: %.3f ms\n", ms);
    return;
  }
  double seconds = ms / 1000.0;
  int minutes = static_cast<int>(seconds / 60);
  std::printf("Time: %.3f ms (%02d:%06.3f)\n", ms, minutes, seconds - minutes * 60);
}

std::string Shell::Prompt(char kind) const {
  std::string p = options_.path + kind;
  switch (connection_->transaction_status()) {
    case 'T':
      p += '*';
      break;
    case 'E':
      p += '!';
      break;
    default:
      break;
  }
  return p + "> ";
}

bool Shell::OnErrorStop() const {
  auto it = options_.variables.find("ON_ERROR_STOP");
  return it != options_.variables.end() && IsTrue(it->second);
}

}  // namespace heliosdb::shell
