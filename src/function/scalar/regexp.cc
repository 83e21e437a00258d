// Translation of PostgreSQL regular expressions to std::regex, the compile cache, and match
// iteration (regexp.h).
#include "function/scalar/regexp.h"

#include <unordered_map>

#include "common/exception.h"

namespace heliosdb {

namespace {

struct Options {
  bool global = false;
  bool icase = false;
  bool newline = false;
  bool expanded = false;
  bool literal = false;
};

void ApplyFlag(char f, Options* o, const char* function, bool allow_global) {
  switch (f) {
    case 'g':
      if (!allow_global) {
        Status s =
            Status::Error(sqlstate::kInvalidParameterValue,
                          std::string(function) + "() does not support the \"global\" option");
        if (std::string_view(function) == "regexp_match")
          s.WithHint("Use the regexp_matches function instead.");
        throw DbException(s);
      }
      o->global = true;
      return;
    case 'i':
      o->icase = true;
      return;
    case 'c':
      o->icase = false;
      return;
    case 'n':
    case 'p':
    case 'w':
      o->newline = true;
      return;
    case 's':
    case 't':
      o->newline = false;
      return;
    case 'x':
      o->expanded = true;
      return;
    case 'q':
      o->literal = true;
      return;
    default:
      ThrowError(sqlstate::kInvalidParameterValue,
                 "invalid regular expression option: \"" + std::string(1, f) + "\"");
  }
}

bool IsSpecial(char c) {
  return std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos;
}

// The ECMAScript form of an ARE (after the flags are known); counts capture groups.
std::string Translate(std::string_view p, const Options& o, unsigned* groups) {
  std::string out;
  if (o.literal) {
    for (char c : p) {
      if (IsSpecial(c)) out += '\\';
      out += c;
    }
    return out;
  }
  bool in_bracket = false;
  for (size_t i = 0; i < p.size(); i++) {
    char c = p[i];
    if (in_bracket) {
      out += c;
      if (c == '[' && i + 1 < p.size() && p[i + 1] == ':') {  // [:class:] inside brackets
        size_t end = p.find(":]", i + 2);
        if (end != std::string_view::npos) {
          out.append(p.substr(i + 1, end + 1 - i));
          i = end + 1;
        }
      } else if (c == '\\' && i + 1 < p.size()) {
        out += p[++i];
      } else if (c == ']') {
        in_bracket = false;
      }
      continue;
    }
    if (o.expanded && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) continue;
    if (o.expanded && c == '#') {
      while (i < p.size() && p[i] != '\n') i++;
      continue;
    }
    switch (c) {
      case '[':
        in_bracket = true;
        out += c;
        // A leading ] or ^] is a literal ], as in POSIX.
        if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
        if (i + 1 < p.size() && p[i + 1] == ']') {
          out += "\\]";
          i++;
        }
        continue;
      case '.':
        out += o.newline ? "." : "[\\s\\S]";
        continue;
      case '(':
        if (i + 1 < p.size() && p[i + 1] == '?') {
          if (i + 2 < p.size() && p[i + 2] == '<')
            ThrowError(sqlstate::kInvalidRegularExpression,
                       "invalid regular expression: lookbehind constraints are not supported");
        } else {
          (*groups)++;
        }
        out += c;
        continue;
      case '\\': {
        if (i + 1 >= p.size())
          ThrowError(sqlstate::kInvalidRegularExpression,
                     "invalid regular expression: invalid escape \\ sequence");
        char e = p[++i];
        switch (e) {
          case 'y':
            out += "\\b";
            break;
          case 'Y':
            out += "\\B";
            break;
          case 'm':
            out += "\\b(?=\\w)";
            break;
          case 'M':
            out += "\\b(?!\\w)";
            break;
          case 'A':
            out += "^";
            break;
          case 'Z':
            out += "$";
            break;
          default:
            out += '\\';
            out += e;
        }
        continue;
      }
      default:
        out += c;
    }
  }
  return out;
}

std::shared_ptr<const CompiledRegex> Compile(std::string_view pattern, std::string_view flags,
                                             const char* function, bool allow_global) {
  Options o;
  for (char f : flags) ApplyFlag(f, &o, function, allow_global);
  // An ARE may start with embedded options: (?i)abc
  if (pattern.size() >= 3 && pattern.substr(0, 2) == "(?") {
    size_t end = pattern.find(')');
    std::string_view letters = pattern.substr(2, end == std::string_view::npos ? 0 : end - 2);
    bool all_letters = end != std::string_view::npos && !letters.empty();
    for (char f : letters) all_letters = all_letters && std::isalpha(static_cast<unsigned char>(f));
    if (all_letters) {
      for (char f : letters) ApplyFlag(f, &o, function, false);
      pattern.remove_prefix(end + 1);
    }
  }
  auto out = std::make_shared<CompiledRegex>();
  out->global = o.global;
  std::string translated = Translate(pattern, o, &out->groups);
  auto syntax = std::regex::ECMAScript;
  if (o.icase) syntax |= std::regex::icase;
  if (o.newline) syntax |= std::regex::multiline;
  try {
    out->regex = std::regex(translated, syntax);
  } catch (const std::regex_error& e) {
    ThrowError(sqlstate::kInvalidRegularExpression,
               std::string("invalid regular expression: ") + e.what());
  }
  return out;
}

size_t Utf8Step(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 1;
  auto c = static_cast<unsigned char>(s[pos]);
  return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

}  // namespace

std::shared_ptr<const CompiledRegex> CompileRegex(std::string_view pattern, std::string_view flags,
                                                  const char* function, bool allow_global) {
  // Patterns are usually constants: compiling once per statement and thread is the win.
  thread_local std::unordered_map<std::string, std::shared_ptr<const CompiledRegex>> cache;
  std::string key = std::string(function) + '\0' + std::string(flags) + '\0' + std::string(pattern);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  auto compiled = Compile(pattern, flags, function, allow_global);
  if (cache.size() >= 64) cache.clear();
  cache.emplace(std::move(key), compiled);
  return compiled;
}

std::vector<RegexMatch> FindMatches(const CompiledRegex& re, std::string_view s, bool all,
                                    bool ignore_degenerate) {
  if (s.size() > kMaxRegexSubject)
    ThrowError(sqlstate::kProgramLimitExceeded,
               "string of " + std::to_string(s.size()) +
                   " bytes is too long for a regular expression (at most " +
                   std::to_string(kMaxRegexSubject) + ")");
  std::vector<RegexMatch> out;
  size_t search = 0, prev_end = 0;
  while (search <= s.size()) {
    std::cmatch m;
    auto flags =
        search > 0 ? std::regex_constants::match_prev_avail : std::regex_constants::match_default;
    if (!std::regex_search(s.data() + search, s.data() + s.size(), m, re.regex, flags)) break;
    RegexMatch match;
    match.begin = search + m.position(0);
    match.end = match.begin + m.length(0);
    if (!ignore_degenerate || (match.begin < s.size() && match.end > prev_end)) {
      for (size_t g = 1; g < m.size(); g++) {
        if (!m[g].matched) {
          match.groups.emplace_back(-1, -1);
        } else {
          long b = static_cast<long>(search + m.position(g));
          match.groups.emplace_back(b, b + static_cast<long>(m.length(g)));
        }
      }
      prev_end = match.end;
      out.push_back(std::move(match));
      if (!all) break;
    }
    search = match.end == match.begin ? match.end + Utf8Step(s, match.end) : match.end;
  }
  return out;
}

std::vector<std::string> SplitByRegex(const CompiledRegex& re, std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (const RegexMatch& m : FindMatches(re, s, true, true)) {
    out.emplace_back(s.substr(start, m.begin - start));
    start = m.end;
  }
  out.emplace_back(s.substr(start));
  return out;
}

std::string SimilarToRegex(std::string_view pattern, std::string_view escape) {
  if (escape.size() > 1) ThrowError(sqlstate::kInvalidEscapeSequence, "invalid escape string", 0);
  char esc = escape.empty() ? '\0' : escape[0];
  std::string out = "^(?:";
  bool in_bracket = false, escaped = false;
  for (char c : pattern) {
    if (escaped) {
      if (IsSpecial(c)) out += '\\';
      out += c;
      escaped = false;
    } else if (esc && c == esc) {
      escaped = true;
    } else if (in_bracket) {
      if (c == '\\') out += '\\';
      out += c;
      if (c == ']') in_bracket = false;
    } else if (c == '[') {
      in_bracket = true;
      out += c;
    } else if (c == '%') {
      out += ".*";
    } else if (c == '_') {
      out += '.';
    } else if (c == '.' || c == '^' || c == '$' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out + ")$";
}

}  // namespace heliosdb
