// Collects input lines into complete SQL statements the way psql's lexer does: a statement ends
// at a `;` outside quotes ('...', E'...', "..."), dollar quotes ($tag$...$tag$), comments and
// parentheses. Whitespace and `--` comments before a statement are dropped, so error positions
// count from the statement's first token.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace heliosdb::shell {

class StatementSplitter {
 public:
  // Appends text (normally one line with its '\n') and moves every statement it completes,
  // with its ';', into *out.
  void Feed(std::string_view text, std::vector<std::string>* out);

  // The unterminated statement collected so far; empty when there is none.
  const std::string& pending() const { return buffer_; }
  bool HasPending() const { return !buffer_.empty(); }
  // Drops the pending text (psql's \r), keeping nothing.
  void Reset();
  // Takes the pending text as a statement (at end of input, or \g).
  std::string TakePending();

  // The psql prompt's %R character for a continuation line: '-' normally, '\'' or '"' inside
  // a quote, '$' inside a dollar quote, '*' inside a block comment, '(' inside parentheses.
  char ContinuationChar() const;
  // True while inside a quote or a comment, where a leading backslash is not a meta-command.
  bool InsideLiteral() const;

 private:
  enum class State {
    kNormal,
    kSingle,
    kEscapeString,
    kDouble,
    kDollar,
    kBlockComment,
    kLineComment
  };

  // Returns how many characters at text[i] were consumed (at least 1).
  size_t Step(std::string_view text, size_t i, std::vector<std::string>* out);
  size_t StepNormal(std::string_view text, size_t i, std::vector<std::string>* out);

  std::string buffer_;
  State state_ = State::kNormal;
  std::string dollar_tag_;  // "$tag$" while in a dollar quote
  int comment_depth_ = 0;   // nested /* */ comments
  int paren_depth_ = 0;
};

}  // namespace heliosdb::shell
