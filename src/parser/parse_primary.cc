// Primary expressions: constants, names, parenthesized expressions and subqueries, CASE,
// CAST, ARRAY, ROW, typed literals and the SQL value functions (CURRENT_DATE, ...).
#include "parser/parser_impl.h"

namespace heliosdb::parser {

namespace {

bool IsSqlValueFunction(const std::string& w) {
  return w == "current_date" || w == "current_time" || w == "current_timestamp" ||
         w == "localtime" || w == "localtimestamp" || w == "current_user" || w == "session_user" ||
         w == "user" || w == "current_role" || w == "current_catalog" || w == "system_user";
}

bool IsColNameFunction(const std::string& w) {
  return w == "coalesce" || w == "nullif" || w == "greatest" || w == "least" || w == "grouping";
}

// A call that is really a type with modifiers before a literal: vector(3) '[1,2,3]'.
bool IsPlainModifierCall(const ast::FunctionExpr& f) {
  if (f.star || f.distinct || f.variadic || f.filter || f.over || !f.order_by.empty()) {
    return false;
  }
  for (const auto& arg : f.args) {
    if (arg->kind != ast::ExprKind::kConstant ||
        arg->As<ast::ConstantExpr>().type != ast::ConstantExpr::Type::kInteger) {
      return false;
    }
  }
  return true;
}

}  // namespace

ast::ExprPtr ParserImpl::ParsePrimary() {
  DepthGuard guard(this);
  const Token& t = Peek();
  switch (t.type) {
    case TokenType::kInteger:
    case TokenType::kNumeric: {
      auto c = MakeNode<ast::ConstantExpr>(t.location);
      c->type = t.type == TokenType::kInteger ? ast::ConstantExpr::Type::kInteger
                                              : ast::ConstantExpr::Type::kNumeric;
      c->text = Next().text;
      return c;
    }
    case TokenType::kString:
      return MakeStringConstant(Next().text, t.location);
    case TokenType::kBitString: {
      auto c = MakeNode<ast::ConstantExpr>(t.location);
      c->type = ast::ConstantExpr::Type::kBitString;
      c->text = Next().text;
      return c;
    }
    case TokenType::kParam: {
      auto p = MakeNode<ast::ParamExpr>(t.location);
      p->index = std::stoi(Next().text);
      return p;
    }
    case TokenType::kOperator:
      if (PeekOp("(")) return ParseParenExpr();
      SyntaxErrorHere();
    case TokenType::kIdent:
      if (!t.quoted) {
        bool handled = true;
        auto e = ParseKeywordPrimary(&handled);
        if (handled) return e;
      }
      return ParseNamePrimary();
    case TokenType::kEnd:
      break;
  }
  SyntaxErrorHere();
}

ast::ExprPtr ParserImpl::ParseParenExpr() {
  int loc = Loc();
  if (IsQueryInParens(static_cast<int>(pos_))) {
    Next();
    auto s = MakeNode<ast::SubqueryExpr>(loc);
    s->type = ast::SubqueryExpr::Type::kScalar;
    s->query = ParseQuery();
    ExpectOp(")");
    return s;
  }
  Next();
  auto first = ParseExpr();
  if (PeekOp(",")) {
    auto row = MakeNode<ast::RowExpr>(loc);
    row->fields.push_back(std::move(first));
    while (AcceptOp(",")) row->fields.push_back(ParseExpr());
    ExpectOp(")");
    return row;
  }
  ExpectOp(")");
  return first;
}

ast::ExprPtr ParserImpl::ParseKeywordPrimary(bool* handled) {
  const Token& t = Peek();
  const std::string& w = t.text;
  if (w == "null" || w == "true" || w == "false") {
    auto c = MakeNode<ast::ConstantExpr>(t.location);
    c->type = w == "null"   ? ast::ConstantExpr::Type::kNull
              : w == "true" ? ast::ConstantExpr::Type::kTrue
                            : ast::ConstantExpr::Type::kFalse;
    Next();
    return c;
  }
  if (w == "case") return ParseCase();
  if (w == "cast" && PeekOp("(", 1)) return ParseCast();
  if (w == "array" && (PeekOp("(", 1) || PeekOp("[", 1))) return ParseArray(true);
  if (w == "default") {
    Next();
    return MakeNode<ast::DefaultExpr>(t.location);
  }
  if (w == "exists" && PeekOp("(", 1)) {
    auto s = MakeNode<ast::SubqueryExpr>(Next().location);
    s->type = ast::SubqueryExpr::Type::kExists;
    ExpectOp("(");
    s->query = ParseQuery();
    ExpectOp(")");
    return s;
  }
  if (w == "row" && PeekOp("(", 1)) {
    auto row = MakeNode<ast::RowExpr>(Next().location);
    ExpectOp("(");
    if (!PeekOp(")")) row->fields = ParseExprList();
    ExpectOp(")");
    return row;
  }
  if (IsSqlValueFunction(w) || (w == "current_schema" && !PeekOp("(", 1))) {
    return ParseSqlValueFunction();
  }
  if (PeekOp("(", 1)) {
    auto e = ParseSpecialFunction(handled);
    if (*handled) return e;
    *handled = true;
  }
  if (PeekTypeKeyword()) {
    if (auto e = TryTypedLiteral()) return e;
  }
  *handled = false;
  return nullptr;
}

// TYPE 'literal' for type names that are keywords (TIMESTAMP '...', INTERVAL '1' DAY,
// DOUBLE PRECISION '1'). Returns null, consuming nothing, when no literal follows: the word is
// then a column name ("time").
ast::ExprPtr ParserImpl::TryTypedLiteral() {
  size_t save = pos_;
  int loc = Loc();
  ast::TypeName type = ParseTypeName();
  if (Peek().type != TokenType::kString) {
    pos_ = save;
    return nullptr;
  }
  auto c = MakeNode<ast::CastExpr>(loc);
  c->operand = MakeStringConstant(Peek().text, Peek().location);
  Next();
  if (type.name == "interval" && type.interval_fields.empty()) ParseIntervalFields(&type);
  c->type = std::move(type);
  return c;
}

ast::ExprPtr ParserImpl::ParseNamePrimary() {
  const Token& first = Peek();
  int loc = first.location;
  bool quoted = first.quoted;
  KeywordCategory category = first.keyword;
  if (!quoted && category == KeywordCategory::kReserved) SyntaxErrorHere();
  std::vector<std::string> names{Next().text};
  while (PeekOp(".")) {
    if (PeekOp("*", 1)) {
      Next();
      Next();
      auto star = MakeNode<ast::StarExpr>(loc);
      star->qualifier = std::move(names);
      return star;
    }
    Next();
    names.push_back(ParseColLabel());
  }
  bool single_keyword = names.size() == 1 && !quoted;
  if (PeekOp("(")) {
    if (single_keyword && category == KeywordCategory::kColName && !IsColNameFunction(names[0])) {
      SyntaxErrorHere();
    }
    auto f = ParseFunctionCall(names, loc);
    if (Peek().type == TokenType::kString && IsPlainModifierCall(*f)) {
      auto c = MakeNode<ast::CastExpr>(loc);
      c->type.location = loc;
      c->type.name = CanonicalTypeName(f->name);
      for (const auto& arg : f->args) {
        c->type.modifiers.push_back(std::stoi(arg->As<ast::ConstantExpr>().text));
      }
      c->operand = MakeStringConstant(Peek().text, Peek().location);
      Next();
      return c;
    }
    return f;
  }
  if (single_keyword && category == KeywordCategory::kTypeFunc) SyntaxError(Prev());
  if (Peek().type == TokenType::kString &&
      (!single_keyword || category == KeywordCategory::kNone)) {
    auto c = MakeNode<ast::CastExpr>(loc);
    c->type.location = loc;
    c->type.name = CanonicalTypeName(names);
    c->operand = MakeStringConstant(Peek().text, Peek().location);
    Next();
    return c;
  }
  auto ref = MakeNode<ast::ColumnRefExpr>(loc);
  ref->names = std::move(names);
  return ref;
}

ast::ExprPtr ParserImpl::ParseCase() {
  auto c = MakeNode<ast::CaseExpr>(Next().location);
  if (!PeekKw("when")) c->operand = ParseExpr();
  while (AcceptKw("when")) {
    auto condition = ParseExpr();
    ExpectKw("then");
    c->whens.emplace_back(std::move(condition), ParseExpr());
  }
  if (c->whens.empty()) SyntaxErrorHere();
  if (AcceptKw("else")) c->else_expr = ParseExpr();
  ExpectKw("end");
  return c;
}

ast::ExprPtr ParserImpl::ParseCast() {
  auto c = MakeNode<ast::CastExpr>(Next().location);
  ExpectOp("(");
  c->operand = ParseExpr();
  ExpectKw("as");
  c->type = ParseTypeName();
  ExpectOp(")");
  return c;
}

ast::ExprPtr ParserImpl::ParseArray(bool keyword) {
  DepthGuard guard(this);
  auto a = MakeNode<ast::ArrayExpr>(Loc());
  if (keyword) {
    Next();
    if (AcceptOp("(")) {
      a->query = ParseQuery();
      ExpectOp(")");
      return a;
    }
  }
  ExpectOp("[");
  if (!PeekOp("]")) {
    do {
      a->elements.push_back(PeekOp("[") ? ParseArray(false) : ParseExpr());
    } while (AcceptOp(","));
  }
  ExpectOp("]");
  return a;
}

ast::ExprPtr ParserImpl::ParseSqlValueFunction() {
  auto f = MakeNode<ast::FunctionExpr>(Loc());
  std::string name = Next().text;
  f->no_parens = true;
  bool takes_precision = name == "current_time" || name == "current_timestamp" ||
                         name == "localtime" || name == "localtimestamp";
  if (takes_precision && AcceptOp("(")) {
    if (Peek().type != TokenType::kInteger) SyntaxErrorHere();
    f->args.push_back(MakeIntegerConstant(Peek().text, Peek().location));
    Next();
    ExpectOp(")");
  }
  f->name = {std::move(name)};
  return f;
}

}  // namespace heliosdb::parser
