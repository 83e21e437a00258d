#include "error_report.h"

#include <vector>

namespace heliosdb::shell {
namespace {

constexpr int kDisplaySize = 60;  // libpq's screen width limit for the LINE display
constexpr int kMinRightCut = 10;  // keep the caret this far from a cut end

// The query as code points (UTF-8 sequences kept whole), so positions count characters.
std::vector<std::string> CodePoints(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string PositionLines(const std::string& query, int position) {
  std::vector<std::string> chars = CodePoints(query);
  int loc = position - 1;
  int n = static_cast<int>(chars.size());
  if (loc < 0 || loc > n) return "";
  for (auto& ch : chars) {
    if (ch == "\t") ch = " ";
  }
  // The line holding loc, and its number.
  int line_no = 1, begin = 0;
  for (int i = 0; i < loc && i < n; ++i) {
    if (chars[i] == "\n") {
      ++line_no;
      begin = i + 1;
    }
  }
  int end = begin;
  while (end < n && chars[end] != "\n" && chars[end] != "\r") ++end;
  bool cut_begin = false, cut_end = false;
  if (end - begin > kDisplaySize) {
    if (begin + kDisplaySize >= loc + kMinRightCut) {
      end = begin + kDisplaySize;
      cut_end = true;
    } else {
      if (loc + kMinRightCut < end) {
        end = loc + kMinRightCut;
        cut_end = true;
      }
      if (end - begin > kDisplaySize) {
        begin = end - kDisplaySize;
        cut_begin = true;
      }
    }
  }
  std::string head = "LINE " + std::to_string(line_no) + ": " + (cut_begin ? "..." : "");
  std::string text;
  for (int i = begin; i < end; ++i) text += chars[i];
  std::string out = head + text + (cut_end ? "..." : "") + "\n";
  out += std::string(head.size() + (loc - begin), ' ') + "^\n";
  return out;
}

}  // namespace

std::string FormatError(const Status& status, const std::string& query, const std::string& prefix) {
  std::string out = prefix + "ERROR:  " + status.message() + "\n";
  if (status.position() > 0) out += PositionLines(query, status.position());
  if (!status.detail().empty()) out += "DETAIL:  " + status.detail() + "\n";
  if (!status.hint().empty()) out += "HINT:  " + status.hint() + "\n";
  return out;
}

}  // namespace heliosdb::shell
