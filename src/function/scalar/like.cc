// LIKE and ILIKE: the operators ~~ (LIKE), !~~ (NOT LIKE), ~~* (ILIKE), !~~* (NOT ILIKE), each
// with an optional third argument, the ESCAPE character (default backslash; '' disables
// escaping). '_' matches one UTF-8 character, '%' any sequence. A constant pattern is compiled
// once per batch; 'abc', 'abc%', '%abc' and '%abc%' become equality, prefix, suffix and
// substring tests.
#include <algorithm>
#include <string>
#include <vector>

#include "common/exception.h"
#include "function/builtin_functions.h"
#include "function/kernel_util.h"
#include "function/scalar/scalar_internal.h"

namespace heliosdb {

namespace {

using SV = std::string_view;

size_t CharLen(SV s, size_t i) {
  size_t n = 1;
  while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) n++;
  return n;
}

class LikePattern {
 public:
  LikePattern(SV pattern, SV escape) { Compile(pattern, escape); }

  bool Matches(SV s) const {
    switch (kind_) {
      case Kind::kExact:
        return s == literal_;
      case Kind::kPrefix:
        return s.substr(0, literal_.size()) == literal_;
      case Kind::kSuffix:
        return s.size() >= literal_.size() && s.substr(s.size() - literal_.size()) == literal_;
      case Kind::kContains:
        return s.find(literal_) != SV::npos;
      case Kind::kAll:
        return true;
      case Kind::kGeneral:
        return MatchGeneral(s);
    }
    return false;
  }

 private:
  enum class Kind { kExact, kPrefix, kSuffix, kContains, kAll, kGeneral };
  // kEscEnd: the pattern ends with the escape character. As in PostgreSQL, that is an error
  // (22025) only when matching reaches it with text left; 'abc' LIKE 'abc\' is false.
  enum class Tok { kLiteral, kOne, kAny, kEscEnd };
  struct Token {
    Tok tok;
    std::string text;
  };

  void Compile(SV p, SV escape) {
    if (Utf8Chars(escape) > 1) {
      Status st = Status::Error(sqlstate::kInvalidEscapeSequence, "invalid escape string");
      st.WithHint("Escape string must be empty or one character.");
      throw DbException(std::move(st));
    }
    for (size_t i = 0; i < p.size();) {
      size_t n = CharLen(p, i);
      SV ch = p.substr(i, n);
      if (!escape.empty() && ch == escape) {
        if (i + n >= p.size()) {
          tokens_.push_back({Tok::kEscEnd, {}});
          break;
        }
        size_t m = CharLen(p, i + n);
        AppendLiteral(p.substr(i + n, m));
        i += n + m;
        continue;
      }
      if (ch == "%") {
        if (tokens_.empty() || tokens_.back().tok != Tok::kAny) tokens_.push_back({Tok::kAny, {}});
      } else if (ch == "_") {
        tokens_.push_back({Tok::kOne, {}});
      } else {
        AppendLiteral(ch);
      }
      i += n;
    }
    Classify();
  }

  static size_t Utf8Chars(SV s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }

  void AppendLiteral(SV s) {
    if (tokens_.empty() || tokens_.back().tok != Tok::kLiteral)
      tokens_.push_back({Tok::kLiteral, {}});
    tokens_.back().text.append(s);
  }

  void Classify() {
    auto is = [&](size_t i, Tok t) { return i < tokens_.size() && tokens_[i].tok == t; };
    size_t n = tokens_.size();
    kind_ = Kind::kGeneral;
    if (n == 0) {
      kind_ = Kind::kExact;
    } else if (n == 1 && is(0, Tok::kAny)) {
      kind_ = Kind::kAll;
    } else if (n == 1 && is(0, Tok::kLiteral)) {
      kind_ = Kind::kExact;
      literal_ = tokens_[0].text;
    } else if (n == 2 && is(0, Tok::kLiteral) && is(1, Tok::kAny)) {
      kind_ = Kind::kPrefix;
      literal_ = tokens_[0].text;
    } else if (n == 2 && is(0, Tok::kAny) && is(1, Tok::kLiteral)) {
      kind_ = Kind::kSuffix;
      literal_ = tokens_[1].text;
    } else if (n == 3 && is(0, Tok::kAny) && is(1, Tok::kLiteral) && is(2, Tok::kAny)) {
      kind_ = Kind::kContains;
      literal_ = tokens_[1].text;
    }
  }

