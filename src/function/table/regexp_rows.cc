// regexp_split_to_table(s, pattern [, flags]): the pieces between the matches, one per row;
// regexp_matches(s, pattern [, flags]): each match's groups as a text[] row (only the first
// match without the g flag). NULL arguments give no rows.
#include "common/types/array_value.h"
#include "function/scalar/regexp.h"
#include "function/table/set_function.h"

namespace heliosdb {

namespace {

class ListRows : public SetFunctionRows {
 public:
  explicit ListRows(std::vector<Value> values) : values_(std::move(values)) {}
  bool Next(std::vector<Value>* row) override {
    if (next_ >= values_.size()) return false;
    row->assign(1, values_[next_++]);
    return true;
  }

 private:
  std::vector<Value> values_;
  size_t next_ = 0;
};

}  // namespace

std::unique_ptr<SetFunctionRows> StartRegexpRows(const std::string& name, std::vector<Value> args) {
  std::vector<Value> out;
  bool any_null = false;
  for (const Value& a : args) any_null |= a.is_null();
  if (any_null) return std::make_unique<ListRows>(std::move(out));
  const std::string& s = args[0].GetString();
  std::string flags = args.size() > 2 ? args[2].GetString() : "";
  if (name == "regexp_split_to_table") {
    auto re = CompileRegex(args[1].GetString(), flags, "regexp_split_to_table", false);
    for (std::string& piece : SplitByRegex(*re, s)) out.push_back(Value::Text(std::move(piece)));
  } else {
    auto re = CompileRegex(args[1].GetString(), flags, "regexp_matches", true);
    LogicalType text(TypeId::kText);
    for (const RegexMatch& m : FindMatches(*re, s, re->global, false)) {
      std::vector<Value> groups;
      if (m.groups.empty()) {
        groups.push_back(Value::Text(s.substr(m.begin, m.end - m.begin)));
      } else {
        for (const auto& [b, e] : m.groups)
          groups.push_back(b < 0 ? Value::Null(text) : Value::Text(s.substr(b, e - b)));
      }
      out.push_back(MakeArray(groups, text));
    }
  }
  return std::make_unique<ListRows>(std::move(out));
}

}  // namespace heliosdb
