#include "engine/copy_format.h"

#include <algorithm>

#include "common/exception.h"

namespace heliosdb {

namespace {
std::string OptionText(const ast::ExprPtr& value) {
  if (!value) return "true";  // HEADER alone
  if (value->kind == ast::ExprKind::kConstant) {
    const auto& c = value->As<ast::ConstantExpr>();
    if (c.type == ast::ConstantExpr::Type::kTrue) return "true";
    if (c.type == ast::ConstantExpr::Type::kFalse) return "false";
    return c.text;
  }
  if (value->kind == ast::ExprKind::kColumnRef) return value->As<ast::ColumnRefExpr>().names.back();
  ThrowError(sqlstate::kSyntaxError, "syntax error in COPY option", value->location);
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool BoolOption(const std::string& name, const std::string& text) {
  std::string v = Lower(text);
  if (v == "true" || v == "on" || v == "1" || v == "yes") return true;
  if (v == "false" || v == "off" || v == "0" || v == "no") return false;
  ThrowError(sqlstate::kInvalidParameterValue, name + " requires a Boolean value");
}

char SingleByte(const std::string& name, const std::string& text) {
  if (text.size() != 1)
    ThrowError(sqlstate::kFeatureNotSupported,
               "COPY " + name + " must be a single one-byte character");
  return text[0];
}

[[noreturn]] void BadCopyData(const std::string& message) {
  ThrowError("22P04", message);
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

CopyOptions ParseCopyOptions(const ast::OptionList& list, const std::string& file) {
  CopyOptions o;
  const std::string kParquetSuffix = ".parquet";
  o.parquet = file.size() > kParquetSuffix.size() &&
              Lower(file.substr(file.size() - kParquetSuffix.size())) == kParquetSuffix;
  bool have_delimiter = false, have_null = false, have_quote = false, have_escape = false;
  bool have_compression = false;
  for (const auto& [raw_name, value] : list) {
    std::string name = Lower(raw_name);
    std::string text = OptionText(value);
    if (name == "format") {
      std::string f = Lower(text);
      if (f == "binary") ThrowError(sqlstate::kFeatureNotSupported, "COPY BINARY is not supported");
      if (f != "text" && f != "csv" && f != "parquet")
        ThrowError(sqlstate::kInvalidParameterValue, "COPY format \"" + text + "\" not recognized");
      o.csv = f == "csv";
      o.parquet = f == "parquet";
    } else if (name == "compression") {
      std::string c = Lower(text);
      if (c != "zstd" && c != "uncompressed")
        ThrowError(sqlstate::kFeatureNotSupported,
                   "COPY compression \"" + text + "\" is not supported (zstd or uncompressed)");
      o.parquet_zstd = c == "zstd";
      have_compression = true;
    } else if (name == "header") {
      o.header = BoolOption("header", text);
    } else if (name == "delimiter") {
      o.delimiter = SingleByte("delimiter", text);
      have_delimiter = true;
    } else if (name == "null") {
      o.null_string = text;
      have_null = true;
    } else if (name == "quote") {
      o.quote = SingleByte("quote", text);
      have_quote = true;
    } else if (name == "escape") {
      o.escape = SingleByte("escape", text);
      have_escape = true;
    } else if (name == "encoding") {
      std::string e = Lower(text);
      if (e != "utf8" && e != "utf-8" && e != "unicode" && e != "sql_ascii")
        ThrowError(sqlstate::kFeatureNotSupported,
                   "COPY encoding \"" + text + "\" is not supported");
    } else if (name == "freeze") {
      BoolOption("freeze", text);  // accepted; rows are visible at commit as always
    } else if (name == "force_quote" || name == "force_not_null" || name == "force_null") {
      ThrowError(sqlstate::kFeatureNotSupported, "COPY " + name + " is not supported");
    } else {
      ThrowError(sqlstate::kSyntaxError, "option \"" + raw_name + "\" not recognized");
    }
  }
  if (o.parquet) {
    const char* text_option = o.header ? "HEADER" : have_delimiter ? "DELIMITER" : have_null ? "NULL"
                              : have_quote ? "QUOTE" : have_escape ? "ESCAPE" : nullptr;
    if (text_option)
      ThrowError(sqlstate::kFeatureNotSupported,
                 std::string("cannot specify ") + text_option + " in PARQUET mode");
    return o;
  }
  if (have_compression)
    ThrowError(sqlstate::kFeatureNotSupported, "COPY COMPRESSION is available only in PARQUET mode");
  if (!o.csv && (have_quote || have_escape))
    ThrowError(
        sqlstate::kFeatureNotSupported,
        std::string("COPY ") + (have_quote ? "quote" : "escape") + " available only in CSV mode");
  if (o.csv && !have_delimiter) o.delimiter = ',';
  if (o.csv && !have_null) o.null_string.clear();
  if (o.csv && !have_escape) o.escape = o.quote;
  if (o.delimiter == '\n' || o.delimiter == '\r')
    ThrowError(sqlstate::kInvalidParameterValue,
               "COPY delimiter cannot be newline or carriage return");
  if (o.csv && o.delimiter == o.quote)
    ThrowError(sqlstate::kInvalidParameterValue, "COPY delimiter and quote must be different");
  if (o.null_string.find(o.delimiter) != std::string::npos)
    ThrowError(sqlstate::kInvalidParameterValue,
               "COPY delimiter must not appear in the NULL specification");
  return o;
}

void CopyRowWriter::Separate() {
  if (row_started_) out_.push_back(options_.delimiter);
  row_started_ = true;
}

void CopyRowWriter::AddNull() {
  Separate();
  out_ += options_.null_string;
}

void CopyRowWriter::AddField(std::string_view v) {
  Separate();
  if (!options_.csv) {
    // Runs of characters that need no escape are appended whole.
    size_t plain = 0;
    while (plain < v.size()) {
      char c = v[plain];
      if (c == '\\' || c == options_.delimiter || static_cast<unsigned char>(c) < 0x20) break;
      plain++;
    }
    out_.append(v.data(), plain);
    for (char c : v.substr(plain)) {
      switch (c) {
        case '\\':
          out_ += "\\\\";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\v':
          out_ += "\\v";
          break;
        default:
          if (c == options_.delimiter) out_.push_back('\\');
          out_.push_back(c);
      }
    }
    return;
  }
  bool quote = v == options_.null_string || v == "\\." ||
               v.find_first_of(std::string{options_.delimiter, options_.quote, '\n', '\r'}) !=
                   std::string_view::npos;
  if (!quote) {
    out_.append(v);
    return;
  }
  out_.push_back(options_.quote);
  for (char c : v) {
    if (c == options_.quote || c == options_.escape) out_.push_back(options_.escape);
    out_.push_back(c);
  }
  out_.push_back(options_.quote);
}

void CopyRowWriter::EndRow() {
  out_.push_back('\n');
  row_started_ = false;
}

bool CopyRowReader::NextRow(std::vector<CopyField>* fields, bool at_end) {
  while (!ended_) {
    if (pos_ > 0 && pos_ >= pending_.size() / 2) {
      pending_.erase(0, pos_);
      pos_ = 0;
    }
    bool got = options_.csv ? NextCsvRow(fields, at_end) : NextTextRow(fields, at_end);
    if (!got) return false;
    if (skip_header_) {
      skip_header_ = false;
      continue;
    }
    return true;
  }
  return false;
}

bool CopyRowReader::NextTextRow(std::vector<CopyField>* fields, bool at_end) {
  size_t nl = pending_.find('\n', pos_);
  if (nl == std::string::npos && (!at_end || pos_ >= pending_.size())) return false;
  size_t end = nl == std::string::npos ? pending_.size() : nl;
  std::string_view line(pending_.data() + pos_, end - pos_);
  pos_ = nl == std::string::npos ? pending_.size() : nl + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  line_++;
  if (line == "\\.") {
    ended_ = true;
    return false;
  }
  // Fields are parsed into the strings of the previous row, so their buffers are reused.
  size_t n = 0;
  size_t i = 0;
  while (true) {
    size_t raw_start = i;
    if (fields->size() <= n) fields->emplace_back();
    CopyField& slot = (*fields)[n++];
    if (!slot) slot.emplace();
    std::string& value = *slot;
    value.clear();
    while (i < line.size() && line[i] != options_.delimiter) {
      size_t run = i;
      while (i < line.size() && line[i] != options_.delimiter && line[i] != '\\') i++;
      value.append(line.data() + run, i - run);
      if (i >= line.size() || line[i] == options_.delimiter) break;
      if (++i >= line.size()) {
        value.push_back('\\');  // a backslash ending the line stands for itself
        break;
      }
      char e = line[i++];
      switch (e) {
        case 'b':
          value.push_back('\b');
          break;
        case 'f':
          value.push_back('\f');
          break;
        case 'n':
          value.push_back('\n');
          break;
        case 'r':
          value.push_back('\r');
          break;
        case 't':
          value.push_back('\t');
          break;
        case 'v':
          value.push_back('\v');
          break;
        case 'x': {
          int h = i < line.size() ? HexDigit(line[i]) : -1;
          if (h < 0) {
            value.push_back('x');
            break;
          }
          i++;
          int h2 = i < line.size() ? HexDigit(line[i]) : -1;
          if (h2 >= 0) {
            h = h * 16 + h2;
            i++;
          }
          value.push_back(static_cast<char>(h));
          break;
        }
        default:
          if (e >= '0' && e <= '7') {
            int v = e - '0';
            for (int k = 0; k < 2 && i < line.size() && line[i] >= '0' && line[i] <= '7'; k++)
              v = v * 8 + (line[i++] - '0');
            value.push_back(static_cast<char>(v));
          } else {
            value.push_back(e);  // \\, \. and an escaped delimiter stand for themselves
          }
      }
    }
    std::string_view raw = line.substr(raw_start, i - raw_start);
    if (raw == options_.null_string) slot.reset();
    if (i >= line.size()) break;
    i++;  // the delimiter
  }
  fields->resize(n);
  return true;
}

bool CopyRowReader::NextCsvRow(std::vector<CopyField>* fields, bool at_end) {
  const std::string& p = pending_;
  if (pos_ >= p.size()) return false;
  std::vector<CopyField> row;
  size_t i = pos_;
  int64_t lines = 1;
  while (true) {
    // One field starting at i.
    std::string value;
    bool quoted = false;
    size_t raw_start = i;
    while (i < p.size() && p[i] != options_.delimiter && p[i] != '\n' && p[i] != '\r') {
      if (p[i] != options_.quote) {
        value.push_back(p[i++]);
        continue;
      }
      quoted = true;
      i++;
      while (true) {
        if (i >= p.size()) {
          if (!at_end) return false;
          BadCopyData("unterminated CSV quoted field");
        }
        char c = p[i];
        if (c == options_.escape && i + 1 < p.size() &&
            (p[i + 1] == options_.quote || p[i + 1] == options_.escape) &&
            (options_.escape != options_.quote || p[i + 1] == options_.quote)) {
          value.push_back(p[i + 1]);
          i += 2;
          continue;
        }
        if (c == options_.escape && c == options_.quote && i + 1 >= p.size() && !at_end)
          return false;  // a doubled quote may be split between pieces
        if (c == options_.quote) {
          i++;
          break;
        }
        if (c == '\n') lines++;
        value.push_back(c);
        i++;
      }
    }
    bool is_null =
        !quoted && std::string_view(p).substr(raw_start, i - raw_start) == options_.null_string;
    if (is_null) {
      row.push_back(std::nullopt);
    } else {
      row.push_back(std::move(value));
    }
    if (i >= p.size()) {
      if (!at_end) return false;
      break;
    }
    if (p[i] == options_.delimiter) {
      i++;
      continue;
    }
    // End of the record: \n, \r\n or \r.
    if (p[i] == '\r') {
      if (i + 1 >= p.size() && !at_end) return false;
      i++;
      if (i < p.size() && p[i] == '\n') i++;
    } else {
      i++;
    }
    break;
  }
  bool end_marker =
      row.size() == 1 && row[0] && *row[0] == "\\." && std::string_view(p).substr(pos_, 2) == "\\.";
  pos_ = i;
  line_ += lines;
  if (end_marker) {
    ended_ = true;
    return false;
  }
  *fields = std::move(row);
  return true;
}

}  // namespace heliosdb
