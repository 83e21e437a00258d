#include "line_reader.h"

#include <editline/readline.h>

#include <cstdlib>

namespace heliosdb::shell {
namespace {

constexpr int kHistorySize = 1000;

class TerminalReader : public LineReader {
 public:
  explicit TerminalReader(std::string history_path) : history_path_(std::move(history_path)) {
    using_history();
    stifle_history(kHistorySize);
    if (!history_path_.empty()) read_history(history_path_.c_str());
  }
  ~TerminalReader() override {
    if (!history_path_.empty()) write_history(history_path_.c_str());
  }

  bool ReadLine(const std::string& prompt, std::string* line) override {
    char* text = readline(prompt.c_str());
    if (text == nullptr) return false;
    *line = text;
    std::free(text);
    ++line_number_;
    return true;
  }

  void AddHistory(const std::string& entry) override {
    if (!entry.empty()) add_history(entry.c_str());
  }

 private:
  std::string history_path_;
};

class StreamReader : public LineReader {
 public:
  StreamReader(FILE* file, bool owned) : file_(file), owned_(owned) {}
  ~StreamReader() override {
    if (owned_) std::fclose(file_);
  }

  bool ReadLine(const std::string& prompt, std::string* line) override {
    (void)prompt;
    line->clear();
    int c;
    bool any = false;
    while ((c = std::fgetc(file_)) != EOF) {
      any = true;
      if (c == '\n') break;
      line->push_back(static_cast<char>(c));
    }
    if (!any) return false;
    if (!line->empty() && line->back() == '\r') line->pop_back();
    ++line_number_;
    return true;
  }

 private:
  FILE* file_;
  bool owned_;
};

}  // namespace

std::unique_ptr<LineReader> NewTerminalReader(const std::string& history_path) {
  return std::make_unique<TerminalReader>(history_path);
}

std::unique_ptr<LineReader> NewStreamReader(FILE* file, bool take_ownership) {
  return std::make_unique<StreamReader>(file, take_ownership);
}

}  // namespace heliosdb::shell
