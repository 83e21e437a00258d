// PostgreSQL regular expressions (POSIX AREs) on std::regex's ECMAScript grammar, the only
// regex engine among the approved dependencies. The common subset is the same: literals,
// . [] [^] [[:alpha:]] classes, * + ? {m,n} and their non-greedy forms, | () (?:) (?=) (?!),
// back-references \1..\9, \d \s \w and their negations. Translated: \y \Y \m \M (word
// boundaries), a leading (?flags) embedded option, the x (expanded) and q (literal) flags, and
// PostgreSQL's default that . matches a newline. Differences from PostgreSQL: no lookbehind
// (?<= (?<! (2201B), no collating elements [[.x.]] / [[=x=]], ARE's longest-match rule for
// alternations is ECMAScript's leftmost-first, and patterns see bytes, so . and bracket
// expressions match one byte of a multibyte UTF-8 character. Very long subjects may exhaust
// libstdc++'s recursive matcher; subjects are therefore limited to kMaxRegexSubject bytes
// (54000 beyond that).
//
// Flags (the flags argument of regexp_* functions): g global, i / c case-insensitive /
// sensitive, n / p / w newline-sensitive (. and [^] stop at newlines, ^ $ match at lines),
// s / t the defaults, x expanded syntax, q literal pattern. Anything else raises 22023.
#pragma once

#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace heliosdb {

constexpr size_t kMaxRegexSubject = 1 << 20;

struct CompiledRegex {
  std::regex regex;
  bool global = false;  // the g flag (only regexp_replace and regexp_matches accept it)
  unsigned groups = 0;  // capture groups in the pattern
};

// Compiles pattern under flags, cached per thread. `function` names the caller in errors;
// allow_global: whether the function takes the g flag. Throws 2201B "invalid regular
// expression: ..." or 22023 "invalid regular expression option: ...".
std::shared_ptr<const CompiledRegex> CompileRegex(std::string_view pattern, std::string_view flags,
                                                  const char* function, bool allow_global);

// One match: byte offsets of the whole match and of each group (-1 for a group that did not
// take part).
struct RegexMatch {
  size_t begin = 0, end = 0;
  std::vector<std::pair<long, long>> groups;
};

// Matches of re in s from left to right, as PostgreSQL's setup_regexp_matches finds them:
// only the first unless `all`; with ignore_degenerate (the split functions) zero-length
// matches at the end of s or right where the previous match ended are dropped.
std::vector<RegexMatch> FindMatches(const CompiledRegex& re, std::string_view s, bool all,
                                    bool ignore_degenerate);
// The pieces of s between the matches (regexp_split_to_table / _array).
std::vector<std::string> SplitByRegex(const CompiledRegex& re, std::string_view s);
// PostgreSQL's SIMILAR TO pattern as a regular expression (similar_to_escape); escape "" for
// none, one character otherwise.
std::string SimilarToRegex(std::string_view pattern, std::string_view escape);

}  // namespace heliosdb
