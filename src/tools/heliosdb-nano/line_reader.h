// Where the shell's input lines come from: a terminal (libedit line editing and history), or a
// stream (a pipe, -f FILE, \i FILE) read without prompts.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

namespace heliosdb::shell {

class LineReader {
 public:
  virtual ~LineReader() = default;
  // Reads one line without its '\n'; false at end of input.
  virtual bool ReadLine(const std::string& prompt, std::string* line) = 0;
  // Remembers a finished entry (a whole statement or meta-command) in the history.
  virtual void AddHistory(const std::string& entry) { (void)entry; }
  // 1-based number of the line read last, for psql-style "file:line:" error prefixes.
  int line_number() const { return line_number_; }

 protected:
  int line_number_ = 0;
};

// libedit's readline; the history lives in history_path (loaded now, saved on destruction).
std::unique_ptr<LineReader> NewTerminalReader(const std::string& history_path);

// Reads `file` (not owned; closed by the caller unless take_ownership).
std::unique_ptr<LineReader> NewStreamReader(FILE* file, bool take_ownership);

}  // namespace heliosdb::shell
