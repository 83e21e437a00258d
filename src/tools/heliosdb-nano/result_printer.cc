#include "result_printer.h"

#include <algorithm>

#include "heliosdb/database.h"

namespace heliosdb::shell {
namespace {

std::vector<std::string> CellLines(const std::string& cell) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    size_t nl = cell.find('\n', start);
    lines.push_back(cell.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return lines;
}

std::string Pad(const std::string& s, size_t width, bool right) {
  size_t w = DisplayWidth(s);
  if (w >= width) return s;
  std::string fill(width - w, ' ');
  return right ? fill + s : s + fill;
}

std::string Center(const std::string& s, size_t width) {
  size_t w = DisplayWidth(s);
  if (w >= width) return s;
  size_t left = (width - w) / 2;
  return std::string(left, ' ') + s + std::string(width - w - left, ' ');
}

std::vector<size_t> ColumnWidths(const TextTable& t) {
  std::vector<size_t> widths(t.headers.size(), 0);
  for (size_t c = 0; c < t.headers.size(); ++c) widths[c] = DisplayWidth(t.headers[c]);
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      for (const auto& line : CellLines(row[c])) {
        widths[c] = std::max(widths[c], DisplayWidth(line));
      }
    }
  }
  return widths;
}

// One table row, which takes several lines when a cell holds newlines; psql marks a cell that
// continues on the next line with '+' in place of the space after it.
void PrintRow(const std::vector<std::string>& row, const std::vector<size_t>& widths,
              const std::vector<bool>& right, FILE* out) {
  size_t n = widths.size();
  std::vector<std::vector<std::string>> cells(n);
  size_t height = 1;
  for (size_t c = 0; c < n; ++c) {
    cells[c] = CellLines(c < row.size() ? row[c] : "");
    height = std::max(height, cells[c].size());
  }
  for (size_t h = 0; h < height; ++h) {
    std::string line = " ";
    for (size_t c = 0; c < n; ++c) {
      const std::string text = h < cells[c].size() ? cells[c][h] : "";
      bool more = h + 1 < cells[c].size();
      bool last = c + 1 == n;
      bool align_right = right[c] && cells[c].size() == 1;
      if (last && !more && !align_right) {
        line += text;
      } else {
        line += Pad(text, widths[c], align_right);
      }
      if (!last) {
        line += more ? "+| " : " | ";
      } else if (more) {
        line += "+";
      }
    }
    std::fprintf(out, "%s\n", line.c_str());
  }
}

void PrintAligned(const TextTable& t, FILE* out) {
  std::vector<size_t> widths = ColumnWidths(t);
  size_t total = 0;
  for (size_t w : widths) total += w;
  total += widths.empty() ? 0 : 3 * (widths.size() - 1) + 2;
  if (!t.title.empty()) {
    size_t tw = DisplayWidth(t.title);
    std::string pad = tw >= total ? "" : std::string((total - tw) / 2, ' ');
    std::fprintf(out, "%s%s\n", pad.c_str(), t.title.c_str());
  }
  std::string header = " ", rule;
  for (size_t c = 0; c < widths.size(); ++c) {
    header += Center(t.headers[c], widths[c]);
    header += c + 1 < widths.size() ? " | " : " ";
    rule += std::string(widths[c] + 2, '-');
    if (c + 1 < widths.size()) rule += '+';
  }
  std::fprintf(out, "%s\n%s\n", header.c_str(), rule.c_str());
  for (const auto& row : t.rows) PrintRow(row, widths, t.right_align, out);
}

// psql's print_aligned_vertical_line for border 1.
std::string RecordHeader(size_t record, size_t name_width, size_t value_width) {
  std::string line = "-";
  std::string label = "[ RECORD " + std::to_string(record) + " ]";
  line += label;
  long reclen = static_cast<long>(label.size()) + 1;
  for (long i = reclen; i < static_cast<long>(name_width); ++i) line += '-';
  reclen -= static_cast<long>(name_width);
  if (reclen-- <= 0) line += '-';
  if (reclen-- <= 0) line += '+';
  if (reclen-- <= 0) line += '-';
  if (reclen < 0) reclen = 0;
  for (long i = reclen; i < static_cast<long>(value_width); ++i) line += '-';
  return line;
}