  // Greedy matching with backtracking to the last '%' (linear for typical patterns).
  bool MatchGeneral(SV s) const {
    size_t ti = 0, si = 0, n = tokens_.size();
    size_t star_ti = SIZE_MAX, star_si = 0;
    while (si < s.size() || (ti < n && tokens_[ti].tok == Tok::kAny)) {
      if (ti < n) {
        const Token& t = tokens_[ti];
        if (t.tok == Tok::kEscEnd) {  // reached with text left (else the loop had ended)
          ThrowError(sqlstate::kInvalidEscapeSequence,
                     "LIKE pattern must not end with escape character");
        }
        if (t.tok == Tok::kAny) {
          star_ti = ti++;
          star_si = si;
          continue;
        }
        if (si < s.size()) {
          if (t.tok == Tok::kOne) {
            si += CharLen(s, si);
            ti++;
            continue;
          }
          if (s.compare(si, t.text.size(), t.text) == 0) {
            si += t.text.size();
            ti++;
            continue;
          }
        }
      }
      if (star_ti == SIZE_MAX || star_si >= s.size()) return false;
      star_si += CharLen(s, star_si);
      si = star_si;
      ti = star_ti + 1;
    }
    return ti == n;
  }

  std::vector<Token> tokens_;
  Kind kind_ = Kind::kGeneral;
  std::string literal_;
};

ScalarKernel LikeKernel(bool negate, bool fold_case, bool has_escape) {
  return [=](DataChunk& args, idx_t count, Vector* result, FunctionContext&) {
    const Vector& str = args.column(0);
    const Vector& pat = args.column(1);
    bool const_escape = !has_escape || args.column(2).kind() == VectorKind::kConstant;
    SV default_escape = "\\";
    if (pat.kind() == VectorKind::kConstant && const_escape) {
      UnifiedFormat up = pat.ToUnified();
      UnifiedFormat ue;
      if (has_escape) ue = args.column(2).ToUnified();
      if (!up.IsValid(0) || (has_escape && !ue.IsValid(0))) {
        for (idx_t i = 0; i < count; i++) result->SetNull(i);
        return;
      }
      std::string p(up.Get<SV>(0));
      if (fold_case) p = LowerText(p);
      LikePattern compiled(p, has_escape ? ue.Get<SV>(0) : default_escape);
      UnaryExecute<SV>(str, result, count, [&](SV s) {
        bool m = fold_case ? compiled.Matches(LowerText(s)) : compiled.Matches(s);
        return m != negate;
      });
      return;
    }
    UnifiedFormat us = str.ToUnified(), up = pat.ToUnified(), ue;
    if (has_escape) ue = args.column(2).ToUnified();
    std::string last_pattern, last_escape;
    std::unique_ptr<LikePattern> compiled;
    for (idx_t i = 0; i < count; i++) {
      if (!us.IsValid(i) || !up.IsValid(i) || (has_escape && !ue.IsValid(i))) {
        result->SetNull(i);
        continue;
      }
      std::string p(up.Get<SV>(i));
      if (fold_case) p = LowerText(p);
      std::string e(has_escape ? ue.Get<SV>(i) : default_escape);
      if (!compiled || p != last_pattern || e != last_escape) {
        compiled = std::make_unique<LikePattern>(p, e);
        last_pattern = p;
        last_escape = e;
      }
      SV s = us.Get<SV>(i);
      bool m = fold_case ? compiled->Matches(LowerText(s)) : compiled->Matches(s);
      result->validity().SetValid(i);
      result->data<bool>()[i] = m != negate;
    }
  };
}

}  // namespace

bool LikeMatch(std::string_view s, std::string_view pattern, std::string_view escape) {
  return LikePattern(pattern, escape).Matches(s);
}

void RegisterLikeOperators(FunctionRegistry& reg) {
  LogicalType text(TypeId::kText), boolean(TypeId::kBoolean), bytea(TypeId::kBytea);
  struct Def {
    const char* name;
    bool negate, fold;
  };
  for (Def d : {Def{"~~", false, false}, Def{"!~~", true, false}, Def{"~~*", false, true},
                Def{"!~~*", true, true}}) {
    reg.AddScalar(Scalar(d.name, {text, text}, boolean, LikeKernel(d.negate, d.fold, false)));
    reg.AddScalar(Scalar(d.name, {text, text, text}, boolean, LikeKernel(d.negate, d.fold, true)));
    if (!d.fold) {
      reg.AddScalar(Scalar(d.name, {bytea, bytea}, boolean, LikeKernel(d.negate, false, false)));
    }
  }
  for (const char* name : {"like", "ilike"}) {
    bool fold = name[0] == 'i';
    reg.AddScalar(Scalar(name, {text, text}, boolean, LikeKernel(false, fold, false)));
    reg.AddScalar(Scalar(name, {text, text, text}, boolean, LikeKernel(false, fold, true)));
  }
}

}  // namespace heliosdb
