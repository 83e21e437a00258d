// The registry of built-in functions and PostgreSQL's function and operator type resolution
// (PostgreSQL documentation, "Type Conversion": 10.2 Operators, 10.3 Functions).
// A parameter declared with TypeId::kUnknown is polymorphic ("any"): it accepts every type.
#include "function/function_registry.h"

#include <algorithm>

#include "common/exception.h"
#include "function/builtin_functions.h"
#include "function/cast/cast.h"

namespace heliosdb {

FunctionRegistry::FunctionRegistry() {
  RegisterArithmeticOperators(*this);
  RegisterDateTimeOperators(*this);
  RegisterComparisonOperators(*this);
  RegisterStringFunctions(*this);
  RegisterLikeOperators(*this);
  RegisterMathFunctions(*this);
  RegisterDateTimeFunctions(*this);
  RegisterFormattingFunctions(*this);
  RegisterMiscFunctions(*this);
  RegisterArrayOperators(*this);
  RegisterArrayFunctions(*this);
  RegisterRegexpFunctions(*this);
  RegisterFormatFunctions(*this);
  RegisterEncodeFunctions(*this);
  RegisterCatalogInfoFunctions(*this);
  RegisterBasicAggregates(*this);
  RegisterBoolStringAggregates(*this);
  RegisterStatisticalAggregates(*this);
  RegisterArrayAggregates(*this);
}

const FunctionRegistry& FunctionRegistry::Get() {
  static const FunctionRegistry kRegistry;
  return kRegistry;
}

void FunctionRegistry::AddScalar(ScalarFunction f) {
  std::string name = f.name;
  scalars_[name].push_back(std::move(f));
}

void FunctionRegistry::AddAggregate(AggregateFunction f) {
  std::string name = f.name;
  aggregates_[name].push_back(std::move(f));
}

namespace {

constexpr TypeId kAny = TypeId::kUnknown;

enum class Category { kBoolean, kNumeric, kString, kDateTime, kTimespan, kUser, kUnknown };

Category CategoryOf(TypeId t) {
  switch (t) {
    case TypeId::kBoolean:
      return Category::kBoolean;
    case TypeId::kSmallInt:
    case TypeId::kInteger:
    case TypeId::kBigInt:
    case TypeId::kReal:
    case TypeId::kDouble:
    case TypeId::kNumeric:
      return Category::kNumeric;
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kChar:
      return Category::kString;
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return Category::kDateTime;
    case TypeId::kInterval:
      return Category::kTimespan;
    case TypeId::kUnknown:
      return Category::kUnknown;
    default:
      return Category::kUser;
  }
}

bool IsPreferred(TypeId t) {
  return t == TypeId::kDouble || t == TypeId::kText || t == TypeId::kTimestampTz ||
         t == TypeId::kInterval || t == TypeId::kBoolean;
}

bool CanCoerce(TypeId arg, TypeId param) {
  if (param == kAny || param == TypeId::kAnyElement || arg == param || arg == TypeId::kUnknown)
    return true;
  if (param == TypeId::kArray) return false;
  return GetCastContext(LogicalType(arg), LogicalType(param)) == CastContext::kImplicit;
}

bool IsOperatorName(const std::string& name) {
  return !name.empty() && !std::isalpha(static_cast<unsigned char>(name[0])) && name[0] != '_';
}

// PostgreSQL's anycompatible family: the element type shared by every anyarray (kArray
// declared) and anyelement argument, the common type of the known ones (the first one when
// none widens to the others). False when they cannot be matched.
bool PolymorphicElement(const std::vector<TypeId>& params, const std::vector<LogicalType>& args,
                        LogicalType* element) {
  *element = LogicalType(TypeId::kUnknown);
  for (size_t i = 0; i < args.size(); i++) {
    LogicalType t;
    if (params[i] == TypeId::kArray && args[i].IsArray()) {
      t = args[i].element_type();
    } else if (params[i] == TypeId::kAnyElement && args[i].id() != TypeId::kUnknown) {
      if (args[i].IsArray()) return false;  // one dimension: no arrays of arrays
      t = args[i];
    } else {
      continue;
    }
    if (element->id() == TypeId::kUnknown || *element == t) {
      *element = t;
    } else if (element->id() == t.id()) {
      *element = LogicalType(t.id());  // differing modifiers: drop them
    } else if (GetCastContext(*element, t) == CastContext::kImplicit) {
      *element = t;
    } else if (GetCastContext(t, *element) != CastContext::kImplicit) {
      return false;
    }
  }
  return true;
}

bool IsPolymorphic(const std::vector<TypeId>& params) {
  for (TypeId p : params)
    if (p == TypeId::kArray || p == TypeId::kAnyElement) return true;
  return false;
}

bool RejectsArrays(const ScalarFunction& f) {
  return f.any_nonarray;
}
bool RejectsArrays(const AggregateFunction&) {
  return false;
}

struct Candidate {
  size_t index;
  std::vector<TypeId> params;
};

// Declared parameter types expanded to nargs (variadic repeats the last), or false.
bool Expand(const std::vector<LogicalType>& declared, bool variadic, size_t nargs,
            std::vector<TypeId>* out) {
  if (variadic ? nargs < declared.size() : nargs != declared.size()) return false;
  out->clear();
  for (size_t i = 0; i < nargs; i++) {
    out->push_back(declared[std::min(i, declared.size() - 1)].id());
  }
  return true;
}

bool IsVariadic(const ScalarFunction& f) {
  return f.variadic;
}
bool IsVariadic(const AggregateFunction&) {
  return false;
}

template <typename F>
std::vector<Candidate> Viable(const std::vector<F>& fns, const std::vector<TypeId>& args,
                              const std::vector<LogicalType>& arg_types) {
  std::vector<Candidate> out;
  for (size_t k = 0; k < fns.size(); k++) {
    Candidate c{k, {}};
    if (!Expand(fns[k].args, IsVariadic(fns[k]), args.size(), &c.params)) continue;
    bool ok = true;
    for (size_t i = 0; i < args.size() && ok; i++) {
      ok = CanCoerce(args[i], c.params[i]) &&
           !(c.params[i] == kAny && args[i] == TypeId::kArray && RejectsArrays(fns[k]));
    }
    LogicalType element;
    if (ok && IsPolymorphic(c.params)) ok = PolymorphicElement(c.params, arg_types, &element);
    if (ok) out.push_back(std::move(c));
  }
  return out;
}

// Keeps the candidates with the highest score (all of them if everyone scores the same).
template <typename Score>
void KeepBest(std::vector<Candidate>* cands, Score score) {
  if (cands->size() <= 1) return;
  std::vector<int> scores;
  int best = -1;
  for (const Candidate& c : *cands) {
    scores.push_back(score(c));
    best = std::max(best, scores.back());
  }
  std::vector<Candidate> kept;
  for (size_t k = 0; k < cands->size(); k++) {
    if (scores[k] == best) kept.push_back((*cands)[k]);
  }
  *cands = std::move(kept);
}

std::string Signature(const std::string& name, const std::vector<LogicalType>& args) {
  if (IsOperatorName(name)) {
    if (args.size() == 1) return name + " " + args[0].ToString();
    if (args.size() == 2) return args[0].ToString() + " " + name + " " + args[1].ToString();
  }
  std::string s = name + "(";
  for (size_t i = 0; i < args.size(); i++) {
    if (i) s += ", ";
    s += args[i].ToString();
  }
  return s + ")";
}

// PostgreSQL's candidate selection; returns the index of the chosen function or -1.
template <typename F>
int Select(const std::string& name, const std::vector<F>& fns,
           const std::vector<LogicalType>& arg_types) {
  std::vector<TypeId> args;
  for (const LogicalType& t : arg_types) args.push_back(t.id());
  std::vector<Candidate> cands = Viable(fns, args, arg_types);
  if (cands.empty()) return -1;
  auto exact_count = [&](const Candidate& c) {
    int n = 0;
    for (size_t i = 0; i < args.size(); i++) n += args[i] != kAny && args[i] == c.params[i];
    return n;
  };
  // An exact match on every argument wins outright.
  for (const Candidate& c : cands) {
    if (exact_count(c) == static_cast<int>(args.size())) return static_cast<int>(c.index);
  }
  // 10.2: a binary operator with one unknown argument: assume it has the other's type.
  if (IsOperatorName(name) && args.size() == 2 && (args[0] == kAny) != (args[1] == kAny)) {
    TypeId known = args[0] == kAny ? args[1] : args[0];
    for (const Candidate& c : cands) {
      if (c.params[0] == known && c.params[1] == known) return static_cast<int>(c.index);
    }
  }
  if (cands.size() == 1) return static_cast<int>(cands[0].index);
  KeepBest(&cands, exact_count);
  if (cands.size() == 1) return static_cast<int>(cands[0].index);
  KeepBest(&cands, [&](const Candidate& c) {
    int n = 0;
    for (size_t i = 0; i < args.size(); i++) {
      if (args[i] == kAny || args[i] == c.params[i] || c.params[i] == kAny) continue;
      n += IsPreferred(c.params[i]) && CategoryOf(c.params[i]) == CategoryOf(args[i]);
    }
    return n;
  });
  if (cands.size() == 1) return static_cast<int>(cands[0].index);
  // Unknown arguments: choose a category per position (string if anyone takes it).
  bool any_unknown = std::count(args.begin(), args.end(), kAny) > 0;
  if (any_unknown) {
    std::vector<Candidate> kept = cands;
    for (size_t i = 0; i < args.size(); i++) {
      if (args[i] != kAny) continue;
      bool string_ok = false, same = true;
      Category first = CategoryOf(kept.empty() ? kAny : kept[0].params[i]);
      for (const Candidate& c : kept) {
        Category cat = CategoryOf(c.params[i]);
        string_ok = string_ok || cat == Category::kString;
        same = same && cat == first;
      }
      Category chosen = string_ok ? Category::kString : first;
      if (!string_ok && !same) {
        kept.clear();
        break;
      }
      std::vector<Candidate> next;
      bool any_preferred = false;
      for (const Candidate& c : kept) {
        if (CategoryOf(c.params[i]) == chosen || c.params[i] == kAny) {
          next.push_back(c);
          any_preferred = any_preferred || IsPreferred(c.params[i]);
        }
      }
      if (any_preferred) {
        std::vector<Candidate> pref;
        for (const Candidate& c : next) {
          if (IsPreferred(c.params[i])) pref.push_back(c);
        }
        next = std::move(pref);
      }
      kept = std::move(next);
    }
    if (!kept.empty()) cands = std::move(kept);
    if (cands.size() == 1) return static_cast<int>(cands[0].index);
    // All known arguments of one type: assume the unknown ones have it too.
    TypeId known = kAny;
    bool uniform = true;
    for (TypeId a : args) {
      if (a == kAny) continue;
      if (known != kAny && a != known) uniform = false;
      known = a;
    }
    if (uniform && known != kAny) {
      std::vector<Candidate> fit;
      for (const Candidate& c : cands) {
        bool ok = true;
        for (size_t i = 0; i < args.size(); i++) {
          if (args[i] == kAny) ok = ok && CanCoerce(known, c.params[i]);
        }
        if (ok) fit.push_back(c);
      }
      if (fit.size() == 1) return static_cast<int>(fit[0].index);
    }
  }
  if (cands.size() == 1) return static_cast<int>(cands[0].index);
  std::string what = IsOperatorName(name)
                         ? "operator is not unique: " + Signature(name, arg_types)
                         : "function " + Signature(name, arg_types) + " is not unique";
  Status st = Status::Error(sqlstate::kAmbiguousFunction, what);
  st.WithHint(IsOperatorName(name)
                  ? "Could not choose a best candidate operator. You might need to add explicit "
                    "type casts."
                  : "Could not choose a best candidate function. You might need to add explicit "
                    "type casts.");
  throw DbException(std::move(st));
}

std::vector<LogicalType> ResolvedArgs(const std::vector<LogicalType>& declared, bool variadic,
                                      const std::vector<LogicalType>& actual,
                                      bool keep_unknown = false) {
  std::vector<TypeId> params;
  Expand(declared, variadic, actual.size(), &params);
  LogicalType element;
  PolymorphicElement(params, actual, &element);
  // Only unknown arguments: PostgreSQL could not determine the type; text is the useful guess.
  if (element.id() == TypeId::kUnknown) element = LogicalType(TypeId::kText);
  std::vector<LogicalType> out;
  for (size_t i = 0; i < actual.size(); i++) {
    if (params[i] == TypeId::kArray) {
      out.push_back(LogicalType::Array(element));
    } else if (params[i] == TypeId::kAnyElement) {
      out.push_back(element);
    } else if (params[i] == kAny) {
      out.push_back(actual[i].id() == TypeId::kUnknown && !keep_unknown ? LogicalType(TypeId::kText)
                                                                         : actual[i]);
    } else if (params[i] == actual[i].id()) {
      out.push_back(actual[i]);  // keep the modifiers (numeric scale matters to some rules)
    } else {
      out.push_back(LogicalType(params[i]));
    }
  }
  return out;
}

}  // namespace

ResolvedScalar FunctionRegistry::ResolveScalar(const std::string& name,
                                               const std::vector<LogicalType>& arg_types) const {
  ResolvedScalar r;
  auto it = scalars_.find(name);
  if (it == scalars_.end()) return r;
  int k = Select(name, it->second, arg_types);
  if (k < 0) return r;
  const ScalarFunction& f = it->second[k];
  r.function = &f;
  r.arg_types = ResolvedArgs(f.args, f.variadic, arg_types, f.keep_unknown);
  r.return_type = f.return_rule ? f.return_rule(r.arg_types) : f.return_type;
  return r;
}

ResolvedAggregate FunctionRegistry::ResolveAggregate(
    const std::string& name, const std::vector<LogicalType>& arg_types) const {
  ResolvedAggregate r;
  auto it = aggregates_.find(name);
  if (it == aggregates_.end()) return r;
  int k = Select(name, it->second, arg_types);
  if (k < 0) return r;
  const AggregateFunction& f = it->second[k];
  r.function = &f;
  r.arg_types = ResolvedArgs(f.args, false, arg_types);
  r.return_type = f.return_rule ? f.return_rule(r.arg_types) : f.return_type;
  return r;
}

}  // namespace heliosdb