void PrintExpanded(const TextTable& t, FILE* out) {
  if (!t.title.empty()) std::fprintf(out, "%s\n", t.title.c_str());
  if (t.rows.empty()) {
    std::fprintf(out, "(0 rows)\n");
    return;
  }
  size_t name_width = 0, value_width = 0;
  for (const auto& h : t.headers) name_width = std::max(name_width, DisplayWidth(h));
  for (const auto& row : t.rows) {
    for (const auto& cell : row) {
      for (const auto& line : CellLines(cell)) {
        value_width = std::max(value_width, DisplayWidth(line));
      }
    }
  }
  for (size_t r = 0; r < t.rows.size(); ++r) {
    std::fprintf(out, "%s\n", RecordHeader(r + 1, name_width, value_width).c_str());
    for (size_t c = 0; c < t.headers.size(); ++c) {
      auto lines = CellLines(c < t.rows[r].size() ? t.rows[r][c] : "");
      for (size_t i = 0; i < lines.size(); ++i) {
        std::string name =
            i == 0 ? Pad(t.headers[c], name_width, false) : std::string(name_width, ' ');
        bool more = i + 1 < lines.size();
        std::string value = more ? Pad(lines[i], value_width, false) + "+" : lines[i];
        std::fprintf(out, "%s | %s\n", name.c_str(), value.c_str());
      }
    }
  }
}

bool TagFollowsRows(const std::string& tag) {
  for (const char* verb : {"INSERT", "UPDATE", "DELETE", "MERGE"}) {
    if (tag.rfind(verb, 0) == 0) return true;
  }
  return false;
}

}  // namespace

size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool IsNumericTypeOid(uint32_t oid) {
  switch (oid) {
    case 20:    // int8
    case 21:    // int2
    case 23:    // int4
    case 26:    // oid
    case 28:    // xid
    case 29:    // cid
    case 700:   // float4
    case 701:   // float8
    case 790:   // money
    case 1700:  // numeric
    case 5069:  // xid8
      return true;
    default:
      return false;
  }
}

TextTable ToTextTable(const QueryResult& result) {
  TextTable t;
  size_t columns = result.column_count();
  for (size_t c = 0; c < columns; ++c) {
    t.headers.push_back(result.column_name(c));
    t.right_align.push_back(IsNumericTypeOid(result.column_type_oid(c)));
  }
  t.rows.resize(result.row_count());
  for (size_t r = 0; r < result.row_count(); ++r) {
    t.rows[r].reserve(columns);
    for (size_t c = 0; c < columns; ++c) {
      t.rows[r].push_back(result.IsNull(r, c) ? std::string() : result.GetText(r, c));
    }
  }
  return t;
}

void PrintTable(const TextTable& table, bool expanded, FILE* out) {
  if (expanded) {
    PrintExpanded(table, out);
  } else {
    PrintAligned(table, out);
  }
  if (!table.footers.empty()) {
    for (const auto& f : table.footers) std::fprintf(out, "%s\n", f.c_str());
  } else if (table.show_row_count && !expanded) {
    size_t n = table.rows.size();
    std::fprintf(out, "(%zu %s)\n", n, n == 1 ? "row" : "rows");
  }
  std::fprintf(out, "\n");
}

void PrintResult(const QueryResult& result, bool expanded, bool quiet, FILE* out) {
  const std::string& tag = result.command_tag();
  if (result.returns_rows()) {
    PrintTable(ToTextTable(result), expanded, out);
    if (!quiet && TagFollowsRows(tag)) std::fprintf(out, "%s\n", tag.c_str());
  } else if (!quiet && !tag.empty()) {
    std::fprintf(out, "%s\n", tag.c_str());
  }
}

}  // namespace heliosdb::shell
