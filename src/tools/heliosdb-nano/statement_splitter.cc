#include "statement_splitter.h"

#include <cctype>

namespace heliosdb::shell {
namespace {

bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Length of a dollar-quote opener "$tag$" at text[i], or 0 when there is none.
size_t DollarTagLength(std::string_view text, size_t i) {
  size_t j = i + 1;
  if (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) return 0;  // $1
  while (j < text.size() && IsIdentChar(text[j]) && text[j] != '$') ++j;
  return j < text.size() && text[j] == '$' ? j - i + 1 : 0;
}

bool IsSpace(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

void StatementSplitter::Feed(std::string_view text, std::vector<std::string>* out) {
  size_t i = 0;
  while (i < text.size()) i += Step(text, i, out);
}

size_t StatementSplitter::Step(std::string_view text, size_t i, std::vector<std::string>* out) {
  char c = text[i];
  char next = i + 1 < text.size() ? text[i + 1] : '\0';
  switch (state_) {
    case State::kNormal:
      return StepNormal(text, i, out);
    case State::kLineComment:
      buffer_ += c;
      if (c == '\n') state_ = State::kNormal;
      return 1;
    case State::kSingle:
    case State::kDouble:
      buffer_ += c;
      if (c == (state_ == State::kSingle ? '\'' : '"')) state_ = State::kNormal;
      return 1;
    case State::kEscapeString:
      buffer_ += c;
      if (c == '\\' && next != '\0') {
        buffer_ += next;
        return 2;
      }
      if (c == '\'') state_ = State::kNormal;
      return 1;
    case State::kDollar:
      if (text.substr(i, dollar_tag_.size()) == dollar_tag_) {
        buffer_ += dollar_tag_;
        state_ = State::kNormal;
        return dollar_tag_.size();
      }
      buffer_ += c;
      return 1;
    case State::kBlockComment:
      if (c == '*' && next == '/') {
        buffer_ += "*/";
        if (--comment_depth_ == 0) state_ = State::kNormal;
        return 2;
      }
      if (c == '/' && next == '*') {
        buffer_ += "/*";
        ++comment_depth_;
        return 2;
      }
      buffer_ += c;
      return 1;
  }
  return 1;
}

size_t StatementSplitter::StepNormal(std::string_view text, size_t i,
                                     std::vector<std::string>* out) {
  char c = text[i];
  char next = i + 1 < text.size() ? text[i + 1] : '\0';
  if (buffer_.empty()) {
    // psql drops whitespace and `--` comments until a statement starts.
    if (IsSpace(c)) return 1;
    if (c == '-' && next == '-') {
      size_t nl = text.find('\n', i);
      return nl == std::string_view::npos ? text.size() - i : nl - i + 1;
    }
  }
  if (c == '-' && next == '-') {
    state_ = State::kLineComment;
    buffer_ += "--";
    return 2;
  }
  if (c == '/' && next == '*') {
    state_ = State::kBlockComment;
    comment_depth_ = 1;
    buffer_ += "/*";
    return 2;
  }
  if (c == '\'') {
    bool escape = !buffer_.empty() && (buffer_.back() == 'E' || buffer_.back() == 'e') &&
                  (buffer_.size() == 1 || !IsIdentChar(buffer_[buffer_.size() - 2]));
    state_ = escape ? State::kEscapeString : State::kSingle;
  } else if (c == '"') {
    state_ = State::kDouble;
  } else if (c == '$' && (buffer_.empty() || !IsIdentChar(buffer_.back()))) {
    size_t n = DollarTagLength(text, i);
    if (n > 0) {
      dollar_tag_ = std::string(text.substr(i, n));
      state_ = State::kDollar;
      buffer_ += dollar_tag_;
      return n;
    }
  } else if (c == '(') {
    ++paren_depth_;
  } else if (c == ')') {
    if (paren_depth_ > 0) --paren_depth_;
  } else if (c == ';' && paren_depth_ == 0) {
    buffer_ += c;
    out->push_back(std::move(buffer_));
    buffer_.clear();
    return 1;
  }
  buffer_ += c;
  return 1;
}

void StatementSplitter::Reset() {
  buffer_.clear();
  state_ = State::kNormal;
  comment_depth_ = 0;
  paren_depth_ = 0;
}

std::string StatementSplitter::TakePending() {
  std::string s = std::move(buffer_);
  Reset();
  while (!s.empty() && IsSpace(s.back())) s.pop_back();
  return s;
}

char StatementSplitter::ContinuationChar() const {
  switch (state_) {
    case State::kSingle:
    case State::kEscapeString:
      return '\'';
    case State::kDouble:
      return '"';
    case State::kDollar:
      return '$';
    case State::kBlockComment:
      return '*';
    default:
      return paren_depth_ > 0 ? '(' : '-';
  }
}

bool StatementSplitter::InsideLiteral() const {
  return state_ != State::kNormal && state_ != State::kLineComment;
}

}  // namespace heliosdb::shell
