// The interactive and scripted SQL shell (psql-like) of `heliosdb-nano [PATH]`.
// Not thread-safe: one shell, one connection, one thread.
#pragma once

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "heliosdb/database.h"
#include "line_reader.h"

namespace heliosdb::shell {

struct ShellOptions {
  struct Action {
    bool is_file = false;  // -f FILE; else -c COMMAND
    std::string text;
  };
  std::string path = "demo.heliosdb";
  std::vector<Action> actions;  // -c and -f in command-line order
  bool echo_all = false;        // -a: echo input lines as read
  bool echo_queries = false;    // -e: echo each statement before running it
  bool quiet = false;           // -q: no command tags or banner
  bool read_only = false;
  std::string branch = "main";  // --branch: the database branch the session starts on
  std::map<std::string, std::string> variables;  // -v NAME=VALUE (ON_ERROR_STOP)
};

class Shell {
 public:
  explicit Shell(ShellOptions options);
  ~Shell();

  // Opens the database and runs the actions, or reads stdin (interactive on a terminal).
  // Returns the process exit status: 0, 1 (an error in -c, or a file that cannot be read),
  // 2 (the database cannot be opened), 3 (stopped by ON_ERROR_STOP).
  int Run();

  // For meta-commands.
  Connection& connection() { return *connection_; }
  const std::string& path() const { return options_.path; }
  bool timing = false;
  bool expanded = false;
  FILE* out() const { return stdout; }
  // Runs the statements of a file as psql's \i does. False when the file cannot be read or
  // ON_ERROR_STOP stopped it.
  bool IncludeFile(const std::string& file);
  void ReportError(const Status& status, const std::string& query);
  void set_quit() { quit_ = true; }
  void SetVariable(const std::string& name, const std::string& value) {
    options_.variables[name] = value;
  }

 private:
  bool OpenDatabase();
  int RunActions();
  // Reads statements and meta-commands until end of input, \q, or ON_ERROR_STOP.
  // `source` names a file for error prefixes ("" for a terminal, -c or a pipe).
  void ProcessInput(LineReader* reader, const std::string& source, bool interactive);
  bool HandleLine(const std::string& line, LineReader* reader, bool interactive);
  // Runs one statement (split by the shell) and prints its result.
  void ExecuteStatement(const std::string& sql);
  // Runs a -c string as one query string, printing every statement's result as psql does.
  void ExecuteCommandString(const std::string& sql);
  void PrintTiming(double ms);
  // psql's prompt: PATH, then '=' or the continuation character, '*' inside a transaction
  // block ('!' when it failed), then "> ".
  std::string Prompt(char kind) const;
  bool OnErrorStop() const;

  ShellOptions options_;
  std::unique_ptr<Database> database_;
  std::unique_ptr<Connection> connection_;
  std::string error_prefix_;  // "heliosdb-nano:FILE:LINE: " while reading a file
  LineReader* current_reader_ = nullptr;
  std::string current_source_;
  bool interactive_ = false;
  bool had_error_ = false;
  bool stopped_ = false;  // ON_ERROR_STOP triggered
  bool quit_ = false;
};

}  // namespace heliosdb::shell
