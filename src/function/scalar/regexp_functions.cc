// Regular expression functions and operators (engine and differences: regexp.h):
// ~ ~* !~ !~* , regexp_match, regexp_like, regexp_count, regexp_replace,
// regexp_split_to_array and similar_to_escape (SIMILAR TO is `x ~ similar_to_escape(p)`).
#include "common/types/array_value.h"
#include "function/builtin_functions.h"
#include "function/kernel_util.h"
#include "function/scalar/regexp.h"

namespace heliosdb {

namespace {

using Values = std::vector<Value>;
using SV = std::string_view;

std::string_view Flags(const Values& a, size_t index) {
  return a.size() > index ? std::string_view(a[index].GetString()) : std::string_view();
}

// The groups of a match as text[] elements (the whole match when there are no groups).
Value MatchArray(const RegexMatch& m, std::string_view s) {
  LogicalType text(TypeId::kText);
  Values out;
  if (m.groups.empty()) {
    out.push_back(Value::Text(std::string(s.substr(m.begin, m.end - m.begin))));
  } else {
    for (const auto& [b, e] : m.groups)
      out.push_back(b < 0 ? Value::Null(text) : Value::Text(std::string(s.substr(b, e - b))));
  }
  return MakeArray(out, text);
}

// The replacement text for one match: \1..\9 groups, \& the match, \\ a backslash.
void AppendReplacement(std::string* out, std::string_view rep, const RegexMatch& m,
                       std::string_view s) {
  for (size_t i = 0; i < rep.size(); i++) {
    char c = rep[i];
    if (c != '\\' || i + 1 >= rep.size()) {
      out->push_back(c);
      continue;
    }
    char n = rep[++i];
    if (n >= '1' && n <= '9') {
      size_t g = n - '1';
      if (g < m.groups.size() && m.groups[g].first >= 0)
        out->append(s.substr(m.groups[g].first, m.groups[g].second - m.groups[g].first));
    } else if (n == '&') {
      out->append(s.substr(m.begin, m.end - m.begin));
    } else if (n == '\\') {
      out->push_back('\\');
    } else {
      out->push_back('\\');
      out->push_back(n);
    }
  }
}

Value Replace(const Values& a) {
  const std::string& s = a[0].GetString();
  auto re = CompileRegex(a[1].GetString(), Flags(a, 3), "regexp_replace", true);
  std::string out;
  size_t last = 0;
  for (const RegexMatch& m : FindMatches(*re, s, re->global, false)) {
    out.append(s, last, m.begin - last);
    AppendReplacement(&out, a[2].GetString(), m, s);
    last = m.end;
  }
  out.append(s, last, std::string::npos);
  return Value::Text(std::move(out));
}

void AddMatchOperator(FunctionRegistry& reg, const char* name, bool icase, bool negate) {
  LogicalType text(TypeId::kText);
  reg.AddScalar(Scalar(name, {text, text}, LogicalType(TypeId::kBoolean),
                       MakeBinary<SV, SV>([icase, negate](SV s, SV p) {
                         auto re = CompileRegex(p, icase ? "i" : "", "~", false);
                         return FindMatches(*re, s, false, false).empty() == negate;
                       })));
}

}  // namespace

void RegisterRegexpFunctions(FunctionRegistry& reg) {
  LogicalType text(TypeId::kText), boolean(TypeId::kBoolean), i4(TypeId::kInteger);
  LogicalType text_array = LogicalType::Array(text);
  AddMatchOperator(reg, "~", false, false);
  AddMatchOperator(reg, "~*", true, false);
  AddMatchOperator(reg, "!~", false, true);
  AddMatchOperator(reg, "!~*", true, true);
  auto match = [](const Values& a, const LogicalType& t, FunctionContext&) {
    auto re = CompileRegex(a[1].GetString(), Flags(a, 2), "regexp_match", false);
    auto found = FindMatches(*re, a[0].GetString(), false, false);
    return found.empty() ? Value::Null(t) : MatchArray(found[0], a[0].GetString());
  };
  auto like = [](const Values& a, const LogicalType&, FunctionContext&) {
    auto re = CompileRegex(a[1].GetString(), Flags(a, 2), "regexp_like", false);
    return Value::Boolean(!FindMatches(*re, a[0].GetString(), false, false).empty());
  };
  auto count = [](const Values& a, const LogicalType&, FunctionContext&) {
    auto re = CompileRegex(a[1].GetString(), "", "regexp_count", false);
    return Value::Integer(
        static_cast<int64_t>(FindMatches(*re, a[0].GetString(), true, false).size()));
  };
  auto replace = [](const Values& a, const LogicalType&, FunctionContext&) { return Replace(a); };
  auto split = [](const Values& a, const LogicalType&, FunctionContext&) {
    auto re = CompileRegex(a[1].GetString(), Flags(a, 2), "regexp_split_to_array", false);
    Values out;
    for (std::string& piece : SplitByRegex(*re, a[0].GetString()))
      out.push_back(Value::Text(std::move(piece)));
    return MakeArray(out, LogicalType(TypeId::kText));
  };
  for (size_t n : {2, 3}) {
    std::vector<LogicalType> args(n, text);
    reg.AddScalar(Scalar("regexp_match", args, text_array, MakeRowwise(match)));
    reg.AddScalar(Scalar("regexp_like", args, boolean, MakeRowwise(like)));
    reg.AddScalar(Scalar("regexp_split_to_array", args, text_array, MakeRowwise(split)));
    reg.AddScalar(Scalar("regexp_replace", std::vector<LogicalType>(n + 1, text), text,
                         MakeRowwise(replace)));
  }
  reg.AddScalar(Scalar("regexp_count", {text, text}, i4, MakeRowwise(count)));
  auto similar = [](const Values& a, const LogicalType&, FunctionContext&) {
    return Value::Text(SimilarToRegex(a[0].GetString(), a.size() > 1 ? Flags(a, 1) : "\\"));
  };
  reg.AddScalar(Scalar("similar_to_escape", {text}, text, MakeRowwise(similar)));
  reg.AddScalar(Scalar("similar_to_escape", {text, text}, text, MakeRowwise(similar)));
}

}  // namespace heliosdb
