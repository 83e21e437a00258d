// The text form of arrays (array_value.h): PostgreSQL's array_out quoting and array_in
// parsing for one dimension.
#include <cctype>

#include "common/exception.h"
#include "common/types/array_value.h"

namespace heliosdb {

namespace {

// PostgreSQL's array_isspace: the C locale's white space, independent of the server locale.
bool IsArraySpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool EqualsNullWord(std::string_view s) {
  if (s.size() != 4) return false;
  for (size_t i = 0; i < 4; i++)
    if (std::toupper(static_cast<unsigned char>(s[i])) != "NULL"[i]) return false;
  return true;
}

bool NeedsQuotes(std::string_view s) {
  if (s.empty() || EqualsNullWord(s)) return true;
  for (char c : s)
    if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || IsArraySpace(c)) return true;
  return false;
}

[[noreturn]] void Malformed(std::string_view text, const char* detail) {
  Status s = Status::Error(sqlstate::kInvalidTextRepresentation,
                           "malformed array literal: \"" + std::string(text) + "\"");
  s.WithDetail(detail);
  throw DbException(s);
}

// Reads the elements of `{...}` starting after the opening brace.
class ArrayTextReader {
 public:
  explicit ArrayTextReader(std::string_view text) : text_(text) {}

  // Reads the literal into items and their NULL flags; throws 22P02 when it is malformed.
  void Read(std::vector<std::string>* items, std::vector<bool>* nulls) {
    SkipSpace();
    if (pos_ >= text_.size() || text_[pos_] != '{') {
      if (pos_ < text_.size() && text_[pos_] == '[')
        ThrowError(sqlstate::kFeatureNotSupported,
                   "array bounds are not supported: \"" + std::string(text_) + "\"");
      Malformed(text_, "Array value must start with \"{\" or dimension information.");
    }
    pos_++;
    SkipSpace();
    if (Peek() == '}') {
      pos_++;
      return Finish();
    }
    while (true) {
      SkipSpace();
      if (Peek() == '{')
        ThrowError(sqlstate::kFeatureNotSupported, "multidimensional arrays are not supported");
      bool quoted = false, escaped = false;
      std::string item = ReadElement(&quoted, &escaped);
      items->push_back(item);
      nulls->push_back(!quoted && !escaped && EqualsNullWord(item));
      SkipSpace();
      char c = Peek();
      pos_++;
      if (c == '}') return Finish();
      if (c != ',') Malformed(text_, c ? "Unexpected array element." : "Unexpected end of input.");
    }
  }

 private:
  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void SkipSpace() {
    while (pos_ < text_.size() && IsArraySpace(text_[pos_])) pos_++;
  }
  void Finish() {
    SkipSpace();
    if (pos_ != text_.size()) Malformed(text_, "Junk after closing right brace.");
  }

  std::string ReadElement(bool* quoted, bool* escaped) {
    std::string out;
    if (Peek() == '"') {
      *quoted = true;
      pos_++;
      while (true) {
        if (pos_ >= text_.size()) Malformed(text_, "Unexpected end of input.");
        char c = text_[pos_++];
        if (c == '"') return out;
        if (c == '\\') {
          if (pos_ >= text_.size()) Malformed(text_, "Unexpected end of input.");
          c = text_[pos_++];
        }
        out.push_back(c);
      }
    }
    // Unquoted: up to an unescaped , or }; trailing unescaped white space is dropped.
    size_t keep = 0;  // length of out that must be kept (through the last escaped char)
    while (true) {
      if (pos_ >= text_.size()) Malformed(text_, "Unexpected end of input.");
      char c = text_[pos_];
      if (c == ',' || c == '}') break;
      if (c == '{' || c == '"') Malformed(text_, "Unexpected array element.");
      pos_++;
      if (c == '\\') {
        if (pos_ >= text_.size()) Malformed(text_, "Unexpected end of input.");
        *escaped = true;
        out.push_back(text_[pos_++]);
        keep = out.size();
        continue;
      }
      out.push_back(c);
      if (!IsArraySpace(c)) keep = out.size();
    }
    out.resize(keep);
    if (out.empty() && !*escaped)
      Malformed(text_,
                Peek() == ',' ? "Unexpected \",\" character." : "Unexpected \"}\" character.");
    return out;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

std::string FormatArray(std::string_view bytes, const LogicalType& element,
                        const TextFormatOptions& options) {
  std::string out = "{";
  bool first = true;
  for (const Value& v : DecodeArray(bytes, element)) {
    if (!first) out += ',';
    first = false;
    if (v.is_null()) {
      out += "NULL";
      continue;
    }
    std::string s = FormatValue(v, options);
    if (!NeedsQuotes(s)) {
      out += s;
      continue;
    }
    out += '"';
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

Value ParseArray(std::string_view text, const LogicalType& array_type,
                 const TextFormatOptions& options) {
  LogicalType element = array_type.element_type();
  std::vector<std::string> items;
  std::vector<bool> nulls;
  ArrayTextReader(text).Read(&items, &nulls);
  std::vector<Value> values;
  values.reserve(items.size());
  for (size_t i = 0; i < items.size(); i++)
    values.push_back(nulls[i] ? Value::Null(element) : ParseValue(items[i], element, options));
  return MakeArray(values, element);
}

}  // namespace heliosdb
